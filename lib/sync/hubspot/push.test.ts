/**
 * The HubSpot target against the HubSpot-compatible server (on 127.0.0.1): what lands in which
 * property, the check before each write that makes a retry harmless, conflicts, refusals in
 * plain words, and the failures that only mean "later". Expectations come from the contract
 * (/work/shared/reference/hubspot-api.md §n).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_TIERLENS_PROPERTIES,
  type HubSpotServer,
  type HubSpotServerOptions,
  type PropertyDefinition,
  startHubSpotServer,
  tierlensDefinitions,
} from '../../../test/support/hubspot-server';
import type { Contact } from '../../db/contacts';
import type { EditKind } from '../../db/outbox';
import { DEFAULT_WRITE_BACK } from '../../settings/defaults';
import type { PushHooks, PushOutcome, TargetOp } from '../push/types';
import { createHubSpotTarget } from './push';

const clock = Date.UTC(2026, 2, 2, 9, 30);
let server: HubSpotServer;
const signal = new AbortController().signal;

async function start(options: HubSpotServerOptions = {}) {
  server = await startHubSpotServer({ now: () => clock, tenSecondlyLimit: 100_000, ...options });
  server.data.defineProperties(tierlensDefinitions(DEFAULT_TIERLENS_PROPERTIES));
}
afterEach(() => server.close());

const target = (timeoutMs = 2000) =>
  createHubSpotTarget({ token: server.token, apiBase: server.url, writeBack: DEFAULT_WRITE_BACK, timeoutMs });

let serial = 0;
/** An op as the engine hands it: on HubSpot record `id`, one edit. */
function op(kind: EditKind, id: string, value: unknown, bases: unknown[] = [null]): TargetOp {
  const opId = `op-${++serial}`;
  const entityId = `hubspot:${id}`;
  return {
    kind,
    entityId,
    accountId: entityId,
    value,
    base: bases[0],
    bases,
    opIds: [opId],
    opId,
    remoteEntityId: entityId,
    remoteAccountId: entityId,
  };
}

/** The engine's part, as in a run whose outbox lets every op go. */
const sendAll: PushHooks = { beforeWrite: async (ops) => [...ops] };
const push = (ops: TargetOp[], t = target(), hooks = sendAll) => t.push(ops, signal, hooks);
const company = (props: Record<string, string> = {}) => server.data.create('companies', { name: 'Acme', ...props });
const contact = (props: Record<string, string> = {}) => server.data.create('contacts', { firstname: 'Ada', ...props });
const writesTo = (path: RegExp) => server.requests.filter((r) => path.test(r.path));

describe('native and configured fields (§6)', () => {
  beforeEach(() => start());

  it('writes buying roles as one `;`-joined multi-select value and compares them as sets', async () => {
    const c = contact({ hs_buying_role: 'INFLUENCER' });
    const [outcome] = await push([op('buying_roles', c.id, ['CHAMPION', 'DECISION_MAKER'], [['INFLUENCER']])]);
    expect(outcome).toEqual({ status: 'confirmed', wrote: true });
    expect(c.properties.hs_buying_role).toBe('CHAMPION;DECISION_MAKER');
    // The same set in another order is already there.
    const [again] = await push([op('buying_roles', c.id, ['DECISION_MAKER', 'CHAMPION'], [['INFLUENCER']])]);
    expect(again).toEqual({ status: 'confirmed', wrote: false });
  });

  it.each([
    ['a tier', 'tier', 2, 'tier_2', ''],
    ['no tier (clears it)', 'tier', null, '', 'tier_1'],
    ['the target flag', 'target', true, 'true', 'false'],
    ['tags, `;`-joined', 'tags', ['vip', 'fintech'], 'vip;fintech', ''],
  ] as const)('writes %s to its property', async (_what, kind, value, written, before) => {
    const property = {
      tier: 'hs_ideal_customer_profile',
      target: 'hs_is_target_account',
      tags: 'tierlens_tags',
    }[kind];
    const c = company({ [property]: before });
    const base = { tier: before === 'tier_1' ? 1 : null, target: false, tags: [] }[kind];
    expect(await push([op(kind, c.id, value, [base])])).toEqual([{ status: 'confirmed', wrote: true }]);
    expect(c.properties[property]).toBe(written);
  });

  it('writes a tier proposal as a sentence, replacing the one before without a conflict', async () => {
    const c = company({ tierlens_tier_proposal: 'Tier 3 proposed by Bo: quiet' });
    const proposal = { tier: 1, reason: 'Board-level champion\nsince May', by: 'Ada' };
    expect(await push([op('tier_proposal', c.id, proposal)])).toEqual([{ status: 'confirmed', wrote: true }]);
    expect(c.properties.tierlens_tier_proposal).toBe('Tier 1 proposed by Ada: Board-level champion since May');
  });

  it('appends each note as a line ending in its op marker, after what the property held', async () => {
    const c = company({ tierlens_notes: 'Bo: met at the fair' });
    const first = op('note', c.id, { text: 'Budget\nin Q3', by: 'Ada' });
    const second = op('note', c.id, { text: 'Call the CFO', by: 'Ada' });
    expect(await push([first, second])).toEqual([
      { status: 'confirmed', wrote: true },
      { status: 'confirmed', wrote: true },
    ]);
    expect(c.properties.tierlens_notes).toBe(
      `Bo: met at the fair\nAda: Budget in Q3 [tierlens ${first.opId}]\nAda: Call the CFO [tierlens ${second.opId}]`,
    );
    // One input per record: both notes went in one write.
    expect(server.data.writes).toHaveLength(1);
  });

  it('refuses a tier HubSpot has no option for, without a request', async () => {
    const c = company();
    const [outcome] = await push([op('tier', c.id, 4)]);
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/only Tier 1, 2 and 3/) });
    expect(writesTo(/batch\/update/)).toHaveLength(0);
  });
});

describe('the check before each write', () => {
  beforeEach(() => start());

  it('confirms without writing when HubSpot holds the intent already (a write whose answer was lost)', async () => {
    const c = company({ hs_ideal_customer_profile: 'tier_1' });
    expect(await push([op('tier', c.id, 1, [2])])).toEqual([{ status: 'confirmed', wrote: false }]);
    expect(server.data.writes).toEqual([]);
  });

  it('reports a conflict, with what HubSpot holds as Tierlens shows it, when someone else changed the field', async () => {
    const c = company({ hs_ideal_customer_profile: 'tier_3' });
    expect(await push([op('tier', c.id, 1, [2])])).toEqual([{ status: 'conflict', remote: 3 }]);
    const people = contact({ hs_buying_role: 'BLOCKER;OTHER' });
    expect(await push([op('buying_roles', people.id, ['CHAMPION'], [[]])])).toEqual([
      { status: 'conflict', remote: ['BLOCKER', 'OTHER'] },
    ]);
    expect(server.data.writes).toEqual([]);
  });

  it('writes over any value the op accepts: an earlier write of the same chain that landed before a stop', async () => {
    const c = company({ hs_ideal_customer_profile: 'tier_2' });
    expect(await push([op('tier', c.id, 3, [1, 2])])).toEqual([{ status: 'confirmed', wrote: true }]);
    expect(c.properties.hs_ideal_customer_profile).toBe('tier_3');
  });

  it('applies a write whose answer was lost once: the retry reads it back and writes nothing', async () => {
    const c = company();
    server.faults.add({ kind: 'lose-response' }, { match: { path: /batch\/update$/ } });
    const edit = op('tags', c.id, ['vip'], [[]]);
    const [lost] = await push([edit]);
    expect(lost).toMatchObject({ status: 'retry', error: expect.stringMatching(/Could not reach HubSpot/) });
    expect(c.properties.tierlens_tags).toBe('vip');
    expect(await push([edit])).toEqual([{ status: 'confirmed', wrote: false }]);
    expect(server.data.writes).toHaveLength(1);
  });

  it('appends a note once though its answer was lost: the marker is found', async () => {
    const c = company();
    server.faults.add({ kind: 'lose-response' }, { match: { path: /batch\/update$/ } });
    const note = op('note', c.id, { text: 'Renewal talk', by: 'Ada' });
    await push([note]);
    expect(await push([note])).toEqual([{ status: 'confirmed', wrote: false }]);
    expect(c.properties.tierlens_notes?.match(/\[tierlens /g)).toHaveLength(1);
  });

  it('says a record HubSpot no longer has is gone (207 OBJECT_NOT_FOUND, §4)', async () => {
    const [outcome] = await push([op('tier', '424242', 1)]);
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/no company 424242 any more/) });
  });
});

describe('marking each write sent just before it leaves', () => {
  beforeEach(() => start());

  /** Hooks that note what each call was given and which request the server had last when it came. */
  function watching(answer: (ops: readonly TargetOp[]) => Promise<TargetOp[]> = async (ops) => [...ops]) {
    const calls: Array<{ opIds: string[]; after: string | undefined }> = [];
    const hooks: PushHooks = {
      async beforeWrite(ops) {
        calls.push({ opIds: ops.map((o) => o.opId), after: server.requests.at(-1)?.path });
        return answer(ops);
      },
    };
    return { calls, hooks };
  }

  it('marks the ops of each write request after the read and before it, never those the read settles', async () => {
    const c = company({ hs_ideal_customer_profile: 'tier_1', hs_is_target_account: 'true' });
    const there = op('tier', c.id, 1, [2]);
    const theirs = op('target', c.id, false, [false]);
    const tags = op('tags', c.id, ['vip'], [[]]);
    const note = op('note', c.id, { text: 'Met the CFO', by: 'Ada' });
    const { calls, hooks } = watching();
    const outcomes = await push([there, theirs, tags, note], target(), hooks);
    expect(outcomes.map((o) => o.status)).toEqual(['confirmed', 'conflict', 'confirmed', 'confirmed']);
    // One call per write request (one per property), each after the read or the write before it.
    expect(calls).toEqual([
      { opIds: [tags.opId], after: '/crm/v3/objects/companies/batch/read' },
      { opIds: [note.opId], after: '/crm/v3/objects/companies/batch/update' },
    ]);
    expect(writesTo(/batch\/update$/)).toHaveLength(2);
  });

  it('writes a record’s notes without the one taken back meanwhile, and leaves that one unsent', async () => {
    const c = company();
    const kept = op('note', c.id, { text: 'Budget in Q3', by: 'Ada' });
    const taken = op('note', c.id, { text: 'Oops', by: 'Ada' });
    const { hooks } = watching(async (ops) => ops.filter((o) => o !== taken));
    expect(await push([kept, taken], target(), hooks)).toEqual([
      { status: 'confirmed', wrote: true },
      { status: 'retry', error: expect.any(String), mayHaveLanded: false },
    ]);
    expect(c.properties.tierlens_notes).toBe(`Ada: Budget in Q3 [tierlens ${kept.opId}]`);
  });

  it('creates nothing for a contact taken back while HubSpot was read', async () => {
    const c = company();
    const value: Contact = {
      id: 'local:x',
      accountId: `hubspot:${c.id}`,
      name: 'Grace',
      buyingRoles: [],
      updatedAt: clock,
    };
    const create = { ...op('new_contact', c.id, value), entityId: 'local:x', remoteEntityId: 'local:x' };
    const { calls, hooks } = watching(async () => []);
    expect(await push([create], target(), hooks)).toEqual([
      { status: 'retry', error: expect.any(String), mayHaveLanded: false },
    ]);
    expect(calls).toEqual([{ opIds: [create.opId], after: '/crm/v3/objects/contacts/batch/read' }]);
    expect(writesTo(/batch\/upsert$|associations/)).toEqual([]);
  });

  it('sends nothing when the outbox cannot note the write as sent', async () => {
    const c = company();
    const failing: PushHooks = { beforeWrite: () => Promise.reject(new Error('QuotaExceededError')) };
    expect(await push([op('tags', c.id, ['vip'], [[]])], target(), failing)).toEqual([
      { status: 'retry', error: expect.stringMatching(/could not note the edit as sent/), mayHaveLanded: false },
    ]);
    expect(writesTo(/batch\/update$/)).toEqual([]);
  });
});

describe('batches (§4)', () => {
  beforeEach(() => start());

  it('reads and writes at most 100 inputs a request, one request per object type and property', async () => {
    const companies = server.data.seedCompanies(250, { props: () => ({ hs_ideal_customer_profile: '' }) });
    const ops = companies.map((c) => op('tier', c.id, 1));
    const outcomes = await push(ops);
    expect(outcomes.every((o) => o.status === 'confirmed')).toBe(true);
    const sizes = (path: RegExp) => writesTo(path).map((r) => (r.body as { inputs: unknown[] }).inputs.length);
    expect(sizes(/companies\/batch\/read$/)).toEqual([100, 100, 50]);
    expect(sizes(/companies\/batch\/update$/)).toEqual([100, 100, 50]);
    for (const r of writesTo(/batch\/update$/)) {
      const ids = (r.body as { inputs: Array<{ id: string; objectWriteTraceId: string }> }).inputs;
      expect(new Set(ids.map((i) => i.id)).size).toBe(ids.length);
      expect(ids.every((i) => i.objectWriteTraceId)).toBe(true);
    }
  });
});

describe('refusals, in words the user can act on', () => {
  it.each([
    ['per input (207 multi-status)', true],
    ['for the whole batch (400)', false],
  ])('names a missing Tierlens property and where to fix it, refused %s', async (_how, multiStatus) => {
    await start({ multiStatus });
    server.data.removeProperty('companies', 'tierlens_tags');
    const [a, b] = [company(), company()];
    const outcomes = await push([op('tags', a?.id ?? '', ['x'], [[]]), op('tags', b?.id ?? '', ['y'], [[]])]);
    for (const outcome of outcomes)
      expect(outcome).toEqual({
        status: 'failed',
        error:
          "HubSpot has no company property tierlens_tags: create it in HubSpot (Settings → Properties) or name another in Tierlens's settings",
      });
  });

  it.each([
    ['per input (207 multi-status)', true],
    ['for the whole batch (400), found by sending each input again alone', false],
  ])(
    'refuses only the input with a value that is not an option (INVALID_OPTION, §4), %s',
    async (_how, multiStatus) => {
      await start({ multiStatus });
      // Tags in a multi-checkbox property with fixed options.
      server.data.defineProperties({
        companies: [
          {
            ...(tierlensDefinitions(DEFAULT_TIERLENS_PROPERTIES).companies?.[0] as PropertyDefinition),
            type: 'enumeration',
            fieldType: 'checkbox',
            options: [{ label: 'VIP', value: 'vip', displayOrder: 0, hidden: false }],
          },
        ],
      });
      const [good, bad] = [company(), company()];
      const outcomes = await push([
        op('tags', good?.id ?? '', ['vip'], [[]]),
        op('tags', bad?.id ?? '', ['gold'], [[]]),
      ]);
      expect(outcomes[0]).toEqual({ status: 'confirmed', wrote: true });
      expect(outcomes[1]).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(
          /property tierlens_tags refused the value \(gold was not one of the allowed options/,
        ),
      });
      expect(good?.properties.tierlens_tags).toBe('vip');
      expect(bad?.properties.tierlens_tags).toBeUndefined();
    },
  );
});

describe('failures that only mean "later" (§7, §8)', () => {
  beforeEach(() => start());

  const tryOnce = async () => (await push([op('target', company().id, true, [false])], target(150)))[0] as PushOutcome;

  it.each([
    ['a dropped connection', { kind: 'drop' } as const, /Could not reach HubSpot/],
    ['a 500', { kind: 'status', status: 500 } as const, /server error \(HTTP 500\)/],
    ['a 423 Locked', { kind: 'status', status: 423 } as const, /locked/],
  ])('tries again after %s', async (_what, fault, message) => {
    server.faults.add(fault, { match: { path: /batch\/update$/ } });
    expect(await tryOnce()).toMatchObject({ status: 'retry', error: expect.stringMatching(message) });
  });

  it('tries again after a request that hangs past its deadline', async () => {
    server.faults.add({ kind: 'hang' }, { match: { path: /batch\/read$/ } });
    expect(await tryOnce()).toMatchObject({ status: 'retry', error: expect.stringMatching(/no answer in time/) });
  });

  it('waits what a 429 Retry-After says, else the 10-second window (§8)', async () => {
    server.faults.add({ kind: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING', retryAfter: '7' });
    expect(await tryOnce()).toMatchObject({ status: 'retry', retryAfterMs: 7000 });
    server.faults.add({ kind: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING' });
    expect(await tryOnce()).toMatchObject({ status: 'retry', retryAfterMs: 10_000 });
    server.faults.add({ kind: 'rate-limit', policy: 'SECONDLY' });
    expect(await tryOnce()).toMatchObject({ status: 'retry', retryAfterMs: 1000 });
  });

  it('keeps the edit waiting, with the reason, while the token lacks the write scope (403, §7)', async () => {
    server.setScopes(['crm.objects.companies.read']);
    expect(await tryOnce()).toMatchObject({
      status: 'retry',
      error: expect.stringMatching(/crm\.objects\.companies\.write.*keeps the edit/),
    });
  });
});

describe('creating contacts and accounts once', () => {
  beforeEach(() => start());

  const newContact = (companyId: string, extra: Partial<Contact> = {}): TargetOp => {
    const value: Contact = {
      id: `local:${++serial}`,
      accountId: `hubspot:${companyId}`,
      name: 'Grace Brewster Hopper',
      title: 'CFO',
      email: 'grace@acme.example',
      linkedinSlug: 'grace-hopper',
      buyingRoles: ['BUDGET_HOLDER'],
      updatedAt: clock,
      ...extra,
    };
    const created = op('new_contact', companyId, value);
    return { ...created, entityId: value.id, remoteEntityId: value.id, remoteAccountId: `hubspot:${companyId}` };
  };

  it('upserts the contact by its op id, associates it with its company, and answers its HubSpot id', async () => {
    const c = company();
    const create = newContact(c.id);
    const [outcome] = await push([create]);
    const made = server.data.findBy('contacts', 'tierlens_op_id', create.opId);
    expect(outcome).toEqual({ status: 'confirmed', wrote: true, remoteId: `hubspot:${made?.id}` });
    expect(made?.properties).toMatchObject({
      firstname: 'Grace',
      lastname: 'Brewster Hopper',
      jobtitle: 'CFO',
      email: 'grace@acme.example',
      hs_buying_role: 'BUDGET_HOLDER',
      hs_linkedin_url: 'https://www.linkedin.com/in/grace-hopper/',
    });
    expect(server.data.hasAssociation('contacts', made?.id ?? '', 'companies', c.id)).toBe(true);
    const upsert = writesTo(/contacts\/batch\/upsert$/)[0]?.body as { inputs: Array<Record<string, unknown>> };
    expect(upsert.inputs[0]).toMatchObject({ id: create.opId, idProperty: 'tierlens_op_id' });
  });

  it('creates it once though the answer to the create was lost: the retry finds it by its op id', async () => {
    const c = company();
    const create = newContact(c.id);
    server.faults.add({ kind: 'lose-response' }, { match: { path: /batch\/upsert$/ } });
    expect((await push([create]))[0]).toMatchObject({ status: 'retry' });
    const [outcome] = await push([create]);
    expect(outcome).toMatchObject({ status: 'confirmed', wrote: false });
    expect(server.data.writes.filter((w) => w.endpoint === 'batch/upsert')).toHaveLength(1);
    expect([...server.data.table('contacts').values()]).toHaveLength(1);
    expect(
      server.data.hasAssociation(
        'contacts',
        server.data.findBy('contacts', 'tierlens_op_id', create.opId)?.id ?? '',
        'companies',
        c.id,
      ),
    ).toBe(true);
  });

  it('creates the contact without a LinkedIn profile in a portal without that property', async () => {
    server.data.removeProperty('contacts', 'hs_linkedin_url');
    const create = newContact(company().id);
    expect((await push([create]))[0]).toMatchObject({ status: 'confirmed', wrote: true });
    expect(server.data.findBy('contacts', 'tierlens_op_id', create.opId)?.properties.hs_linkedin_url).toBeUndefined();
  });

  it('says so when HubSpot already has a contact with that email (409 CONFLICT, §7)', async () => {
    const existing = contact({ email: 'grace@acme.example' });
    const [outcome] = await push([newContact(company().id)]);
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringContaining(`Existing ID: ${existing.id}`) });
  });

  it('asks for the unique op id property when the portal lacks it', async () => {
    server.data.removeProperty('contacts', 'tierlens_op_id');
    const [outcome] = await push([newContact(company().id)]);
    expect(outcome).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/no contact property tierlens_op_id: create it .*unique single-line text/),
    });
  });

  it('creates a company added in Tierlens with what identifies it', async () => {
    const local = 'local:acme';
    const account = {
      id: local,
      name: 'Acme Robotics',
      keys: [],
      domains: ['acme-robotics.example'],
      linkedinSlugs: ['acme-robotics'],
      linkedinIds: [],
      isTarget: false,
      updatedAt: clock,
      source: 'local' as const,
      generation: 0,
    };
    const create: TargetOp = {
      ...op('new_account', '0', account),
      entityId: local,
      accountId: local,
      remoteEntityId: local,
      remoteAccountId: local,
    };
    const [outcome] = await push([create]);
    const made = server.data.findBy('companies', 'tierlens_op_id', create.opId);
    expect(outcome).toEqual({ status: 'confirmed', wrote: true, remoteId: `hubspot:${made?.id}` });
    expect(made?.properties).toMatchObject({
      name: 'Acme Robotics',
      domain: 'acme-robotics.example',
      linkedin_company_page: 'https://www.linkedin.com/company/acme-robotics/',
    });
  });
});
