import { describe, expect, it } from 'vitest';
import type { EditKind, LocalEdit, PushState } from '../db/outbox';
import { planPush } from './plan';

const NOW = Date.UTC(2026, 11, 1, 9);
let serial = 0;

function edit(kind: EditKind, value: unknown, base: unknown, extra: Partial<LocalEdit> = {}): LocalEdit {
  serial++;
  return {
    opId: `op${serial}`,
    kind,
    entityId: 'hubspot:1',
    accountId: 'hubspot:1',
    value,
    base,
    createdAt: NOW - 1000 + serial,
    state: 'pending' as PushState,
    attempts: 0,
    ...extra,
  } as LocalEdit;
}

describe('planPush', () => {
  it('folds several changes of one field into one write of the last value, settling all of them', () => {
    const a = edit('tags', ['a'], []);
    const b = edit('tags', ['a', 'b'], ['a']);
    const c = edit('tags', ['b'], ['a', 'b']);
    const [op, ...rest] = planPush([c, a, b], NOW);
    expect(rest).toEqual([]);
    expect(op).toMatchObject({ kind: 'tags', value: ['b'], base: [], opIds: [a.opId, b.opId, c.opId], opId: c.opId });
  });

  it('accepts as the source value what the user saw and what an earlier write of the chain may have left', () => {
    // a was sent and its answer lost; b was made after, on a's value.
    const a = edit('tier', 2, 1, { state: 'pushing' });
    const b = edit('tier', 3, 2);
    const [op] = planPush([a, b], NOW);
    expect(op?.bases).toEqual([1, 2]);
    expect(op?.value).toBe(3);
  });

  it("accepts a synced value that a later edit was made on: the user chose over someone else's change", () => {
    const a = edit('target', true, false);
    const b = edit('target', false, true);
    const c = edit('target', true, 'synced-by-then' as unknown);
    expect(planPush([a, b, c], NOW)[0]?.bases).toEqual([false, true, 'synced-by-then']);
  });

  it('accepts the base of a refused edit of the field: the refusal changed nothing in the source', () => {
    const refused = edit('tags', ['x'], ['old'], { state: 'failed', lastError: 'refused' });
    const next = edit('tags', ['y'], ['x']);
    const [op] = planPush([refused, next], NOW);
    expect(op?.opIds).toEqual([next.opId]);
    expect(op?.bases).toEqual([['x'], ['old']]);
  });

  it('sends each note and each record to create on its own', () => {
    const n1 = edit('note', { text: 'one', by: 'Ada' }, null);
    const n2 = edit('note', { text: 'two', by: 'Ada' }, null);
    expect(planPush([n1, n2], NOW).map((op) => op.opIds)).toEqual([[n1.opId], [n2.opId]]);
    // Two contacts added to one account: two creations, neither folded into the other.
    const c1 = edit('new_contact', { id: 'local:c1', name: 'Sam' }, null, { entityId: 'local:c1' });
    const c2 = edit('new_contact', { id: 'local:c2', name: 'Kim' }, null, { entityId: 'local:c2' });
    const a1 = edit('new_account', { id: 'local:a1' }, null, { entityId: 'local:a1', accountId: 'local:a1' });
    const a2 = edit('new_account', { id: 'local:a2' }, null, { entityId: 'local:a2', accountId: 'local:a2' });
    expect(planPush([c1, c2, a1, a2], NOW).map((op) => [op.opIds, op.value])).toEqual([
      [[a1.opId], { id: 'local:a1' }],
      [[a2.opId], { id: 'local:a2' }],
      [[c1.opId], { id: 'local:c1', name: 'Sam' }],
      [[c2.opId], { id: 'local:c2', name: 'Kim' }],
    ]);
  });

  it('puts records to create first, accounts before contacts, so that edits of them find them', () => {
    const roles = edit('buying_roles', ['CHAMPION'], [], { entityId: 'hubspot:7' });
    const contact = edit('new_contact', { id: 'local:c' }, null, { entityId: 'local:c' });
    const account = edit('new_account', { id: 'local:a' }, null, { entityId: 'local:a', accountId: 'local:a' });
    expect(planPush([roles, contact, account], NOW).map((op) => op.kind)).toEqual([
      'new_account',
      'new_contact',
      'buying_roles',
    ]);
  });

  it('holds a whole field back while one of its edits waits out its backoff, and plans it once due', () => {
    const waiting = edit('tier', 2, 1, { nextAttemptAt: NOW + 5000, attempts: 1 });
    const later = edit('tier', 3, 2);
    const other = edit('target', true, false);
    expect(planPush([waiting, later, other], NOW).map((op) => op.kind)).toEqual(['target']);
    expect(planPush([waiting, later, other], NOW + 5000).map((op) => op.opIds)).toEqual([
      [waiting.opId, later.opId],
      [other.opId],
    ]);
  });

  it.each<PushState>(['pushed', 'failed', 'conflict', 'local', 'discarded'])('never plans a %s edit', (state) => {
    expect(planPush([edit('tier', 1, null, { state })], NOW)).toEqual([]);
  });

  it('keeps the order of edits made in the same millisecond as they were stored', () => {
    const a = edit('tier', 1, null, { createdAt: NOW });
    const b = edit('tier', 2, 1, { createdAt: NOW });
    expect(planPush([a, b], NOW)[0]?.value).toBe(2);
  });
});
