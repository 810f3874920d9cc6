import type { Account } from '../db/accounts';
import type { TierlensDB } from '../db/db';
import { viewOf } from '../db/generations';
import type { EditMark, ScoreChunk, ScoresState } from '../db/scores';
import { countRows } from './model-effects';
import type { RescoreOutcome } from './rescore';
import { changedAccounts, editDigests, type ScoringInputs, scorePage, withMarks } from './score-page';
import type { ScoreRow } from './score-row';
import { runChunks } from './store';

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
export async function patchEdits(main: TierlensDB, inputs: ScoringInputs, state: ScoresState): Promise<RescoreOutcome> {
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
