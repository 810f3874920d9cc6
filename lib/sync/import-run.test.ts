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

  it('says a first import replaced nothing', async () => {
    const outcome = await runFileImport(freshDb(), [companies()], { now: NOW, mode: 'replace' });
    expect(outcome.status === 'switched' && outcome.replaced).toBe(undefined);
  });

  it('replaces the previous import whole when the next one lands', async () => {
    const db = freshDb();
    await runFileImport(db, [companies()], { now: NOW });
    const csv = 'Record ID,Company name,Company Domain Name\n1,Initech,initech.com\n';
    const outcome = await runFileImport(db, [memoryFile('initech.csv', csv)], { now: NOW, mode: 'replace' });
    expect(outcome).toMatchObject({ status: 'switched', generation: 2, counts: { accounts: 1 } });
    expect(outcome.status === 'switched' && outcome.addedTo).toBe(undefined);
    expect(outcome.status === 'switched' && outcome.replaced).toBe(true);
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
          if ('goodRows' in p && p.goodRows > 3000) controller.abort();
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

/** The visible file import's rows, counted, with its state's counts beside them. */
async function visibleFileRows(db: TierlensDB) {
  const view = await dataView(db);
  const file = view.forId('file:x');
  const state = await db.syncState.get('file');
  const touchpoints = (await file.accountTouchpoints.toArray()).reduce((n, r) => n + r.items.length, 0);
  return {
    counted: { accounts: await file.accounts.count(), contacts: await file.contacts.count(), touchpoints },
    stated: { accounts: state?.accountCount, contacts: state?.contactCount, touchpoints: state?.touchpointCount },
  };
}

/** A canonical accounts CSV of `n` companies from id `from` on (`Company <id>`, `company-<id>.com`). */
function generatedAccounts(name: string, from: number, n: number, chunkSize?: number) {
  const rows = Array.from({ length: n }, (_, i) => `${from + i},Company ${from + i},company-${from + i}.com`);
  return memoryFile(name, `Record ID,Company name,Company Domain Name\n${rows.join('\n')}\n`, chunkSize);
}

// Thousands of rows through fake-indexeddb, twice: seconds on a busy machine.
describe('a file import added to the previous one', { timeout: 30_000 }, () => {
  it('keeps every row of the previous import beside the new ones', async () => {
    const db = freshDb();
    const first = await runFileImport(db, [companies(), contacts()], { now: NOW });
    if (first.status !== 'switched') throw new Error('the first import failed');
    const csv = 'Record ID,Company name,Company Domain Name\n1,Umbrella,umbrella.example\n';
    const outcome = await runFileImport(db, [memoryFile('umbrella.csv', csv)], { now: NOW, mode: 'add' });
    expect(outcome).toMatchObject({
      status: 'switched',
      generation: 2,
      counts: { ...first.counts, accounts: first.counts.accounts + 1 },
      addedTo: {
        added: { accounts: 1, contacts: 0, touchpoints: 0 },
        updated: { accounts: 0, contacts: 0, touchpoints: 0 },
        kept: first.counts,
      },
    });
    expect(await resolveKeys(db, ['li:acme-inc'])).toMatchObject({ status: 'matched', accountId: 'file:5790939450' });
    expect(await resolveKeys(db, ['dom:umbrella.example'])).toMatchObject({ accountId: 'file:1' });
    const view = await dataView(db);
    expect(await view.forId('file:x').contacts.where('accountId').equals('file:5790939450').count()).toBeGreaterThan(0);
    // Every account is stamped with the generation that is visible, kept ones too.
    const stamps = new Set((await view.forId('file:x').accounts.toArray()).map((a) => a.generation));
    expect([...stamps]).toEqual([2]);
  });

  it('replaces a record the previous import has by the new row with its id, whole', async () => {
    const db = freshDb();
    const first = await runFileImport(db, [companies()], { now: NOW });
    if (first.status !== 'switched') throw new Error('the first import failed');
    // Acme was an assigned Tier 1 target; the new row says neither, so the record has neither.
    const csv = 'Record ID,Company name,Company Domain Name\n5790939450,Acme Corporation,acme.com\n';
    const outcome = await runFileImport(db, [memoryFile('acme.csv', csv)], { now: NOW, mode: 'add' });
    expect(outcome).toMatchObject({
      status: 'switched',
      counts: { accounts: first.counts.accounts },
      addedTo: { added: { accounts: 0 }, updated: { accounts: 1 }, kept: { accounts: first.counts.accounts - 1 } },
      report: { badRows: 0 },
    });
    const acme = await (await dataView(db)).forId('file:5790939450').accounts.get('file:5790939450');
    expect(acme).toMatchObject({ name: 'Acme Corporation', isTarget: false });
    expect(acme?.assignedTier).toBeUndefined();
    expect(await resolveKeys(db, ['li:acme-inc'])).toEqual({ status: 'unknown' });
    expect(await resolveKeys(db, ['dom:globex.de'])).toMatchObject({ accountId: 'file:5790939451' });
  });

  it('links a contacts-only import to the previous accounts by company domain, name or email domain', async () => {
    const db = freshDb();
    await runFileImport(db, [companies()], { now: NOW });
    const csv = [
      'Record ID,First Name,Email,Company Domain Name,Associated Company',
      '201,Ada,ada@example.org,globex.de,',
      '202,Bo,bo@example.org,,Initech Ltd',
      '203,Cy,cy@acme.com,,',
    ].join('\n');
    const outcome = await runFileImport(db, [memoryFile('contacts.csv', `${csv}\n`)], { now: NOW, mode: 'add' });
    expect(outcome).toMatchObject({ status: 'switched', addedTo: { added: { contacts: 3 } }, report: { badRows: 0 } });
    if (outcome.status !== 'switched') return;
    // The previous import has accounts: nothing was linked "as given".
    expect(outcome.report.problems.map((p) => p.reason)).not.toContainEqual(expect.stringMatching(/has no accounts/));
    const file = (await dataView(db)).forId('file:x');
    expect(await file.contacts.get('file:201')).toMatchObject({ accountId: 'file:5790939451' });
    expect(await file.contacts.get('file:202')).toMatchObject({ accountId: 'file:5790939452' });
    expect(await file.contacts.get('file:203')).toMatchObject({ accountId: 'file:5790939450' });
  });

  it('rejects a contact whose company id is in neither the files nor the previous import', async () => {
    const db = freshDb();
    await runFileImport(db, [companies()], { now: NOW });
    const csv =
      'Record ID,First Name,Email,Associated Company IDs\n301,Di,di@example.org,999\n302,Ed,ed@example.org,5790939451\n';
    const outcome = await runFileImport(db, [memoryFile('contacts.csv', csv)], { now: NOW, mode: 'add' });
    expect(outcome).toMatchObject({ status: 'switched', addedTo: { added: { contacts: 1 } }, report: { badRows: 1 } });
    if (outcome.status !== 'switched') return;
    expect(outcome.report.problems[0]?.reason).toBe(
      'the company 999 is not among the accounts of this import or the previous one',
    );
  });

  it("merges an account's touchpoints by id: a new one with an id the previous import has replaces it", async () => {
    const db = freshDb();
    const accounts = 'Record ID,Company name,Company Domain Name\n1,Umbrella,umbrella.example\n';
    const before = 'id,accountId,type,at\nt1,1,web_visit,2026-01-01\nt2,1,web_visit,2026-01-02\n';
    await runFileImport(db, [memoryFile('accounts.csv', accounts), memoryFile('touchpoints.csv', before)], {
      now: NOW,
    });
    const after = 'id,accountId,type,at\nt2,1,meeting,2026-01-02\nt3,1,demo_request,2026-01-03\n';
    const outcome = await runFileImport(db, [memoryFile('touchpoints.csv', after)], { now: NOW, mode: 'add' });
    expect(outcome).toMatchObject({
      status: 'switched',
      counts: { accounts: 1, touchpoints: 3 },
      addedTo: { added: { touchpoints: 1 }, updated: { touchpoints: 1 }, kept: { accounts: 1, touchpoints: 1 } },
    });
    const row = await (await dataView(db)).forId('file:1').accountTouchpoints.get('file:1');
    expect(row?.items.map((t) => [t.id, t.type])).toEqual([
      ['file:t1', 'web_visit'],
      ['file:t2', 'meeting'],
      ['file:t3', 'demo_request'],
    ]);
  });

  it('switches with the merged counts: the previous rows plus the ids new to them, as the data holds', async () => {
    const db = freshDb();
    // More accounts than one page of the copy, so that it goes page by page.
    await runFileImport(db, [generatedAccounts('before.csv', 1, 2_500)], { now: NOW });
    const outcome = await runFileImport(db, [generatedAccounts('after.csv', 2_491, 20)], { now: NOW, mode: 'add' });
    expect(outcome).toMatchObject({
      status: 'switched',
      counts: { accounts: 2_510, contacts: 0, touchpoints: 0 },
      addedTo: { added: { accounts: 10 }, updated: { accounts: 10 }, kept: { accounts: 2_490 } },
    });
    const rows = await visibleFileRows(db);
    expect(rows.counted).toEqual({ accounts: 2_510, contacts: 0, touchpoints: 0 });
    expect(rows.stated).toEqual(rows.counted);
  });

  it('reports its progress while it reads the previous accounts to link to and while it keeps the previous rows', async () => {
    const db = freshDb();
    await runFileImport(db, [generatedAccounts('before.csv', 1, 2_500)], { now: NOW });
    const phases: string[] = [];
    let last: { done: number; total?: number } | undefined;
    const csv = 'Record ID,First Name,Email,Company Domain Name\n1,Ada,ada@example.org,company-7.com\n';
    await runFileImport(db, [memoryFile('contacts.csv', csv)], {
      now: NOW,
      mode: 'add',
      onProgress: (p) => {
        if (phases.at(-1) !== (p.phase ?? 'reading')) phases.push(p.phase ?? 'reading');
        if (p.phase === 'keeping') last = p;
      },
    });
    expect(phases).toEqual(['linking', 'reading', 'keeping']);
    expect(last).toEqual({ phase: 'keeping', done: 2_500, total: 2_500 });
    expect(await (await dataView(db)).forId('file:x').contacts.get('file:1')).toMatchObject({ accountId: 'file:7' });
  });

  it('leaves the previous data as it was when cancelled while it keeps the previous rows', async () => {
    const db = freshDb();
    await runFileImport(db, [generatedAccounts('before.csv', 1, 2_500)], { now: NOW });
    const controller = new AbortController();
    const outcome = await runFileImport(db, [generatedAccounts('after.csv', 10_001, 5)], {
      now: NOW,
      mode: 'add',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'keeping' && p.done > 0) controller.abort();
      },
    });
    expect(outcome.status).toBe('cancelled');
    expect(await resolveKeys(db, ['dom:company-2500.com'])).toMatchObject({ accountId: 'file:2500' });
    expect(await resolveKeys(db, ['dom:company-10001.com'])).toEqual({ status: 'unknown' });
    const state = await db.syncState.get('file');
    expect(state).toMatchObject({ generation: 1, accountCount: 2_500 });
    expect(state?.staging).toBeUndefined();
  });

  it('is a first import like any other when nothing was imported before', async () => {
    const db = freshDb();
    const outcome = await runFileImport(db, [companies()], { now: NOW, mode: 'add' });
    expect(outcome).toMatchObject({ status: 'switched', generation: 1 });
    expect(outcome.status === 'switched' && outcome.addedTo).toBe(undefined);
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

describe('a deals file imported into the database', () => {
  const deals = () => fixtureFile('hubspot-deals.csv');
  const acmeOf = async (db: TierlensDB) =>
    (await dataView(db)).forId('file:5790939450').accounts.get('file:5790939450');

  it('lands in its accounts beside the companies export, with the open opportunity and outcome', async () => {
    const db = freshDb();
    const outcome = await runFileImport(db, [deals(), companies()], { now: NOW });
    expect(outcome).toMatchObject({ status: 'switched', counts: { accounts: 3, contacts: 0 } });
    const acme = await acmeOf(db);
    expect(acme?.opportunities).toHaveLength(3);
    expect(acme).toMatchObject({
      openOpportunity: { name: 'Acme Inc. - EU expansion', amount: 1_200_000, stage: 'Contract Sent' },
      outcome: 'won',
      closedAt: Date.UTC(2025, 2, 14, 10),
    });
  });

  it('added on its own, merges into the previous import’s accounts', async () => {
    const db = freshDb();
    await runFileImport(db, [companies()], { now: NOW });
    const outcome = await runFileImport(db, [deals()], { now: NOW, mode: 'add' });
    expect(outcome).toMatchObject({ status: 'switched', counts: { accounts: 3 } });
    const acme = await acmeOf(db);
    expect(acme?.opportunities?.map((o) => o.id)).toEqual([
      'file-deal:18234001',
      'file-deal:18234002',
      'file-deal:18234003',
    ]);
    expect(acme).toMatchObject({ name: 'Acme Inc.', outcome: 'won' });
  });
});
