import type { ChangeEntry, ModelEffect, Tally } from '../db/change-log';
import type { TierlensDB } from '../db/db';
import type { EffectDue, ScoresState } from '../db/scores';
import type { Settings } from '../settings/types';
import { settingsDigest } from './digest';
import type { ScoreRow } from './score-row';
import { runChunks } from './store';

/**
 * The effect of a model change logged without the accounts at hand (a team feed's models arrive
 * in the worker, which does not score every account twice for it): the visible run's tally when
 * the change arrived is its before, and the run the rescoring switches to under the new models
 * its after. Tallies are kept page by page, so neither side reads the rows again.
 */

/** No accounts: every grade letter and each of the settings' tiers at 0, as the settings preview counts them. */
export function emptyTally(settings: Pick<Settings, 'tiers'>): Tally {
  return {
    accounts: 0,
    grades: { A: 0, B: 0, C: 0, D: 0, F: 0, ungraded: 0 },
    tiers: { ...Object.fromEntries(settings.tiers.map((t) => [String(t.tier), 0])), none: 0 },
  };
}

/** `tally` with `rows` counted in (`sign` 1) or out (-1): by grade letter and by the tier the model recommends. */
export function countRows(tally: Tally, rows: readonly ScoreRow[], sign: 1 | -1 = 1): Tally {
  const grades = { ...tally.grades };
  const tiers = { ...tally.tiers };
  for (const row of rows) {
    const grade = row.grade ?? 'ungraded';
    const tier = row.recommendedTier === undefined ? 'none' : String(row.recommendedTier);
    grades[grade] = (grades[grade] ?? 0) + sign;
    tiers[tier] = (tiers[tier] ?? 0) + sign;
  }
  return { accounts: tally.accounts + sign * rows.length, grades, tiers };
}

/** The tally of a run, read chunk by chunk: for a visible run an older release wrote, which kept none. */
export async function tallyRun(main: TierlensDB, run: number, settings: Pick<Settings, 'tiers'>): Promise<Tally> {
  let tally = emptyTally(settings);
  await runChunks(main, run).each((chunk) => {
    tally = countRows(tally, chunk.rows);
  });
  return tally;
}

/** The effect between two tallies. */
export function effectOf(before: Tally, after: Tally): ModelEffect {
  return {
    accounts: after.accounts,
    grades: { before: before.grades, after: after.grades },
    tiers: { before: before.tiers, after: after.tiers },
  };
}

/**
 * Logs a model change whose effect the rescoring will count: the entry says so (`effectPending`)
 * and the scores' state keeps what completes it, in one transaction. When the visible run
 * already scores with the new models (it switched before this was logged), the effect is known.
 */
export async function logWithEffectDue(
  db: TierlensDB,
  entry: Omit<ChangeEntry, 'seq'>,
  after: Settings,
): Promise<void> {
  const models = settingsDigest(after);
  const seen = await db.derived.get('scores');
  // A visible run an older release wrote has no tally: counted here, outside the transaction.
  const legacy = seen?.run !== undefined && !seen.counts ? await tallyRun(db, seen.run, after) : undefined;
  await db.transaction('rw', db.changeLog, db.derived, async () => {
    const state: ScoresState = (await db.derived.get('scores')) ?? { name: 'scores' };
    if (state.models === models && state.counts && state.previousCounts) {
      await db.changeLog.add({ ...entry, effect: effectOf(state.previousCounts, state.counts) } as ChangeEntry);
      return;
    }
    const before = state.counts ?? (state.run === undefined ? emptyTally(after) : legacy);
    const seq = await db.changeLog.add({ ...entry, ...(before ? { effectPending: true } : {}) } as ChangeEntry);
    if (!before || seq === undefined) return;
    const due: EffectDue = { seq, at: entry.at, models, before };
    await db.derived.put({ ...state, effectsDue: [...(state.effectsDue ?? []), due] });
  });
}

/**
 * At a run's switch, inside its transaction: fills in the effect of each model change the run
 * scores with — its models are the change's, or were read after the change was logged (a later
 * change of the user's own is then in its after too). Answers the changes still waiting.
 */
export async function completeEffects(
  main: TierlensDB,
  due: readonly EffectDue[] | undefined,
  run: { models: string; modelsAt: number; counts: Tally },
): Promise<EffectDue[]> {
  const waiting: EffectDue[] = [];
  for (const d of due ?? []) {
    if (d.models !== run.models && d.at > run.modelsAt) {
      waiting.push(d);
      continue;
    }
    await main.changeLog.update(d.seq, { effect: effectOf(d.before, run.counts), effectPending: undefined });
  }
  return waiting;
}
