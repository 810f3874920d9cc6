import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { PRESETS } from '../settings/presets';
import type { GradeLetter, Tier } from '../settings/types';
import type { EngagementResult } from './engagement';
import { levelOf } from './engagement';
import { type GradeResult, gradeAccount } from './grade';
import { recommendTier } from './tier';

const account = (assignedTier?: Tier): Account => ({
  id: 'test:1',
  name: 'Acme',
  keys: [],
  domains: [],
  linkedinSlugs: [],
  linkedinIds: [],
  assignedTier,
  isTarget: assignedTier !== undefined,
  updatedAt: 0,
  source: 'file',
  generation: 1,
});
/** A grade on complete data: the missing data cannot change it. */
const grade = (letter: GradeLetter): GradeResult => ({
  letter,
  score: 0,
  range: { worst: letter, worstScore: 0, best: letter, bestScore: 0, unknown: [] },
  uncertain: false,
  confidence: 1,
  missing: [],
  credits: {},
  reasons: [],
});
const engagement = (score: number): EngagementResult => ({
  score,
  level: levelOf(score),
  trend: 'steady',
  lastWeek: 0,
  weeklyMean: 0,
  engagedContacts: 0,
  weekly: [],
  drivers: [],
});
const recommend = (letter: GradeLetter, score: number, assigned?: Tier) =>
  recommendTier(account(assigned), grade(letter), engagement(score), DEFAULT_SETTINGS);

/** Tiers as the tables write them: `T1`…`T5`, or `none`. */
type TierLabel = 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'none';
const tierOf = (label: TierLabel): Tier | undefined => (label === 'none' ? undefined : (Number(label[1]) as Tier));
const labelOf = (tier: Tier | undefined): TierLabel => (tier === undefined ? 'none' : `T${tier}`);

describe('recommendTier: the most invested tier whose bars the account clears', () => {
  // Defaults: Tier 1 needs A and 60, Tier 2 B and 30, Tier 3 C and 0.
  it.each`
    letter | score  | recommended
    ${'A'} | ${100} | ${'T1'}
    ${'A'} | ${60}  | ${'T1'}
    ${'A'} | ${59}  | ${'T2'}
    ${'A'} | ${30}  | ${'T2'}
    ${'A'} | ${29}  | ${'T3'}
    ${'A'} | ${0}   | ${'T3'}
    ${'B'} | ${100} | ${'T2'}
    ${'B'} | ${30}  | ${'T2'}
    ${'B'} | ${29}  | ${'T3'}
    ${'C'} | ${100} | ${'T3'}
    ${'C'} | ${0}   | ${'T3'}
    ${'D'} | ${100} | ${'none'}
    ${'F'} | ${100} | ${'none'}
  `('grade $letter with engagement $score → $recommended', ({ letter, score, recommended }) => {
    expect(labelOf(recommend(letter, score).recommended?.tier)).toBe(recommended);
  });
});

describe('recommendTier: agreement with the assigned tier', () => {
  it.each`
    assigned  | letter | score | agreement
    ${'T2'}   | ${'A'} | ${80} | ${'above'}
    ${'T3'}   | ${'A'} | ${80} | ${'above'}
    ${'T2'}   | ${'B'} | ${50} | ${'same'}
    ${'T1'}   | ${'A'} | ${80} | ${'same'}
    ${'T1'}   | ${'C'} | ${80} | ${'below'}
    ${'T2'}   | ${'A'} | ${10} | ${'below'}
    ${'none'} | ${'A'} | ${80} | ${'untiered'}
    ${'none'} | ${'C'} | ${0}  | ${'untiered'}
    ${'T1'}   | ${'D'} | ${80} | ${'not-recommended'}
    ${'none'} | ${'F'} | ${80} | ${'not-recommended'}
  `('assigned $assigned, grade $letter, engagement $score: $agreement', ({ assigned, letter, score, agreement }) => {
    expect(recommend(letter, score, tierOf(assigned)).agreement).toBe(agreement);
  });

  it('treats a tier the org’s model does not have as untiered', () => {
    const r = recommend('A', 80, 5);
    expect(r.assigned).toBeUndefined();
    expect(r.agreement).toBe('untiered');
  });
});

describe('recommendTier: reasons', () => {
  it('explains each tier it passed over and the one it recommends', () => {
    // The wording is the product's to polish; the facts in it are what a reader relies on.
    expect(recommend('B', 45, 1).reasons).toEqual([
      { label: 'Not Tier 1 Strategic', detail: expect.stringMatching(/grade B.*A/), effect: 'miss' },
      { label: 'Tier 2 ABM Lite', detail: expect.stringMatching(/grade B.*B.*45.*30/), effect: 'match' },
    ]);
  });

  it('says which bar a good fit missed', () => {
    expect(recommend('A', 20).reasons[0]).toEqual({
      label: 'Not Tier 1 Strategic',
      detail: expect.stringMatching(/engagement 20.*60/),
      effect: 'miss',
    });
  });

  it('explains every tier when none fits', () => {
    expect(recommend('D', 90).reasons.map((r) => r.effect)).toEqual(['miss', 'miss', 'miss']);
  });

  it('checks tiers from the most invested whatever their order in the settings', () => {
    const shuffled = { ...DEFAULT_SETTINGS, tiers: [...DEFAULT_SETTINGS.tiers].reverse() };
    expect(recommendTier(account(), grade('A'), engagement(90), shuffled).recommended?.tier).toBe(1);
  });
});

describe('recommendTier on the ICP ladder: Tier 5 fits the ICP, each tier up adds one filter', () => {
  const LADDER = PRESETS.icp_ladder.settings;
  /** Meets every criterion: industry, size, revenue, geography and a CRM. */
  const fit: Account = {
    ...account(),
    industry: 'Software',
    employees: 1_000,
    revenue: 100_000_000,
    country: 'GB',
    technologies: ['HubSpot'],
  };
  /** The ladder's recommendation for the fitting account with `changes`, graded for real. */
  const climb = (changes: Partial<Account>) => {
    const a = { ...fit, ...changes };
    const g = gradeAccount(a, LADDER.icp);
    return { letter: g.letter, tier: recommendTier(a, g, engagement(50), LADDER) };
  };
  const blank = {
    industry: undefined,
    employees: undefined,
    revenue: undefined,
    country: undefined,
    technologies: undefined,
  };

  // Filters: T4 revenue ($20M–$300B), T3 + employees (200–250,000), T2 + location, T1 + CRM.
  // `keptOutBy`: what the reason of the tier just above the recommended one says; `effect`: a
  // miss on known data, or unknown when only missing data keeps the account out. Grades by hand
  // from the default weights (industry 30, size 25, revenue 20, location 15, CRM 10, a hard
  // disqualifier): CRM unknown leaves 90 of 90 known (A), but a CRM miss would be an F, so the
  // worst case is F and no tier is recommended on it (it used to be Tier 2).
  it.each`
    case                                               | changes                                                | letter  | recommended | keptOutBy                         | effect
    ${'fits the ICP, revenue out of range ($1M)'}      | ${{ revenue: 1_000_000 }}                              | ${'A'}  | ${'T5'}     | ${'annual revenue not matched'}   | ${'miss'}
    ${'+ revenue, employees out of range (50)'}        | ${{ employees: 50 }}                                   | ${'B'}  | ${'T4'}     | ${'company size not matched'}     | ${'miss'}
    ${'+ employees, location outside the served ones'} | ${{ country: 'BR' }}                                   | ${'A'}  | ${'T3'}     | ${'served geography not matched'} | ${'miss'}
    ${'+ location, CRM unknown (could be F)'}          | ${{ technologies: undefined }}                         | ${'A'}  | ${'none'}   | ${'could be A–F'}                 | ${'unknown'}
    ${'+ CRM technographics'}                          | ${{}}                                                  | ${'A'}  | ${'T1'}     | ${undefined}                      | ${undefined}
    ${'revenue unknown'}                               | ${{ revenue: undefined }}                              | ${'A'}  | ${'T5'}     | ${'annual revenue: no data'}      | ${'unknown'}
    ${'employees unknown'}                             | ${{ employees: undefined }}                            | ${'A'}  | ${'T4'}     | ${'company size: no data'}        | ${'unknown'}
    ${'location unknown'}                              | ${{ country: undefined }}                              | ${'A'}  | ${'T3'}     | ${'served geography: no data'}    | ${'unknown'}
    ${'revenue near the range ($18M, partial credit)'} | ${{ revenue: 18_000_000 }}                             | ${'A'}  | ${'T5'}     | ${'annual revenue not matched'}   | ${'miss'}
    ${'grade below C (retail, 50 people, $1M)'}        | ${{ industry: 'Retail', employees: 50, revenue: 1e6 }} | ${'D'}  | ${'none'}   | ${'grade D below C'}              | ${'miss'}
    ${'no ICP data at all'}                            | ${blank}                                               | ${null} | ${'none'}   | ${'no grade: no ICP data'}        | ${'miss'}
  `('$case: grade $letter → $recommended', ({ changes, letter, recommended, keptOutBy, effect }) => {
    const { letter: graded, tier } = climb(changes);
    expect(graded).toBe(letter);
    expect(labelOf(tier.recommended?.tier)).toBe(recommended);
    const above = recommended === 'none' ? tier.reasons.at(-1) : tier.reasons.at(-2);
    if (keptOutBy === undefined) expect(tier.reasons).toHaveLength(1);
    else expect(above).toMatchObject({ effect, detail: expect.stringContaining(keptOutBy) });
  });

  it('names the filters the recommended tier matched', () => {
    const { tier } = climb({ country: 'BR' });
    expect(tier.reasons.at(-1)).toMatchObject({
      label: 'Tier 3 Size fit',
      effect: 'match',
      detail: expect.stringContaining('matches annual revenue, company size'),
    });
  });

  it('explains every rung it passed over, from Tier 1 down', () => {
    const { tier } = climb({ revenue: undefined });
    // Only the revenue, which every rung above Tier 5 filters on, is missing: unknown, not a miss.
    expect(tier.reasons.map((r) => [r.label, r.effect])).toEqual([
      ['Not Tier 1 Full fit', 'unknown'],
      ['Not Tier 2 Location fit', 'unknown'],
      ['Not Tier 3 Size fit', 'unknown'],
      ['Not Tier 4 Revenue fit', 'unknown'],
      ['Tier 5 Fits the ICP', 'match'],
    ]);
  });
});

describe('recommendTier never promotes on data the account does not have', () => {
  // Three tiers: Tier 1 needs A and engagement 60, Tier 2 B and 30, Tier 3 C. Grades by hand
  // from the default weights: industry 30, size 25, revenue 20, geography 15, CRM 10.
  const known: Account = {
    ...account(),
    industry: 'Software',
    country: 'GB',
    technologies: ['HubSpot'],
  };
  const recommendFor = (a: Account, score = 80) =>
    recommendTier(a, gradeAccount(a, DEFAULT_SETTINGS.icp), engagement(score), DEFAULT_SETTINGS);

  it('recommends an A on 55% of the weight on its worst case (C): Tier 3, not Tier 1', () => {
    // Industry, geography and CRM match: 55 of 55 known, an A; size and revenue unknown, so
    // 55 of 100 at worst (C) and 100 at best (A). On the known data alone it was Tier 1.
    const r = recommendFor(known);
    expect(r.recommended?.tier).toBe(3);
    expect(r.possible).toMatchObject({ tier: { tier: 1 }, unknown: ['headcount', 'revenue'] });
    expect(r.reasons.map((x) => [x.label, x.effect])).toEqual([
      ['Not Tier 1 Strategic', 'unknown'],
      ['Not Tier 2 ABM Lite', 'unknown'],
      ['Tier 3 Programmatic', 'match'],
    ]);
    expect(r.reasons[0]?.detail).toBe('grade could be A–C (A or better needed): headcount and revenue unknown');
    expect(r.reasons[2]?.detail).toContain('grade C at worst');
    expect(r.reasons[2]?.detail).toContain('not Tier 1 Strategic: headcount and revenue unknown');
  });

  it('says "Tier 3, not Tier 2: revenue unknown" when only revenue could lift it', () => {
    // Industry misses: 50 of 80 known (63, C); revenue unknown: 50 at worst (C), 70 at best (B).
    const r = recommendFor({ ...known, industry: 'Retail', employees: 1_000 });
    expect(r.recommended?.tier).toBe(3);
    expect(r.possible).toMatchObject({ tier: { tier: 2 }, unknown: ['revenue'] });
    expect(r.reasons.at(-1)?.detail).toContain('not Tier 2 ABM Lite: revenue unknown');
  });

  it('recommends on the data once it is known: matching revenue and size make it Tier 1', () => {
    const r = recommendFor({ ...known, employees: 1_000, revenue: 100_000_000 });
    expect(r.recommended?.tier).toBe(1);
    expect(r.possible).toBeUndefined();
  });

  it('recommends no tier while an unknown disqualifier could make it an F', () => {
    // Everything but the CRM matches (90 of 90, an A); without technographics the CRM may miss: F.
    const r = recommendFor({ ...known, employees: 1_000, revenue: 100_000_000, technologies: undefined });
    expect(r.recommended).toBeUndefined();
    expect(r.possible).toMatchObject({ tier: { tier: 1 }, unknown: ['technologies'] });
    expect(r.reasons.at(-1)).toMatchObject({ label: 'Not Tier 3 Programmatic', effect: 'unknown' });
  });

  it('does not call an assigned Tier 3 account for promotion on data it does not have', () => {
    expect(recommendFor({ ...known, assignedTier: 3 }).agreement).toBe('same');
  });
});
