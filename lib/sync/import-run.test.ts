import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveKeys } from '../accounts/resolve';
import { TierlensDB } from '../db/db';
import { dataView } from '../db/generations';
import { fixtureFile, memoryFile } from './file/test-files';
import * as generation from './generation';
import { beginGeneration } from './generation';
import { dropAbandonedImport, holdingImportLock } from './import-lock';
import { runFileImport } from './import-run';

const NOW = Date.UTC(2026, 11, 1, 9);
const dbs: TierlensDB[] = [];
function freshDb(): TierlensDB {
  const db = new TierlensDB(`import-run-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) for (const d of (await dataView(db)).all) await d.delete();
});

const companies = () => fixtureFile('hubspot-companies.csv');
const contacts = () => fixtureFile('hubspot-contacts.csv');

describe('a file import into the database', () => {
  it('makes a HubSpot companies export and its contacts export visible together, linked', async () => {
    const db = freshDb();
    const outcome = await runFileImport(db, [contacts(), companies()], { now: NOW });
    expect(outcome.status).toBe('switched');
    if (outcome.status !== 'switched') return;
    expect(outcome.counts.accounts).toBeGreaterThan(0);
    expect(outcome.counts.contacts).toBeGreaterThan(0);
    // The export's first company, by the LinkedIn page its row names.
    const found = await resolveKeys(db, ['li:acme-inc']);
    expect(found).toMatchObject({ status: 'matched', accountId: 'file:5790939450' });
    const view = await dataView(db);
    const acme = await view.forId('file:5790939450').accounts.get('file:5790939450');
    expect(acme).toMatchObject({ name: 'Acme Inc.', assignedTier: 1, isTarget: true, country: 'US', source: 'file' });
    const people = await view.forId('file:x').contacts.where('accountId').equals('file:5790939450').count();
    expect(people).toBeGreaterThan(0);
    expect(await db.syncState.get('file')).toMatchObject({ generation: 1, accountCount: outcome.counts.accounts });
  });

  it('replaces the previous import whole when the next one lands', async () => {
    const db = freshDb();
    await runFileImport(db, [companies()], { now: NOW });
    const csv = 'Record ID,Company name,Company Domain Name\n1,Initech,initech.com\n';
    const outcome = await runFileImport(db, [memoryFile('initech.csv', csv)], { now: NOW });
    expect(outcome).toMatchObject({ status: 'switched', generation: 2, counts: { accounts: 1 } });
    expect(await resolveKeys(db, ['li:acme-inc'])).toEqual({ status: 'unknown' });
    expect(await resolveKeys(db, ['dom:initech.com'])).toMatchObject({ accountId: 'file:1' });
  });

  it('leaves the previous data as it was when the import is cancelled', async () => {
    const db = freshDb();
    await runFileImport(db, [companies()], { now: NOW });
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i + 10},Company ${i},c${i}.example.com`).join('\n');
    const controller = new AbortController();
    const outcome = await runFileImport(
      db,
      [memoryFile('big.csv', `Record ID,Company name,Company Domain Name\n${rows}\n`, 4096)],
      {
        now: NOW,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.goodRows > 3000) controller.abort();
        },
      },
    );
    expect(outcome.status).toBe('cancelled');
    expect(await resolveKeys(db, ['li:acme-inc'])).toMatchObject({ status: 'matched', accountId: 'file:5790939450' });
    expect(await resolveKeys(db, ['dom:c5.example.com'])).toEqual({ status: 'unknown' });
    const state = await db.syncState.get('file');
    expect(state).toMatchObject({ generation: 1 });
    expect(state?.staging).toBeUndefined();
  });

  it('keeps the previous data and says so when the disk fills up half-way', async () => {
    const db = freshDb();
    await runFileImport(db, [companies()], { now: NOW });
    const quota = Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    vi.spyOn(generation, 'writePage').mockRejectedValueOnce(quota);
    const outcome = await runFileImport(db, [contacts(), companies()], { now: NOW });
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.error).toMatch(/no more space .* previous data is still shown/);
    expect(await resolveKeys(db, ['li:acme-inc'])).toMatchObject({ status: 'matched' });
    expect((await db.syncState.get('file'))?.staging).toBeUndefined();
  });

  it('imports nothing, and says so, from a file with no good row', async () => {
    const db = freshDb();
    const outcome = await runFileImport(db, [memoryFile('empty.csv', '')], { now: NOW });
    expect(outcome).toMatchObject({
      status: 'failed',
      error: 'No row could be imported: the previous data is unchanged.',
    });
    expect((await db.syncState.get('file'))?.generation ?? 0).toBe(0);
  });
});

/**
 * Node 20 has no Web Locks: an exclusive lock manager with `ifAvailable`, as the Web Locks spec
 * describes it (Chromium's, where the extension runs, is the real one).
 */
function webLocks() {
  const held = new Set<string>();
  const queues = new Map<string, (() => void)[]>();
  return {
    async request(name: string, ...args: unknown[]) {
      const [options, work] = (args.length === 1 ? [{}, args[0]] : args) as [
        { ifAvailable?: boolean },
        (lock: object | null) => Promise<unknown>,
      ];
      if (held.has(name)) {
        if (options.ifAvailable) return work(null);
        await new Promise<void>((r) => queues.set(name, [...(queues.get(name) ?? []), r]));
      }
      held.add(name);
      try {
        return await work({ name });
      } finally {
        held.delete(name);
        queues.get(name)?.shift()?.();
      }
    },
  };
}

describe('an import whose page closed mid-way', () => {
  it('is dropped at the next start, while one still running is left alone', async () => {
    vi.stubGlobal('navigator', { locks: webLocks() });
    const db = freshDb();
    await runFileImport(db, [companies()], { now: NOW });
    const staged = await beginGeneration(db, 'file', { plan: {}, now: NOW });
    // Another page's import holds the lock: its generation is not touched.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const holding = holdingImportLock(() => held);
    expect(await dropAbandonedImport(db)).toBe(false);
    expect((await db.syncState.get('file'))?.staging?.generation).toBe(staged.generation);
    release();
    await holding;
    // Its page closed: nobody holds the lock, and the half-written generation goes.
    expect(await dropAbandonedImport(db)).toBe(true);
    expect((await db.syncState.get('file'))?.staging).toBeUndefined();
    expect(await resolveKeys(db, ['li:acme-inc'])).toMatchObject({ status: 'matched' });
    vi.unstubAllGlobals();
  });
});
