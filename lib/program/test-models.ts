import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { Settings } from '../settings/types';

/**
 * Two criteria every account has data for, so each grade is certain: Software is 60 of the
 * weight, GB 40. Tiers that ask for no engagement and no filter: the grade alone recommends
 * (Tier 1 from A, Tier 2 from B, Tier 3 from C).
 */
export const TWO_CRITERIA: Settings = {
  ...DEFAULT_SETTINGS,
  icp: {
    ...DEFAULT_SETTINGS.icp,
    criteria: [
      {
        kind: 'in_set',
        id: 'industry',
        label: 'Industry',
        field: 'industry',
        values: ['Software'],
        weight: 60,
        disqualifying: false,
      },
      {
        kind: 'in_set',
        id: 'geo',
        label: 'Geography',
        field: 'country',
        values: ['GB'],
        weight: 40,
        disqualifying: false,
      },
    ],
    thresholds: { A: 80, B: 65, C: 45, D: 25 },
  },
  tiers: DEFAULT_SETTINGS.tiers.map((t) => ({ ...t, minEngagement: 0, requiredCriteria: [] })),
};
/** The same with the C threshold raised from 45 to 61. */
export const C_RAISED: Settings = {
  ...TWO_CRITERIA,
  icp: { ...TWO_CRITERIA.icp, thresholds: { ...TWO_CRITERIA.icp.thresholds, C: 61 } },
};
