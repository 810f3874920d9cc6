import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import { TierlensDB } from '../db/db';
import { dropGeneration, generationDb, parseGenerationDbName } from '../db/generations';
import { SCORE_CHUNK } from '../db/scores';
import { recordEdit } from '../edits/record';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { Settings } from '../settings/types';
import { buildAccount } from '../sync/records';
import { RESCORE_EVERY_MS, rescore } from './rescore';
import { readScores, runChunks } from './store';

const NOW = Date.UTC(2026, 11, 1, 9);
const INPUTS = { settings: DEFAULT_SETTINGS };

const mains: TierlensDB[] = [];
afterEach(async () => {
  for (const db of mains.splice(0)) {
    for (const { name } of await indexedDB.databases()) {
      const generation = name && parseGenerationDbName(db.name, name);
      if (generation) await dropGeneration(db, generation.source, generation.generation);
    }
    db.close();
    await Dexie.delete(db.name);
  }
});

function newMain(): TierlensDB {
  const db = new TierlensDB(`rescore-${Math.random().toString(36).slice(2)}`);
  mains.push(db);
  return db;
}

/** `n` file accounts `file:c0000`…, every third assigned Tier 2, software companies of 500 people in the US. */
function fileAccounts(n: number, generation = 1): Account[] {
  return Array.from({ length: n }, (_, i) => ({
    ...buildAccount('file', `c${String(i).padStart(4, '0')}`, { name: `Company ${i}`, domains: [`c${i}.com`] }, NOW),
    industry: 'Software',
    employees: 500,
    country: 'US',
    assignedTier: i % 3 === 0 ? (2 as const) : undefined,
    generation,
  }));
}

/** A main database whose file import shows `accounts` (generation `generation`). */
async function withFileImport(accounts: Account[], generation = 1, main = newMain()): Promise<TierlensDB> {
  await generationDb(main, 'file', generation).accounts.bulkPut(accounts);
  await main.syncState.put({ source: 'file', generation, lastSuccess: NOW - 1_000 });
  return main;
}

describe('the derived scores table', () => {
  it('holds one row per visible account, from the main database and each source’s generation', async () => {
    const main = await withFileImport(fileAccounts(1_203));
    await main.accounts.put({ ...buildAccount('local', 'mine', { name: 'Added By Me' }, NOW), isTarget: true });

    const outcome = await rescore(main, INPUTS, { now: NOW });

    expect(outcome).toEqual({ status: 'complete', scored: 1_204 });
    const { state, rows } = await readScores(main);
    expect(rows).toHaveLength(1_204);
    expect(new Set(rows.map((r) => r.id)).size).toBe(1_204);
    expect(rows.find((r) => r.id === 'local:mine')).toMatchObject({ name: 'Added By Me', isTarget: true });
    // 1,203 accounts: three chunks of the file's, one of the main database's.
    expect(await main.scoreChunks.count()).toBe(Math.ceil(1_203 / SCORE_CHUNK) + 1);
    expect(state).toMatchObject({ run: 1, at: NOW, scored: 1_204 });
    expect(state?.pending).toBeUndefined();
  });

  it('shows each account’s assigned tier and domain as its data says', async () => {
    const main = await withFileImport(fileAccounts(6));
    await rescore(main, INPUTS, { now: NOW });
    const { rows } = await readScores(main);
    const tiers = Object.fromEntries(rows.map((r) => [r.id, r.assignedTier]));
    expect(tiers).toEqual({
      'file:c0000': 2,
      'file:c0001': undefined,
      'file:c0002': undefined,
      'file:c0003': 2,
      'file:c0004': undefined,
      'file:c0005': undefined,
    });
    expect(rows.find((r) => r.id === 'file:c0004')?.domain).toBe('c4.com');
  });

  it('reads each account’s own contacts and touchpoints, and no neighbour’s', async () => {
    const accounts = fileAccounts(450);
    const main = await withFileImport(accounts);
    const gen = generationDb(main, 'file', 1);
    // Contacts of accounts 0, 1 and 449 (the first and last of the pages), touchpoints of 1 and 449.
    await gen.contacts.bulkPut(
      ['c0000', 'c0001', 'c0001', 'c0449'].map((a, i) => ({
        id: `file:p${i}`,
        accountId: `file:${a}`,
        name: `P${i}`,
        buyingRoles: [],
        updatedAt: NOW,
      })),
    );
    await gen.accountTouchpoints.bulkPut([
      { accountId: 'file:c0001', items: [{ id: 't1', type: 'web_visit', stage: 'TOFU', at: NOW - 9 * 86_400_000 }] },
      {
        accountId: 'file:c0449',
        items: [
          { id: 't2', type: 'demo_request', stage: 'BOFU', at: NOW - 5 * 86_400_000 },
          { id: 't3', type: 'web_visit', stage: 'TOFU', at: NOW - 2 * 86_400_000 },
        ],
      },
    ]);
    await rescore(main, INPUTS, { now: NOW });
    const byId = new Map((await readScores(main)).rows.map((r) => [r.id, r]));
    expect(byId.get('file:c0000')).toMatchObject({ contactCount: 1 });
    expect(byId.get('file:c0001')).toMatchObject({ contactCount: 2, firstTouchAt: NOW - 9 * 86_400_000 });
    expect(byId.get('file:c0449')).toMatchObject({
      contactCount: 1,
      firstTouchAt: NOW - 5 * 86_400_000,
      lastTouchAt: NOW - 2 * 86_400_000,
    });
    expect(byId.get('file:c0002')).toMatchObject({ contactCount: 0 });
    expect(byId.get('file:c0002')?.firstTouchAt).toBeUndefined();
  });

  it('rescores only the edited account after an edit, and the row shows the edit', async () => {
    const main = await withFileImport(fileAccounts(1_100));
    await rescore(main, INPUTS, { now: NOW });
    const before = await readScores(main);
    await recordEdit(
      main,
      { kind: 'tier', entityId: 'file:c0001', accountId: 'file:c0001', value: 1, base: null },
      NOW,
    );

    const outcome = await rescore(main, INPUTS, { now: NOW + 60_000 });

    expect(outcome).toEqual({ status: 'patched', scored: 1 });
    const after = await readScores(main);
    expect(after.state?.run).toBe(before.state?.run);
    expect(after.rows.find((r) => r.id === 'file:c0001')?.assignedTier).toBe(1);
    const others = (rows: typeof after.rows) => rows.filter((r) => r.id !== 'file:c0001');
    expect(others(after.rows)).toEqual(others(before.rows));
    // Nothing changed since: nothing to do.
    expect(await rescore(main, INPUTS, { now: NOW + 120_000 })).toEqual({ status: 'current', scored: 0 });
  });

  it('adds a row for an account added on a page after the run', async () => {
    const main = await withFileImport(fileAccounts(10));
    await rescore(main, INPUTS, { now: NOW });
    const added = { ...buildAccount('local', 'new-co', { name: 'New Co' }, NOW), isTarget: false };
    await main.accounts.put(added);
    await recordEdit(
      main,
      { kind: 'new_account', entityId: added.id, accountId: added.id, value: added, base: null },
      NOW,
    );
    // The main database's accounts count is part of what the rows rest on: a full run.
    await rescore(main, INPUTS, { now: NOW + 1 });
    const { rows } = await readScores(main);
    expect(rows.map((r) => r.id)).toContain('local:new-co');
    expect(rows).toHaveLength(11);
  });

  it('keeps the previous rows visible while a run is stopped, and resumes it where it stopped', async () => {
    const main = await withFileImport(fileAccounts(1_300));
    await rescore(main, INPUTS, { now: NOW });
    // New data: generation 2, one account fewer.
    await withFileImport(fileAccounts(1_299, 2), 2, main);
    let pages = 0;
    const stopped = await rescore(main, INPUTS, { now: NOW + 1_000, shouldStop: () => ++pages >= 2 });

    expect(stopped).toEqual({ status: 'superseded', scored: 2 * SCORE_CHUNK });
    const during = await readScores(main);
    expect(during.state?.run).toBe(1);
    expect(during.rows).toHaveLength(1_300);
    expect(during.state?.pending).toMatchObject({ run: 2, scored: 2 * SCORE_CHUNK });

    const resumed = await rescore(main, INPUTS, { now: NOW + 2_000 });
    expect(resumed).toEqual({ status: 'complete', scored: 1_299 });
    const after = await readScores(main);
    expect(after.state?.run).toBe(2);
    expect(after.rows).toHaveLength(1_299);
    expect(new Set(after.rows.map((r) => r.id)).size).toBe(1_299);
    // The resumed run scores at the time it started, and the old run's chunks are gone.
    expect(after.state?.at).toBe(NOW + 1_000);
    expect(await runChunks(main, 1).count()).toBe(0);
  });

  it('starts again from the first account when the data changes during a run', async () => {
    const main = await withFileImport(fileAccounts(1_200));
    let pages = 0;
    await rescore(main, INPUTS, { now: NOW, shouldStop: () => ++pages >= 1 });
    await withFileImport(fileAccounts(700, 2), 2, main);
    const outcome = await rescore(main, INPUTS, { now: NOW + 1 });
    expect(outcome).toEqual({ status: 'complete', scored: 700 });
    const { state, rows } = await readScores(main);
    expect(rows).toHaveLength(700);
    // The abandoned run's chunks went with it.
    expect(await main.scoreChunks.count()).toBe(Math.ceil(700 / SCORE_CHUNK));
    expect(state?.run).toBe(2);
  });

  it('scores everything again when the models change, and when the rows have aged', async () => {
    const main = await withFileImport(fileAccounts(20));
    await rescore(main, INPUTS, { now: NOW });
    expect(await rescore(main, INPUTS, { now: NOW + 1 })).toEqual({ status: 'current', scored: 0 });

    // Tier 2 renamed: the same data, another model.
    const renamed: Settings = {
      ...DEFAULT_SETTINGS,
      tiers: DEFAULT_SETTINGS.tiers.map((t) => (t.tier === 2 ? { ...t, name: 'Lite' } : t)),
    };
    expect(await rescore(main, { settings: renamed }, { now: NOW + 2 })).toEqual({ status: 'complete', scored: 20 });
    expect(await rescore(main, { settings: renamed }, { now: NOW + 2 + RESCORE_EVERY_MS })).toEqual({
      status: 'complete',
      scored: 20,
    });
    expect((await readScores(main)).state?.at).toBe(NOW + 2 + RESCORE_EVERY_MS);
  });

  it('is empty, not stale, after all data is cleared', async () => {
    const main = await withFileImport(fileAccounts(30));
    await rescore(main, INPUTS, { now: NOW });
    await main.syncState.clear();
    await rescore(main, INPUTS, { now: NOW + 1 });
    expect((await readScores(main)).rows).toEqual([]);
  });
});
