import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import { DEFAULT_ORCHESTRATION, DEFAULT_SETTINGS } from '../settings/defaults';
import { ORCHESTRATION_PRESET } from '../settings/presets';
import type { GradeLetter, Orchestration } from '../settings/types';
import { scoreAccount } from './account-view';
import type { GradeResult } from './grade';
import { type FitRank, fitRanks, orchestrationFor, type RankEntry } from './orchestration';

/** DESIGN.md's template: Top 20 by fit rank, then A and B, then the remaining accounts. */
const TEMPLATE: Orchestration = { ...DEFAULT_ORCHESTRATION, mode: 'grades' };

/** A grade as the panel has it: its letter and the worst case over the unknown criteria. */
function grade(letter: GradeLetter | null, worst: GradeLetter | null = letter): GradeResult {
  return {
    letter,
    score: 0,
    range: letter && worst ? { worst, worstScore: 0, best: letter, bestScore: 0, unknown: [] } : null,
    uncertain: letter !== worst,
    confidence: 1,
    missing: [],
    credits: {},
    reasons: [],
  };
}

const of2000 = (rank: number): FitRank => ({ rank, of: 2000 });

describe('orchestrationFor: the segment and its programs, from DESIGN.md’s table', () => {
  it.each`
    account                                       | g       | worst   | rank           | segment              | gets                                                                                                          | reason
    ${'an A ranked 7th of 2,000'}                 | ${'A'}  | ${'A'}  | ${of2000(7)}   | ${'Top 20 accounts'} | ${['Company emails', 'Event invites', 'Sales calls', 'LinkedIn ads by persona', 'Account review with sales']} | ${'Top 20 by fit: rank 7 of 2,000'}
    ${'an A ranked 20th: the last of the top 20'} | ${'A'}  | ${'A'}  | ${of2000(20)}  | ${'Top 20 accounts'} | ${['Company emails', 'Event invites', 'Sales calls', 'LinkedIn ads by persona', 'Account review with sales']} | ${'Top 20 by fit: rank 20 of 2,000'}
    ${'an A ranked 21st'}                         | ${'A'}  | ${'A'}  | ${of2000(21)}  | ${'A and B'}         | ${['Company emails', 'Sales calls', 'LinkedIn ads by persona', 'Account review with sales']}                  | ${'Grade A (worst case A)'}
    ${'a B ranked 300th'}                         | ${'B'}  | ${'B'}  | ${of2000(300)} | ${'A and B'}         | ${['Company emails', 'Sales calls', 'LinkedIn ads by persona', 'Account review with sales']}                  | ${'Grade B (worst case B)'}
    ${'an “A?” whose worst case is C'}            | ${'A'}  | ${'C'}  | ${of2000(400)} | ${'Remaining'}       | ${['Company emails']}                                                                                         | ${'in no segment before it'}
    ${'a C'}                                      | ${'C'}  | ${'C'}  | ${of2000(900)} | ${'Remaining'}       | ${['Company emails']}                                                                                         | ${'in no segment before it'}
    ${'an account without a grade'}               | ${null} | ${null} | ${undefined}   | ${'Remaining'}       | ${['Company emails']}                                                                                         | ${'in no segment before it'}
  `('$account is in "$segment" and gets $gets', ({ g, worst, rank, segment, gets, reason }) => {
    const result = orchestrationFor(grade(g, worst), rank, TEMPLATE);
    expect(result.label).toBe(segment);
    expect(result.programs.map((p) => p.program.name)).toEqual(gets);
    expect(result.reasons.at(-1)?.detail).toBe(reason);
    expect(result.rankUnknown).toBe(false);
  });

  it('an A ranked 21st gets sales calls but no event invites, and says why it is not in the top 20', () => {
    const result = orchestrationFor(grade('A'), of2000(21), TEMPLATE);
    const names = result.programs.map((p) => p.program.name);
    expect(names).toContain('Sales calls');
    expect(names).not.toContain('Event invites');
    expect(result.reasons.map((r) => `${r.label}: ${r.detail}`)).toEqual([
      'Top 20 accounts: rank 21 of 2,000 by fit',
      'A and B: Grade A (worst case A)',
    ]);
  });

  it('an “A?” whose worst case is C is not promoted into "A and B": the reason names the worst case', () => {
    const result = orchestrationFor(grade('A', 'C'), of2000(400), TEMPLATE);
    expect(result.reasons[1]?.detail).toBe('Grade A? (worst case C): not A and B');
  });

  it('gives a segment’s cadence where the template has one: the top 20 are reviewed monthly', () => {
    const review = orchestrationFor(grade('A'), of2000(1), TEMPLATE).programs.find(
      (p) => p.program.id === 'account-review',
    );
    expect(review?.cadence).toBe('monthly');
    const emails = orchestrationFor(grade('A'), of2000(1), TEMPLATE).programs.find(
      (p) => p.program.id === 'company-emails',
    );
    expect(emails?.cadence).toBe('yes');
  });

  it('places an account by grade only while its rank is not known, and says so', () => {
    const result = orchestrationFor(grade('A'), undefined, TEMPLATE);
    expect(result.label).toBe('A and B');
    expect(result.rankUnknown).toBe(true);
    expect(result.reasons[0]).toMatchObject({ label: 'Top 20 accounts', effect: 'unknown' });
    expect(result.reasons[0]?.detail).toMatch(/not known yet/);
  });

  it('puts the account in no segment, with no programs, when no segment takes it (no "remaining")', () => {
    const result = orchestrationFor(grade('D'), of2000(1500), { ...TEMPLATE, segments: TEMPLATE.segments.slice(1, 2) });
    expect(result.segment).toBeUndefined();
    expect(result.programs).toEqual([]);
  });

  it('checks segments in order: with "A and B" first, the top-ranked A is in "A and B"', () => {
    const [top, ab, rest] = TEMPLATE.segments;
    const reordered = { ...TEMPLATE, segments: [ab, top, rest].filter((s) => s !== undefined) };
    expect(orchestrationFor(grade('A'), of2000(1), reordered).label).toBe('A and B');
  });

  it('calls a segment by its own name when it has one, and a top N by its N', () => {
    const named: Orchestration = {
      ...TEMPLATE,
      segments: [{ kind: 'top', id: 'top', count: 50, name: 'Strategic' }, ...TEMPLATE.segments.slice(1)],
    };
    const result = orchestrationFor(grade('B'), of2000(42), named);
    expect(result.label).toBe('Strategic');
    expect(result.reasons[0]?.detail).toBe('Top 50 by fit: rank 42 of 2,000');
  });
});

describe('fitRanks: every graded account’s rank by fit, in one sort', () => {
  const entry = (id: string, gradeWorst: GradeLetter | null, fit: number, name = id): RankEntry => ({
    id,
    name,
    gradeWorst,
    fit,
  });

  it('ranks by the worst-case letter first, then by fit score: a C scoring 99 ranks below a B scoring 70', () => {
    const ranks = fitRanks([
      entry('c99', 'C', 99),
      entry('b70', 'B', 70),
      entry('a90', 'A', 90),
      entry('a95', 'A', 95),
    ]);
    expect([...ranks]).toEqual([
      ['a95', 1],
      ['a90', 2],
      ['b70', 3],
      ['c99', 4],
    ]);
  });

  it('does not rank an account without a grade, nor count it in "of"', () => {
    const ranks = fitRanks([entry('none', null, 0), entry('b', 'B', 70)]);
    expect(ranks.get('none')).toBeUndefined();
    expect(ranks.size).toBe(1);
  });

  it('breaks ties by name, then id, whatever the order it is given', () => {
    const tied = [
      entry('hubspot:2', 'A', 90, 'Acme'),
      entry('file:9', 'A', 90, 'Zeta'),
      entry('hubspot:1', 'A', 90, 'Acme'),
    ];
    const expected = [
      ['hubspot:1', 1],
      ['hubspot:2', 2],
      ['file:9', 3],
    ];
    expect([...fitRanks(tied)]).toEqual(expected);
    expect([...fitRanks([...tied].reverse())]).toEqual(expected);
  });

  it('puts exactly N accounts in the top N when 25 accounts tie', () => {
    const tied = Array.from({ length: 25 }, (_, i) => entry(`id-${String(i).padStart(2, '0')}`, 'A', 100, 'Same'));
    const ranks = fitRanks(tied);
    const top = tied.filter(
      (e) => orchestrationFor(grade('A'), { rank: ranks.get(e.id) ?? 0, of: 25 }, TEMPLATE).label === 'Top 20 accounts',
    );
    expect(top.map((e) => e.id)).toEqual(tied.slice(0, 20).map((e) => e.id));
  });
});

describe('scoreAccount: the orchestration in the account’s view', () => {
  // Industry, geography and CRM known and matching (55 of 100 points), size and revenue unknown:
  // an A on what is known, a C if both unknowns were misses.
  const account: Account = {
    id: 'hubspot:7',
    name: 'Acme',
    keys: [],
    domains: ['acme.com'],
    linkedinSlugs: [],
    linkedinIds: [],
    isTarget: false,
    updatedAt: 0,
    source: 'hubspot',
    generation: 1,
    industry: 'Software',
    country: 'US',
    technologies: ['HubSpot'],
  };

  it('is there when the org orchestrates by grade, and reads the worst case: this “A?” is "Remaining"', () => {
    const view = scoreAccount(account, [], [], ORCHESTRATION_PRESET.settings, 0, { fitRank: of2000(30) });
    expect(view.grade.letter).toBe('A');
    expect(view.grade.range?.worst).toBe('C');
    expect(view.orchestration?.label).toBe('Remaining');
  });

  it('is absent when the org commits programs by tier', () => {
    expect(scoreAccount(account, [], [], DEFAULT_SETTINGS, 0).orchestration).toBeUndefined();
  });
});
