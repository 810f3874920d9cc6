import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Account } from '../db/accounts';
import { generationDb } from '../db/generations';
import { mainDatabases } from '../db/test-databases';
import { RESCORE_EVERY_MS } from '../program/rescore';
import { readScores } from '../program/store';
import { C_RAISED, TWO_CRITERIA } from '../program/test-models';
import { saveSettings } from '../settings/store';
import { buildAccount } from '../sync/records';
import { RESCORE_ALARM, requestRescore, startRescoreRunner } from './rescore-runner';

const newMain = mainDatabases('rescore-runner');
const NOW = Date.UTC(2026, 11, 1, 9);

/** A software company in the US: under TWO_CRITERIA, 60 of 100 points, grade C; with C_RAISED, D. */
const account = (id: string): Account => ({
  ...buildAccount('file', id, { name: `Company ${id}`, domains: [`${id}.com`] }, NOW),
  industry: 'Software',
  country: 'US',
  generation: 1,
});

const gradesOf = async (db: Parameters<typeof readScores>[0]) =>
  (await readScores(db)).rows.map((r) => [r.id, r.grade]).sort();

afterEach(() => vi.restoreAllMocks());

describe('what keeps the derived scores current in the background', () => {
  it('rescores when the models change, and when the hourly alarm finds the rows aged', {
    timeout: 20_000,
  }, async () => {
    const db = newMain();
    await generationDb(db, 'file', 1).accounts.put(account('a'));
    await db.syncState.put({ source: 'file', generation: 1, lastSuccess: NOW });
    await saveSettings(TWO_CRITERIA);
    startRescoreRunner(db);
    // The run a starting worker makes a few seconds in: past it, only the triggers below rescore.
    await vi.waitFor(async () => expect(await gradesOf(db)).toEqual([['file:a', 'C']]), { timeout: 5_000 });
    await new Promise((done) => setTimeout(done, 3_500));
    await requestRescore(db);

    // The options page saves new models: storage.onChanged, no message.
    await saveSettings(C_RAISED);
    await vi.waitFor(async () => expect(await gradesOf(db)).toEqual([['file:a', 'D']]), { timeout: 5_000 });

    // Rows age (engagement decays, follow-ups fall due): once they are older than
    // RESCORE_EVERY_MS, the hourly alarm scores every account again, with what the data holds then.
    await generationDb(db, 'file', 1).accounts.put(account('b'));
    await fakeBrowser.alarms.onAlarm.trigger({ name: RESCORE_ALARM, scheduledTime: Date.now() });
    await requestRescore(db);
    expect(await gradesOf(db)).toEqual([['file:a', 'D']]);
    const later = Date.now() + RESCORE_EVERY_MS + 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    await fakeBrowser.alarms.onAlarm.trigger({ name: RESCORE_ALARM, scheduledTime: later });
    await vi.waitFor(
      async () =>
        expect(await gradesOf(db)).toEqual([
          ['file:a', 'D'],
          ['file:b', 'D'],
        ]),
      { timeout: 5_000 },
    );
    expect((await readScores(db)).state?.at).toBe(later);
    expect(await fakeBrowser.alarms.get(RESCORE_ALARM)).toMatchObject({ periodInMinutes: 60 });
  });
});
