import { Dexie } from 'dexie';
import type { TierlensDB } from '../db/db';
import type { ScoresState } from '../db/scores';
import { AccountIndex } from './query';
import { changedAccounts } from './score-page';
import type { ScoreRow } from './score-row';

/** The derived table's state row; undefined before the first rescoring started. */
export function readScoresState(main: TierlensDB): Promise<ScoresState | undefined> {
  return main.derived.get('scores');
}

/** Every account's score row of the visible run, in chunk order; none before the first run completed. */
export async function readScores(main: TierlensDB): Promise<{ state?: ScoresState; rows: ScoreRow[] }> {
  return main.transaction('r', main.derived, main.scoreChunks, async () => {
    const state = await readScoresState(main);
    if (state?.run === undefined) return { state, rows: [] };
    const chunks = await runChunks(main, state.run).toArray();
    return { state, rows: chunks.flatMap((c) => c.rows) };
  });
}

/** The chunks of one run, in order. */
export function runChunks(main: TierlensDB, run: number) {
  return main.scoreChunks.where('[run+chunk]').between([run, Dexie.minKey], [run, Dexie.maxKey], true, true);
}

/** One read of the visible run: the state it was read at, its rows, and their index. */
export interface ScoresRead {
  state?: ScoresState;
  rows: readonly ScoreRow[];
  index: AccountIndex;
}

/** The edited accounts' rows as the visible run holds them now, in chunk order; an id without one lost its row. */
interface EditedRows {
  state: ScoresState;
  ids: string[];
  rows: ScoreRow[];
}

/**
 * The rows of the accounts edited since `since`, when the visible run is still `since`'s (the same
 * run, scored at the same time): the index names the chunks holding them (keys only), and only
 * those chunks are read. Undefined when another run is visible: every row must be read.
 */
async function readEditedRows(main: TierlensDB, since: ScoresState): Promise<EditedRows | undefined> {
  return main.transaction('r', main.derived, main.scoreChunks, async () => {
    const state = await readScoresState(main);
    if (state?.run === undefined || state.run !== since.run || state.at !== since.at) return undefined;
    const ids = changedAccounts(since.edits ?? {}, state.edits ?? {});
    if (ids.length === 0) return { state, ids, rows: [] };
    // The multi-entry index spans every run (a pending one holds the same ids): this run's chunks only.
    const keys = await main.scoreChunks.where('ids').anyOf(ids).primaryKeys();
    const wanted = [...new Map(keys.filter((k) => k[0] === state.run).map((k) => [k[1], k])).values()].sort(
      (a, b) => a[1] - b[1],
    );
    const edited = new Set(ids);
    const rows: ScoreRow[] = [];
    for (const chunk of await main.scoreChunks.bulkGet(wanted)) {
      for (const row of chunk?.rows ?? []) if (edited.has(row.id)) rows.push(row);
    }
    return { state, ids, rows };
  });
}

/**
 * `before` with the edited accounts' rows put in, as a full read would list them: each in its
 * place, one that lost its row dropped, one new to the run last (its chunk is the run's last).
 * Rows replaced in place patch the index; rows added or dropped build it anew.
 */
function patchRead(before: ScoresRead, edited: EditedRows): ScoresRead {
  if (edited.ids.length === 0) return { ...before, state: edited.state };
  const ids = new Set(edited.ids);
  const fresh = new Map(edited.rows.map((r) => [r.id, r]));
  const rows: ScoreRow[] = [];
  const changed: number[] = [];
  let moved = false;
  for (const row of before.rows) {
    if (!ids.has(row.id)) {
      rows.push(row);
      continue;
    }
    const next = fresh.get(row.id);
    fresh.delete(row.id);
    if (!next) {
      moved = true;
      continue;
    }
    changed.push(rows.length);
    rows.push(next);
  }
  for (const added of fresh.values()) {
    rows.push(added);
    moved = true;
  }
  const index = moved ? new AccountIndex(rows) : before.index.patched(rows, changed);
  return { state: edited.state, rows, index };
}

/**
 * The visible run's rows as they are now, given the last read. An edit only (the same run, scored
 * at the same time, other edits) reads just the chunks holding the edited accounts and patches
 * their rows into the last read, so that one edit does not re-read 500,000 rows; a new run, or
 * no read before, reads every row and builds the index.
 */
export async function refreshScores(main: TierlensDB, before?: ScoresRead): Promise<ScoresRead> {
  if (before?.state?.run !== undefined) {
    const edited = await readEditedRows(main, before.state);
    if (edited) return patchRead(before, edited);
  }
  const { state, rows } = await readScores(main);
  return { state, rows, index: new AccountIndex(rows) };
}
