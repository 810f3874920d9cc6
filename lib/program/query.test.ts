import { describe, expect, it } from 'vitest';
import { type AccountFilter, AccountIndex, type AccountSort } from './query';
import type { ScoreRow } from './score-row';
import { scoreRow } from './test-rows';

const NOW = Date.UTC(2026, 11, 1, 12);
const HOUR = 3_600_000;

/** A row with defaults a test overrides: untiered, ungraded, quiet. */
const row = (id: string, over: Partial<ScoreRow> = {}): ScoreRow =>
  scoreRow({
    id,
    name: id,
    assignedTier: undefined,
    recommendedTier: undefined,
    agreement: 'not-recommended',
    grade: null,
    gradeWorst: null,
    gradeBest: null,
    fit: 0,
    engagement: 0,
    level: 1,
    trend: 'quiet',
    weekly: [],
    contactCount: 0,
    ...over,
  });

const ROWS: ScoreRow[] = [
  row('acme', {
    name: 'Acme Corp',
    domain: 'acme.com',
    assignedTier: 1,
    recommendedTier: 1,
    grade: 'A',
    gradeWorst: 'A',
    gradeBest: 'A',
    engagement: 80,
    level: 5,
    trend: 'surging',
    owner: 'Dana',
    isTarget: true,
    followUpDue: NOW - HOUR,
    nextDue: NOW - HOUR,
  }),
  row('globex', {
    name: 'Globex',
    domain: 'globex.io',
    assignedTier: 2,
    recommendedTier: 1,
    grade: 'B',
    gradeWorst: 'C',
    gradeBest: 'A',
    uncertain: true,
    engagement: 55,
    level: 3,
    trend: 'steady',
    owner: 'Lee',
    missingRoles: ['CHAMPION'],
    nextDue: NOW + 5 * HOUR,
  }),
  row('initech', {
    name: 'Initech',
    domain: 'initech.com',
    assignedTier: 2,
    recommendedTier: 2,
    grade: 'B',
    gradeWorst: 'B',
    gradeBest: 'B',
    engagement: 55,
    level: 3,
    trend: 'cooling',
    owner: 'Dana',
    followUpDue: NOW + HOUR,
    nextDue: NOW + HOUR,
  }),
  row('umbrella', {
    name: 'Umbrella',
    domain: 'umbrella.example',
    recommendedTier: 3,
    grade: 'C',
    gradeWorst: 'C',
    gradeBest: 'C',
    engagement: 10,
    level: 2,
  }),
  row('hooli', {
    name: 'Hooli',
    assignedTier: 3,
    grade: 'F',
    gradeWorst: 'F',
    gradeBest: 'F',
    engagement: 95,
    level: 5,
    trend: 'surging',
    isTarget: true,
  }),
  row('nograde', { name: 'Blank Inc', domain: 'acmeish.net' }),
];

const index = new AccountIndex(ROWS);
const ids = (filter: AccountFilter, sort: AccountSort = { key: 'name' }) =>
  [...index.query(filter, sort, NOW)].map((i) => ROWS[i]?.id);

describe('the accounts view’s filters', () => {
  it.each<[string, AccountFilter, string[]]>([
    ['no filter: every account, A to Z', {}, ['acme', 'nograde', 'globex', 'hooli', 'initech', 'umbrella']],
    ['search matches the name, any case', { search: 'GLOB' }, ['globex']],
    ['search matches the domain', { search: 'acme' }, ['acme', 'nograde']],
    ['assigned Tier 2', { assignedTier: 2 }, ['globex', 'initech']],
    ['untiered', { assignedTier: 'none' }, ['nograde', 'umbrella']],
    ['recommended Tier 1', { recommendedTier: 1 }, ['acme', 'globex']],
    ['grade B, certain or not', { grade: 'B' }, ['globex', 'initech']],
    ['grade B the missing data could change', { grade: 'B', uncertain: true }, ['globex']],
    ['ungraded: no ICP data', { grade: 'none' }, ['nograde']],
    ['engagement level 5', { level: 5 }, ['acme', 'hooli']],
    ['surging', { trend: 'surging' }, ['acme', 'hooli']],
    ['owner Dana', { owner: 'Dana' }, ['acme', 'initech']],
    ['no owner', { owner: 'none' }, ['nograde', 'hooli', 'umbrella']],
    ['targets', { target: true }, ['acme', 'hooli']],
    // Globex (2 → 1), Umbrella (untiered → 3), Hooli (3 → none): Acme and Initech agree, and so does the account with neither.
    ['recommended ≠ assigned', { disagreement: true }, ['globex', 'hooli', 'umbrella']],
    ['follow-up past its SLA', { overdue: true }, ['acme']],
    ['a required role nobody holds', { missingRoles: true }, ['globex']],
    ['filters combine: Dana’s Tier 2 accounts', { owner: 'Dana', assignedTier: 2 }, ['initech']],
  ])('%s', (_, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });
});

describe('the accounts view’s orders', () => {
  it.each<[string, AccountSort, string[]]>([
    // A tie (Globex and Initech at 55) goes to the better grade: Initech's certain B before Globex's "B?".
    ['engagement, highest first', { key: 'engagement' }, ['hooli', 'acme', 'initech', 'globex', 'umbrella', 'nograde']],
    [
      'engagement, lowest first',
      { key: 'engagement', reversed: true },
      ['nograde', 'umbrella', 'globex', 'initech', 'acme', 'hooli'],
    ],
    // A, then the certain B before the uncertain one, …, F, then ungraded.
    ['grade, best first', { key: 'grade' }, ['acme', 'initech', 'globex', 'umbrella', 'hooli', 'nograde']],
    // Overdue first; accounts without an action last, the most engaged of them first.
    ['due date, soonest first', { key: 'due' }, ['acme', 'initech', 'globex', 'hooli', 'umbrella', 'nograde']],
  ])('%s', (_, sort, expected) => {
    expect(ids({}, sort)).toEqual(expected);
  });

  it('filters within an order', () => {
    expect(ids({ assignedTier: 2 }, { key: 'due' })).toEqual(['initech', 'globex']);
  });

  it('orders a name in any case beside the same name capitalised', () => {
    const names = new AccountIndex([
      row('1', { name: 'beta' }),
      row('2', { name: 'Alpha' }),
      row('3', { name: 'alpha' }),
    ]);
    expect([...names.query({}, { key: 'name' }, NOW)]).toEqual([1, 2, 0]);
  });

  it('finds a search only within one account’s name or domain, never across two', () => {
    const two = new AccountIndex([row('1', { name: 'Acme', domain: 'x.com' }), row('2', { name: 'Ltd' })]);
    expect([...two.query({ search: 'acme' }, { key: 'name' }, NOW)]).toEqual([0]);
    expect([...two.query({ search: 'comltd' }, { key: 'name' }, NOW)]).toEqual([]);
    expect([...two.query({ search: 'acmex' }, { key: 'name' }, NOW)]).toEqual([]);
  });

  it('matches nothing for an owner no account names', () => {
    expect(ids({ owner: 'Nobody' })).toEqual([]);
  });

  it('lists the owners once each, A to Z', () => {
    expect(index.owners()).toEqual(['Dana', 'Lee']);
  });
});
