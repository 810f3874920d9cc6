import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { getDb } from '@/lib/db/db';
import type { ScoresState } from '@/lib/db/scores';
import { AccountIndex, type SortKey } from '@/lib/program/query';
import type { ScoreRow } from '@/lib/program/score-row';
import { readScoresState, refreshScores, type ScoresRead } from '@/lib/program/store';

/** The visible run of score rows, indexed once per run for the view's many queries. */
export interface Scores {
  /** The derived table's state as it is now (a rescoring may be under way). */
  state?: ScoresState;
  /** The state the rows were read at: their `at` is the time they are as of. */
  readState?: ScoresState;
  rows: readonly ScoreRow[];
  index: AccountIndex;
  /** False until the first read finished. */
  loaded: boolean;
}

/**
 * What the rows are a function of: the visible run and the edits it reflects. A rescoring's
 * progress (`pending`) changes neither, so that typing on a list of 500,000 accounts is never
 * interrupted by a re-read while the background works.
 */
const versionOf = (s: ScoresState | undefined): string =>
  s?.run === undefined ? 'none' : `${s.run}:${s.at ?? ''}:${JSON.stringify(s.edits ?? {})}`;

/** The index of no rows, before the first read. */
const EMPTY = new AccountIndex([]);

/**
 * Every account's score row and their AccountIndex: read whole when the background switches to a
 * new run, and, when it rescored edited accounts in place, only their chunks, patched into the rows
 * and the index, so that an edit neither re-reads 500,000 rows nor moves the list.
 */
export function useScores(): Scores {
  const state = useLiveQuery(() => readScoresState(getDb()).then((s) => s ?? false), [], undefined);
  const version = state === undefined ? undefined : versionOf(state || undefined);
  const [read, setRead] = useState<ScoresRead>();
  // The read the rows on screen came from: an edit's patch is read against it (a read superseded
  // before it finished was never shown, and is not the base of the next).
  const shown = useRef<ScoresRead | undefined>(undefined);
  useEffect(() => {
    if (version === undefined) return;
    let live = true;
    void refreshScores(getDb(), shown.current).then((next) => {
      if (!live) return;
      shown.current = next;
      setRead(next);
    });
    return () => {
      live = false;
    };
  }, [version]);
  const index = read?.index ?? EMPTY;
  // Each other order is sorted in idle time, one per idle period, so that a first sort by
  // another key does not wait for it (at 500,000 accounts, 0.2–0.7 s each).
  useEffect(() => {
    const keys: SortKey[] = ['engagement', 'grade', 'due', 'name'];
    let handle: number | undefined;
    const next = () => {
      const key = keys.shift();
      if (!key) return;
      index.prepare(key);
      handle = requestIdleCallback(next);
    };
    handle = requestIdleCallback(next);
    return () => {
      if (handle !== undefined) cancelIdleCallback(handle);
    };
  }, [index]);
  return { state: state || undefined, readState: read?.state, rows: index.rows, index, loaded: read !== undefined };
}
