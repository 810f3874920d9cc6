/**
 * The outbox's promise under fire (DESIGN.md "Reliability and security promises": no edit is
 * lost or applied twice), as a property: random sequences of user edits (tags, buyer roles,
 * tier, target flag, tier proposals, notes, new contacts, undo, settling conflicts) interleaved
 * with faults (a request lost, a response lost after the write was applied, 429 with and without
 * Retry-After, 500, a timeout, the worker stopped mid-push) and with another HubSpot user's
 * changes. After the faults stop and the outbox drains:
 *
 * - no edit is lost: every one is settled (pushed, in conflict, or discarded by the user);
 * - none is applied twice: a trace id (the op) is written again only after someone else
 *   changed the field in between, a contact is created once, a note's line appears once;
 * - each field holds the user's last intent, or a conflict shows both values (the user's and
 *   another user's), or another user changed it after Tierlens's write was confirmed.
 *
 * And at every step, an edit shows `pushing` ("sent") only if a write request carrying it left
 * Tierlens: one the server received, or the one a stopped worker was sending as it stopped (the
 * mark is on disk just before the request leaves). A stop after the reads and before the write
 * leaves the edits waiting, never "sent".
 *
 * The worker stopped mid-push is an engine abandoned at a request (before or after the server
 * applied it) and a fresh engine started on the same outbox. Stops inside a transaction need
 * no case of their own: IndexedDB commits a transaction whole or not at all, so the outbox
 * can only be in the states these stops leave. Time is injected (the clock jumps to the next
 * attempt) and requests go to the server's handler in-process: nothing waits for real.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type AppliedWrite,
  DEFAULT_TIERLENS_PROPERTIES,
  type Fault,
  type InProcessHubSpot,
  inProcessHubSpot,
  tierlensDefinitions,
} from '../../../test/support/hubspot-server';
import type { Contact } from '../../db/contacts';
import { TierlensDB } from '../../db/db';
import type { EditKind, LocalEdit, TierProposal } from '../../db/outbox';
import { recordEdit, resolveConflict, undoEdit } from '../../edits/record';
import { DEFAULT_WRITE_BACK } from '../../settings/defaults';
import { createHubSpotTarget } from '../hubspot/push';
import { editsIn } from './claim';
import { runPush } from './engine';

const RUNS = 1000;
const T0 = Date.UTC(2026, 5, 1, 9);

// ---- The world: two companies, a contact at each, and the fields a user edits. -----------------

type FieldKind = 'tags' | 'tier' | 'target' | 'buying_roles' | 'tier_proposal';
interface Field {
  kind: FieldKind;
  /** 'a' | 'b': the company, or its contact. */
  at: 'a' | 'b';
}
const FIELDS: Field[] = (['tags', 'tier', 'target', 'buying_roles', 'tier_proposal'] as const).flatMap((kind) =>
  (['a', 'b'] as const).map((at) => ({ kind, at })),
);
/** The fields another HubSpot user changes too (not proposals, nor notes: they only append). */
const SHARED: Field[] = FIELDS.filter((f) => f.kind !== 'tier_proposal');

const PROPERTY: Record<FieldKind, string> = {
  tags: DEFAULT_WRITE_BACK.tagsProperty,
  tier: 'hs_ideal_customer_profile',
  target: 'hs_is_target_account',
  buying_roles: 'hs_buying_role',
  tier_proposal: DEFAULT_WRITE_BACK.proposalProperty,
};

/** What users set, by kind: small sets, so that values meet (A→B→A) as they do in life. */
const USER_VALUES: Record<FieldKind, unknown[]> = {
  tags: [[], ['vip'], ['vip', 'fintech'], ['fintech'], ['q3']],
  tier: [null, 1, 2, 3],
  target: [true, false],
  buying_roles: [[], ['CHAMPION'], ['DECISION_MAKER', 'CHAMPION'], ['BLOCKER']],
  tier_proposal: [
    { tier: 1, reason: 'board champion', by: 'Ada' },
    { tier: 2, reason: 'quiet since May', by: 'Ada' },
  ],
};
/** What another HubSpot user writes, as HubSpot strings (§6). */
const OTHER_VALUES: Record<FieldKind, string[]> = {
  tags: ['', 'vip', 'partner', 'fintech;vip'],
  tier: ['', 'tier_1', 'tier_3'],
  target: ['true', 'false'],
  buying_roles: ['', 'INFLUENCER', 'CHAMPION;BLOCKER'],
  tier_proposal: [],
};

// ---- Reading HubSpot's values as the contract says they are (§6), independently of the writer. -

const split = (raw: string | undefined) => (raw ?? '').split(';').filter(Boolean);
function decode(kind: FieldKind, raw: string | undefined): unknown {
  if (kind === 'tags' || kind === 'buying_roles') return [...new Set(split(raw))].sort();
  if (kind === 'tier') return raw ? Number(/^tier_(\d)$/.exec(raw)?.[1]) : null;
  if (kind === 'target') return raw === 'true';
  return raw ?? '';
}
/** A Tierlens value as the same canonical form. */
function canonical(kind: FieldKind, value: unknown): unknown {
  if (kind === 'tags' || kind === 'buying_roles') return [...new Set((value as string[] | null) ?? [])].sort();
  if (kind === 'tier') return value ?? null;
  if (kind === 'target') return value === true;
  const p = value as TierProposal;
  return `Tier ${p.tier} proposed by ${p.by}: ${p.reason}`;
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// ---- Steps ---------------------------------------------------------------------------------

type Step =
  | { t: 'edit'; field: number; value: number }
  | { t: 'note'; at: 'a' | 'b'; text: number }
  | { t: 'newContact'; at: 'a' | 'b' }
  | { t: 'newRoles'; which: number; value: number }
  | { t: 'undo'; which: number }
  | { t: 'resolve'; which: number; mine: boolean }
  | { t: 'other'; field: number; value: number }
  | { t: 'fault'; fault: number; endpoint: number; times: number }
  | { t: 'push'; withNext: boolean }
  | { t: 'stop'; atRequest: number; applied: boolean }
  | { t: 'sync' }
  | { t: 'wait'; ms: number };

const FAULTS: Fault[] = [
  { kind: 'drop' },
  { kind: 'lose-response' },
  { kind: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING' },
  { kind: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING', retryAfter: '3' },
  { kind: 'rate-limit', policy: 'SECONDLY' },
  { kind: 'status', status: 500 },
  { kind: 'hang' },
];
const ENDPOINTS = [/batch\/read$/, /batch\/update$/, /batch\/upsert$/, /associations\/default\//, /./];

const pick = (n: number) => fc.nat({ max: n - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ t: fc.constant('edit' as const), field: pick(FIELDS.length), value: fc.nat(99) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('note' as const),
      at: fc.constantFrom('a' as const, 'b' as const),
      text: fc.nat(99),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('newContact' as const), at: fc.constantFrom('a' as const, 'b' as const) }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('newRoles' as const), which: fc.nat(9), value: fc.nat(99) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('undo' as const), which: fc.nat(99) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('resolve' as const), which: fc.nat(99), mine: fc.boolean() }) },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('other' as const), field: pick(SHARED.length), value: fc.nat(99) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('fault' as const),
      fault: pick(FAULTS.length),
      endpoint: pick(ENDPOINTS.length),
      times: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('push' as const), withNext: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('stop' as const),
      atRequest: fc.integer({ min: 1, max: 5 }),
      applied: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'sync' as const }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 120_000 }) }) },
);

// ---- One run -------------------------------------------------------------------------------

let db: TierlensDB;
beforeAll(() => {
  db = new TierlensDB(`push-property-${Math.random().toString(36).slice(2)}`);
});
afterAll(() => db.delete());

/** The ids of one world: companies and contacts in HubSpot, as Tierlens names them. */
interface World {
  portal: InProcessHubSpot;
  company: Record<'a' | 'b', string>;
  contact: Record<'a' | 'b', string>;
  /** What the side panel shows for each field now: the base of the user's next edit. */
  shown: Map<string, unknown>;
  /** Contacts added in Tierlens: local id, company. */
  added: Array<{ id: string; at: 'a' | 'b' }>;
  /** The requests stopped workers were sending as they stopped: they left, the server may never have had them. */
  lost: SentRequest[];
  clock: number;
  serial: number;
}

const fieldId = (w: World, f: Field) => (f.kind === 'buying_roles' ? w.contact[f.at] : w.company[f.at]);
const key = (kind: EditKind, entityId: string) => `${kind}|${entityId}`;

function newWorld(): World {
  const world = {} as World;
  world.clock = T0;
  world.serial = 0;
  world.portal = inProcessHubSpot({
    now: () => world.clock,
    tenSecondlyLimit: Number.POSITIVE_INFINITY,
    hang: 'time-out',
  });
  world.portal.data.defineProperties(tierlensDefinitions(DEFAULT_TIERLENS_PROPERTIES));
  const a = world.portal.data.create('companies', {
    name: 'Acme',
    hs_ideal_customer_profile: 'tier_2',
    tierlens_tags: 'vip',
  });
  const b = world.portal.data.create('companies', { name: 'Brightwave', hs_is_target_account: 'true' });
  const pa = world.portal.data.create('contacts', { firstname: 'Ada', hs_buying_role: 'INFLUENCER' });
  const pb = world.portal.data.create('contacts', { firstname: 'Bo' });
  world.company = { a: `hubspot:${a.id}`, b: `hubspot:${b.id}` };
  world.contact = { a: `hubspot:${pa.id}`, b: `hubspot:${pb.id}` };
  world.shown = new Map();
  world.added = [];
  world.lost = [];
  for (const f of FIELDS)
    world.shown.set(key(f.kind, fieldId(world, f)), remoteValue(world, f.kind, fieldId(world, f)));
  return world;
}

/** HubSpot's value of a field, in Tierlens's form (what a sync would bring). */
function remoteValue(w: World, kind: FieldKind, entityId: string): unknown {
  const type = kind === 'buying_roles' ? 'contacts' : 'companies';
  const raw = w.portal.data.get(type, entityId.slice('hubspot:'.length))?.properties[PROPERTY[kind]];
  if (kind === 'tags' || kind === 'buying_roles') return split(raw);
  if (kind === 'tier') return decode('tier', raw);
  if (kind === 'target') return raw === 'true';
  return null; // a proposal's base is null (outbox.ts)
}

const target = (w: World, fetch = w.portal.fetch) =>
  createHubSpotTarget({ token: w.portal.token, apiBase: w.portal.url, fetch, writeBack: DEFAULT_WRITE_BACK });
const engine = (w: World, fetch?: typeof globalThis.fetch) =>
  runPush(db, target(w, fetch), { source: 'hubspot', now: () => w.clock, random: () => 0.5 });

async function record(w: World, kind: EditKind, entityId: string, accountId: string, value: unknown) {
  const base = kind === 'note' || kind === 'new_contact' ? null : (w.shown.get(key(kind, entityId)) ?? null);
  await recordEdit(db, { kind, entityId, accountId, value, base } as never, w.clock++, () => `op${++w.serial}`);
  if (kind !== 'note' && kind !== 'new_contact') w.shown.set(key(kind, entityId), value);
}

/** The latest edit of each field (notes and creations aside): what Undo and the conflict card act on. */
async function latestPerField(): Promise<LocalEdit[]> {
  const latest = new Map<string, LocalEdit>();
  for (const e of await db.outbox.orderBy('createdAt').toArray())
    if (e.kind !== 'note' && e.kind !== 'new_contact') latest.set(key(e.kind, e.entityId), e);
  return [...latest.values()];
}

/** An engine that dies at its `n`-th request: sent (and applied) or not, and never answered. */
async function stoppedPush(w: World, n: number, applied: boolean): Promise<void> {
  let died!: () => void;
  const death = new Promise<void>((resolve) => {
    died = resolve;
  });
  let count = 0;
  const dying: typeof globalThis.fetch = async (input, init) => {
    if (++count < n) return w.portal.fetch(input, init);
    const body = typeof init?.body === 'string' && init.body ? JSON.parse(init.body) : undefined;
    w.lost.push({ path: new URL(String(input)).pathname, body });
    if (applied) await w.portal.fetch(input, init).catch(() => undefined);
    died();
    return new Promise<Response>(() => {});
  };
  await Promise.race([engine(w, dying), death]);
}

async function apply(w: World, s: Step): Promise<void> {
  switch (s.t) {
    case 'edit': {
      const f = FIELDS[s.field] as Field;
      const values = USER_VALUES[f.kind];
      const accountId = w.company[f.at];
      return record(w, f.kind, fieldId(w, f), accountId, values[s.value % values.length]);
    }
    case 'note':
      return record(w, 'note', w.company[s.at], w.company[s.at], { text: `note ${s.text}`, by: 'Ada' });
    case 'newContact': {
      const id = `local:c${++w.serial}`;
      const value: Contact = { id, accountId: w.company[s.at], name: `New ${id}`, buyingRoles: [], updatedAt: w.clock };
      w.added.push({ id, at: s.at });
      w.shown.set(key('buying_roles', id), []);
      return record(w, 'new_contact', id, w.company[s.at], value);
    }
    case 'newRoles': {
      const added = w.added[s.which % Math.max(1, w.added.length)];
      if (!added) return;
      const values = USER_VALUES.buying_roles;
      return record(w, 'buying_roles', added.id, w.company[added.at], values[s.value % values.length]);
    }
    case 'undo': {
      const all = await db.outbox.orderBy('createdAt').toArray();
      const candidates = [
        ...(await latestPerField()),
        ...all.filter((e) => e.kind === 'note' || e.kind === 'new_contact'),
      ];
      const e = candidates[s.which % Math.max(1, candidates.length)];
      if (!e || e.state === 'discarded') return;
      const done = await undoEdit(db, e.opId, w.clock++, () => `op${++w.serial}`);
      if (done === 'reverted') w.shown.set(key(e.kind, e.entityId), e.base);
      // A contact taken back is gone from the panel: nobody edits it any more.
      if (done === 'discarded' && e.kind === 'new_contact') w.added = w.added.filter((c) => c.id !== e.entityId);
      return;
    }
    case 'resolve': {
      const conflicts = (await latestPerField()).filter((e) => e.state === 'conflict');
      const e = conflicts[s.which % Math.max(1, conflicts.length)];
      if (!e) return;
      await resolveConflict(db, e.opId, s.mine ? 'mine' : 'theirs', w.clock++, () => `op${++w.serial}`);
      if (!s.mine) w.shown.set(key(e.kind, e.entityId), e.remote);
      return;
    }
    case 'other': {
      const f = SHARED[s.field] as Field;
      const values = OTHER_VALUES[f.kind];
      const type = f.kind === 'buying_roles' ? 'contacts' : 'companies';
      const id = fieldId(w, f).slice('hubspot:'.length);
      w.portal.data.userEdit(type, id, { [PROPERTY[f.kind]]: values[s.value % values.length] ?? '' });
      w.clock++;
      return;
    }
    case 'fault':
      w.portal.faults.add(FAULTS[s.fault] as Fault, { match: { path: ENDPOINTS[s.endpoint] }, times: s.times });
      return;
    case 'push':
      await engine(w);
      return;
    case 'stop':
      return stoppedPush(w, s.atRequest, s.applied);
    case 'sync':
      // A sync shows HubSpot's values wherever no edit is still shown over them (overlay.ts).
      for (const e of await latestPerField())
        if (e.state === 'pushed' && e.entityId.startsWith('hubspot:'))
          w.shown.set(key(e.kind, e.entityId), remoteValue(w, e.kind as FieldKind, e.entityId));
      return;
    case 'wait':
      w.clock += s.ms;
      return;
  }
}

/** Lets the engine drain once the faults stop: each run at the earliest attempt due. */
async function drain(w: World): Promise<void> {
  w.portal.faults.clear();
  for (let i = 0; i < 30; i++) {
    const result = await engine(w);
    if (!(await editsIn(db, ['pending', 'pushing'])).length) return;
    w.clock = Math.max(w.clock + 1, result.nextAttemptAt ?? w.clock);
  }
}

/** A request as the test sees it: where it went and what it carried. */
interface SentRequest {
  path: string;
  body: unknown;
}
const WRITE_PATH = /\/batch\/(?:update|upsert)$/;
const MARKER = /\[tierlens ([^\]]+)\]/g;

/**
 * What the write requests that left Tierlens carried: each input's trace id (the op id of the
 * write: the latest edit of its field, or the created record's) and the notes' markers.
 */
function carried(w: World): { traces: Set<string>; markers: Set<string> } {
  const traces = new Set<string>();
  const markers = new Set<string>();
  for (const r of [...w.portal.requests, ...w.lost]) {
    if (!WRITE_PATH.test(r.path)) continue;
    const inputs = (r.body as { inputs?: Array<{ objectWriteTraceId?: string; properties?: Record<string, string> }> })
      ?.inputs;
    for (const input of inputs ?? []) {
      if (input.objectWriteTraceId) traces.add(input.objectWriteTraceId);
      const notes = input.properties?.[DEFAULT_WRITE_BACK.notesProperty] ?? '';
      for (const m of notes.matchAll(MARKER)) markers.add(m[1] as string);
    }
  }
  return { traces, markers };
}

/**
 * "Sent" means sent: every edit `pushing` was carried by a write request that left Tierlens.
 * A field's write carries every open edit of the field up to the one whose op id traces it.
 */
async function checkSentMeansSent(w: World, when: string): Promise<void> {
  const edits = await db.outbox.toArray();
  const byOpId = new Map(edits.map((e) => [e.opId, e]));
  const { traces, markers } = carried(w);
  for (const e of edits.filter((x) => x.state === 'pushing')) {
    const sent =
      e.kind === 'note'
        ? markers.has(e.opId)
        : e.kind === 'new_contact'
          ? traces.has(e.opId)
          : [...traces].some((t) => {
              const write = byOpId.get(t);
              return write?.kind === e.kind && write.entityId === e.entityId && write.createdAt >= e.createdAt;
            });
    expect(sent, `${when}: ${e.kind} ${e.opId} shows sent, but no write request carried it`).toBe(true);
  }
}

/** `edits`: the whole outbox, oldest first. */
async function checkPromises(w: World, edits: readonly LocalEdit[]): Promise<void> {
  const writes = w.portal.data.writes;
  // No edit lost: every one is settled, none refused (no fault here is a refusal).
  for (const e of edits)
    expect(['pushed', 'conflict', 'discarded'], `${e.kind} ${e.opId} ${e.lastError}`).toContain(e.state);

  // Contacts created once, each with its company; their HubSpot ids stand in for the local ones.
  const remoteOf = new Map<string, string>();
  for (const e of edits.filter((x) => x.kind === 'new_contact')) {
    const upserts = writes.filter((x) => x.endpoint === 'batch/upsert' && x.traceId === e.opId);
    if (e.state === 'discarded') {
      expect(upserts).toHaveLength(0);
      continue;
    }
    expect(upserts).toHaveLength(1);
    const id = (e.remoteId ?? '').slice('hubspot:'.length);
    expect(w.portal.data.findBy('contacts', DEFAULT_WRITE_BACK.opIdProperty, e.opId)?.id).toBe(id);
    const company = (e.value as Contact).accountId.slice('hubspot:'.length);
    expect(w.portal.data.hasAssociation('contacts', id, 'companies', company)).toBe(true);
    remoteOf.set(e.entityId, id);
  }

  // Notes: each pushed note's line exactly once; a discarded one never.
  for (const e of edits.filter((x) => x.kind === 'note')) {
    const text =
      w.portal.data.get('companies', e.entityId.slice('hubspot:'.length))?.properties[
        DEFAULT_WRITE_BACK.notesProperty
      ] ?? '';
    expect(text.split(`[tierlens ${e.opId}]`).length - 1, `note ${e.opId}`).toBe(e.state === 'pushed' ? 1 : 0);
  }

  // Set fields: a trace written again only after someone else changed the field in between.
  const perField = new Map<string, AppliedWrite[]>();
  for (const x of writes)
    for (const property of Object.keys(x.properties)) {
      const k = `${x.type}/${x.id}/${property}`;
      perField.set(k, [...(perField.get(k) ?? []), x]);
    }
  for (const [k, list] of perField) {
    if (k.endsWith(`/${DEFAULT_WRITE_BACK.notesProperty}`)) continue;
    const lastWriteOf = new Map<string, number>();
    list.forEach((x, i) => {
      if (!x.traceId || x.endpoint === 'batch/upsert') return;
      const before = lastWriteOf.get(x.traceId);
      if (before !== undefined)
        expect(
          list.slice(before + 1, i).some((y) => y.endpoint === 'ui'),
          `${k} ${x.traceId} twice`,
        ).toBe(true);
      lastWriteOf.set(x.traceId, i);
    });
  }

  // No silent overwrite: Tierlens replaces another user's value only when the user had seen it
  // (an edit of the field, up to the written one, was made on that value).
  const byOpId = new Map(edits.map((e) => [e.opId, e]));
  for (const [k, list] of perField) {
    if (k.endsWith(`/${DEFAULT_WRITE_BACK.notesProperty}`) || k.endsWith(`/${DEFAULT_WRITE_BACK.proposalProperty}`))
      continue;
    list.forEach((x, i) => {
      const before = list[i - 1];
      const written = x.traceId ? byOpId.get(x.traceId) : undefined;
      if (x.endpoint !== 'batch/update' || before?.endpoint !== 'ui' || !written) return;
      const kind = written.kind as FieldKind;
      const theirs = decode(kind, before.properties[PROPERTY[kind]]);
      const seen = edits.some(
        (e) =>
          e.kind === kind &&
          e.entityId === written.entityId &&
          e.createdAt <= written.createdAt &&
          same(canonical(kind, e.base), theirs),
      );
      expect(seen, `${k}: ${x.traceId} overwrote another user's ${JSON.stringify(theirs)} unseen`).toBe(true);
    });
  }

  // Each field: the user's last intent, or a conflict with both values, or another user's later change.
  const latest = new Map<string, LocalEdit>();
  for (const e of edits)
    if (e.kind !== 'note' && e.kind !== 'new_contact' && e.state !== 'discarded')
      latest.set(key(e.kind, e.entityId), e);
  for (const e of latest.values()) {
    const kind = e.kind as FieldKind;
    const type = kind === 'buying_roles' ? 'contacts' : 'companies';
    const id = e.entityId.startsWith('local:') ? remoteOf.get(e.entityId) : e.entityId.slice('hubspot:'.length);
    expect(id, `${e.entityId} has a HubSpot id`).toBeDefined();
    const property = PROPERTY[kind];
    const history = perField.get(`${type}/${id}/${property}`) ?? [];
    const last = history.at(-1);
    const now = decode(kind, w.portal.data.get(type, id ?? '')?.properties[property]);
    if (e.state === 'conflict') {
      const theirs = history.filter((x) => x.endpoint === 'ui').map((x) => decode(kind, x.properties[property]));
      expect(
        theirs.some((v) => same(v, canonical(kind, e.remote))),
        `conflict on ${kind} shows another user's value`,
      ).toBe(true);
      expect(last?.endpoint, `nothing overwrote ${kind} after the conflict`).toBe('ui');
    } else if (last?.endpoint !== 'ui') {
      expect(now, `${kind} of ${e.entityId} holds the last intent`).toEqual(canonical(kind, e.value));
    }
  }
}

it(`keeps every edit, applies none twice and ends at the last intent or a shown conflict (${RUNS} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 24 }), async (steps) => {
      await db.outbox.clear();
      const w = newWorld();
      for (let i = 0; i < steps.length; i++) {
        const s = steps[i] as Step;
        const next = steps[i + 1];
        // A push with the next user step at once: the panel writes while the engine works.
        if (s.t === 'push' && s.withNext && next && next.t !== 'push' && next.t !== 'stop') {
          await Promise.all([engine(w), apply(w, next)]);
          i++;
        } else await apply(w, s);
        await checkSentMeansSent(w, `after step ${i} (${s.t})`);
      }
      await drain(w);
      await checkSentMeansSent(w, 'after the drain');
      await checkPromises(w, await db.outbox.orderBy('createdAt').toArray());
    }),
    { numRuns: RUNS },
  );
}, 120_000);
