import type { Account } from '../db/accounts';
import type { ChangeEntry } from '../db/change-log';
import type { TierlensDB } from '../db/db';
import { viewOf } from '../db/generations';
import { type PendingRescore, SCORE_CHUNK, type ScoreChunk, type ScoresState } from '../db/scores';
import type { SyncState } from '../db/sync-state';
import { byAccount } from '../db/touchpoints';
import { settingsDigest } from './digest';
import { completeEffects, countRows, emptyTally } from './model-effects';
import { patchEdits } from './patch-edits';
import { editDigests, type ScoringInputs, scorePage, withMarks } from './score-page';
import { SCORE_ROW_VERSION } from './score-row';
import { addFound, changesBetween, foundEntries, previousRows } from './source-changes';
import { runChunks } from './store';

export type { ScoringInputs } from './score-page';

/** Engagement decays and follow-ups fall due: rows older than this are scored again. */
export const RESCORE_EVERY_MS = 6 * 3_600_000;

/**
 * What the score rows are computed from, but the user's edits (each edit rescored only its own
 * account, see `editDigests`): the data each source shows (its visible generation and last sync),
 * the main database's own accounts (demo, local), the models and the calibrated model.
 */
export async function basisOf(main: TierlensDB, inputs: ScoringInputs): Promise<string> {
  const [states, mainAccounts] = await Promise.all([main.syncState.toArray(), main.accounts.count()]);
  const data = states
    .map((s) => `${s.source}:${s.generation}:${s.lastSuccess ?? ''}`)
    .sort()
    .join(',');
  const model = inputs.calibration ? `${inputs.calibration.fittedAt}` : '';
  return `v${SCORE_ROW_VERSION}|${data}|${mainAccounts}|${settingsDigest(inputs.settings)}|${model}`;
}

/** The next page of accounts of `db` after `after` (by id), at most `SCORE_CHUNK`. */
function nextAccounts(db: TierlensDB, after: string | undefined): Promise<Account[]> {
  const ordered = after === undefined ? db.accounts.orderBy(':id') : db.accounts.where(':id').above(after);
  return ordered.limit(SCORE_CHUNK).toArray();
}

export interface RescoreOutcome {
  /** `complete`: a new run is visible; `patched`: edited accounts' rows were replaced; `current`: nothing to do; `superseded`: stopped for a newer basis. */
  status: 'complete' | 'patched' | 'current' | 'superseded';
  scored: number;
}

export interface RescoreOptions {
  now?: number;
  /** Asked after each page is committed: true stops the run there (it resumes from its cursor later). */
  shouldStop?: () => boolean;
  /**
   * Awaited before each page's reads and between slices of its scoring: where the run gives way
   * to work a person waits for (lib/background/foreground.ts).
   */
  pause?: () => Promise<void>;
  /** Told each page: how many accounts the run has scored. */
  onProgress?: (scored: number) => void;
}

/**
 * Brings the derived scores up to date with the data, the models and the user's edits:
 * - a new basis (new data, new models) or rows older than RESCORE_EVERY_MS: a full run, written
 *   as a new run beside the visible one, page by page, each page committed with its cursor, and
 *   made visible in one transaction at its end; a run a stopped worker left resumes;
 * - only edits changed: the edited accounts' rows are rescored and replaced in the visible run.
 */
export async function rescore(
  main: TierlensDB,
  inputs: ScoringInputs,
  options: RescoreOptions = {},
): Promise<RescoreOutcome> {
  const now = options.now ?? Date.now();
  const basis = await basisOf(main, inputs);
  const state: ScoresState = (await main.derived.get('scores')) ?? { name: 'scores' };
  const fresh = state.run !== undefined && state.basis === basis && now - (state.at ?? 0) < RESCORE_EVERY_MS;
  if (fresh && !state.pending) return patchEdits(main, inputs, state);
  let pending = state.pending;
  if (!pending || pending.basis !== basis) {
    if (pending) await runChunks(main, pending.run).delete();
    const run = Math.max(state.run ?? 0, pending?.run ?? 0) + 1;
    const edits = editDigests(await main.outbox.toArray());
    const counts = emptyTally(inputs.settings);
    const modelsAt = inputs.readAt ?? now;
    pending = {
      run,
      basis,
      startedAt: now,
      at: now,
      cursor: { db: 0 },
      nextChunk: 0,
      scored: 0,
      edits,
      modelsAt,
      counts,
    };
    await startPending(main, pending);
  }
  const outcome = await runPages(main, inputs, pending, options);
  if (outcome.status !== 'complete') return outcome;
  // The run's rows hold the edits as they stood when its pages were read: one made during the
  // run (its page read before) is rescored in place now, not left until the next request.
  const visible = await main.derived.get('scores');
  if (visible?.run !== undefined) await patchEdits(main, inputs, visible);
  return outcome;
}

/** Records a new run as pending; re-read in the transaction, not to drop what was added to the state meanwhile (a model change's due effect). */
async function startPending(main: TierlensDB, pending: PendingRescore): Promise<void> {
  await main.transaction('rw', main.derived, async () => {
    const current: ScoresState = (await main.derived.get('scores')) ?? { name: 'scores' };
    await main.derived.put({ ...current, pending });
  });
}

async function runPages(
  main: TierlensDB,
  inputs: ScoringInputs,
  start: PendingRescore,
  options: RescoreOptions,
): Promise<RescoreOutcome> {
  const states = await main.syncState.toArray();
  const view = viewOf(main, states);
  // The visible run: each page's rows are compared with its rows, for the changes the sources brought.
  const visibleRun = (await main.derived.get('scores'))?.run;
  // A visible run of no rows (before any data) has nothing to compare with.
  const previous = visibleRun !== undefined && (await runChunks(main, visibleRun).first()) ? visibleRun : undefined;
  const arrivedAt = arrivalTimes(states, start.at);
  // The user's edits, read once for the run rather than once a page: an edit made meanwhile is
  // rescored in place once the run is visible (see rescore), as an edit between runs is.
  const outbox = byAccount(await main.outbox.toArray());
  let pending = start;
  for (;;) {
    const db = view.all[pending.cursor.db];
    if (!db) break;
    await options.pause?.();
    const accounts = await nextAccounts(db, pending.cursor.after);
    if (accounts.length === 0) {
      pending = { ...pending, cursor: { db: pending.cursor.db + 1 } };
      continue;
    }
    const { rows, marks } = await scorePage(
      main,
      db,
      accounts,
      states,
      inputs,
      pending.at,
      options.pause,
      true,
      outbox,
    );
    const ids = rows.map((r) => r.id);
    // Found now, logged at the switch: a run abandoned for newer data logs nothing, the one after it does.
    const changes =
      previous === undefined ? [] : changesBetween(await previousRows(main, previous, ids), rows, marks, arrivedAt);
    const next: PendingRescore = {
      ...pending,
      cursor: { db: pending.cursor.db, after: accounts[accounts.length - 1]?.id },
      nextChunk: pending.nextChunk + 1,
      scored: pending.scored + rows.length,
      ...(pending.counts ? { counts: countRows(pending.counts, rows) } : {}),
      ...(changes.length > 0 ? { found: addFound(pending.found, changes) } : {}),
    };
    const chunk: ScoreChunk = { run: pending.run, chunk: pending.nextChunk, ids, rows, ...withMarks(marks) };
    const ours = await main.transaction('rw', main.derived, main.scoreChunks, async () => {
      const current = await main.derived.get('scores');
      if (current?.pending?.run !== pending.run) return false;
      await main.scoreChunks.put(chunk);
      await main.derived.put({ ...current, pending: next });
      return true;
    });
    if (!ours) return { status: 'superseded', scored: pending.scored };
    pending = next;
    options.onProgress?.(pending.scored);
    if (options.shouldStop?.()) return { status: 'superseded', scored: pending.scored };
  }
  const done = await switchRun(main, inputs, pending);
  return done ? { status: 'complete', scored: pending.scored } : { status: 'superseded', scored: pending.scored };
}

/** When each source's data arrived (its last complete run), for the changes it brought; `fallback` for data that never syncs. */
function arrivalTimes(states: readonly SyncState[], fallback: number): (source: string) => number {
  const at = new Map(states.map((s) => [s.source as string, s.lastSuccess]));
  return (source) => at.get(source) ?? fallback;
}

/**
 * Makes the finished run visible, in one transaction with the change log entries it brings: the
 * tier and target changes the sources made, and the effect of the model changes it scores with.
 * A worker stopped before it logs nothing and switches nothing; the run resumes and does both.
 */
async function switchRun(main: TierlensDB, inputs: ScoringInputs, pending: PendingRescore): Promise<boolean> {
  return main.transaction('rw', main.derived, main.scoreChunks, main.changeLog, async () => {
    const current = await main.derived.get('scores');
    if (current?.pending?.run !== pending.run) return false;
    const old = current.run;
    const models = settingsDigest(inputs.settings);
    await main.changeLog.bulkAdd(foundEntries(pending.found) as ChangeEntry[]);
    const { counts } = pending;
    const effectsDue = counts
      ? await completeEffects(main, current.effectsDue, {
          models,
          modelsAt: pending.modelsAt ?? pending.startedAt,
          counts,
        })
      : current.effectsDue;
    const previousCounts = old === undefined ? emptyTally(inputs.settings) : current.counts;
    await main.derived.put({
      name: 'scores',
      run: pending.run,
      basis: pending.basis,
      at: pending.at,
      tookMs: Date.now() - pending.startedAt,
      scored: pending.scored,
      edits: pending.edits,
      models,
      ...(counts ? { counts } : {}),
      ...(previousCounts ? { previousCounts } : {}),
      ...(effectsDue?.length ? { effectsDue } : {}),
    });
    if (old !== undefined) await runChunks(main, old).delete();
    return true;
  });
}
