import { describe, expect, it } from 'vitest';
import { rowOf } from './test-rows';
import { changesOf, type Decision, selectionLines, tierFill } from './tier-selection';

// Dana's book: what the model says of each account.
const BOOK = [
  rowOf('in-t1-stays', 1, 1),
  rowOf('in-t1-to-t2', 1, 2),
  rowOf('in-t1-to-none', 1, undefined),
  rowOf('t2-up-to-t1', 2, 1, { gradeWorst: 'A', fit: 90 }),
  rowOf('untiered-up-to-t1', undefined, 1),
  rowOf('t3-up-to-t1', 3, 1, { fit: 60 }),
  rowOf('untiered-to-t2', undefined, 2),
  rowOf('in-t2-stays', 2, 2),
];
const none = new Map<string, Decision>();
const kinds = (lines: ReturnType<typeof selectionLines>) => lines.map((l) => [l.row.id, l.kind, l.proposed]);

describe('tier selection with a rep', () => {
  it('lists for Tier 1 the accounts recommended into it and those recommended out of it, best fit first', () => {
    expect(kinds(selectionLines(BOOK, 1, none, new Set()))).toEqual([
      ['t2-up-to-t1', 'add', 1],
      // Equal fit: A to Z.
      ['in-t1-to-none', 'leave', undefined],
      ['in-t1-to-t2', 'leave', 2],
      ['untiered-up-to-t1', 'add', 1],
      ['t3-up-to-t1', 'add', 1],
    ]);
  });

  it('offers for Tier 2 the accounts kept out of Tier 1 or moved out of it, and not those placed by hand', () => {
    const tier1 = selectionLines(BOOK, 1, none, new Set());
    const decisions = new Map<string, Decision>([
      ['t2-up-to-t1', { to: 1, how: 'accept' }],
      // Kept out of Tier 1, still untiered: offered for Tier 2.
      ['untiered-up-to-t1', { to: undefined, how: 'keep' }],
      // Kept in Tier 3: offered for Tier 2 too.
      ['t3-up-to-t1', { to: 3, how: 'keep' }],
      // Moved out of Tier 1 to nothing: offered for Tier 2.
      ['in-t1-to-none', { to: undefined, how: 'accept' }],
      // Moved to Tier 2 as recommended: in Tier 2 already, not offered again.
      ['in-t1-to-t2', { to: 2, how: 'accept' }],
    ]);
    const before = new Set(tier1.map((l) => l.row.id));
    expect(kinds(selectionLines(BOOK, 2, decisions, before))).toEqual([
      ['in-t1-to-none', 'offered', 2],
      ['untiered-to-t2', 'add', 2],
      ['untiered-up-to-t1', 'offered', 2],
      // Fit 60 against the others' 70: last.
      ['t3-up-to-t1', 'offered', 2],
    ]);
    // A tier the rep chose by hand is their answer: the account is not offered again.
    const chosen = new Map(decisions).set('t3-up-to-t1', { to: 3, how: 'change' });
    expect(kinds(selectionLines(BOOK, 2, chosen, before)).map(([id]) => id)).not.toContain('t3-up-to-t1');
  });

  it('counts each tier org-wide and for the rep with the decisions applied', () => {
    const others = [rowOf('lee-1', 1, 1, { owner: 'Lee' }), rowOf('lee-2', 2, 2, { owner: 'Lee' })];
    const tiers = [
      { tier: 1 as const, capacity: 4 },
      { tier: 2 as const, capacity: 10 },
      { tier: 3 as const, capacity: 20 },
    ];
    expect(tierFill([...BOOK, ...others], 'Dana', tiers, none)).toEqual([
      { tier: 1, all: 4, mine: 3, capacity: 4 },
      { tier: 2, all: 3, mine: 2, capacity: 10 },
      { tier: 3, all: 1, mine: 1, capacity: 20 },
    ]);
    const decisions = new Map<string, Decision>([
      ['untiered-up-to-t1', { to: 1, how: 'accept' }],
      ['t3-up-to-t1', { to: 1, how: 'accept' }],
    ]);
    expect(tierFill([...BOOK, ...others], 'Dana', tiers, decisions)[0]).toEqual({
      tier: 1,
      all: 6,
      mine: 5,
      capacity: 4,
    });
  });

  it('changes only the accounts whose tier a decision changes', () => {
    const decisions = new Map<string, Decision>([
      ['in-t1-stays', { to: 1, how: 'keep' }],
      ['untiered-up-to-t1', { to: 1, how: 'accept' }],
      ['in-t1-to-none', { to: undefined, how: 'accept' }],
    ]);
    expect(changesOf(BOOK, decisions).map((c) => [c.row.id, c.from, c.to])).toEqual([
      ['in-t1-to-none', 1, undefined],
      ['untiered-up-to-t1', undefined, 1],
    ]);
  });
});
