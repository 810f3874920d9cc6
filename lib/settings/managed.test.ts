import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './defaults';
import { applyManagedModels, type ManagedModels, managedModelsSchema, managedSections } from './managed';
import { ORCHESTRATION_PRESET, PRESETS } from './presets';
import { type Settings, settingsSchema } from './types';

/** A user who edited their own models: a stricter Tier 1 SLA and one extra platform. */
const USER: Settings = {
  ...structuredClone(DEFAULT_SETTINGS),
  tiers: DEFAULT_SETTINGS.tiers.map((t) => (t.tier === 1 ? { ...t, responseSlaHours: 2 } : t)),
  platforms: [...DEFAULT_SETTINGS.platforms, 'notion.site'],
};

const TEAM_PROGRAMS: ManagedModels['programs'] = [
  { id: 'emails', name: 'Company emails', owner: 'Marketing', tiers: { 1: true, 2: true, 3: true } },
];

/** Every section of the ICP ladder preset, as a team would manage them. */
// `me` is the user's own, never a team's.
const { version: _version, me: _me, ...LADDER_MODELS } = PRESETS.icp_ladder.settings;

const problems = (input: unknown) => {
  const result = managedModelsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('applyManagedModels', () => {
  it("replaces the sections the team manages and keeps the user's others", () => {
    const effective = applyManagedModels(USER, {
      programs: TEAM_PROGRAMS,
      adapters: { ...USER.adapters, websites: false },
    });
    expect(effective.programs).toEqual(TEAM_PROGRAMS);
    expect(effective.adapters.websites).toBe(false);
    expect(effective.tiers[0]?.responseSlaHours).toBe(2);
    expect(effective.platforms).toContain('notion.site');
  });

  it('replaces the orchestration when the team manages it: the team orchestrates by grade', () => {
    const effective = applyManagedModels(USER, { orchestration: ORCHESTRATION_PRESET.settings.orchestration });
    expect(effective.orchestration.mode).toBe('grades');
    expect(effective.programs).toEqual(USER.programs);
  });

  it("leaves the user's saved settings as they were, so leaving the feed brings them back", () => {
    const before = structuredClone(USER);
    const managed: ManagedModels = { tiers: structuredClone(DEFAULT_SETTINGS.tiers) };
    const effective = applyManagedModels(USER, managed);
    expect(USER).toEqual(before);
    effective.tiers[0] = { ...DEFAULT_SETTINGS.tiers[2], tier: 1 } as Settings['tiers'][number];
    expect(managed.tiers).toEqual(DEFAULT_SETTINGS.tiers);
  });

  it('returns the settings unchanged when the feed manages nothing', () => {
    expect(applyManagedModels(USER, undefined)).toBe(USER);
    expect(applyManagedModels(USER, {})).toEqual(USER);
  });

  it("drops the user's tier filters on criteria the team's ICP does not have", () => {
    const ladder = PRESETS.icp_ladder.settings;
    const teamIcp = { ...ladder.icp, criteria: ladder.icp.criteria.filter((c) => c.id !== 'crm') };
    const effective = applyManagedModels(ladder, { icp: teamIcp });
    expect(effective.tiers.find((t) => t.tier === 1)?.requiredCriteria).toEqual(['revenue', 'employees', 'geography']);
    expect(settingsSchema.safeParse(effective).success).toBe(true);
  });

  it('gives settings that pass the settings schema when a team manages every section', () => {
    const managed = managedModelsSchema.parse(LADDER_MODELS);
    expect(settingsSchema.parse(applyManagedModels(USER, managed))).toEqual({
      ...LADDER_MODELS,
      version: USER.version,
      me: USER.me,
    });
  });
});

describe('managedSections', () => {
  it("lists the managed sections in the options page's order, for showing them read-only", () => {
    expect(managedSections({ rules: DEFAULT_SETTINGS.rules, icp: DEFAULT_SETTINGS.icp })).toEqual(['icp', 'rules']);
  });

  it('lists nothing without managed models', () => {
    expect(managedSections(undefined)).toEqual([]);
    expect(managedSections({})).toEqual([]);
  });
});

describe('managedModelsSchema', () => {
  it.each([
    ['a commitments chart', { programs: TEAM_PROGRAMS }],
    ['the ICP ladder with the ICP its filters name', LADDER_MODELS],
    ['only the tier model', { tierModel: 'icp_ladder' }],
    ['the orchestration template by grade', { orchestration: ORCHESTRATION_PRESET.settings.orchestration }],
    ['nothing', {}],
  ])('accepts %s', (_name, input) => {
    expect(problems(input)).toEqual([]);
  });

  it.each([
    ['a section the settings do not have', { commitments: TEAM_PROGRAMS }, 'Unrecognized key: "commitments"'],
    [
      'grade thresholds that do not fall from A to D',
      { icp: { ...DEFAULT_SETTINGS.icp, thresholds: { A: 50, B: 60, C: 40, D: 20 } } },
      'icp.thresholds: must fall from A to D (A > B > C > D)',
    ],
    [
      'two tiers with one number',
      { tiers: [DEFAULT_SETTINGS.tiers[0], DEFAULT_SETTINGS.tiers[0]] },
      'tiers: two tiers share a number',
    ],
    [
      'tiers that filter on ICP criteria the models do not define',
      { tiers: PRESETS.icp_ladder.settings.tiers },
      'tiers.1.requiredCriteria: names ICP criteria, so the models must include the icp that defines them',
    ],
    ['a negative SLA', { tiers: [{ ...DEFAULT_SETTINGS.tiers[0], responseSlaHours: -1 }] }, 'must be more than 0'],
    [
      'an adapter switch that is not a boolean',
      { adapters: { ...DEFAULT_SETTINGS.adapters, websites: 'no' } },
      'boolean',
    ],
    [
      'an orchestration whose program names a segment it does not have',
      {
        orchestration: {
          ...ORCHESTRATION_PRESET.settings.orchestration,
          programs: [{ id: 'vip', name: 'VIP dinner', owner: 'Sales', segments: { vip: true } }],
        },
      },
      'orchestration.programs.0.segments.vip: no segment "vip"',
    ],
  ])('rejects %s', (_name, input, expected) => {
    expect(problems(input).join('\n')).toContain(expected);
  });
});
