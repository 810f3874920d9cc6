import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../db/contacts';
import { TierlensDB } from '../db/db';
import type { LocalEdit } from '../db/outbox';
import { initialState, recordEdit, resolveConflict, retryEdit, undoEdit } from './record';

let db: TierlensDB;
let n = 0;
let ids = 0;
const newId = () => `id-${++ids}`;
const T0 = Date.UTC(2026, 10, 18, 9);

beforeEach(async () => {
  db = new TierlensDB(`tierlens-record-${++n}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const tags = (accountId: string, value: string[], base: string[]) =>
  ({ kind: 'tags', entityId: accountId, accountId, value, base }) as const;

describe('recording an edit', () => {
  it('is on disk, with its op id, base and account, when it resolves', async () => {
    const edit = await recordEdit(db, tags('hubspot:1', ['ABM'], []), T0, newId);
    expect(await db.outbox.get(edit.opId)).toEqual({
      opId: edit.opId,
      kind: 'tags',
      entityId: 'hubspot:1',
      accountId: 'hubspot:1',
      value: ['ABM'],
      base: [],
      createdAt: T0,
      state: 'pending',
      attempts: 0,
    });
  });

  it.each`
    kind              | entityId        | accountId      | state
    ${'tags'}         | ${'hubspot:1'}  | ${'hubspot:1'} | ${'pending'}
    ${'buying_roles'} | ${'hubspot:c9'} | ${'hubspot:1'} | ${'pending'}
    ${'tags'}         | ${'demo:1'}     | ${'demo:1'}    | ${'local'}
    ${'tier'}         | ${'file:1'}     | ${'file:1'}    | ${'local'}
    ${'target'}       | ${'feed:1'}     | ${'feed:1'}    | ${'local'}
    ${'new_contact'}  | ${'local:c1'}   | ${'hubspot:1'} | ${'pending'}
    ${'buying_roles'} | ${'local:c1'}   | ${'hubspot:1'} | ${'pending'}
    ${'new_contact'}  | ${'local:c1'}   | ${'demo:1'}    | ${'local'}
    ${'buying_roles'} | ${'local:c1'}   | ${'demo:1'}    | ${'local'}
  `(
    'a $kind edit of $entityId at $accountId starts $state: HubSpot gets it, other sources keep it here',
    ({ kind, entityId, accountId, state }) => {
      expect(initialState({ kind, entityId, accountId })).toBe(state);
    },
  );

  it('gives every edit its own op id', async () => {
    const a = await recordEdit(db, tags('demo:1', ['A'], []), T0);
    const b = await recordEdit(db, tags('demo:1', ['A', 'B'], ['A']), T0);
    expect(a.opId).not.toBe(b.opId);
    expect(await db.outbox.count()).toBe(2);
  });
});

describe('undo', () => {
  it('takes a whole value back by a new edit to the value before, as safe to push as the first', async () => {
    const edit = await recordEdit(db, tags('hubspot:1', ['ABM', 'Event'], ['ABM']), T0, newId);
    await db.outbox.update(edit.opId, { state: 'pushed', confirmedAt: T0 + 5 });
    expect(await undoEdit(db, edit.opId, T0 + 10, newId)).toBe('reverted');
    const all = await db.outbox.orderBy('createdAt').toArray();
    expect(all.map((e) => [e.value, e.base, e.state])).toEqual([
      [['ABM', 'Event'], ['ABM'], 'pushed'],
      [['ABM'], ['ABM', 'Event'], 'pending'],
    ]);
  });

  it('comes after the edit it undoes, even within the same millisecond', async () => {
    const edit = await recordEdit(db, { kind: 'tier', entityId: 'demo:1', accountId: 'demo:1', value: 1, base: 2 }, T0);
    await undoEdit(db, edit.opId, T0 - 1000);
    const undo = (await db.outbox.toArray()).find((e) => e.opId !== edit.opId);
    expect(undo?.createdAt).toBeGreaterThan(edit.createdAt);
    expect(undo?.value).toBe(2);
  });

  it('discards a note not sent yet, and cannot take back one the CRM has', async () => {
    const note = {
      kind: 'note',
      entityId: 'hubspot:1',
      accountId: 'hubspot:1',
      value: { text: 'Hi', by: '' },
      base: null,
    } as const;
    const waiting = await recordEdit(db, note, T0);
    expect(await undoEdit(db, waiting.opId, T0)).toBe('discarded');
    expect((await db.outbox.get(waiting.opId))?.state).toBe('discarded');
    const sent = await recordEdit(db, note, T0);
    await db.outbox.update(sent.opId, { state: 'pushing' });
    expect(await undoEdit(db, sent.opId, T0)).toBe('too-late');
    expect((await db.outbox.get(sent.opId))?.state).toBe('pushing');
  });

  it('discards a contact added here together with the roles set on it', async () => {
    const contact: Contact = { id: 'local:c1', accountId: 'demo:1', name: 'Sam', buyingRoles: [], updatedAt: T0 };
    const added = await recordEdit(
      db,
      { kind: 'new_contact', entityId: contact.id, accountId: 'demo:1', value: contact, base: null },
      T0,
    );
    const roles = await recordEdit(
      db,
      { kind: 'buying_roles', entityId: contact.id, accountId: 'demo:1', value: ['CHAMPION'], base: [] },
      T0 + 1,
    );
    expect(await undoEdit(db, added.opId, T0 + 2)).toBe('discarded');
    expect((await db.outbox.get(roles.opId))?.state).toBe('discarded');
  });

  it('of an edit that is gone does nothing', async () => {
    expect(await undoEdit(db, 'nope', T0)).toBe('too-late');
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('retry', () => {
  it('sends a failed edit again, forgetting why it failed', async () => {
    const edit = await recordEdit(db, tags('hubspot:1', ['ABM'], []), T0);
    await db.outbox.update(edit.opId, {
      state: 'failed',
      lastError: 'the property does not exist',
      nextAttemptAt: T0 + 9,
    });
    expect(await retryEdit(db, edit.opId)).toBe(true);
    expect(await db.outbox.get(edit.opId)).toMatchObject({ state: 'pending' });
    expect((await db.outbox.get(edit.opId))?.lastError).toBeUndefined();
    expect((await db.outbox.get(edit.opId))?.nextAttemptAt).toBeUndefined();
  });

  it('leaves any other edit alone', async () => {
    const edit = await recordEdit(db, tags('hubspot:1', ['ABM'], []), T0);
    expect(await retryEdit(db, edit.opId)).toBe(false);
  });
});

describe('settling a conflict', () => {
  async function conflicted(): Promise<LocalEdit[]> {
    const first = await recordEdit(db, tags('hubspot:1', ['ABM'], []), T0);
    const second = await recordEdit(db, tags('hubspot:1', ['ABM', 'Event'], ['ABM']), T0 + 1);
    for (const e of [first, second]) {
      await db.outbox.update(e.opId, { state: 'conflict', remote: ['Partner'] });
    }
    return [first, second];
  }

  it('“Keep mine” sends the user’s last value again, on the CRM’s value as its base', async () => {
    const [first] = await conflicted();
    expect(await resolveConflict(db, (first as LocalEdit).opId, 'mine', T0 + 10, newId)).toBe(true);
    const open = (await db.outbox.toArray()).filter((e) => e.state !== 'discarded');
    expect(open).toEqual([
      expect.objectContaining({ kind: 'tags', value: ['ABM', 'Event'], base: ['Partner'], state: 'pending' }),
    ]);
  });

  it('“Take HubSpot’s” keeps the CRM’s value and discards every conflicting edit of the field', async () => {
    const [first, second] = await conflicted();
    expect(await resolveConflict(db, (second as LocalEdit).opId, 'theirs', T0 + 10, newId)).toBe(true);
    expect((await db.outbox.get((first as LocalEdit).opId))?.state).toBe('discarded');
    expect((await db.outbox.get((second as LocalEdit).opId))?.state).toBe('discarded');
    const rest = (await db.outbox.toArray()).filter((e) => e.state !== 'discarded');
    expect(rest).toEqual([expect.objectContaining({ value: ['Partner'], state: 'pushed', confirmedAt: T0 + 10 })]);
  });

  it('does nothing to an edit that is not in conflict', async () => {
    const edit = await recordEdit(db, tags('hubspot:1', ['ABM'], []), T0);
    expect(await resolveConflict(db, edit.opId, 'mine', T0)).toBe(false);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('the change log of tier changes and target designations', () => {
  const tier = (value: 1 | 2 | null, base: 1 | 2 | null, by?: string) =>
    ({ kind: 'tier', entityId: 'hubspot:1', accountId: 'hubspot:1', value, base, by, accountName: 'Acme' }) as const;

  it('logs a tier edit with who, when, before and after, beside its outbox entry', async () => {
    const edit = await recordEdit(db, tier(1, 2, 'Priya Shah'), T0, newId);
    expect(await db.changeLog.toArray()).toEqual([
      {
        seq: 1,
        at: T0,
        who: 'Priya Shah',
        kind: 'tier',
        accountId: 'hubspot:1',
        accountName: 'Acme',
        before: 2,
        after: 1,
        opId: edit.opId,
      },
    ]);
  });

  it('logs nothing when the edit is not written: one transaction holds both', async () => {
    await recordEdit(db, tier(1, 2), T0, () => 'same-id');
    await expect(recordEdit(db, tier(2, 1), T0 + 1, () => 'same-id')).rejects.toThrow();
    expect((await db.changeLog.toArray()).map((e) => e.after)).toEqual([1]);
  });

  it('names "someone" when the user has not set their name, and logs a target designation', async () => {
    await recordEdit(
      db,
      { kind: 'target', entityId: 'file:1', accountId: 'file:1', value: true, base: false, by: '  ' },
      T0,
      newId,
    );
    expect(await db.changeLog.toArray()).toMatchObject([
      { who: 'someone', kind: 'target', before: false, after: true },
    ]);
  });

  it('keeps tags, notes and proposals out of the log', async () => {
    await recordEdit(db, tags('hubspot:1', ['ABM'], []), T0, newId);
    expect(await db.changeLog.count()).toBe(0);
  });

  /** A tier edit by Priya from Tier 2 to Tier 1 that met Tier 3 in HubSpot. */
  async function tierConflict(): Promise<LocalEdit> {
    const edit = await recordEdit(db, tier(1, 2, 'Priya Shah'), T0, newId);
    await db.outbox.update(edit.opId, { state: 'conflict', remote: 3 });
    return edit;
  }

  it('logs a conflict settled for HubSpot’s tier: from the user’s value to the CRM’s, by whoever settled', async () => {
    const edit = await tierConflict();
    expect(await resolveConflict(db, edit.opId, 'theirs', T0 + 10, newId, 'Sam Lee')).toBe(true);
    const log = await db.changeLog.orderBy('seq').toArray();
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({
      at: T0 + 10,
      who: 'Sam Lee',
      kind: 'tier',
      accountId: 'hubspot:1',
      accountName: 'Acme',
      before: 1,
      after: 3,
      settles: edit.opId,
    });
  });

  it('logs a conflict settled for the user’s tier: the CRM’s value replaced, by whoever made the edit when unnamed', async () => {
    const edit = await tierConflict();
    expect(await resolveConflict(db, edit.opId, 'mine', T0 + 10, newId)).toBe(true);
    const settled = (await db.outbox.toArray()).find((e) => e.state === 'pending');
    expect((await db.changeLog.orderBy('seq').toArray())[1]).toMatchObject({
      who: 'Priya Shah',
      before: 3,
      after: 1,
      opId: settled?.opId,
      settles: edit.opId,
    });
  });

  it('logs no settlement of a field the log does not keep', async () => {
    const edit = await recordEdit(db, tags('hubspot:1', ['ABM'], []), T0, newId);
    await db.outbox.update(edit.opId, { state: 'conflict', remote: ['Partner'] });
    await resolveConflict(db, edit.opId, 'theirs', T0 + 10, newId);
    expect(await db.changeLog.count()).toBe(0);
  });

  it('logs an undo as its own change, by whoever made the edit, back to the value before', async () => {
    const edit = await recordEdit(db, tier(1, null, 'Priya Shah'), T0, newId);
    expect(await undoEdit(db, edit.opId, T0 + 60_000, newId)).toBe('reverted');
    const log = await db.changeLog.orderBy('seq').toArray();
    expect(log[1]).toMatchObject({
      at: T0 + 60_000,
      who: 'Priya Shah',
      kind: 'tier',
      accountName: 'Acme',
      before: 1,
      after: null,
      undoOf: edit.opId,
    });
  });
});
