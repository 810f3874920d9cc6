import { DEFAULT_ENGAGEMENT, DEFAULT_ORCHESTRATION, DEFAULT_SETTINGS } from './defaults';
import { SETTINGS_VERSION } from './types';

type Raw = Record<string, unknown>;

/**
 * Each step takes settings saved by version `from` to version `from + 1`. Steps never validate:
 * the result of the chain is validated once, against the current schema.
 */
const STEPS: Record<number, (old: Raw) => Raw> = {
  // v2: tiers gain ladder filters; the engagement model's weights become editable; rule knobs.
  1: (old) => {
    const icp = (old.icp ?? {}) as Raw;
    const engagement = (old.engagement ?? {}) as Raw;
    const tiers = Array.isArray(old.tiers) ? old.tiers : [];
    return {
      ...old,
      version: 2,
      icp: { ...icp, minConfidence: DEFAULT_SETTINGS.icp.minConfidence },
      tiers: tiers.map((t: Raw) => ({ requiredCriteria: [], ...t })),
      engagement: { ...DEFAULT_ENGAGEMENT, ...engagement },
      rules: DEFAULT_SETTINGS.rules,
    };
  },
  // v3: the write path: who the user is (owners own tiers), title → role rules, write-back properties.
  2: (old) => ({
    ...old,
    version: 3,
    me: '',
    roleRules: DEFAULT_SETTINGS.roleRules,
    writeBack: DEFAULT_SETTINGS.writeBack,
  }),
  // v4: the orchestration template by grade, off (commitments by tier stay in force).
  3: (old) => ({ ...old, version: 4, orchestration: DEFAULT_ORCHESTRATION }),
};

/** Brings settings saved by any earlier version up to the current one. */
export function migrateSettings(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null) return stored;
  let current = stored as Raw;
  for (let v = Number(current.version); v < SETTINGS_VERSION; v++) {
    const step = STEPS[v];
    if (!step) return current;
    current = step(current);
  }
  return current;
}
