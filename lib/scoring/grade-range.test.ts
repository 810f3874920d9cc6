import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { Settings } from '../settings/types';
import { gradeAccount } from './grade';
import { gradeMark, gradeWords, listWords, rangeText } from './grade-words';

/**
 * The grade's worst and best case over the criteria without data. Every expectation is worked
 * by hand from the default ICP: industry 30, size 25, revenue 20, geography 15, CRM 10 (a hard
 * disqualifier); A from 80, B from 65, C from 45, D from 25. Worst case: the unknown weight earns
 * nothing, and an unknown disqualifier may yet make an F; best case: it all matches.
 */

/** An account with no ICP data; the rows add what they know. */
const blank: Account = {
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
// Each of these matches its criterion of the default ICP; `RETAIL` and `BRAZIL` miss theirs.
const SOFTWARE = { industry: 'Software' };
const SIZE = { employees: 1_000 };
const REVENUE = { revenue: 100_000_000 };
const UK = { country: 'GB' };
const CRM = { technologies: ['HubSpot'] };
const RETAIL = { industry: 'Retail' };
const BRAZIL = { country: 'BR' };

/** The default ICP with its CRM criterion an ordinary one, as an org without the disqualifier has it. */
const NO_DISQUALIFIER: Settings['icp'] = {
  ...DEFAULT_SETTINGS.icp,
  criteria: DEFAULT_SETTINGS.icp.criteria.map((c) => ({ ...c, disqualifying: false })),
};

describe('the grade range on the default ICP (CRM a hard disqualifier)', () => {
  it.each`
    case                                               | known                                                   | score  | mark    | worstScore | worst  | bestScore | best   | text
    ${'complete and ideal'}                            | ${{ ...SOFTWARE, ...SIZE, ...REVENUE, ...UK, ...CRM }}  | ${100} | ${'A'}  | ${100}     | ${'A'} | ${100}    | ${'A'} | ${''}
    ${'revenue unknown: 80 known, A either way'}       | ${{ ...SOFTWARE, ...SIZE, ...UK, ...CRM }}              | ${100} | ${'A'}  | ${80}      | ${'A'} | ${100}    | ${'A'} | ${''}
    ${'revenue unknown, industry missed: 50 of 80'}    | ${{ ...RETAIL, ...SIZE, ...UK, ...CRM }}                | ${63}  | ${'C?'} | ${50}      | ${'C'} | ${70}     | ${'B'} | ${'could be B–C: revenue unknown'}
    ${'CRM unknown: a miss would disqualify'}          | ${{ ...SOFTWARE, ...SIZE, ...REVENUE, ...UK }}          | ${100} | ${'A?'} | ${90}      | ${'F'} | ${100}    | ${'A'} | ${'could be A–F: technologies unknown'}
    ${'one criterion of five known (industry)'}        | ${SOFTWARE}                                             | ${100} | ${'A?'} | ${30}      | ${'F'} | ${100}    | ${'A'} | ${'could be A–F: headcount, revenue, country and technologies unknown'}
    ${'one criterion of five known (CRM)'}             | ${CRM}                                                  | ${100} | ${'A?'} | ${10}      | ${'F'} | ${100}    | ${'A'} | ${'could be A–F: industry, headcount, revenue and country unknown'}
    ${'a known disqualifier: F whatever the unknowns'} | ${{ ...SOFTWARE, ...SIZE, technologies: ['Zoho CRM'] }} | ${85}  | ${'F'}  | ${55}      | ${'F'} | ${90}     | ${'F'} | ${''}
  `('$case: $mark', ({ known, score, mark, worstScore, worst, bestScore, best, text }) => {
    const g = gradeAccount({ ...blank, ...known }, DEFAULT_SETTINGS.icp);
    expect(g.score).toBe(score);
    expect(g.range).toMatchObject({ worstScore, worst, bestScore, best });
    expect(gradeMark(g)).toBe(mark);
    expect(g.uncertain).toBe(worst !== best);
    expect(rangeText(g)).toBe(text);
  });

  it('gives an account with no ICP data no grade and no range, as before', () => {
    const g = gradeAccount(blank, DEFAULT_SETTINGS.icp);
    expect(g).toMatchObject({ letter: null, range: null, uncertain: false });
    expect(gradeMark(g)).toBeNull();
    expect(gradeWords(g)).toBe('not graded (no ICP data)');
  });
});

describe('the grade range without a disqualifier', () => {
  it.each`
    case                                                   | known                                          | score  | mark    | worstScore | worst  | bestScore | best   | text
    ${'size and revenue unknown, geography missed: 40/55'} | ${{ ...SOFTWARE, ...BRAZIL, ...CRM }}          | ${73}  | ${'B?'} | ${40}      | ${'D'} | ${85}     | ${'A'} | ${'could be A–D: headcount and revenue unknown'}
    ${'CRM unknown: 90 of 90, A either way'}               | ${{ ...SOFTWARE, ...SIZE, ...REVENUE, ...UK }} | ${100} | ${'A'}  | ${90}      | ${'A'} | ${100}    | ${'A'} | ${''}
    ${'industry only: 30 of 30'}                           | ${SOFTWARE}                                    | ${100} | ${'A?'} | ${30}      | ${'D'} | ${100}    | ${'A'} | ${'could be A–D: headcount, revenue, country and technologies unknown'}
    ${'a miss only, the rest unknown: 0 of 15'}            | ${BRAZIL}                                      | ${0}   | ${'F?'} | ${0}       | ${'F'} | ${85}     | ${'A'} | ${'could be A–F: industry, headcount, revenue and technologies unknown'}
  `('$case: $mark', ({ known, score, mark, worstScore, worst, bestScore, best, text }) => {
    const g = gradeAccount({ ...blank, ...known }, NO_DISQUALIFIER);
    expect(g.score).toBe(score);
    expect(g.range).toMatchObject({ worstScore, worst, bestScore, best });
    expect(gradeMark(g)).toBe(mark);
    expect(rangeText(g)).toBe(text);
  });

  it('puts the range in a sentence: "B? (could be A–D: …)"', () => {
    const g = gradeAccount({ ...blank, ...SOFTWARE, ...BRAZIL, ...CRM }, NO_DISQUALIFIER);
    expect(gradeWords(g)).toBe('B? (could be A–D: headcount and revenue unknown)');
    expect(gradeWords(gradeAccount({ ...blank, ...SOFTWARE, ...SIZE, ...REVENUE, ...UK }, NO_DISQUALIFIER))).toBe('A');
  });

  it('does not name a criterion that weighs nothing: it cannot change the grade', () => {
    const icp: Settings['icp'] = {
      ...NO_DISQUALIFIER,
      criteria: NO_DISQUALIFIER.criteria.map((c) => (c.id === 'revenue' ? { ...c, weight: 0 } : c)),
    };
    // Industry 30 of 30 known; 50 unknown (size 25, geography 15, CRM 10; revenue weighs 0) of 80:
    // worst 30/80 = 38 (D), best 80/80 = 100 (A).
    const g = gradeAccount({ ...blank, ...SOFTWARE }, icp);
    expect(g.range).toMatchObject({ worstScore: 38, worst: 'D', bestScore: 100, best: 'A' });
    expect(rangeText(g)).toBe('could be A–D: headcount, country and technologies unknown');
  });
});

describe('listWords', () => {
  it.each([
    [[], ''],
    [['revenue'], 'revenue'],
    [['revenue', 'technologies'], 'revenue and technologies'],
    [['industry', 'revenue', 'technologies'], 'industry, revenue and technologies'],
  ])('%j → "%s"', (words, text) => {
    expect(listWords(words)).toBe(text);
  });
});
