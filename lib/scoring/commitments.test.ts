import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { Settings } from '../settings/types';
import { type Commitment, commitmentsFor } from './commitments';

/** `program id: cadence`, the way the chart in DESIGN.md reads. */
const rows = (commitments: Commitment[]) => commitments.map((c) => `${c.program.id}: ${c.cadence}`);

describe('commitmentsFor (the default chart)', () => {
  it('commits Tier 1 to the 1:1 programs, calls, ads, emails and a monthly account review', () => {
    const r = commitmentsFor(1, DEFAULT_SETTINGS);
    expect(r.tier).toBe(1);
    expect(rows(r.programs)).toEqual([
      'custom-campaign: committed',
      'account-site: committed',
      'exec-outreach: committed',
      'event-invites: committed',
      'sales-calls: committed',
      'bdr-follow-up: committed',
      'linkedin-ads: committed',
      'company-emails: committed',
      'account-review: monthly',
    ]);
    expect(r.nextTierAdds).toEqual([]);
  });

  it('commits Tier 2 to ABM Lite programs with a quarterly review, and shows what Tier 1 adds or does more often', () => {
    const r = commitmentsFor(2, DEFAULT_SETTINGS);
    expect(rows(r.programs)).toEqual([
      'sales-calls: committed',
      'bdr-follow-up: committed',
      'sdr-sequence: committed',
      'industry-page: committed',
      'linkedin-ads: committed',
      'company-emails: committed',
      'account-review: quarterly',
    ]);
    expect(rows(r.nextTierAdds)).toEqual([
      'custom-campaign: committed',
      'account-site: committed',
      'exec-outreach: committed',
      'event-invites: committed',
      'account-review: monthly',
    ]);
  });

  it('commits Tier 3 to programmatic programs, and shows what Tier 2 adds', () => {
    const r = commitmentsFor(3, DEFAULT_SETTINGS);
    expect(rows(r.programs)).toEqual([
      'company-emails: committed',
      'programmatic-display: committed',
      'syndication: committed',
      'account-review: quarterly',
    ]);
    expect(rows(r.nextTierAdds)).toEqual([
      'sales-calls: committed',
      'bdr-follow-up: committed',
      'sdr-sequence: committed',
      'industry-page: committed',
      'linkedin-ads: committed',
    ]);
  });

  it('commits nothing to an untiered account', () => {
    expect(commitmentsFor(undefined, DEFAULT_SETTINGS)).toEqual({ programs: [], nextTierAdds: [] });
  });

  // The owner column of DESIGN.md's program commitments chart.
  const CHART_OWNERS: Record<string, string> = {
    'custom-campaign': 'Marketing',
    'account-site': 'Marketing',
    'exec-outreach': 'Sales',
    'event-invites': 'Marketing + Sales',
    'sales-calls': 'AE',
    'bdr-follow-up': 'BDR',
    'sdr-sequence': 'BDR',
    'industry-page': 'Marketing',
    'linkedin-ads': 'Marketing',
    'company-emails': 'Marketing',
    'programmatic-display': 'Marketing',
    syndication: 'Marketing',
    'account-review': 'Marketing + Sales',
  };

  it.each([1, 2, 3] as const)('gives every Tier %i commitment its owner from the chart', (tier) => {
    const programs = commitmentsFor(tier, DEFAULT_SETTINGS).programs;
    expect(programs.length).toBeGreaterThan(0);
    for (const c of programs)
      expect([c.program.id, c.program.owner]).toEqual([c.program.id, CHART_OWNERS[c.program.id]]);
  });
});

describe('commitmentsFor (an edited chart)', () => {
  it('follows the org’s chart and its cadences', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      programs: [
        { id: 'gifts', name: 'Executive gifts', owner: 'Sales', tiers: { 1: 'twice a year' } },
        { id: 'webinars', name: 'Webinars', owner: 'Marketing', tiers: { 1: true, 2: true } },
      ],
    };
    expect(rows(commitmentsFor(1, settings).programs)).toEqual(['gifts: twice a year', 'webinars: committed']);
    expect(rows(commitmentsFor(2, settings).nextTierAdds)).toEqual(['gifts: twice a year']);
    expect(commitmentsFor(3, settings).programs).toEqual([]);
  });
});
