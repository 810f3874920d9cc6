import { Dexie } from 'dexie';
import type { TierlensDB } from '../db/db';
import type { ScoresState } from '../db/scores';
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
