import { DEFAULT_ORCHESTRATION, DEFAULT_SETTINGS } from './defaults';
import type { Program, Settings, TierDefinition } from './types';

/**
 * The ICP ladder (DESIGN.md): Tier 5 fits the ICP; each tier up adds one filter — revenue range,
 * then employee range, then location, then technographics (Tier 1). Filters name ICP criteria.
 */
const LADDER_FILTERS = ['revenue', 'employees', 'geography', 'crm'];

const LADDER_NAMES: Record<number, [string, string, number]> = {
  5: ['Fits the ICP', '1:many', 800],
  4: ['Revenue fit', '1:many', 400],
  3: ['Size fit', '1:few', 150],
  2: ['Location fit', '1:few', 60],
  1: ['Full fit', '1:1', 25],
};

const LADDER_TIERS: TierDefinition[] = [1, 2, 3, 4, 5].map((tier) => {
  const [name, motion, capacity] = LADDER_NAMES[tier] ?? ['', '', 0];
  return {
    tier: tier as TierDefinition['tier'],
    name,
    motion,
    capacity,
    minGrade: 'C',
    minEngagement: 0,
    requiredCriteria: LADDER_FILTERS.slice(0, 5 - tier),
    requiredRoles:
      tier === 1
        ? ['DECISION_MAKER', 'CHAMPION', 'BUDGET_HOLDER', 'EXECUTIVE_SPONSOR']
        : tier <= 3
          ? ['DECISION_MAKER', 'CHAMPION']
          : [],
    responseSlaHours: tier === 1 ? 4 : tier <= 3 ? 8 : 24,
    reviewEveryDays: tier === 1 ? 30 : 91,
  };
});

/** Which ladder tiers each program of the three-tier chart serves: top tiers get the 1:1 work. */
const LADDER_PROGRAMS: Program[] = DEFAULT_SETTINGS.programs.map((p) => {
  const t = p.tiers;
  const tiers: Program['tiers'] = {};
  if (t[1] !== undefined) tiers[1] = t[1];
  if (t[2] !== undefined) {
    tiers[2] = t[2];
    tiers[3] = t[2];
  }
  if (t[3] !== undefined) {
    tiers[4] = t[3];
    tiers[5] = t[3];
  }
  return { ...p, tiers };
});

export type PresetId = Settings['tierModel'];

/** The two established tier models, ready to use or to start an org's own from. */
export const PRESETS: Record<PresetId, { label: string; settings: Settings }> = {
  three_tier: { label: 'Three ABM tiers (Strategic, Lite, Programmatic)', settings: DEFAULT_SETTINGS },
  icp_ladder: {
    label: 'ICP ladder (five tiers, one filter per step)',
    settings: { ...DEFAULT_SETTINGS, tierModel: 'icp_ladder', tiers: LADDER_TIERS, programs: LADDER_PROGRAMS },
  },
};

/**
 * Orchestration by grade (DESIGN.md), the alternative to commitments by tier: the top 20 accounts
 * by fit rank, the A and B accounts and the remaining ones, each with its programs. Picking it
 * replaces only the orchestration; the tiers, which reps still own, stay.
 */
export const ORCHESTRATION_PRESET: { label: string; settings: Settings } = {
  label: 'Orchestration by grade (Top 20, A and B, remaining)',
  settings: { ...DEFAULT_SETTINGS, orchestration: { ...DEFAULT_ORCHESTRATION, mode: 'grades' } },
};
