import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { GradeLetter, Tier } from '../settings/types';
import type { EngagementResult } from './engagement';
import { levelOf } from './engagement';
import type { GradeResult } from './grade';
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
const grade = (letter: GradeLetter): GradeResult => ({
  letter,
  score: 0,
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
