import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { Settings } from '../settings/types';
import { describePreview, previewSettings } from './preview';

/** Tiers that ask for no engagement, so that the grade alone decides the recommendation. */
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  tiers: DEFAULT_SETTINGS.tiers.map((t) => ({ ...t, minEngagement: 0 })),
};

const base: Account = {
  id: 'test:1',
  name: 'Acme',
  keys: [],
  domains: [],
  linkedinSlugs: [],
  linkedinIds: [],
  isTarget: false,
  updatedAt: 0,
  source: 'file',
  generation: 1,
};
const rows = (accounts: Partial<Account>[]) =>
  accounts.map((a, i) => ({ account: { ...base, id: `test:${i}`, ...a }, contacts: [], touchpoints: [] }));

describe('previewSettings on sparse data', () => {
  // By hand, default weights: the complete account matches all 100 (A, Tier 1); the sparse one
  // matches industry, geography and CRM, 55 of 55 known (an A) but 55 of 100 at worst (C),
  // so it counts as an uncertain A and is recommended Tier 3; the blank one is ungraded.
  const complete = { industry: 'Software', employees: 1_000, revenue: 1e8, country: 'GB', technologies: ['HubSpot'] };
  const sparse = { industry: 'Software', country: 'GB', technologies: ['HubSpot'] };
  const p = previewSettings(rows([complete, sparse, {}]), settings, 0);

  it('counts grades as the panel shows them, and how many of them are uncertain', () => {
    expect(p.grades).toEqual({ A: 2, B: 0, C: 0, D: 0, F: 0, ungraded: 1 });
    expect(p.uncertain).toBe(1);
  });

  it('recommends on the worst case: one Tier 1, one Tier 3, none for the ungraded', () => {
    expect(p.tiers.map((t) => [t.tier, t.recommended])).toEqual([
      [1, 1],
      [2, 0],
      [3, 1],
    ]);
    expect(p.notRecommended).toBe(1);
  });

  it('says how many grades are uncertain', () => {
    expect(describePreview(p)).toBe(
      '2 A, 0 B, 0 C, 0 D, 0 F, 1 ungraded (1 uncertain); Tier 1 holds 0 of 25; Tier 2 holds 0 of 150; Tier 3 holds 0 of 500',
    );
  });
});
