import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import type { TierlensDB } from '../db/db';
import { generationDb } from '../db/generations';
import { SCORE_CHUNK } from '../db/scores';
import { mainDatabases } from '../db/test-databases';
import { recordEdit } from '../edits/record';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { Settings } from '../settings/types';
import { buildAccount } from '../sync/records';
import { logModelChange } from './change-log-model';
import { countRows, emptyTally } from './model-effects';
import { RESCORE_EVERY_MS, rescore } from './rescore';
import { readScores, readScoresState, runChunks } from './store';
import { C_RAISED, TWO_CRITERIA } from './test-models';

const NOW = Date.UTC(2026, 11, 1, 9);
const INPUTS = { settings: DEFAULT_SETTINGS };

const newMain = mainDatabases('rescore');

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
    // The run's tally and the edit the row reflects follow the patch.
    expect(after.state?.counts).toEqual(countRows(emptyTally(DEFAULT_SETTINGS), after.rows));
    const [chunk] = await main.scoreChunks.where('ids').equals('file:c0001').toArray();
    expect(chunk?.marks).toEqual({ 'file:c0001': { tier: expect.any(String) } });
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

  it('shows an edit made during a run once the run is visible, also for an account whose page was scored before it', async () => {
    const main = await withFileImport(fileAccounts(600));
    await rescore(main, INPUTS, { now: NOW });
    await withFileImport(fileAccounts(600, 2), 2, main);
    let pages = 0;
    // The new run scores its first page (file:c0000…c0199), then stops as for a newer request.
    await rescore(main, INPUTS, { now: NOW + 1_000, shouldStop: () => ++pages >= 1 });
    await recordEdit(
      main,
      { kind: 'tier', entityId: 'file:c0005', accountId: 'file:c0005', value: 1, base: null },
      NOW + 1_500,
    );

    expect(await rescore(main, INPUTS, { now: NOW + 2_000 })).toEqual({ status: 'complete', scored: 600 });
    const { state, rows } = await readScores(main);
    expect(state?.run).toBe(2);
    expect(rows.find((r) => r.id === 'file:c0005')?.assignedTier).toBe(1);
    // And the run is current: nothing left to patch.
    expect(await rescore(main, INPUTS, { now: NOW + 3_000 })).toEqual({ status: 'current', scored: 0 });
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

describe('the change log of the tiers and target designations a source changed', () => {
  const SYNCED = NOW + 3_600_000;

  /** `n` HubSpot accounts `hubspot:h0000`…, untiered and not targets but where `changes` says otherwise. */
  function hubspotAccounts(n: number, generation: number, changes: Record<number, Partial<Account>> = {}): Account[] {
    return Array.from({ length: n }, (_, i) => ({
      ...buildAccount('hubspot', `h${String(i).padStart(4, '0')}`, { name: `Company ${i}` }, NOW),
      generation,
      ...changes[i],
    }));
  }

  /** A main database whose HubSpot sync shows `accounts` (generation `generation`, synced at `syncedAt`). */
  async function withHubSpot(accounts: Account[], generation: number, syncedAt: number, main = newMain()) {
    await generationDb(main, 'hubspot', generation).accounts.bulkPut(accounts);
    await main.syncState.put({ source: 'hubspot', generation, lastSuccess: syncedAt });
    return main;
  }

  const log = (main: TierlensDB) => main.changeLog.orderBy('seq').toArray();

  it('logs the first run’s accounts as arrivals, not changes: nothing', async () => {
    const main = await withHubSpot(hubspotAccounts(450, 1, { 0: { assignedTier: 2, isTarget: true } }), 1, NOW);
    await rescore(main, INPUTS, { now: NOW });
    expect(await log(main)).toEqual([]);
  });

  it('logs a sync that moved an account from Tier 2 to Tier 1 once, by HubSpot, when the data arrived', async () => {
    const main = await withHubSpot(hubspotAccounts(450, 1, { 7: { assignedTier: 2 } }), 1, NOW);
    await rescore(main, INPUTS, { now: NOW });
    await withHubSpot(hubspotAccounts(450, 2, { 7: { assignedTier: 1 } }), 2, SYNCED, main);

    expect(await rescore(main, INPUTS, { now: SYNCED + 1_000 })).toMatchObject({ status: 'complete' });

    expect(await log(main)).toEqual([
      {
        seq: 1,
        at: SYNCED,
        who: 'HubSpot',
        kind: 'tier',
        accountId: 'hubspot:h0007',
        accountName: 'Company 7',
        before: 2,
        after: 1,
        via: 'hubspot',
      },
    ]);
    // Scored again with nothing new: nothing more.
    await rescore(main, INPUTS, { now: SYNCED + 1_000 + RESCORE_EVERY_MS });
    expect(await main.changeLog.count()).toBe(1);
  });

  it('logs a target designation the sync took away, and an account the sync brought as no change', async () => {
    const main = await withHubSpot(hubspotAccounts(3, 1, { 1: { isTarget: true } }), 1, NOW);
    await rescore(main, INPUTS, { now: NOW });
    await withHubSpot(hubspotAccounts(4, 2, { 3: { assignedTier: 1, isTarget: true } }), 2, SYNCED, main);
    await rescore(main, INPUTS, { now: SYNCED });
    expect(await log(main)).toMatchObject([
      { who: 'HubSpot', kind: 'target', accountId: 'hubspot:h0001', before: true, after: false },
    ]);
  });

  it('does not log the user’s own tier change again when the rows show it, nor when the sync brings it back', async () => {
    const main = await withHubSpot(hubspotAccounts(10, 1, { 2: { assignedTier: 2 } }), 1, NOW);
    await rescore(main, INPUTS, { now: NOW });
    const edit = await recordEdit(
      main,
      { kind: 'tier', entityId: 'hubspot:h0002', accountId: 'hubspot:h0002', value: 1, base: 2, by: 'Priya' },
      NOW + 1_000,
    );
    // A sync before the edit's row was patched: the new rows show the edit, the visible one did not.
    await withHubSpot(hubspotAccounts(10, 2, { 2: { assignedTier: 2 } }), 2, NOW + 2_000, main);
    await rescore(main, INPUTS, { now: NOW + 3_000 });
    // The edit is pushed, and the next sync brings HubSpot's value, now Tier 1.
    await main.outbox.update(edit.opId, { state: 'pushed', confirmedAt: NOW + 4_000 });
    await withHubSpot(hubspotAccounts(10, 3, { 2: { assignedTier: 1 } }), 3, NOW + 5_000, main);
    await rescore(main, INPUTS, { now: NOW + 6_000 });

    expect((await readScores(main)).rows.find((r) => r.id === 'hubspot:h0002')?.assignedTier).toBe(1);
    expect(await log(main)).toMatchObject([{ who: 'Priya', kind: 'tier', before: 2, after: 1, opId: edit.opId }]);
  });

  it('logs a change HubSpot made after the user’s pushed edit, once the sync shows it', async () => {
    const main = await withHubSpot(hubspotAccounts(10, 1), 1, NOW);
    const edit = await recordEdit(
      main,
      { kind: 'tier', entityId: 'hubspot:h0004', accountId: 'hubspot:h0004', value: 1, base: null, by: 'Priya' },
      NOW,
    );
    await main.outbox.update(edit.opId, { state: 'pushed', confirmedAt: NOW + 1 });
    await rescore(main, INPUTS, { now: NOW + 2 });
    // Someone in HubSpot moved it to Tier 3 after the push: the edit is no longer what shows.
    await withHubSpot(hubspotAccounts(10, 2, { 4: { assignedTier: 3 } }), 2, SYNCED, main);
    await rescore(main, INPUTS, { now: SYNCED });
    expect((await log(main)).slice(1)).toMatchObject([
      { who: 'HubSpot', kind: 'tier', accountId: 'hubspot:h0004', before: 1, after: 3 },
    ]);
  });

  it('logs each change once when the run is stopped between pages and resumed', async () => {
    const main = await withHubSpot(hubspotAccounts(1_300, 1), 1, NOW);
    await rescore(main, INPUTS, { now: NOW });
    // Account 5 on the first page, 1,205 on the seventh.
    const changed = { 5: { assignedTier: 1 as const }, 1205: { isTarget: true } };
    await withHubSpot(hubspotAccounts(1_300, 2, changed), 2, SYNCED, main);
    let pages = 0;
    await rescore(main, INPUTS, { now: SYNCED, shouldStop: () => ++pages >= 2 });
    // Found, not yet logged: the rows that show it are not visible yet.
    expect(await main.changeLog.count()).toBe(0);

    expect(await rescore(main, INPUTS, { now: SYNCED + 1 })).toMatchObject({ status: 'complete' });
    expect(await log(main)).toMatchObject([
      { kind: 'tier', accountId: 'hubspot:h0005', before: null, after: 1 },
      { kind: 'target', accountId: 'hubspot:h1205', before: false, after: true },
    ]);
    expect(await main.changeLog.count()).toBe(2);
  });

  it('logs nothing for a run abandoned for newer data, and the newer data’s changes against the rows still visible', async () => {
    const main = await withHubSpot(hubspotAccounts(500, 1), 1, NOW);
    await rescore(main, INPUTS, { now: NOW });
    await withHubSpot(hubspotAccounts(500, 2, { 1: { assignedTier: 2 } }), 2, SYNCED, main);
    await rescore(main, INPUTS, { now: SYNCED, shouldStop: () => true });
    await withHubSpot(hubspotAccounts(500, 3, { 1: { assignedTier: 3 } }), 3, SYNCED + 60_000, main);
    await rescore(main, INPUTS, { now: SYNCED + 60_000 });
    expect(await log(main)).toMatchObject([
      { at: SYNCED + 60_000, accountId: 'hubspot:h0001', before: null, after: 3 },
    ]);
  });

  it('lists the first 100 changes of a run and sums up the rest in one entry per source and kind', async () => {
    const main = await withFileImport(fileAccounts(300));
    await rescore(main, INPUTS, { now: NOW });
    const targets = fileAccounts(300, 2).map((a, i) => (i < 250 ? { ...a, isTarget: true } : a));
    await generationDb(main, 'file', 2).accounts.bulkPut(targets);
    await main.syncState.put({ source: 'file', generation: 2, lastSuccess: SYNCED });
    await rescore(main, INPUTS, { now: SYNCED });

    const entries = await log(main);
    expect(entries).toHaveLength(101);
    expect(entries.slice(0, 100).every((e) => e.kind === 'target' && e.who === 'file import' && e.accountId)).toBe(
      true,
    );
    expect(entries[100]).toEqual({
      seq: 101,
      at: SYNCED,
      who: 'file import',
      kind: 'target',
      before: null,
      after: null,
      via: 'file',
      count: 150,
    });
  });
});

describe('the effect of a model change logged without the accounts (a team feed’s)', () => {
  /** Industry Software (60) and country GB (40): every account's grade is certain, and the grade alone recommends its tier. */
  const before = TWO_CRITERIA;
  /** The team raised C from 45 to 61. */
  const after = C_RAISED;
  // By hand:          score  before (C ≥ 45)   after (C ≥ 61)
  //   Software, GB     100   A, Tier 1          A, Tier 1
  //   Software, US      60   C, Tier 3          D, no tier
  //   Retail, GB        40   D, no tier         D, no tier
  //   Retail, US         0   F, no tier         F, no tier
  const firms = [
    ['Software', 'GB'],
    ['Software', 'US'],
    ['Retail', 'GB'],
    ['Retail', 'US'],
  ].map(([industry, country], i) => ({
    ...buildAccount('file', `f${i}`, { name: `Firm ${i}` }, NOW),
    industry,
    country,
    generation: 1,
  }));
  const ARRIVED = NOW + 60_000;

  it('counts the grades and recommended tiers of the visible run before, and of the run under the new models after', async () => {
    const main = await withFileImport(firms);
    await rescore(main, { settings: before }, { now: NOW });
    await logModelChange(main, { before, after, who: 'team feed', now: ARRIVED });
    const [logged] = await main.changeLog.toArray();
    expect(logged).toMatchObject({ who: 'team feed', effectPending: true });
    expect(logged?.effect).toBeUndefined();

    // A run under the old models (read before the change arrived) does not complete it.
    await withFileImport(firms, 2, main);
    await rescore(main, { settings: before, readAt: ARRIVED - 1 }, { now: ARRIVED + 1 });
    expect((await main.changeLog.toArray())[0]?.effectPending).toBe(true);

    await rescore(main, { settings: after, readAt: ARRIVED + 2 }, { now: ARRIVED + 3 });
    const [entry] = await main.changeLog.toArray();
    expect(entry?.effectPending).toBeUndefined();
    expect(entry?.effect).toEqual({
      accounts: 4,
      grades: {
        before: { A: 1, B: 0, C: 1, D: 1, F: 1, ungraded: 0 },
        after: { A: 1, B: 0, C: 0, D: 2, F: 1, ungraded: 0 },
      },
      tiers: { before: { 1: 1, 2: 0, 3: 1, none: 2 }, after: { 1: 1, 2: 0, 3: 0, none: 3 } },
    });
    expect((await readScoresState(main))?.effectsDue).toBeUndefined();
  });

  it('completes at once when the run under the new models switched before the change was logged', async () => {
    const main = await withFileImport(firms);
    await rescore(main, { settings: before }, { now: NOW });
    await rescore(main, { settings: after }, { now: NOW + 1 });
    await logModelChange(main, { before, after, who: 'team feed', now: ARRIVED });
    const [entry] = await main.changeLog.toArray();
    expect(entry?.effectPending).toBeUndefined();
    expect(entry?.effect?.grades).toEqual({
      before: { A: 1, B: 0, C: 1, D: 1, F: 1, ungraded: 0 },
      after: { A: 1, B: 0, C: 0, D: 2, F: 1, ungraded: 0 },
    });
  });
});
