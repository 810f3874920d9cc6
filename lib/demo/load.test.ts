import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account } from '../db/accounts';
import { TierlensDB } from '../db/db';
import { generateDemoData } from './generate';
import { DEMO_SEED, loadDemoData } from './load';

/** Switches for the generator below, flipped by a test to make a load fail half-way. */
const sabotage = vi.hoisted(() => ({ duplicateAccountId: false }));

// The real generator, cut to 100 accounts (about 2,800 rows): what these tests pin does not depend
// on the size, and the full 2,000 accounts (about 55,000 rows) take seconds per load on fake-indexeddb.
vi.mock('./generate', async (importOriginal) => {
  const real = await importOriginal<typeof import('./generate')>();
  return {
    ...real,
    generateDemoData: (options: Parameters<typeof real.generateDemoData>[0]) => {
      const data = real.generateDemoData({ ...options, accountCount: 100 });
      const last = data.accounts.at(-1);
      // The duplicate comes last, so that the load has written other rows before it fails.
      if (sabotage.duplicateAccountId && last) data.accounts.push({ ...last, name: 'Duplicate' });
      return data;
    },
  };
});

const DAY = 86_400_000;
const first = Date.UTC(2026, 10, 1, 12);
const second = first + 3 * DAY;
const expected = generateDemoData({ seed: DEMO_SEED, now: first });

/** A row from another source, which loading the demo must never touch. */
const crmAccount: Account = {
  id: 'hubspot:42',
  name: 'Initech',
  keys: ['li:initech', 'name:initech'],
  domains: [],
  linkedinSlugs: ['initech'],
  linkedinIds: [],
  isTarget: false,
  updatedAt: first,
  source: 'hubspot',
  generation: 7,
};

let db: TierlensDB;
let dbCount = 0;

beforeEach(async () => {
  sabotage.duplicateAccountId = false;
  db = new TierlensDB(`tierlens-demo-load-${++dbCount}`);
  await db.open();
  await db.accounts.add(crmAccount);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

/** What the side panel would see of the demo: row counts and the demo sync state. */
async function snapshot() {
  return {
    accounts: await db.accounts.where('id').startsWith('demo:').count(),
    contacts: await db.contacts.count(),
    touchpoints: (await db.accountTouchpoints.toArray()).reduce((n, row) => n + row.items.length, 0),
    microsoftUpdatedAt: (await db.accounts.get('demo:1'))?.updatedAt,
    sync: await db.syncState.get('demo'),
  };
}

describe('loadDemoData', () => {
  it('loads the demo accounts and records the load in the demo sync state', async () => {
    expect(await loadDemoData(db, first)).toBe(expected.accounts.length);
    expect(await snapshot()).toEqual({
      accounts: expected.accounts.length,
      contacts: expected.contacts.length,
      touchpoints: expected.touchpoints.length,
      microsoftUpdatedAt: expected.accounts[0]?.updatedAt,
      sync: { source: 'demo', generation: 1, lastSuccess: first, accountCount: expected.accounts.length },
    });
    expect(await db.accounts.where('keys').equals('li:microsoft').primaryKeys()).toEqual(['demo:1']);
  });

  it('leaves exactly one copy when loaded twice', async () => {
    await loadDemoData(db, first);
    expect(await loadDemoData(db, second)).toBe(expected.accounts.length);
    const after = await snapshot();
    expect(after.accounts).toBe(expected.accounts.length);
    expect(after.contacts).toBe(expected.contacts.length);
    expect(after.touchpoints).toBe(expected.touchpoints.length);
    expect(after.sync).toMatchObject({ lastSuccess: second, accountCount: expected.accounts.length });
    // One account per LinkedIn slug: a second copy would make every page ambiguous.
    expect(await db.accounts.where('keys').equals('li:microsoft').count()).toBe(1);
    // Rows from other sources are not the demo's to replace.
    expect(await db.accounts.get('hubspot:42')).toEqual(crmAccount);
  });

  it('leaves the previous demo untouched when a load fails half-way (duplicate id)', async () => {
    await loadDemoData(db, first);
    const before = await snapshot();
    sabotage.duplicateAccountId = true;
    await expect(loadDemoData(db, second)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
    expect(await db.accounts.get('hubspot:42')).toEqual(crmAccount);
  });

  it('leaves the previous demo untouched when writing touchpoints fails (quota)', async () => {
    await loadDemoData(db, first);
    const before = await snapshot();
    vi.spyOn(db.accountTouchpoints, 'bulkPut').mockRejectedValue(
      new DOMException('quota exceeded', 'QuotaExceededError'),
    );
    await expect(loadDemoData(db, second)).rejects.toThrow('quota exceeded');
    expect(await snapshot()).toEqual(before);
  });

  it('leaves an empty database empty of demo rows when the first load fails', async () => {
    sabotage.duplicateAccountId = true;
    await expect(loadDemoData(db, first)).rejects.toThrow();
    expect(await snapshot()).toEqual({
      accounts: 0,
      contacts: 0,
      touchpoints: 0,
      microsoftUpdatedAt: undefined,
      sync: undefined,
    });
  });
});
