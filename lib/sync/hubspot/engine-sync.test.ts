import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ALL_READ_SCOPES,
  type HubSpotServer,
  READ_SCOPES_WITHOUT_OWNERS,
  startHubSpotServer,
  WRITE_SCOPES,
} from '../../../test/support/hubspot-server';
import { TierlensDB } from '../../db/db';
import { dataView } from '../../db/generations';
import { touchpointsOf } from '../../db/touchpoints';
import { scoreEngagement } from '../../scoring/engagement';
import { DEFAULT_ENGAGEMENT } from '../../settings/defaults';
import { runSync } from '../engine';
import { CONTACT_ACTIVITY_PROPERTIES } from './contact-activity';
import { createHubSpotSource } from './source';
import { ARCHIVED_SWEEP_EVERY_MS } from './watermark';

// HubSpot through the real engine and Dexie (fake-indexeddb), against the HubSpot-compatible
// server: what a user's database holds after syncs that the network and the browser interrupt.

const DAY = 86_400_000;
let clock = Date.UTC(2026, 10, 30, 9);
let server: HubSpotServer;
const dbs: TierlensDB[] = [];

beforeEach(async () => {
  clock = Date.UTC(2026, 10, 30, 9);
  server = await startHubSpotServer({ now: () => clock, searchPerSecond: 1000, tenSecondlyLimit: 100_000 });
});
afterEach(async () => {
  await server.close();
  for (const db of dbs.splice(0)) {
    for (const d of (await dataView(db)).all) await d.delete();
  }
});

function freshDb(): TierlensDB {
  const db = new TierlensDB(`hubspot-engine-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  return db;
}

const adapter = () =>
  createHubSpotSource({
    token: server.token,
    apiBase: server.url,
    now: () => clock,
    random: () => 0.5,
    sleep: async () => {},
  });
const quickly = { sleep: async () => {}, random: () => 0 };

function seed(companies: number, contactsPerCompany: number) {
  const c = server.data.seedCompanies(companies, { at: (i) => clock - 2 * DAY + i });
  server.data.seedContacts(companies * contactsPerCompany, {
    companyIds: c.map((x) => x.id),
    at: (i) => clock - 2 * DAY + i,
  });
  return c;
}

/** Two open deals (contract sent) of one company, modified two days ago: Big (90,000), then Small (5,000). */
function seedOpenDeals(companyId: string | undefined) {
  const deals: Array<[string, string]> = [
    ['Big', '90000'],
    ['Small', '5000'],
  ];
  return deals.flatMap(([name, amount]) =>
    server.data.seedDeals(1, {
      companyIds: [companyId ?? ''],
      props: () => ({ dealname: name, amount, dealstage: 'contractsent' }),
      at: () => clock - 2 * DAY,
    }),
  );
}

/** The visible accounts and contacts, as sorted ids with the fields a user sees. */
async function snapshot(db: TierlensDB) {
  const view = await dataView(db);
  const hubspot = view.forId('hubspot:x');
  const accounts = (await hubspot.accounts.toArray()).map((a) => `${a.id} ${a.name} T${a.assignedTier ?? '-'}`).sort();
  const contacts = (await hubspot.contacts.toArray())
    .map((c) => `${c.id}→${c.accountId} ${c.buyingRoles.join(';')}`)
    .sort();
  return { accounts, contacts };
}

/** The visible touchpoints of one account, and the touchpoint count its source's state keeps beside them. */
async function touchpointsAt(db: TierlensDB, accountId: string) {
  const view = await dataView(db);
  const generation = view.forId(accountId);
  const rows = await generation.accountTouchpoints.toArray();
  return {
    touchpoints: touchpointsOf(await generation.accountTouchpoints.get(accountId)),
    held: rows.reduce((n, r) => n + r.items.length, 0),
    counted: (await db.syncState.get('hubspot'))?.touchpointCount,
  };
}

const iso = (t: number) => new Date(t).toISOString();
/** A contact's activity dates as given, the others empty: none of the generated ones. */
const activity = (dates: Record<string, number>) => ({
  ...Object.fromEntries(CONTACT_ACTIVITY_PROPERTIES.map((a) => [a.property, ''])),
  ...Object.fromEntries(Object.entries(dates).map(([k, t]) => [k, iso(t)])),
});

describe('a HubSpot sync through the engine', () => {
  it('lands every company and contact although the server answers 429s and 500s on the way', async () => {
    seed(230, 2);
    server.faults.add({ kind: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING', retryAfter: '1' }, { skip: 1 });
    server.faults.add({ kind: 'status', status: 500 }, { skip: 3, times: 2 });
    server.faults.add({ kind: 'status', status: 502 }, { match: { path: '/crm/v3/objects/contacts' } });
    const db = freshDb();
    const outcome = await runSync(db, adapter(), { now: () => clock, retry: quickly });
    expect(outcome).toMatchObject({ status: 'switched', counts: { accounts: 230, contacts: 460 } });
    const reference = freshDb();
    await runSync(reference, adapter(), { now: () => clock, retry: quickly });
    expect(await snapshot(db)).toEqual(await snapshot(reference));
    expect((await db.syncState.get('hubspot'))?.checkpoint).toMatch(/^\d+$/);
    // Two full syncs of 460 contacts with their touchpoints into fake-indexeddb: seconds, not the default 5.
  }, 30_000);

  it('then reads only what changed, into the visible generation', async () => {
    const companies = seed(120, 1);
    const db = freshDb();
    await runSync(db, adapter(), { now: () => clock, retry: quickly });
    clock += 2 * 3_600_000;
    const changed = companies[7];
    if (!changed) throw new Error('seeded too few');
    server.data.modify('companies', changed.id, { name: 'Renamed Co', hs_ideal_customer_profile: 'tier_1' });
    const before = server.requests.length;
    const outcome = await runSync(db, adapter(), { now: () => clock, retry: quickly });
    expect(outcome).toMatchObject({ status: 'updated', generation: 1, counts: { accounts: 120 } });
    const view = await dataView(db);
    expect(await view.forId(`hubspot:${changed.id}`).accounts.get(`hubspot:${changed.id}`)).toMatchObject({
      name: 'Renamed Co',
      assignedTier: 1,
    });
    // An incremental run searches; it never lists every company again (only the owners, to name
    // them, the deal pipelines with a one-deal probe, to label deals, and the ids of what was deleted).
    const reads = server.requests.slice(before);
    expect(
      reads.filter(
        (r) =>
          !(
            r.path.endsWith('/search') ||
            r.path.includes('/associations/') ||
            r.path === '/crm/v3/owners' ||
            r.path === '/crm/v3/pipelines/deals' ||
            (r.path === '/crm/v3/objects/deals' && r.query.limit?.[0] === '1') ||
            (r.query.archived?.[0] === 'true' && r.query.properties?.[0] === 'hs_object_id')
          ),
      ),
    ).toEqual([]);
  });

  it('takes a deal that moved to another company off the account it left, in an incremental run', async () => {
    const [left, joined] = seed(2, 0);
    const [big] = seedOpenDeals(left?.id);
    const db = freshDb();
    await runSync(db, adapter(), { now: () => clock, retry: quickly });
    clock += 3_600_000;
    server.data.moveDeal(big?.id ?? '', joined?.id ?? '');
    clock += 60_000;
    const before = server.requests.length;
    expect(await runSync(db, adapter(), { now: () => clock, retry: quickly })).toMatchObject({ status: 'updated' });
    const reread = server.requests
      .slice(before)
      .filter((r) => r.path === '/crm/v3/objects/companies/batch/read')
      .flatMap((r) => (r.body as { inputs: { id: string }[] }).inputs.map((i) => i.id));
    expect(reread).toEqual([joined?.id]);
    const view = await dataView(db);
    const account = (c: typeof left) => view.forId(`hubspot:${c?.id}`).accounts.get(`hubspot:${c?.id}`);
    // Only the moved deal's new company was read again; the company it left gave it up all the same.
    expect(await account(left)).toMatchObject({ opportunities: [expect.objectContaining({ name: 'Small' })] });
    expect((await account(left))?.openOpportunity).toMatchObject({ name: 'Small', amount: 5000 });
    expect(await account(joined)).toMatchObject({ opportunities: [expect.objectContaining({ name: 'Big' })] });
    expect((await account(joined))?.openOpportunity).toMatchObject({ name: 'Big', amount: 90_000 });
  });

  it('takes out, at the next incremental run, a company deleted in HubSpot with its contacts and activity, a deleted contact and a deleted deal', async () => {
    const [gone, kept] = server.data.seedCompanies(2, { at: () => clock - 2 * DAY });
    const opened = clock - 3 * DAY;
    const [goneStaff, quitter, stayer] = server.data.seedContacts(3, {
      companyIds: [gone?.id ?? '', kept?.id ?? '', kept?.id ?? ''],
      at: () => clock - 2 * DAY,
      props: () => activity({ hs_email_last_open_date: opened }),
    });
    const [big] = seedOpenDeals(kept?.id);
    const db = freshDb();
    expect(await runSync(db, adapter(), { now: () => clock, retry: quickly })).toMatchObject({
      counts: { accounts: 2, contacts: 3, touchpoints: 3 },
    });
    expect((await touchpointsAt(db, `hubspot:${kept?.id}`)).counted).toBe(3);

    // Two hours later (when a run lists deletions again) someone deletes a company, a contact of the other one, and its bigger deal.
    clock += ARCHIVED_SWEEP_EVERY_MS;
    server.data.archive('companies', gone?.id ?? '');
    server.data.archive('contacts', quitter?.id ?? '');
    server.data.archive('deals', big?.id ?? '');
    clock += 60_000;
    const outcome = await runSync(db, adapter(), { now: () => clock, retry: quickly });
    expect(outcome).toMatchObject({ status: 'updated', generation: 1, counts: { accounts: 1, contacts: 1 } });

    const keptId = `hubspot:${kept?.id}`;
    const view = await dataView(db);
    expect(await view.forId(`hubspot:${gone?.id}`).accounts.get(`hubspot:${gone?.id}`)).toBeUndefined();
    expect((await snapshot(db)).contacts.map((c) => c.split(' ')[0])).toEqual([`hubspot:${stayer?.id}→${keptId}`]);
    expect(await view.forId(`hubspot:${goneStaff?.id}`).contacts.get(`hubspot:${goneStaff?.id}`)).toBeUndefined();
    // Only the stayer's open is left: the deleted company's activity went with it, the deleted contact's with them.
    const left = await touchpointsAt(db, keptId);
    expect(left.touchpoints.map((t) => t.contactId)).toEqual([`hubspot:${stayer?.id}`]);
    expect(left.held).toBe(1);
    expect(left.counted).toBe(1);
    const account = await view.forId(keptId).accounts.get(keptId);
    expect(account?.opportunities?.map((o) => o.name)).toEqual(['Small']);
    expect(account?.openOpportunity).toMatchObject({ name: 'Small', amount: 5000 });
  });

  it("brings a contact's newer click in an incremental run: it replaces the older click (same id), and the count stays exact", async () => {
    const [company] = server.data.seedCompanies(1, { at: () => clock - 2 * DAY });
    const firstClick = clock - 5 * DAY;
    const [clicker, opener] = server.data.seedContacts(2, {
      companyIds: [company?.id ?? ''],
      at: () => clock - 2 * DAY,
      props: (i) =>
        i === 0
          ? activity({ hs_email_last_open_date: firstClick - 60_000, hs_email_last_click_date: firstClick })
          : activity({ hs_email_last_open_date: firstClick }),
    });
    const accountId = `hubspot:${company?.id}`;
    const clickId = (c: typeof clicker) => `hubspot:contact-${c?.id}-hs_email_last_click_date`;
    const db = freshDb();
    await runSync(db, adapter(), { now: () => clock, retry: quickly });
    const full = await touchpointsAt(db, accountId);
    expect(full.touchpoints.map((t) => t.id).sort()).toEqual(
      [clickId(clicker), ...[clicker, opener].map((c) => `hubspot:contact-${c?.id}-hs_email_last_open_date`)].sort(),
    );
    expect(full.counted).toBe(3);

    // An hour later each clicks a campaign email: one for the second time, one for the first.
    clock += 3_600_000;
    const newClick = clock - 600_000;
    server.data.modify('contacts', clicker?.id ?? '', { hs_email_last_click_date: iso(newClick) });
    server.data.modify('contacts', opener?.id ?? '', { hs_email_last_click_date: iso(newClick) });
    clock += 60_000;
    const outcome = await runSync(db, adapter(), { now: () => clock, retry: quickly });
    expect(outcome).toMatchObject({ status: 'updated', counts: { accounts: 1, contacts: 2, touchpoints: 4 } });
    const after = await touchpointsAt(db, accountId);
    const clicks = after.touchpoints.filter((t) => t.type === 'email_click');
    expect(clicks.map((t) => [t.id, t.contactId, t.at]).sort()).toEqual(
      [
        [clickId(clicker), `hubspot:${clicker?.id}`, newClick],
        [clickId(opener), `hubspot:${opener?.id}`, newClick],
      ].sort(),
    );
    // The replaced click is gone; only the new id added one. The kept count is what the rows hold.
    expect(after.touchpoints).toHaveLength(4);
    expect(after.counted).toBe(4);
    expect(after.held).toBe(4);
  });

  it("moves a contact's activity with it when it changes company, and drops a contact left without one, in an incremental run", async () => {
    const [oldCo, newCo] = server.data.seedCompanies(2, { at: () => clock - 2 * DAY });
    const opened = clock - 3 * DAY;
    const [mover, leaver, stayer] = server.data.seedContacts(3, {
      companyIds: [oldCo?.id ?? ''],
      at: () => clock - 2 * DAY,
      props: () => activity({ hs_email_last_open_date: opened }),
    });
    const oldId = `hubspot:${oldCo?.id}`;
    const newId = `hubspot:${newCo?.id}`;
    const db = freshDb();
    await runSync(db, adapter(), { now: () => clock, retry: quickly });
    expect((await touchpointsAt(db, oldId)).touchpoints.map((t) => t.contactId).sort()).toEqual(
      [mover, leaver, stayer].map((c) => `hubspot:${c?.id}`).sort(),
    );

    // An hour later one contact moves to the other company, one loses its company altogether.
    clock += 3_600_000;
    server.data.moveContact(mover?.id ?? '', newCo?.id);
    server.data.moveContact(leaver?.id ?? '', undefined);
    clock += 60_000;
    const outcome = await runSync(db, adapter(), { now: () => clock, retry: quickly });
    expect(outcome).toMatchObject({ status: 'updated', counts: { accounts: 2, contacts: 2, touchpoints: 2 } });

    const atOld = await touchpointsAt(db, oldId);
    const atNew = await touchpointsAt(db, newId);
    // The old company keeps only the activity of who still works there; the mover's open went with it.
    expect(atOld.touchpoints.map((t) => t.contactId)).toEqual([`hubspot:${stayer?.id}`]);
    expect(atNew.touchpoints.map((t) => [t.contactId, t.type, t.at])).toEqual([
      [`hubspot:${mover?.id}`, 'email_open', opened],
    ]);
    expect(atOld.counted).toBe(2);
    expect(atOld.held).toBe(2);
    const where = (await snapshot(db)).contacts.map((c) => c.split(' ')[0]);
    expect(where).toEqual([`hubspot:${mover?.id}→${newId}`, `hubspot:${stayer?.id}→${oldId}`].sort());
  });

  it("scores a synced account's engagement by who engaged: a decision maker's reply counts more than a contact's without a role", async () => {
    const reply = clock - DAY;
    const click = clock - 2 * DAY;
    const [decider, plain, rollUpOnly] = server.data.seedCompanies(3, {
      at: () => clock - 2 * DAY,
      // The third has no contacts: only HubSpot's roll-ups of the same acts, as before contacts' dates were read.
      props: (i): Record<string, string> =>
        i === 2 ? { hs_last_sales_activity_timestamp: iso(reply), hs_analytics_last_visit_timestamp: iso(click) } : {},
    });
    server.data.seedContacts(2, {
      companyIds: [decider?.id ?? '', plain?.id ?? ''],
      at: () => clock - 2 * DAY,
      props: (i) => ({
        hs_buying_role: i === 0 ? 'DECISION_MAKER' : '',
        ...activity({ hs_sales_email_last_replied: reply, hs_email_last_click_date: click }),
      }),
    });
    const db = freshDb();
    await runSync(db, adapter(), { now: () => clock, retry: quickly });
    const engagementOf = async (company: typeof decider) => {
      const id = `hubspot:${company?.id}`;
      const generation = (await dataView(db)).forId(id);
      const contacts = await generation.contacts.where('accountId').equals(id).toArray();
      const { touchpoints } = await touchpointsAt(db, id);
      return scoreEngagement(touchpoints, contacts, DEFAULT_ENGAGEMENT, clock);
    };
    const [withRole, withoutRole, anonymous] = await Promise.all([decider, plain, rollUpOnly].map(engagementOf));
    expect(withRole?.engagedContacts).toBe(1);
    expect(withoutRole?.engagedContacts).toBe(1);
    expect(anonymous?.engagedContacts).toBe(0);
    expect(withRole?.drivers.map((d) => d.label)).toEqual(['reply', 'email click', 'contacts engaged']);
    // The same two acts, twice the points by a decision maker (role multiplier 2 against 1; drivers round).
    const points = (e: typeof withRole, label: string) => e?.drivers.find((d) => d.label === label)?.points ?? 0;
    for (const label of ['reply', 'email click'])
      expect(Math.abs(points(withRole, label) - 2 * points(withoutRole, label))).toBeLessThanOrEqual(1);
    expect(withRole?.score).toBeGreaterThan(withoutRole?.score ?? 100);
    expect(withoutRole?.score).toBeGreaterThan(anonymous?.score ?? 100);
  });

  it("without the owners scope still syncs, and the source's status says owner names need crm.objects.owners.read until a run has it", async () => {
    const companies = seed(30, 1);
    server.setScopes([...READ_SCOPES_WITHOUT_OWNERS, ...WRITE_SCOPES]);
    const db = freshDb();
    expect(await runSync(db, adapter(), { now: () => clock, retry: quickly })).toMatchObject({
      status: 'switched',
      counts: { accounts: 30, contacts: 30 },
    });
    const state = await db.syncState.get('hubspot');
    expect(state?.lastError).toBeUndefined();
    expect(state?.notice).toMatch(/owner ids, not names.*needs the scope crm\.objects\.owners\.read/);
    const first = `hubspot:${companies[0]?.id}`;
    const accountOf = async (id: string) => (await dataView(db)).forId(id).accounts.get(id);
    expect(await accountOf(first)).toMatchObject({ owner: '100', ownerId: '100' });
    // The admin adds the scope: the next run reads every company again to name their owners, and the notice goes.
    server.setScopes([...ALL_READ_SCOPES, ...WRITE_SCOPES]);
    clock += 3_600_000;
    expect(await runSync(db, adapter(), { now: () => clock, retry: quickly })).toMatchObject({ status: 'switched' });
    expect((await db.syncState.get('hubspot'))?.notice).toBeUndefined();
    expect(await accountOf(first)).toMatchObject({ owner: 'Alex Morgan', ownerId: '100' });
  });

  it('ends with the same data as an uninterrupted sync, whenever the worker is stopped and the network fails', async () => {
    seed(260, 2);
    const reference = freshDb();
    await runSync(reference, adapter(), { now: () => clock, retry: quickly });
    const expected = await snapshot(reference);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ pages: fc.integer({ min: 0, max: 4 }), fault: fc.constantFrom('none', '429', '500', 'drop') }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        async (interruptions) => {
          const db = freshDb();
          for (const { pages, fault } of interruptions) {
            if (fault === '429')
              server.faults.add({ kind: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING' }, { skip: pages });
            if (fault === '500') server.faults.add({ kind: 'status', status: 500 }, { skip: pages, times: 5 });
            if (fault === 'drop') server.faults.add({ kind: 'drop' }, { skip: pages });
            // A worker stopped after `pages` pages: the run pauses, or fails and is retried later.
            await runSync(db, adapter(), { now: () => clock, retry: quickly, maxPages: pages });
            server.faults.clear();
          }
          const final = await runSync(db, adapter(), { now: () => clock, retry: quickly });
          expect(['switched', 'updated']).toContain(final.status);
          expect(await snapshot(db)).toEqual(expected);
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});
