/**
 * The push engine over a real outbox (Dexie on fake-indexeddb) and the HubSpot target against
 * the in-process HubSpot server: edits reach HubSpot once, their states say what happened, and
 * a stop at any moment loses nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_TIERLENS_PROPERTIES,
  type InProcessHubSpot,
  inProcessHubSpot,
  tierlensDefinitions,
} from '../../../test/support/hubspot-server';
import type { Contact } from '../../db/contacts';
import { TierlensDB } from '../../db/db';
import type { EditKind, EditValues, LocalEdit } from '../../db/outbox';
import { type EditInput, recordEdit, undoEdit } from '../../edits/record';
import { DEFAULT_WRITE_BACK } from '../../settings/defaults';
import { createHubSpotTarget } from '../hubspot/push';
import { PUSH_RETRY, runPush } from './engine';
import type { PushTarget } from './types';

const T0 = Date.UTC(2026, 5, 1, 9);
let clock = T0;
let db: TierlensDB;
let portal: InProcessHubSpot;

beforeEach(() => {
  clock = T0;
  db = new TierlensDB(`push-engine-${Math.random().toString(36).slice(2)}`);
  portal = inProcessHubSpot({ now: () => clock, tenSecondlyLimit: Number.POSITIVE_INFINITY, hang: 'time-out' });
  portal.data.defineProperties(tierlensDefinitions(DEFAULT_TIERLENS_PROPERTIES));
});
afterEach(() => db.delete());

const target = (fetch: typeof globalThis.fetch = portal.fetch) =>
  createHubSpotTarget({ token: portal.token, apiBase: portal.url, fetch, writeBack: DEFAULT_WRITE_BACK });
const run = (t: PushTarget = target()) => runPush(db, t, { source: 'hubspot', now: () => clock, random: () => 0.5 });
const edit = <K extends EditKind>(kind: K, entityId: string, value: EditValues[K], base: EditValues[K] | null) =>
  recordEdit(db, { kind, entityId, accountId: entityId, value, base } as EditInput<K>, clock++);
const stored = async (opId: string) => (await db.outbox.get(opId)) as LocalEdit;
const company = (props: Record<string, string> = {}) => portal.data.create('companies', { name: 'Acme', ...props });

describe('a run', () => {
  it('marks an edit `pushing` (sent) only once the read is done, just before the write carrying it leaves', async () => {
    const c = company();
    const e = await edit('tier', `hubspot:${c.id}`, 2, null);
    const seen: Array<[string, string]> = [];
    const watched = (input: RequestInfo | URL, init?: RequestInit) =>
      stored(e.opId).then((now) => {
        seen.push([new URL(String(input)).pathname.split('/').slice(-2).join('/'), now.state]);
        return portal.fetch(input, init);
      });
    await run(target(watched));
    expect(seen).toEqual([
      ['batch/read', 'pending'],
      ['batch/update', 'pushing'],
    ]);
    expect((await stored(e.opId)).state).toBe('pushed');
  });

  it('never marks sent an edit the read finds already there, nor one in conflict', async () => {
    const c = company({ hs_ideal_customer_profile: 'tier_2', hs_is_target_account: 'true' });
    const there = await edit('tier', `hubspot:${c.id}`, 2, 1);
    const theirs = await edit('target', `hubspot:${c.id}`, false, false);
    const marked: string[] = [];
    const watching: PushTarget = {
      push: (ops, signal, hooks) =>
        target().push(ops, signal, {
          beforeWrite: (carried) => {
            marked.push(...carried.flatMap((o) => o.opIds));
            return hooks.beforeWrite(carried);
          },
        }),
    };
    expect(await run(watching)).toMatchObject({ confirmed: 1, alreadyThere: 1, conflicts: 1 });
    expect(marked).toEqual([]);
    expect(portal.data.writes).toEqual([]);
    expect(await stored(there.opId)).toMatchObject({ state: 'pushed' });
    expect(await stored(theirs.opId)).toMatchObject({ state: 'conflict', remote: true });
  });

  it('does not send a note the user takes back while HubSpot is read: Undo still discards it', async () => {
    const c = company();
    const note = await edit('note', `hubspot:${c.id}`, { text: 'Wrong account', by: 'Ada' }, null);
    let undone: string | undefined;
    const undoing = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (/batch\/read/.test(String(input))) undone = await undoEdit(db, note.opId, clock);
      return portal.fetch(input, init);
    };
    await run(target(undoing));
    expect(undone).toBe('discarded');
    expect(await stored(note.opId)).toMatchObject({ state: 'discarded' });
    expect(portal.data.writes).toEqual([]);
  });

  it('settles a field changed several times with one write of the last value, and marks every edit pushed', async () => {
    const c = company();
    const id = `hubspot:${c.id}`;
    const edits = [await edit('tags', id, ['a'], []), await edit('tags', id, ['a', 'b'], ['a'])];
    const result = await run();
    expect(result).toMatchObject({ confirmed: 1, conflicts: 0, failed: 0, retrying: 0 });
    expect(c.properties.tierlens_tags).toBe('a;b');
    expect(portal.data.writes).toHaveLength(1);
    for (const e of edits) expect(await stored(e.opId)).toMatchObject({ state: 'pushed', confirmedAt: clock });
  });

  it('never sends the edits of records HubSpot does not hold: they are local from the start', async () => {
    const e = await edit('tier', 'demo:1', 2, null);
    expect(e.state).toBe('local');
    await run();
    expect(portal.requests).toEqual([]);
    expect((await stored(e.opId)).state).toBe('local');
  });

  it('records a conflict with what HubSpot holds, and a refusal with its reason in plain words', async () => {
    const a = company({ hs_ideal_customer_profile: 'tier_3' });
    const b = company();
    portal.data.removeProperty('companies', 'tierlens_notes');
    const tier = await edit('tier', `hubspot:${a.id}`, 1, 2);
    const note = await edit('note', `hubspot:${b.id}`, { text: 'hi', by: 'Ada' }, null);
    await run();
    expect(await stored(tier.opId)).toMatchObject({ state: 'conflict', remote: 3 });
    expect(await stored(note.opId)).toMatchObject({
      state: 'failed',
      lastError: expect.stringMatching(/^HubSpot has no company property tierlens_notes: create it/),
    });
  });

  it('puts an edit back to wait on a retryable failure, at Retry-After at the earliest, and sends it once due', async () => {
    const c = company();
    const e = await edit('target', `hubspot:${c.id}`, true, false);
    portal.faults.add({ kind: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING', retryAfter: '30' });
    const first = await run();
    const waiting = await stored(e.opId);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringMatching(/slow down/) });
    expect(waiting.nextAttemptAt).toBeGreaterThanOrEqual(clock + 30_000);
    expect(first).toMatchObject({ retrying: 1, nextAttemptAt: waiting.nextAttemptAt });
    // Not due yet: nothing is sent.
    const before = portal.requests.length;
    await run();
    expect(portal.requests.length).toBe(before);
    clock = waiting.nextAttemptAt ?? clock;
    await run();
    expect(await stored(e.opId)).toMatchObject({ state: 'pushed', attempts: 1 });
    expect(c.properties.hs_is_target_account).toBe('true');
  });

  it('keeps an edit whose write may have landed `pushing`, so Undo cannot take back what HubSpot holds', async () => {
    const c = company();
    const id = `hubspot:${c.id}`;
    const landed = await edit('note', id, { text: 'Renewal in May', by: 'Ada' }, null);
    portal.faults.add({ kind: 'lose-response' }, { match: { path: /batch\/update$/ } });
    await run();
    expect(await stored(landed.opId)).toMatchObject({
      state: 'pushing',
      attempts: 1,
      nextAttemptAt: expect.any(Number),
    });
    expect(await undoEdit(db, landed.opId, clock)).toBe('too-late');

    // HubSpot refused to start (429): certainly not applied, so still the user's to take back.
    const refused = await edit('note', id, { text: 'Call back', by: 'Ada' }, null);
    portal.faults.add({ kind: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING' });
    await run();
    expect(await stored(refused.opId)).toMatchObject({ state: 'pending', attempts: 1 });
    expect(await undoEdit(db, refused.opId, clock)).toBe('discarded');
  });

  it('backs off exponentially with full jitter between tries', async () => {
    const c = company();
    const e = await edit('target', `hubspot:${c.id}`, true, false);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      portal.faults.add({ kind: 'status', status: 503 });
      await runPush(db, target(), { source: 'hubspot', now: () => clock, random: () => 1 });
      const next = (await stored(e.opId)).nextAttemptAt ?? 0;
      waits.push(next - clock);
      clock = next;
    }
    expect(waits).toEqual([1, 2, 3, 4].map((n) => Math.min(PUSH_RETRY.maxMs, PUSH_RETRY.baseMs * 2 ** (n - 1))));
  });

  it('pushes more edits than one round takes, 100 ops a round, each in one claim and one record', async () => {
    const companies = portal.data.seedCompanies(250, { props: () => ({ hs_ideal_customer_profile: '' }) });
    for (const c of companies) await edit('tier', `hubspot:${c.id}`, 2, null);
    expect(await run()).toMatchObject({ confirmed: 250, conflicts: 0, retrying: 0 });
    expect(companies.every((c) => c.properties.hs_ideal_customer_profile === 'tier_2')).toBe(true);
    expect(portal.requests.filter((r) => r.path.endsWith('/batch/update'))).toHaveLength(3);
  });

  it('tries a failing field once per run, so a run ends however the source fails', async () => {
    const c = company();
    await edit('target', `hubspot:${c.id}`, true, false);
    portal.faults.add({ kind: 'drop' }, { times: 1000 });
    const result = await runPush(db, target(), { source: 'hubspot', now: () => clock, random: () => 0 });
    expect(result.retrying).toBe(1);
    expect(portal.requests).toHaveLength(1);
  });

  it('creates a new contact, then sends the edits of it to the id HubSpot gave it, in the same run', async () => {
    const c = company();
    const local = 'local:grace';
    const person: Contact = {
      id: local,
      accountId: `hubspot:${c.id}`,
      name: 'Grace Hopper',
      buyingRoles: [],
      updatedAt: T0,
    };
    const create = await recordEdit(
      db,
      { kind: 'new_contact', entityId: local, accountId: `hubspot:${c.id}`, value: person, base: null },
      clock++,
    );
    const roles = await recordEdit(
      db,
      { kind: 'buying_roles', entityId: local, accountId: `hubspot:${c.id}`, value: ['CHAMPION'], base: [] },
      clock++,
    );
    expect(roles.state).toBe('pending');
    await run();
    const created = await stored(create.opId);
    expect(created).toMatchObject({ state: 'pushed', remoteId: expect.stringMatching(/^hubspot:\d+$/) });
    const remote = portal.data.get('contacts', (created.remoteId ?? '').slice('hubspot:'.length));
    expect(remote?.properties.hs_buying_role).toBe('CHAMPION');
    expect(await stored(roles.opId)).toMatchObject({ state: 'pushed' });
  });

  it('fails the edits of a contact whose creation was discarded: there is nowhere to write them', async () => {
    const c = company();
    const local = 'local:gone';
    const person: Contact = { id: local, accountId: `hubspot:${c.id}`, name: 'Nobody', buyingRoles: [], updatedAt: T0 };
    const create = await recordEdit(
      db,
      { kind: 'new_contact', entityId: local, accountId: `hubspot:${c.id}`, value: person, base: null },
      clock++,
    );
    const roles = await recordEdit(
      db,
      { kind: 'buying_roles', entityId: local, accountId: `hubspot:${c.id}`, value: ['OTHER'], base: [] },
      clock++,
    );
    // Undo discards the edits on it too (record.ts); one left behind by any other path is refused here.
    await db.outbox.update(create.opId, { state: 'discarded' });
    await run();
    expect(await stored(roles.opId)).toMatchObject({
      state: 'failed',
      lastError: 'This edit cannot reach HubSpot: the record it changes was never created in HubSpot.',
    });
    expect(portal.requests).toEqual([]);
  });
});

describe('a stop after the read and before the write leaves the edit waiting, not sent', () => {
  it.each([
    ['as the read’s answer comes back', 'read'],
    ['once the read is done, before the write is marked', 'mark'],
  ] as const)('stopped %s', async (_when, at) => {
    const c = company();
    const id = `hubspot:${c.id}`;
    const tags = await edit('tags', id, ['vip'], []);
    const note = await edit('note', id, { text: 'Met the CFO', by: 'Ada' }, null);
    // The worker dies there: the read reached HubSpot, nothing after it happens.
    const never = new Promise<never>(() => {});
    const dying: PushTarget =
      at === 'read'
        ? target(async (input, init) => {
            const answer = await portal.fetch(input, init);
            return /batch\/read/.test(String(input)) ? never : answer;
          })
        : { push: (ops, signal) => target().push(ops, signal, { beforeWrite: () => never }) };
    void run(dying); // abandoned: never resumes
    await new Promise((r) => setTimeout(r, 20));
    expect(portal.requests.map((r) => r.path)).toEqual(['/crm/v3/objects/companies/batch/read']);
    for (const e of [tags, note]) expect(await stored(e.opId)).toMatchObject({ state: 'pending', attempts: 0 });
    // Nothing was sent: the user may still take the note back.
    const other = await edit('note', id, { text: 'Call back', by: 'Ada' }, null);
    expect(await undoEdit(db, other.opId, clock)).toBe('discarded');
    // The next worker sends both, once.
    expect(await run()).toMatchObject({ confirmed: 2, alreadyThere: 0 });
    expect(c.properties.tierlens_tags).toBe('vip');
    expect(c.properties.tierlens_notes).toBe(`Ada: Met the CFO [tierlens ${note.opId}]`);
    expect(portal.data.writes).toHaveLength(2);
  });
});

describe('a stop at any moment', () => {
  /** A target whose request reaches the server (or not) and whose answer never comes: the worker died there. */
  const dying = (applied: boolean): PushTarget =>
    createHubSpotTarget({
      token: portal.token,
      apiBase: portal.url,
      writeBack: DEFAULT_WRITE_BACK,
      fetch: async (input, init) => {
        if (/batch\/update/.test(String(input))) {
          if (applied) await portal.fetch(input, init);
          return new Promise<Response>(() => {});
        }
        return portal.fetch(input, init);
      },
    });

  it.each([
    ['before the write reached HubSpot', false],
    ['after HubSpot applied the write, before its answer', true],
  ])('loses nothing and applies nothing twice when the worker stops %s', async (_when, applied) => {
    const c = company();
    const e = await edit('tags', `hubspot:${c.id}`, ['vip'], []);
    const note = await edit('note', `hubspot:${c.id}`, { text: 'Met the CFO', by: 'Ada' }, null);
    void run(dying(applied)); // abandoned: never resumes
    await new Promise((r) => setTimeout(r, 20));
    expect((await stored(e.opId)).state).toBe('pushing');
    // The next worker: a fresh engine on the same outbox.
    const result = await run();
    expect(result.confirmed).toBe(2);
    expect(await stored(e.opId)).toMatchObject({ state: 'pushed' });
    expect(await stored(note.opId)).toMatchObject({ state: 'pushed' });
    expect(c.properties.tierlens_tags).toBe('vip');
    expect(c.properties.tierlens_notes?.match(/\[tierlens /g)).toHaveLength(1);
    expect(portal.data.writes.filter((w) => w.properties.tierlens_tags !== undefined)).toHaveLength(1);
  });
});
