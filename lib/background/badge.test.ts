import { describe, expect, it } from 'vitest';
import type { Resolution } from '../accounts/resolve';
import { GRADE_COLORS, NEUTRAL_COLOR, TIER_COLORS } from '../colors';
import type { Account } from '../db/accounts';
import type { GradeResult } from '../scoring/grade';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { GradeLetter, Tier } from '../settings/types';
import { badgeFor } from './badge';

const account = (assignedTier?: Tier): Account => ({
  id: 'hubspot:1',
  name: 'Acme',
  keys: ['li:acme'],
  domains: [],
  linkedinSlugs: ['acme'],
  linkedinIds: [],
  assignedTier,
  isTarget: assignedTier !== undefined,
  updatedAt: 0,
  source: 'hubspot',
  generation: 1,
});
/** A grade on complete data: the missing data cannot change it. */
const grade = (letter: GradeLetter, score: number): GradeResult => ({
  letter,
  score,
  range: { worst: letter, worstScore: score, best: letter, bestScore: score, unknown: [] },
  uncertain: false,
  credits: {},
  confidence: 1,
  missing: [],
  reasons: [],
});
/** "B?" on 73 of known data, which the missing headcount and revenue could make anything from A to D. */
const uncertainB: GradeResult = {
  ...grade('B', 73),
  range: { worst: 'D', worstScore: 40, best: 'A', bestScore: 85, unknown: ['headcount', 'revenue'] },
  uncertain: true,
};
const matched: Resolution = { status: 'matched', accountId: 'hubspot:1', matchedBy: 'li:acme', lowConfidence: false };
const byName: Resolution = { status: 'matched', accountId: 'hubspot:1', matchedBy: 'name:acme', lowConfidence: true };
const ambiguous: Resolution = { status: 'ambiguous', accountIds: ['file:1', 'file:2'], matchedBy: 'name:acme' };
const unknown: Resolution = { status: 'unknown' };

describe('badgeFor', () => {
  // Titles are checked for the facts they name; their wording is the product's to polish.
  it.each`
    case                                 | resolution | tier         | letter | score | text    | color             | facts
    ${'a Tier 1 account'}                | ${matched} | ${1}         | ${'B'} | ${70} | ${'T1'} | ${TIER_COLORS[1]} | ${['Acme', 'Tier 1 Strategic', 'grade B', '70']}
    ${'a Tier 2 account'}                | ${matched} | ${2}         | ${'A'} | ${92} | ${'T2'} | ${TIER_COLORS[2]} | ${['Acme', 'Tier 2 ABM Lite', 'grade A', '92']}
    ${'a Tier 3 account'}                | ${matched} | ${3}         | ${'F'} | ${20} | ${'T3'} | ${TIER_COLORS[3]} | ${['Acme', 'Tier 3 Programmatic', 'grade F', '20']}
    ${'an untiered A'}                   | ${matched} | ${undefined} | ${'A'} | ${85} | ${'A'}  | ${GRADE_COLORS.A} | ${['Acme', 'untiered', 'grade A', '85']}
    ${'an untiered D'}                   | ${matched} | ${undefined} | ${'D'} | ${30} | ${'D'}  | ${GRADE_COLORS.D} | ${['Acme', 'untiered', 'grade D', '30']}
    ${'a tier the model does not have'}  | ${matched} | ${5}         | ${'C'} | ${50} | ${'C'}  | ${GRADE_COLORS.C} | ${['Acme', 'untiered', 'grade C', '50']}
    ${'an account matched by name only'} | ${byName}  | ${2}         | ${'B'} | ${70} | ${'T2'} | ${TIER_COLORS[2]} | ${['Acme', 'Tier 2 ABM Lite', 'grade B', 'name only']}
  `('shows $text for $case', ({ resolution, tier, letter, score, text, color, facts }) => {
    const badge = badgeFor(resolution, account(tier), grade(letter, score), DEFAULT_SETTINGS);
    expect(badge).toMatchObject({ text, color });
    for (const fact of facts) expect(badge.title).toContain(fact);
  });

  it('says nothing about name matching when the match is by LinkedIn or domain', () => {
    expect(badgeFor(matched, account(2), grade('B', 70), DEFAULT_SETTINGS).title).not.toContain('name only');
  });

  it.each`
    case                                        | resolution   | acct         | pageName     | text   | facts
    ${'a company not in the accounts'}          | ${unknown}   | ${undefined} | ${'Initech'} | ${'?'} | ${['Initech', 'not in your accounts']}
    ${'an unnamed company not in the accounts'} | ${unknown}   | ${undefined} | ${undefined} | ${'?'} | ${['this company', 'not in your accounts']}
    ${'a match whose account has gone'}         | ${matched}   | ${undefined} | ${'Acme'}    | ${'?'} | ${['Acme', 'not in your accounts']}
    ${'two accounts matching'}                  | ${ambiguous} | ${undefined} | ${'Acme'}    | ${'!'} | ${['2 accounts', 'side panel']}
    ${'a page about no company'}                | ${null}      | ${undefined} | ${undefined} | ${''}  | ${['no company']}
  `('shows $text in neutral for $case', ({ resolution, acct, pageName, text, facts }) => {
    const badge = badgeFor(resolution, acct, undefined, DEFAULT_SETTINGS, pageName);
    expect(badge).toMatchObject({ text, color: NEUTRAL_COLOR });
    for (const fact of facts) expect(badge.title).toContain(fact);
  });

  it('shows the rep’s tier, not the grade, whenever a tier is assigned', () => {
    for (const letter of ['A', 'B', 'C', 'D', 'F'] as const) {
      expect(badgeFor(matched, account(1), grade(letter, 50), DEFAULT_SETTINGS).text).toBe('T1');
    }
  });

  it('keeps the text short enough for the toolbar badge (four characters)', () => {
    for (const tier of [1, 2, 3, undefined] as const) {
      for (const g of [grade('A', 90), uncertainB]) {
        expect(badgeFor(matched, account(tier), g, DEFAULT_SETTINGS).text.length).toBeLessThanOrEqual(4);
      }
    }
  });

  it('marks an untiered grade the missing data could change "B?", and its title says how', () => {
    const badge = badgeFor(matched, account(), uncertainB, DEFAULT_SETTINGS);
    expect(badge).toMatchObject({ text: 'B?', color: GRADE_COLORS.B });
    expect(badge.title).toBe(
      'Tierlens: Acme — untiered, grade B? (ICP fit 73 on known data; could be A–D: headcount and revenue unknown)',
    );
  });

  it('keeps the tier on the badge of a tiered account, with the grade’s range in the title', () => {
    const badge = badgeFor(matched, account(2), uncertainB, DEFAULT_SETTINGS);
    expect(badge.text).toBe('T2');
    expect(badge.title).toContain('Tier 2 ABM Lite, grade B? (ICP fit 73 on known data; could be A–D');
  });

  it('shows a grade the missing data cannot change without a mark', () => {
    const sure = { ...grade('A', 100), range: { ...uncertainB.range, worst: 'A', best: 'A' } } as GradeResult;
    expect(badgeFor(matched, account(), sure, DEFAULT_SETTINGS)).toMatchObject({ text: 'A' });
    expect(badgeFor(matched, account(), sure, DEFAULT_SETTINGS).title).not.toContain('could be');
  });
});
