import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from './accounts';
import type { Contact } from './contacts';
import { TierlensDB } from './db';
import type { LocalEdit } from './outbox';
import { declareVersions, SCHEMA_VERSIONS } from './schema';
import type { SyncState } from './sync-state';
import { type Touchpoint, touchpointsOf } from './touchpoints';

/**
 * A database as a user's browser holds it at one schema version, and what the current schema
 * must find in it after upgrading. Adding a schema version means adding its entry here: rows as
 * that version wrote them (`before`), and the checks of what they became (`after`).
 */
interface MigrationFixture {
  before: Record<string, unknown[]>;
  after: (db: TierlensDB) => Promise<void>;
}

const T0 = Date.UTC(2026, 0, 15);

const v1Account: Account = {
  id: 'hubspot:1',
  name: 'Acme, Inc.',
  keys: ['li#1234', 'li:acme', 'dom:acme.com', 'name:acme'],
  domains: ['acme.com'],
  linkedinSlugs: ['acme'],
  linkedinIds: ['1234'],
  industry: 'Software',
  employees: 800,
  revenue: 9e7,
  country: 'US',
  technologies: ['HubSpot'],
  assignedTier: 1,
  isTarget: true,
  owner: 'Priya Shah',
  updatedAt: T0,
  source: 'hubspot',
  generation: 3,
};
const v1Other: Account = {
  ...v1Account,
  id: 'hubspot:2',
  name: 'Globex',
  keys: ['li:globex', 'dom:globex.com', 'name:globex'],
  domains: ['globex.com'],
  linkedinSlugs: ['globex'],
  linkedinIds: [],
  assignedTier: undefined,
  isTarget: false,
};
const v1Contact: Contact = {
  id: 'hubspot:c1',
  accountId: 'hubspot:1',
  name: 'Dana Decides',
  linkedinSlug: 'dana-decides',
  buyingRoles: ['DECISION_MAKER', 'BUDGET_HOLDER'],
  updatedAt: T0,
};
const v1Touchpoints: Touchpoint[] = [
  { id: 'tp:1', accountId: 'hubspot:1', contactId: 'hubspot:c1', type: 'demo_request', stage: 'BOFU', at: T0 - 3 },
  { id: 'tp:2', accountId: 'hubspot:1', type: 'web_visit', stage: 'TOFU', at: T0 - 1 },
  { id: 'tp:3', accountId: 'hubspot:1', type: 'meeting', stage: 'BOFU', at: T0 - 2 },
  { id: 'tp:4', accountId: 'hubspot:2', type: 'web_visit', stage: 'TOFU', at: T0 - 2 },
];
/** An edit as versions 1–5 wrote it: no account id, the kind in the singular. */
const v1Edit = {
  opId: 'op-1',
  kind: 'buying_role',
  entityId: 'hubspot:c1',
  value: ['DECISION_MAKER', 'BUDGET_HOLDER'],
  base: ['DECISION_MAKER'],
  createdAt: T0,
  state: 'pending',
  attempts: 0,
};
const v1Sync: SyncState = { source: 'hubspot', cursor: 'after:200', generation: 3, lastSuccess: T0, accountCount: 2 };

/** Every index the current schema serves, queried as the product queries it. */
async function expectCurrentIndexesServe(db: TierlensDB): Promise<void> {
  const byKey = await db.accounts.where('keys').equals('li:acme').toArray();
  expect(byKey.map((a) => a.id)).toEqual(['hubspot:1']);
  const byAnyKey = await db.accounts.where('keys').anyOf(['li#1234', 'dom:globex.com']).primaryKeys();
  expect([...byAnyKey].sort()).toEqual(['hubspot:1', 'hubspot:2']);
  expect(await db.accounts.where('assignedTier').equals(1).primaryKeys()).toEqual(['hubspot:1']);
  // v2: the outcome index, which accounts without an outcome stay out of.
  const withOutcome = await db.accounts.where('outcome').anyOf(['won', 'lost']).primaryKeys();
  expect(withOutcome).toEqual((await db.accounts.toArray()).filter((a) => a.outcome).map((a) => a.id));

  expect(await db.contacts.where('accountId').equals('hubspot:1').primaryKeys()).toEqual(['hubspot:c1']);
  expect(await db.contacts.where('linkedinSlug').equals('dana-decides').primaryKeys()).toEqual(['hubspot:c1']);

  // v4: an account's touchpoints come back from its one row, in time order, whole.
  const timeline = touchpointsOf(await db.accountTouchpoints.get('hubspot:1'));
  expect(timeline.map((t) => t.id)).toEqual(['tp:1', 'tp:3', 'tp:2']);
  expect(timeline[0]).toEqual(v1Touchpoints[0]);
  expect(touchpointsOf(await db.accountTouchpoints.get('hubspot:2')).map((t) => t.id)).toEqual(['tp:4']);
  // v5: the one-row-per-touchpoint table is gone.
  expect(db.tables.map((t) => t.name)).not.toContain('touchpoints');

  expect(await db.outbox.where('state').equals('pending').primaryKeys()).toEqual(['op-1']);
  expect(await db.outbox.where('entityId').equals('hubspot:c1').count()).toBe(1);
  // v6: an account's edits, its contacts' included, by the account's id; the tags index.
  expect(await db.outbox.where('accountId').equals('hubspot:1').primaryKeys()).toEqual(['op-1']);
  const tagged = (await db.accounts.toArray()).filter((a) => a.tags?.includes('event-2026')).map((a) => a.id);
  expect(await db.accounts.where('tags').equals('event-2026').primaryKeys()).toEqual(tagged);
  expect(await db.syncState.get('hubspot')).toBeDefined();
}

const FIXTURES: Record<number, MigrationFixture> = {
  1: {
    before: {
      accounts: [v1Account, v1Other],
      contacts: [v1Contact],
      touchpoints: v1Touchpoints,
      outbox: [v1Edit],
      syncState: [v1Sync],
    },
    async after(db) {
      expect(await db.accounts.get('hubspot:1')).toEqual(v1Account);
      expect(await db.accounts.get('hubspot:2')).toEqual(v1Other);
      expect(await db.contacts.toArray()).toEqual([v1Contact]);
      const moved = (await db.accountTouchpoints.toArray()).flatMap(touchpointsOf);
      expect(moved.sort((a, b) => a.id.localeCompare(b.id))).toEqual(v1Touchpoints);
      // v6: the kind names the whole value, and the edit names its account: the contact's.
      expect(await db.outbox.get('op-1')).toEqual({ ...v1Edit, kind: 'buying_roles', accountId: 'hubspot:1' });
      expect(await db.syncState.get('hubspot')).toEqual(v1Sync);
      await expectCurrentIndexesServe(db);
    },
  },
};

const v2Won: Account = {
  ...v1Other,
  id: 'file:3',
  name: 'Initech',
  keys: ['li:initech'],
  source: 'file',
  outcome: 'won',
};

FIXTURES[2] = {
  // Version 2 wrote the same tables; accounts may carry an outcome, now indexed.
  before: { ...FIXTURES[1]?.before, accounts: [v1Account, v1Other, v2Won] },
  async after(db) {
    expect(await db.accounts.get('file:3')).toEqual(v2Won);
    expect(await db.accounts.where('outcome').equals('won').primaryKeys()).toEqual(['file:3']);
    await expectCurrentIndexesServe(db);
  },
};

FIXTURES[3] = {
  // Version 3 added the sources' connection table; the rows of version 2 stay as they were.
  before: { ...FIXTURES[2]?.before },
  async after(db) {
    expect(await db.accounts.get('file:3')).toEqual(v2Won);
    expect(await db.syncState.get('hubspot')).toEqual(v1Sync);
    await db.sourceConfig.put({
      source: 'feed',
      url: 'https://feed.example/manifest.json',
      everyMinutes: 60,
      connectedAt: T0,
    });
    expect((await db.sourceConfig.get('feed'))?.url).toBe('https://feed.example/manifest.json');
    await expectCurrentIndexesServe(db);
  },
};

/** The v1 touchpoints as version 4 and later store them: one row per account, in time order. */
const v4TouchpointRows = [
  {
    accountId: 'hubspot:1',
    items: [
      { id: 'tp:1', contactId: 'hubspot:c1', type: 'demo_request', stage: 'BOFU', at: T0 - 3 },
      { id: 'tp:3', type: 'meeting', stage: 'BOFU', at: T0 - 2 },
      { id: 'tp:2', type: 'web_visit', stage: 'TOFU', at: T0 - 1 },
    ],
  },
  { accountId: 'hubspot:2', items: [{ id: 'tp:4', type: 'web_visit', stage: 'TOFU', at: T0 - 2 }] },
];

FIXTURES[4] = {
  // Version 4 stores each account's touchpoints in one row; the old table is still there, empty.
  before: {
    accounts: [v1Account, v1Other, v2Won],
    contacts: [v1Contact],
    accountTouchpoints: v4TouchpointRows,
    outbox: [v1Edit],
    syncState: [v1Sync],
  },
  async after(db) {
    expect(await db.accountTouchpoints.toArray()).toEqual(v4TouchpointRows);
    await expectCurrentIndexesServe(db);
  },
};

FIXTURES[5] = {
  // Version 5 only dropped the old touchpoints table.
  before: { ...FIXTURES[4].before },
  async after(db) {
    expect(await db.accountTouchpoints.toArray()).toEqual(v4TouchpointRows);
    await expectCurrentIndexesServe(db);
  },
};

const v6Edit: LocalEdit<'buying_roles'> = {
  ...v1Edit,
  kind: 'buying_roles',
  accountId: 'hubspot:1',
  value: ['DECISION_MAKER', 'BUDGET_HOLDER'],
  base: ['DECISION_MAKER'],
  state: 'pending',
};
const v6Tagged: Account = { ...v2Won, id: 'file:4', tags: ['event-2026', 'partner'] };

FIXTURES[6] = {
  // Version 6 wrote edits with their account, and accounts with tags.
  before: { ...FIXTURES[5]?.before, accounts: [v1Account, v1Other, v2Won, v6Tagged], outbox: [v6Edit] },
  async after(db) {
    expect(await db.outbox.get('op-1')).toEqual(v6Edit);
    expect(await db.accounts.where('tags').equals('partner').primaryKeys()).toEqual(['file:4']);
    await expectCurrentIndexesServe(db);
  },
};

FIXTURES[7] = {
  // Version 7 added the derived score chunks and their state; nothing before it changes.
  before: { ...FIXTURES[6].before },
  async after(db) {
    expect(await db.outbox.get('op-1')).toEqual(v6Edit);
    await db.scoreChunks.put({ run: 1, chunk: 0, ids: ['file:4'], rows: [] });
    expect(await db.scoreChunks.where('ids').equals('file:4').primaryKeys()).toEqual([[1, 0]]);
    await expectCurrentIndexesServe(db);
  },
};

FIXTURES[8] = {
  // Version 8 added the change log; nothing before it changes, and entries come back newest first.
  before: { ...FIXTURES[7].before },
  async after(db) {
    expect(await db.outbox.get('op-1')).toEqual(v6Edit);
    await db.changeLog.add({ at: T0, who: 'Priya Shah', kind: 'tier', accountId: 'hubspot:1', before: 2, after: 1 });
    await db.changeLog.add({ at: T0 + 1, who: 'team feed', kind: 'model', before: {}, after: {} });
    expect((await db.changeLog.orderBy('seq').reverse().toArray()).map((e) => e.who)).toEqual([
      'team feed',
      'Priya Shah',
    ]);
    expect(await db.changeLog.where('accountId').equals('hubspot:1').count()).toBe(1);
    await expectCurrentIndexesServe(db);
  },
};

FIXTURES[9] = {
  // Version 9 added the deal homes; nothing before it changes, and a home is found by its deal.
  before: { ...FIXTURES[8].before },
  async after(db) {
    expect(await db.outbox.get('op-1')).toEqual(v6Edit);
    expect(await db.dealHomes.count()).toBe(0);
    await db.dealHomes.put({ dealId: 'hubspot-deal:9', accountId: 'hubspot:1' });
    expect(await db.dealHomes.get('hubspot-deal:9')).toEqual({ dealId: 'hubspot-deal:9', accountId: 'hubspot:1' });
    await expectCurrentIndexesServe(db);
  },
};

const CURRENT = SCHEMA_VERSIONS.at(-1)?.version ?? 0;
const opened: Dexie[] = [];
let dbCount = 0;
const uniqueName = (v: number) => `tierlens-migration-v${v}-${++dbCount}-${Math.random().toString(36).slice(2)}`;

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('schema migrations', () => {
  it('has a before/after fixture for every schema version', () => {
    expect(Object.keys(FIXTURES).map(Number)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  it('lists the versions in increasing order, the newest being the one TierlensDB opens', async () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    const db = new TierlensDB(uniqueName(CURRENT));
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT);
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))(
    'upgrades a database left at version %i to the current schema without losing a row',
    async (version) => {
      const fixture = FIXTURES[version];
      if (!fixture) throw new Error(`add a migration fixture for schema version ${version}`);
      const name = uniqueName(version);

      const old = new Dexie(name);
      declareVersions(old, version);
      await old.open();
      expect(old.verno).toBe(version);
      await old.transaction('rw', old.tables, async () => {
        for (const [table, rows] of Object.entries(fixture.before)) await old.table(table).bulkAdd(rows);
      });
      old.close();

      const db = new TierlensDB(name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBe(CURRENT);
      await fixture.after(db);
    },
  );
});
