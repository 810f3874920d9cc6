import type { Account } from '../db/accounts';
import type { TierlensDB } from '../db/db';
import { sourceOfId, viewOf } from '../db/generations';
import type { LocalEdit } from '../db/outbox';
import { type PendingRescore, SCORE_CHUNK, type ScoreChunk, type ScoresState } from '../db/scores';
import type { SyncState } from '../db/sync-state';
import { type AccountTouchpoints, touchpointsOf } from '../db/touchpoints';
import { applyEdits } from '../edits/overlay';
import { scoreAccount } from '../scoring/account-view';
import type { CalibratedModel } from '../scoring/calibration';
import type { Settings } from '../settings/types';
import { SCORE_ROW_VERSION, type ScoreRow, scoreRowOf } from './score-row';
import { runChunks } from './store';

/** What a rescoring scores with: the models in force and, in calibrated mode, the fitted model. */
export interface ScoringInputs {
  settings: Settings;
  calibration?: CalibratedModel;
}

/** Engagement decays and follow-ups fall due: rows older than this are scored again. */
export const RESCORE_EVERY_MS = 6 * 3_600_000;

/** A short, stable digest of a string (FNV-1a, 32 bits, hex). */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

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
  return `v${SCORE_ROW_VERSION}|${data}|${mainAccounts}|${digest(JSON.stringify(inputs.settings))}|${model}`;
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
): Promise<ScoreRow[]> {
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
    main.outbox.where('accountId').anyOf(ids).toArray(),
  ]);
  const packed = new Map<string, AccountTouchpoints>();
  for (const row of touchpointRows) if (row) packed.set(row.accountId, row);
  const contactsOf = byAccountId(contacts);
  const editsOf = byAccountId(edits);
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
  return rows;
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
    pending = { run, basis, startedAt: now, at: now, cursor: { db: 0 }, nextChunk: 0, scored: 0, edits };
    await main.derived.put({ ...state, pending });
  }
  return runPages(main, inputs, pending, options);
}

async function runPages(
  main: TierlensDB,
  inputs: ScoringInputs,
  start: PendingRescore,
  options: RescoreOptions,
): Promise<RescoreOutcome> {
  const states = await main.syncState.toArray();
  const view = viewOf(main, states);
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
    const rows = await scorePage(main, db, accounts, states, inputs, pending.at, options.pause, true);
    const next: PendingRescore = {
      ...pending,
      cursor: { db: pending.cursor.db, after: accounts[accounts.length - 1]?.id },
      nextChunk: pending.nextChunk + 1,
      scored: pending.scored + rows.length,
    };
    const chunk: ScoreChunk = { run: pending.run, chunk: pending.nextChunk, ids: rows.map((r) => r.id), rows };
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
  const done = await main.transaction('rw', main.derived, main.scoreChunks, async () => {
    const current = await main.derived.get('scores');
    if (current?.pending?.run !== pending.run) return false;
    const old = current.run;
    await main.derived.put({
      name: 'scores',
      run: pending.run,
      basis: pending.basis,
      at: pending.at,
      tookMs: Date.now() - pending.startedAt,
      scored: pending.scored,
      edits: pending.edits,
    });
    if (old !== undefined) await runChunks(main, old).delete();
    return true;
  });
  return done ? { status: 'complete', scored: pending.scored } : { status: 'superseded', scored: pending.scored };
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
  for (const db of view.all) {
    const accounts = found.filter((a): a is Account => a !== undefined && view.forId(a.id) === db);
    if (accounts.length === 0) continue;
    for (const row of await scorePage(main, db, accounts, states, inputs, state.at ?? Date.now()))
      rows.set(row.id, row);
  }
  await main.transaction('rw', main.derived, main.scoreChunks, async () => {
    const current = await main.derived.get('scores');
    if (current?.run !== run) return;
    const chunks = (await main.scoreChunks.where('ids').anyOf(changed).toArray()).filter((c) => c.run === run);
    const placed = new Set<string>();
    for (const chunk of new Map(chunks.map((c) => [c.chunk, c])).values()) {
      const kept: ScoreRow[] = [];
      for (const row of chunk.rows) {
        const replaced = changed.includes(row.id) ? rows.get(row.id) : row;
        if (replaced) kept.push(replaced);
        placed.add(row.id);
      }
      await main.scoreChunks.put({ ...chunk, ids: kept.map((r) => r.id), rows: kept });
    }
    // Accounts new since the run (added on a page): a chunk of their own, after the last.
    const added = [...rows.values()].filter((r) => !placed.has(r.id));
    if (added.length > 0) {
      const last = await runChunks(main, run).last();
      await main.scoreChunks.put({ run, chunk: (last?.chunk ?? -1) + 1, ids: added.map((r) => r.id), rows: added });
    }
    await main.derived.put({ ...current, edits });
  });
  return { status: 'patched', scored: rows.size };
}
