import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HubSpotServer, startHubSpotServer } from '../../../test/support/hubspot-server';
import { TierlensDB } from '../../db/db';
import { dataView } from '../../db/generations';
import { runSync } from '../engine';
import { createHubSpotSource } from './source';

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
  });

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
    // An incremental run searches; it never lists every company again.
    const reads = server.requests.slice(before);
    expect(reads.every((r) => r.path.endsWith('/search') || r.path.includes('/associations/'))).toBe(true);
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
