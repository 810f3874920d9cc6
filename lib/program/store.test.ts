import type { DBCore, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import type { TierlensDB } from '../db/db';
import { generationDb } from '../db/generations';
import { SCORE_CHUNK } from '../db/scores';
import { mainDatabases } from '../db/test-databases';
import { recordEdit } from '../edits/record';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { buildAccount } from '../sync/records';
import { rescore } from './rescore';
import { readScores, refreshScores, runChunks } from './store';
import { scoreRow } from './test-rows';

const NOW = Date.UTC(2026, 11, 1, 9);
const INPUTS = { settings: DEFAULT_SETTINGS };

const newMain = mainDatabases('store');

/** A main database that counts the score chunks read from it (whole records, not keys). */
function countingMain(): { main: TierlensDB; chunksRead: () => number } {
  const main = newMain();
  let read = 0;
  const add = (n: number) => {
    read += n;
  };
  const counting = (table: DBCoreTable): DBCoreTable => ({
    ...table,
    get: async (req) => {
      const value = await table.get(req);
      add(value === undefined ? 0 : 1);
      return value;
    },
    getMany: async (req) => {
      const values = await table.getMany(req);
      add(values.filter((v) => v !== undefined).length);
      return values;
    },
    query: async (req) => {
      const res = await table.query(req);
      add(req.values ? res.result.length : 0);
      return res;
    },
  });
  main.use({
    stack: 'dbcore',
    name: 'count-chunk-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => (name === 'scoreChunks' ? counting(down.table(name)) : down.table(name)),
    }),
  });
  return { main, chunksRead: () => read };
}

/** `n` file accounts `file:c0000`…, software companies of 500 people in the US. */
function fileAccounts(n: number): Account[] {
  return Array.from({ length: n }, (_, i) => ({
    ...buildAccount('file', `c${String(i).padStart(4, '0')}`, { name: `Company ${i}`, domains: [`c${i}.com`] }, NOW),
    industry: 'Software',
    employees: 500,
    country: 'US',
    generation: 1,
  }));
}

/** A main database showing `n` file accounts, scored in one run: ⌈n / 200⌉ chunks. */
async function scoredMain(n: number) {
  const counted = countingMain();
  await generationDb(counted.main, 'file', 1).accounts.bulkPut(fileAccounts(n));
  await counted.main.syncState.put({ source: 'file', generation: 1, lastSuccess: NOW - 1_000 });
  await rescore(counted.main, INPUTS, { now: NOW });
  return counted;
}

/** The user sets `accountId`'s tier, and the background rescores it in place. */
async function editTier(main: TierlensDB, accountId: string, tier: 1 | 2 | 3, at: number) {
  await recordEdit(main, { kind: 'tier', entityId: accountId, accountId, value: tier, base: null }, at);
  expect(await rescore(main, INPUTS, { now: at })).toMatchObject({ status: 'patched' });
}

describe('the program view’s rows after the background rescored an edit in place', () => {
  it('reads only the chunk holding the edited account, and shows its new row where the old one was', async () => {
    // 1,100 accounts: six chunks; c0450 is in the third.
    const { main, chunksRead } = await scoredMain(1_100);
    const before = await refreshScores(main);
    expect(before.rows).toHaveLength(1_100);
    await editTier(main, 'file:c0450', 1, NOW + 60_000);

    const reads = chunksRead();
    const after = await refreshScores(main, before);

    expect(chunksRead() - reads).toBe(1);
    expect(after.state?.run).toBe(before.state?.run);
    expect(after.rows[450]).toMatchObject({ id: 'file:c0450', assignedTier: 1 });
    expect(before.rows[450]?.assignedTier).toBeUndefined();
    // The same rows, in the same order, as reading them all again would give.
    expect(after.rows).toEqual((await readScores(main)).rows);
    expect([...after.index.query({ assignedTier: 1 }, { key: 'name' }, NOW)].map((i) => after.rows[i]?.id)).toEqual([
      'file:c0450',
    ]);
  });

  it('patches each edit against the read it follows, edit after edit', async () => {
    const { main } = await scoredMain(450);
    let read = await refreshScores(main);
    await editTier(main, 'file:c0003', 1, NOW + 60_000);
    read = await refreshScores(main, read);
    await editTier(main, 'file:c0420', 3, NOW + 120_000);
    read = await refreshScores(main, read);
    expect(read.rows.map((r) => r.assignedTier ?? null).filter((t) => t !== null)).toEqual([1, 3]);
    expect(read.rows).toEqual((await readScores(main)).rows);
  });

  it('reads no chunk when the edits are as they were', async () => {
    const { main, chunksRead } = await scoredMain(450);
    const before = await refreshScores(main);
    const reads = chunksRead();
    const after = await refreshScores(main, before);
    expect(chunksRead() - reads).toBe(0);
    expect(after.rows).toBe(before.rows);
    expect(after.index).toBe(before.index);
  });

  it('reads every chunk of a new run', async () => {
    const { main, chunksRead } = await scoredMain(450);
    const before = await refreshScores(main);
    // A day on, the rows are rescored from scratch: a new run.
    await rescore(main, INPUTS, { now: NOW + 86_400_000 });
    const reads = chunksRead();
    const after = await refreshScores(main, before);
    expect(after.state?.run).toBe((before.state?.run ?? 0) + 1);
    expect(chunksRead() - reads).toBe(Math.ceil(450 / SCORE_CHUNK));
  });

  it('drops the row of an account that lost it, and lists an account new to the run last', async () => {
    const { main } = await scoredMain(450);
    const before = await refreshScores(main);
    const state = before.state;
    const run = state?.run as number;
    // As the rescoring does for an edit on an account that is gone and one not in the run: the
    // first's row leaves its chunk, the second gets a chunk of its own after the last.
    await main.transaction('rw', main.derived, main.scoreChunks, async () => {
      const first = await runChunks(main, run).first();
      if (!first) throw new Error('no chunk');
      const kept = first.rows.filter((r) => r.id !== 'file:c0001');
      await main.scoreChunks.put({ ...first, ids: kept.map((r) => r.id), rows: kept });
      const added = scoreRow({ id: 'local:new', name: 'New Co' });
      const last = await runChunks(main, run).last();
      await main.scoreChunks.put({ run, chunk: (last?.chunk ?? 0) + 1, ids: [added.id], rows: [added] });
      await main.derived.put({ name: 'scores', ...state, edits: { 'file:c0001': 'x', 'local:new': 'y' } });
    });

    const after = await refreshScores(main, before);

    expect(after.rows).toHaveLength(450);
    expect(after.rows.map((r) => r.id)).not.toContain('file:c0001');
    expect(after.rows.at(-1)?.id).toBe('local:new');
    expect(after.rows).toEqual((await readScores(main)).rows);
    expect([...after.index.query({ search: 'new co' }, { key: 'name' }, NOW)]).toEqual([449]);
  });
});
