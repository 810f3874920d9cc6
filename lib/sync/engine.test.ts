import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { TierlensDB } from '../db/db';
import { dataView } from '../db/generations';
import { leftOutWords, runSync } from './engine';
import { SourceError } from './errors';
import { buildAccount, type DealRecord, type SyncRecord } from './records';
import type { SourceAdapter, SyncPlan } from './types';

const NOW = Date.UTC(2026, 11, 1, 9);
const noWait = { sleep: async () => {}, random: () => 0 };

function account(id: string, name = `Company ${id}`): SyncRecord {
  return { kind: 'account', record: buildAccount('feed', id, { name, websites: [`${id}.example.com`] }, NOW) };
}
function contact(id: string, accountId: string): SyncRecord {
  return {
    kind: 'contact',
    record: { id: `feed:${id}`, accountId: `feed:${accountId}`, name: `Person ${id}`, buyingRoles: [], updatedAt: NOW },
  };
}

/** A feed-like source whose generations are arrays of pages; faults are thrown on chosen reads. */
class PagedSource implements SourceAdapter {
  readonly source = 'feed' as const;
  reads: (string | undefined)[] = [];
  faults = new Map<number, Error>();
  constructor(
    public generations: Record<string, SyncRecord[][]>,
    public current: string,
  ) {}
  async plan(state: { label?: string } | undefined): Promise<SyncPlan> {
    return state?.label === this.current
      ? { mode: 'unchanged' }
      : { mode: 'full', label: this.current, data: this.current };
  }
  async readPage(plan: SyncPlan, cursor: string | undefined) {
    const read = this.reads.push(cursor);
    const fault = this.faults.get(read);
    if (fault) {
      this.faults.delete(read);
      throw fault;
    }
    const pages = this.generations[plan.data as string] ?? [];
    const index = cursor === undefined ? 0 : Number(cursor);
    return { records: pages[index] ?? [], next: index + 1 < pages.length ? String(index + 1) : undefined };
  }
}

const opened: TierlensDB[] = [];
let n = 0;
function freshDb(): TierlensDB {
  const db = new TierlensDB(`engine-test-${++n}-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    for (const other of (await dataView(db)).all) if (other !== db) await other.delete();
    await db.delete();
  }
});

/** What lookups see: every visible account id, across the main database and the generations. */
async function visibleAccountIds(db: TierlensDB): Promise<string[]> {
  const view = await dataView(db);
  const ids = await Promise.all(view.all.map((d) => d.accounts.toCollection().primaryKeys()));
  return ids.flat().map(String).sort();
}

const gen1 = [
  [account('a'), account('b')],
  [account('c'), contact('p1', 'a')],
];
const gen2 = [[account('a', 'A renamed')], [account('d')], [account('e')]];

describe('the sync engine', () => {
  it('writes a full run as a new generation and makes it visible when every page is in', async () => {
    const db = freshDb();
    const source = new PagedSource({ g1: gen1 }, 'g1');
    const outcome = await runSync(db, source, { now: () => NOW });
    expect(outcome).toMatchObject({ status: 'switched', generation: 1, counts: { accounts: 3, contacts: 1 } });
    expect(await visibleAccountIds(db)).toEqual(['feed:a', 'feed:b', 'feed:c']);
    expect(await db.syncState.get('feed')).toMatchObject({
      generation: 1,
      label: 'g1',
      lastSuccess: NOW,
      accountCount: 3,
    });
  });

  it('keeps the previous generation visible while the next one is half written, then switches whole', async () => {
    const db = freshDb();
    const source = new PagedSource({ g1: gen1, g2: gen2 }, 'g1');
    await runSync(db, source, { now: () => NOW });
    source.current = 'g2';
    expect(await runSync(db, source, { now: () => NOW, maxPages: 2 })).toEqual({ status: 'paused', pages: 2 });
    expect(await visibleAccountIds(db)).toEqual(['feed:a', 'feed:b', 'feed:c']);
    const view = await dataView(db);
    expect((await view.forId('feed:a').accounts.get('feed:a'))?.name).toBe('Company a');

    expect(await runSync(db, source, { now: () => NOW })).toMatchObject({ status: 'switched', generation: 2 });
    expect(await visibleAccountIds(db)).toEqual(['feed:a', 'feed:d', 'feed:e']);
    // The resumed run read only the page it had not committed.
    expect(source.reads.slice(-1)).toEqual(['2']);
  });

  it('answers "unchanged" without writing a generation when the source has nothing new', async () => {
    const db = freshDb();
    const source = new PagedSource({ g1: gen1 }, 'g1');
    await runSync(db, source, { now: () => NOW });
    expect(await runSync(db, source, { now: () => NOW + 1000 })).toEqual({ status: 'unchanged' });
    expect(await db.syncState.get('feed')).toMatchObject({ generation: 1, lastSuccess: NOW + 1000 });
  });

  it('rejects a generation whose page is bad, keeping the previous data visible and the error shown', async () => {
    const db = freshDb();
    const source = new PagedSource({ g1: gen1, g2: gen2 }, 'g1');
    await runSync(db, source, { now: () => NOW });
    source.current = 'g2';
    source.faults.set(source.reads.length + 2, new SourceError('shard 2: hash does not match', { retryable: false }));
    const outcome = await runSync(db, source, { now: () => NOW });
    expect(outcome).toMatchObject({ status: 'failed', rejected: true, error: 'shard 2: hash does not match' });
    expect(await visibleAccountIds(db)).toEqual(['feed:a', 'feed:b', 'feed:c']);
    const state = await db.syncState.get('feed');
    expect(state).toMatchObject({
      generation: 1,
      lastError: { message: 'shard 2: hash does not match' },
      failingSince: NOW,
    });
    expect(state?.staging).toBeUndefined();
    // The next run starts the rejected generation afresh, and a success clears the error.
    expect(await runSync(db, source, { now: () => NOW })).toMatchObject({ status: 'switched', generation: 2 });
    expect((await db.syncState.get('feed'))?.lastError).toBeUndefined();
  });

  it('retries a retryable error within the run, honouring the server’s wait', async () => {
    const db = freshDb();
    const source = new PagedSource({ g1: gen1 }, 'g1');
    source.faults.set(2, new SourceError('HubSpot is rate limiting', { retryable: true, retryAfterMs: 1500 }));
    const waits: number[] = [];
    const outcome = await runSync(db, source, {
      now: () => NOW,
      retry: { sleep: async (ms) => void waits.push(ms), random: () => 0 },
    });
    expect(outcome.status).toBe('switched');
    expect(waits).toEqual([1500]);
  });

  it('ends the run at once with the error shown when the server asks to wait longer than a worker lives', async () => {
    const db = freshDb();
    const source = new PagedSource({ g1: gen1 }, 'g1');
    // HubSpot's daily limit: its client names the wait up to the next hour (lib/sync/hubspot/errors.ts).
    const daily = new SourceError("HubSpot's daily API limit for this account is used up.", {
      retryable: true,
      retryAfterMs: 3_600_000,
      status: 429,
    });
    source.faults.set(2, daily);
    const waits: number[] = [];
    const outcome = await runSync(db, source, {
      now: () => NOW,
      retry: { sleep: async (ms) => void waits.push(ms), random: () => 0 },
    });
    expect(waits).toEqual([]);
    expect(outcome).toMatchObject({ status: 'failed', rejected: false, retryAt: NOW + 3_600_000 });
    const state = await db.syncState.get('feed');
    expect(state?.lastError?.message).toMatch(/daily API limit/);
    expect(state?.failingSince).toBe(NOW);
    expect(state?.nextRunAt).toBe(NOW + 3_600_000);
    // The page read before the wait stays written: the run at the alarm goes on from the next one.
    expect(state?.staging?.generation).toBe(1);
    expect(await runSync(db, source, { now: () => NOW, retry: noWait })).toMatchObject({ status: 'switched' });
    expect(source.reads).toEqual([undefined, '1', '1']);
  });

  it('leaves a run that keeps failing to resume later from its cursor, with the time of the next try', async () => {
    const db = freshDb();
    const source = new PagedSource({ g1: gen1 }, 'g1');
    for (let read = 2; read <= 5; read++) source.faults.set(read, new TypeError('Failed to fetch'));
    const outcome = await runSync(db, source, { now: () => NOW, retry: noWait, retryLaterMs: 60_000 });
    expect(outcome).toMatchObject({ status: 'failed', rejected: false, retryAt: NOW + 60_000 });
    expect((await db.syncState.get('feed'))?.staging?.generation).toBe(1);
    expect(await visibleAccountIds(db)).toEqual([]);
    source.faults.clear();
    expect(await runSync(db, source, { now: () => NOW, retry: noWait })).toMatchObject({ status: 'switched' });
    expect(source.reads.at(-1)).toBe('1');
    expect(await visibleAccountIds(db)).toEqual(['feed:a', 'feed:b', 'feed:c']);
  });

  it('shares one run between concurrent calls for the same source', async () => {
    const db = freshDb();
    const source = new PagedSource({ g1: gen1 }, 'g1');
    const [a, b] = await Promise.all([
      runSync(db, source, { now: () => NOW }),
      runSync(db, source, { now: () => NOW }),
    ]);
    expect(a).toBe(b);
    expect(source.reads).toEqual([undefined, '1']);
  });

  it('ends with exactly the reference data however often the worker is stopped mid-run', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }), async (stops) => {
        const db = freshDb();
        const source = new PagedSource({ g1: gen1, g2: gen2 }, 'g1');
        await runSync(db, source, { now: () => NOW });
        source.current = 'g2';
        for (const pages of stops) {
          await runSync(db, source, { now: () => NOW, maxPages: pages });
          const ids = await visibleAccountIds(db);
          // Whatever the moment, lookups see one generation whole.
          expect([
            ['feed:a', 'feed:b', 'feed:c'],
            ['feed:a', 'feed:d', 'feed:e'],
          ]).toContainEqual(ids);
        }
        await runSync(db, source, { now: () => NOW });
        expect(await visibleAccountIds(db)).toEqual(['feed:a', 'feed:d', 'feed:e']);
        const view = await dataView(db);
        expect((await view.forId('feed:a').accounts.get('feed:a'))?.name).toBe('A renamed');
        expect(await view.forId('feed:a').contacts.count()).toBe(0);
      }),
      { numRuns: 25 },
    );
  });
});

describe('deals', () => {
  const deal = (id: string, accountId: string, amount: number): DealRecord => ({
    id: `feed-deal:${id}`,
    accountId: `feed:${accountId}`,
    name: `Deal ${id}`,
    amount,
    status: 'open',
  });

  it("join accounts a later page brings, and those whose account never comes are left out and said so in the source's status", async () => {
    class WithDeals extends PagedSource {
      override async readPage(plan: SyncPlan, cursor: string | undefined) {
        const page = await super.readPage(plan, cursor);
        // The deals shard first, as a feed's manifest may list it.
        return cursor === undefined
          ? { ...page, deals: [deal('1', 'b', 500), deal('2', 'gone', 700), deal('3', 'gone', 900)] }
          : page;
      }
    }
    const db = freshDb();
    const outcome = await runSync(db, new WithDeals({ g1: [[account('a')], [account('b')]] }, 'g1'), {
      now: () => NOW,
    });
    expect(outcome).toMatchObject({ status: 'switched', counts: { accounts: 2 } });
    const view = await dataView(db);
    const b = await view.forId('feed:b').accounts.get('feed:b');
    expect(b?.opportunities?.map((o) => [o.id, o.amount])).toEqual([['feed-deal:1', 500]]);
    expect((await db.syncState.get('feed'))?.notice).toBe(
      '2 deals were left out: their accounts are not in the team feed (feed-deal:2, feed-deal:3).',
    );
  });
});

describe("the words for deals left out, in a source's status", () => {
  it.each`
    source    | count | examples                                         | words
    ${'feed'} | ${1}  | ${['feed-deal:9']}                               | ${'1 deal was left out: its account is not in the team feed (feed-deal:9).'}
    ${'file'} | ${4}  | ${['file-deal:1', 'file-deal:2', 'file-deal:3']} | ${'4 deals were left out: their accounts are not in the import (file-deal:1, file-deal:2, file-deal:3, …).'}
  `('$count from $source', ({ source, count, examples, words }) => {
    expect(leftOutWords(source, { count, examples })).toBe(words);
  });
});

describe('incremental runs', () => {
  class Incremental extends PagedSource {
    mode: SyncPlan['mode'] = 'full';
    override async plan(): Promise<SyncPlan> {
      return { mode: this.mode, data: this.current };
    }
  }

  it('upserts changed records into the visible generation without a new one', async () => {
    const db = freshDb();
    const source = new Incremental({ g1: gen1, changes: [[account('b', 'B renamed'), account('z')]] }, 'g1');
    await runSync(db, source, { now: () => NOW });
    source.mode = 'incremental';
    source.current = 'changes';
    const outcome = await runSync(db, source, { now: () => NOW + 5 });
    expect(outcome).toMatchObject({ status: 'updated', generation: 1, changed: 2, counts: { accounts: 4 } });
    expect(await visibleAccountIds(db)).toEqual(['feed:a', 'feed:b', 'feed:c', 'feed:z']);
    const view = await dataView(db);
    expect((await view.forId('feed:b').accounts.get('feed:b'))?.name).toBe('B renamed');
    expect(await db.syncState.get('feed')).toMatchObject({ generation: 1, lastSuccess: NOW + 5, accountCount: 4 });
    // The changes were staged beside the visible data; nothing of them is left once applied.
    const names = (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith(`${db.name}~`));
    expect(names).toEqual([`${db.name}~feed~1`]);
  });

  it('shows none of a stopped incremental run’s changes until all of them are in', async () => {
    const db = freshDb();
    const changes = [[account('b', 'B renamed')], [account('z')], [account('c', 'C renamed')]];
    const source = new Incremental({ g1: gen1, changes }, 'g1');
    await runSync(db, source, { now: () => NOW });
    source.mode = 'incremental';
    source.current = 'changes';
    expect(await runSync(db, source, { now: () => NOW, maxPages: 2 })).toEqual({ status: 'paused', pages: 2 });
    expect(await visibleAccountIds(db)).toEqual(['feed:a', 'feed:b', 'feed:c']);
    const view = await dataView(db);
    expect((await view.forId('feed:b').accounts.get('feed:b'))?.name).toBe('Company b');
    expect(await runSync(db, source, { now: () => NOW })).toMatchObject({ status: 'updated', changed: 3 });
    expect(await visibleAccountIds(db)).toEqual(['feed:a', 'feed:b', 'feed:c', 'feed:z']);
    expect((await view.forId('feed:c').accounts.get('feed:c'))?.name).toBe('C renamed');
    // The resumed run read only the page it had not committed.
    expect(source.reads.slice(-1)).toEqual(['2']);
  });

  it('drops the contacts a run found without a company, as the page that read them last says, also across a stop', async () => {
    class Detaching extends Incremental {
      /** Per page index of the `changes` generation: contact ids the page found without a company. */
      detached: Record<number, string[]> = {};
      override async readPage(plan: SyncPlan, cursor: string | undefined) {
        const page = await super.readPage(plan, cursor);
        const ids = plan.data === 'changes' ? this.detached[cursor === undefined ? 0 : Number(cursor)] : undefined;
        return ids ? { ...page, detachedContacts: ids } : page;
      }
    }
    const db = freshDb();
    const start = [[account('a'), account('b'), contact('p', 'a'), contact('q', 'a'), contact('r', 'b')]];
    // p: left its company. q: brought at b on page 0, then without a company on page 1 (it was
    // modified again during the run). r: without a company on page 0, back at b on page 2.
    const changes = [[contact('q', 'b')], [], [contact('r', 'b')]];
    const source = new Detaching({ g1: start, changes }, 'g1');
    source.detached = { 0: ['feed:p', 'feed:r'], 1: ['feed:q'] };
    await runSync(db, source, { now: () => NOW });
    source.mode = 'incremental';
    source.current = 'changes';
    expect(await runSync(db, source, { now: () => NOW, maxPages: 2 })).toEqual({ status: 'paused', pages: 2 });
    expect(await runSync(db, source, { now: () => NOW })).toMatchObject({ status: 'updated', counts: { contacts: 1 } });
    const view = await dataView(db);
    const contacts = await view.forId('feed:a').contacts.toArray();
    expect(contacts.map((c) => `${c.id}→${c.accountId}`)).toEqual(['feed:r→feed:b']);
  });
});
