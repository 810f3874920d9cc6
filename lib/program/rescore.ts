import type { Account } from '../db/accounts';
import type { ChangeEntry } from '../db/change-log';
import type { TierlensDB } from '../db/db';
import { sourceOfId, viewOf } from '../db/generations';
import type { LocalEdit } from '../db/outbox';
import { type EditMark, type PendingRescore, SCORE_CHUNK, type ScoreChunk, type ScoresState } from '../db/scores';
import type { SyncState } from '../db/sync-state';
import { type AccountTouchpoints, touchpointsOf } from '../db/touchpoints';
import { applyEdits } from '../edits/overlay';
import { scoreAccount } from '../scoring/account-view';
import type { CalibratedModel } from '../scoring/calibration';
import type { Settings } from '../settings/types';
import { digest, settingsDigest } from './digest';
import { completeEffects, countRows, emptyTally } from './model-effects';
import { SCORE_ROW_VERSION, type ScoreRow, scoreRowOf } from './score-row';
import { addFound, changesBetween, editMarks, foundEntries, previousRows } from './source-changes';
import { runChunks } from './store';

/** What a rescoring scores with: the models in force and, in calibrated mode, the fitted model. */
export interface ScoringInputs {
  settings: Settings;
  calibration?: CalibratedModel;
  /** When `settings` were read (default: the run's start): a model change logged before then is in them. */
  readAt?: number;
}

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

/** Per account with edits, a digest of its edits as they stand (what each is, and its state). */
function editDigests(edits: readonly LocalEdit[]): Record<string, string> {
  const byAccount = new Map<string, string[]>();
  for (const e of edits) {
    const parts = byAccount.get(e.accountId) ?? [];
    parts.push(`${e.opId}:${e.state}:${e.confirmedAt ?? ''}`);
    byAccount.set(e.accountId, parts);
  }
  return Object.fromEntries([...byAccount].map(([id, parts]) => [id, digest(parts.sort().join(','))]));
}

/** The accounts whose edits differ between two digests: edited since, or no longer edited. */
function changedAccounts(before: Record<string, string>, now: Record<string, string>): string[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(now)]);
  return [...ids].filter((id) => before[id] !== now[id]);
}

const byAccountId = <T extends { accountId: string }>(items: readonly T[]) => {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.accountId);
    if (list) list.push(item);
    else map.set(item.accountId, [item]);
  }
  return map;
};

/** A page of score rows, with the newest tier and target edit each reflects. */
interface ScoredPage {
  rows: ScoreRow[];
  marks: Record<string, EditMark>;
}

/**
 * Scores `accounts` (all from `db`, one of the view's databases) as the side panel would: with
 * their contacts, touchpoints and the user's edits applied.
 */
async function scorePage(
  main: TierlensDB,
  db: TierlensDB,
  accounts: readonly Account[],
  states: readonly SyncState[],
  inputs: ScoringInputs,
  at: number,
  pause?: () => Promise<void>,
  contiguous = false,
  outbox?: ReadonlyMap<string, LocalEdit[]>,
): Promise<ScoredPage> {
  const ids = accounts.map((a) => a.id);
  const first = ids[0] as string;
  const last = ids[ids.length - 1] as string;
  // A page of a full run holds consecutive ids: its contacts and touchpoints are one key range
  // each (one cursor), where a patch's scattered accounts are looked up one key at a time.
  const [contacts, touchpointRows, edits] = await Promise.all([
    contiguous
      ? db.contacts.where('accountId').between(first, last, true, true).toArray()
      : db.contacts.where('accountId').anyOf(ids).toArray(),
    contiguous
      ? db.accountTouchpoints.where(':id').between(first, last, true, true).toArray()
      : db.accountTouchpoints.bulkGet(ids),
    outbox ? ids.flatMap((id) => outbox.get(id) ?? []) : main.outbox.where('accountId').anyOf(ids).toArray(),
  ]);
  const packed = new Map<string, AccountTouchpoints>();
  for (const row of touchpointRows) if (row) packed.set(row.accountId, row);
  const contactsOf = byAccountId(contacts);
  const editsOf = outbox ?? byAccountId(edits);
  const lastSync = new Map<string, number | undefined>(states.map((s) => [s.source, s.lastSuccess]));
  const rows: ScoreRow[] = [];
  for (let i = 0; i < accounts.length; i++) {
    if (i > 0 && i % SLICE === 0) await pause?.();
    const account = accounts[i] as Account;
    const people = contactsOf.get(account.id) ?? [];
    const accountEdits = editsOf.get(account.id);
    const edited = accountEdits
      ? applyEdits(account, people, accountEdits, lastSync.get(sourceOfId(account.id)))
      : { account, contacts: people };
    const own = touchpointsOf(packed.get(account.id));
    const view = scoreAccount(edited.account, edited.contacts, own, inputs.settings, at, {
      calibration: inputs.calibration,
    });
    let first: number | undefined;
    for (const t of own) if (first === undefined || t.at < first) first = t.at;
    rows.push(scoreRowOf(view, first));
  }
  return { rows, marks: editMarks(edits) };
}

/** Accounts scored between two pauses: a few milliseconds of the worker's thread. */
const SLICE = 50;

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
  const outbox = byAccountId(await main.outbox.toArray());
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

/** A chunk's marks, left out when none of its rows has a tier or target edit. */
const withMarks = (marks: Record<string, EditMark>) => (Object.keys(marks).length > 0 ? { marks } : {});

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

/**
 * `chunk` with the rows of `changed` accounts replaced by their new rows (or dropped, for an
 * account that is gone), and their marks with them; `out`: the rows replaced.
 */
function replaceRows(
  chunk: ScoreChunk,
  changed: ReadonlySet<string>,
  rows: ReadonlyMap<string, ScoreRow>,
  marks: Readonly<Record<string, EditMark>>,
): { chunk: ScoreChunk; out: ScoreRow[] } {
  const kept: ScoreRow[] = [];
  const out: ScoreRow[] = [];
  const { marks: before, ...rest } = chunk;
  const keptMarks: Record<string, EditMark> = { ...before };
  for (const row of chunk.rows) {
    if (!changed.has(row.id)) {
      kept.push(row);
      continue;
    }
    out.push(row);
    delete keptMarks[row.id];
    const replaced = rows.get(row.id);
    if (!replaced) continue;
    kept.push(replaced);
    const mark = marks[row.id];
    if (mark) keptMarks[row.id] = mark;
  }
  return { chunk: { ...rest, ids: kept.map((r) => r.id), rows: kept, ...withMarks(keptMarks) }, out };
}

/** Rescores the accounts whose edits changed since the visible rows, and replaces their rows. */
async function patchEdits(main: TierlensDB, inputs: ScoringInputs, state: ScoresState): Promise<RescoreOutcome> {
  const run = state.run as number;
  const edits = editDigests(await main.outbox.toArray());
  const changed = changedAccounts(state.edits ?? {}, edits);
  if (changed.length === 0) return { status: 'current', scored: 0 };
  const states = await main.syncState.toArray();
  const view = viewOf(main, states);
  // Each changed account from the database that holds its rows; one that is gone loses its row.
  const found = await Promise.all(changed.map((id) => view.forId(id).accounts.get(id)));
  const rows = new Map<string, ScoreRow>();
  const marks: Record<string, EditMark> = {};
  for (const db of view.all) {
    const accounts = found.filter((a): a is Account => a !== undefined && view.forId(a.id) === db);
    if (accounts.length === 0) continue;
    const page = await scorePage(main, db, accounts, states, inputs, state.at ?? Date.now());
    for (const row of page.rows) rows.set(row.id, row);
    Object.assign(marks, page.marks);
  }
  await main.transaction('rw', main.derived, main.scoreChunks, async () => {
    const current = await main.derived.get('scores');
    if (current?.run !== run) return;
    const chunks = (await main.scoreChunks.where('ids').anyOf(changed).toArray()).filter((c) => c.run === run);
    const placed = new Set<string>();
    const out: ScoreRow[] = [];
    const replacing = new Set(changed);
    for (const chunk of new Map(chunks.map((c) => [c.chunk, c])).values()) {
      const replaced = replaceRows(chunk, replacing, rows, marks);
      for (const row of chunk.rows) placed.add(row.id);
      out.push(...replaced.out);
      await main.scoreChunks.put(replaced.chunk);
    }
    // Accounts new since the run (added on a page): a chunk of their own, after the last.
    const added = [...rows.values()].filter((r) => !placed.has(r.id));
    if (added.length > 0) {
      const last = await runChunks(main, run).last();
      const addedMarks: Record<string, EditMark> = {};
      for (const r of added) if (marks[r.id]) addedMarks[r.id] = marks[r.id] as EditMark;
      await main.scoreChunks.put({
        run,
        chunk: (last?.chunk ?? -1) + 1,
        ids: added.map((r) => r.id),
        rows: added,
        ...withMarks(addedMarks),
      });
    }
    // The tally follows the replaced rows: a model change's before is the visible run as it stands.
    const counts = current.counts && countRows(countRows(current.counts, out, -1), [...rows.values()]);
    await main.derived.put({ ...current, edits, ...(counts ? { counts } : {}) });
  });
  return { status: 'patched', scored: rows.size };
}
