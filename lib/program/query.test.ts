import { describe, expect, it } from 'vitest';
import type { Segment } from '../settings/types';
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
    ['no owner', { owner: null }, ['nograde', 'hooli', 'umbrella']],
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
    // Latest first; accounts without an action still last, in the same order.
    [
      'due date, latest first',
      { key: 'due', reversed: true },
      ['globex', 'initech', 'acme', 'hooli', 'umbrella', 'nograde'],
    ],
    // F first, then up to A; ungraded still last.
    [
      'grade, worst first',
      { key: 'grade', reversed: true },
      ['hooli', 'umbrella', 'globex', 'initech', 'acme', 'nograde'],
    ],
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

  it('filters by an owner called "none" as by any other, apart from the accounts without an owner', () => {
    const index = new AccountIndex([row('1', { owner: 'none' }), row('2', { owner: undefined })]);
    expect([...index.query({ owner: 'none' }, { key: 'name' }, NOW)]).toEqual([0]);
    expect([...index.query({ owner: null }, { key: 'name' }, NOW)]).toEqual([1]);
  });

  it('finds an account by any of its domains, not only the first', () => {
    const index = new AccountIndex([
      row('1', { name: 'Acme', domain: 'acme.com', moreDomains: ['acme-corp.de', 'acme.co.uk'] }),
      row('2', { name: 'Globex', domain: 'globex.com' }),
    ]);
    expect([...index.query({ search: 'acme-corp' }, { key: 'name' }, NOW)]).toEqual([0]);
    expect([...index.query({ search: 'co.uk' }, { key: 'name' }, NOW)]).toEqual([0]);
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

describe('the segment of the orchestration template by grade', () => {
  // Fit ranks by definition, the worst-case letter first, then the fit: A1 (worst A, 90) is 1st;
  // B80 2nd and B60 3rd; then the worst-case Cs, C99 4th and "A?" (could be C, 95) 5th; Blank
  // has no grade and no rank.
  const rows = [
    row('a1', { grade: 'A', gradeWorst: 'A', gradeBest: 'A', fit: 90 }),
    row('a?', { grade: 'A', gradeWorst: 'C', gradeBest: 'A', uncertain: true, fit: 95 }),
    row('b80', { grade: 'B', gradeWorst: 'B', gradeBest: 'B', fit: 80 }),
    row('b60', { grade: 'B', gradeWorst: 'B', gradeBest: 'B', fit: 60 }),
    row('c99', { grade: 'C', gradeWorst: 'C', gradeBest: 'C', fit: 99 }),
    row('blank'),
  ];
  const top2: Segment = { kind: 'top', id: 'top', count: 2 };
  const ab: Segment = { kind: 'grades', id: 'a-b', grades: ['A', 'B'] };
  const rest: Segment = { kind: 'remaining', id: 'rest' };
  const template = { segments: [top2, ab, rest] };
  const segmented = new AccountIndex(rows).withSegments(template);
  const inSegment = (index: AccountIndex, segment: string | null) =>
    [...index.query({ segment }, { key: 'name' }, NOW)].map((i) => rows[i]?.id);

  it.each<[string, string | null, string[]]>([
    // The two best ranks: the A, then the better B.
    ['Top 2 by fit', 'top', ['a1', 'b80']],
    // The other B; "A?" is a C at worst, and the worst case is what counts.
    ['A and B', 'a-b', ['b60']],
    // The high-fit C, the uncertain A, and the account without a grade.
    ['remaining', 'rest', ['a?', 'blank', 'c99']],
    ['in no segment: "remaining" takes everyone', null, []],
    ['a segment the template does not have', 'gone', []],
  ])('%s', (_, segment, expected) => {
    expect(inSegment(segmented, segment)).toEqual(expected);
  });

  it('names each row’s segment as the card does', () => {
    const label = segmented.segmentLabels();
    expect(rows.map((_, i) => label?.(i))).toEqual([
      'Top 2 accounts',
      'Remaining',
      'Top 2 accounts',
      'A and B',
      'Remaining',
      'Remaining',
    ]);
  });

  it('leaves the rows no segment takes in none, without "remaining"', () => {
    const partial = new AccountIndex(rows).withSegments({ segments: [top2, ab] });
    expect(inSegment(partial, null)).toEqual(['a?', 'blank', 'c99']);
    expect(partial.segmentLabels()?.(4)).toBeUndefined();
  });

  it('checks the segments in order: with "A and B" first, the top 2 takes no one it already took', () => {
    const reordered = new AccountIndex(rows).withSegments({ segments: [ab, top2, rest] });
    expect(inSegment(reordered, 'a-b')).toEqual(['a1', 'b60', 'b80']);
    expect(inSegment(reordered, 'top')).toEqual([]);
  });

  it('calls a segment by its own name when it has one', () => {
    const named = new AccountIndex(rows).withSegments({ segments: [{ ...top2, name: 'Strategic' }, rest] });
    expect(named.segmentLabels()?.(0)).toBe('Strategic');
  });

  it('has no segments, and a segment filter matches nothing, when no template is placed', () => {
    const plain = new AccountIndex(rows);
    expect(plain.segmentLabels()).toBeUndefined();
    expect(inSegment(plain, 'top')).toEqual([]);
  });

  it('combines the segment with the other filters', () => {
    expect([...segmented.query({ segment: 'rest', grade: 'C' }, { key: 'name' }, NOW)].map((i) => rows[i]?.id)).toEqual(
      ['c99'],
    );
  });
});

describe('an index patched with the rows an edit rescored', () => {
  const template = {
    segments: [
      { kind: 'top', id: 'top', count: 2 },
      { kind: 'grades', id: 'a-b', grades: ['A', 'B'] },
    ] as Segment[],
  };
  const sorts: AccountSort[] = (['engagement', 'grade', 'due', 'name'] as const).flatMap((key) => [
    { key },
    { key, reversed: true },
  ]);
  const filters: AccountFilter[] = [{}, { assignedTier: 1 }, { owner: 'Dana' }, { segment: 'top' }, { segment: null }];

  /** Every query of `patched` answers as an index built from scratch over the same rows. */
  const expectSameAsBuilt = (patched: AccountIndex, rows: ScoreRow[]) => {
    const built = new AccountIndex(rows).withSegments(template);
    for (const sort of sorts) {
      for (const filter of filters) {
        expect([...patched.query(filter, sort, NOW)], JSON.stringify({ filter, sort })).toEqual([
          ...built.query(filter, sort, NOW),
        ]);
      }
    }
    const label = patched.segmentLabels();
    const builtLabel = built.segmentLabels();
    expect(rows.map((_, i) => label?.(i))).toEqual(rows.map((_, i) => builtLabel?.(i)));
    expect(patched.rows).toBe(rows);
  };

  /** ROWS indexed, every order sorted and the template placed: the index the view holds. */
  const held = () => {
    const index = new AccountIndex(ROWS).withSegments(template);
    for (const { key } of sorts) index.prepare(key);
    return index;
  };
  const replace = (at: number, over: Partial<ScoreRow>) => ROWS.map((r, i) => (i === at ? { ...r, ...over } : r));

  it('answers as a new index when an edit changes the tier, engagement and due date of one row', () => {
    // Globex: Tier 1 assigned, now the most engaged, due soonest of all (the due order's origin moves).
    const rows = replace(1, { assignedTier: 1, engagement: 99, nextDue: NOW - 10 * HOUR });
    expectSameAsBuilt(held().patched(rows, [1]), rows);
  });

  it('places the edited rows in their segment again, and moves the ranks when the fit changed', () => {
    // Umbrella a certain A at fit 99: first by fit, so Acme (A) is 2nd and Initech (B) leaves the top 2.
    const rows = replace(3, { grade: 'A', gradeWorst: 'A', gradeBest: 'A', fit: 99 });
    const patched = held().patched(rows, [3]);
    expectSameAsBuilt(patched, rows);
    expect([...patched.query({ segment: 'top' }, { key: 'name' }, NOW)].map((i) => rows[i]?.id)).toEqual([
      'acme',
      'umbrella',
    ]);
  });

  it('keeps ties in row order: an edited row that now ties with a later one stays before it', () => {
    // Globex a certain B: the same engagement and grade as Initech, the row after it.
    const rows = replace(1, { uncertain: false, gradeWorst: 'B', gradeBest: 'B' });
    expectSameAsBuilt(held().patched(rows, [1]), rows);
  });

  it('lists a new owner an edited row names', () => {
    const rows = replace(5, { owner: 'Kim' });
    const patched = held().patched(rows, [5]);
    expectSameAsBuilt(patched, rows);
    expect(patched.owners()).toEqual(['Dana', 'Kim', 'Lee']);
  });

  it('builds anew when the rows are not the same accounts in the same places', () => {
    const rows = [...ROWS.slice(0, 2), ...ROWS.slice(3)];
    expectSameAsBuilt(held().patched(rows, [2]), rows);
  });
});
