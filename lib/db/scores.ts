import type { ScoreRow } from '../program/score-row';
import type { FoundChanges } from '../program/source-changes';
import type { Tally } from './change-log';

/**
 * The derived scores table (schema v7): every account's score row (lib/program/score-row.ts),
 * packed `SCORE_CHUNK` rows to a record so that the program view reads 500,000 accounts in a
 * thousand reads, not half a million. Each complete rescoring is a `run`: its chunks are written
 * beside the visible run's and the state switches to it in one transaction, as a sync
 * generation does, so a list never shows half of one run and half of another.
 */
export interface ScoreChunk {
  run: number;
  chunk: number;
  /** The ids of `rows`, in order: the multi-entry index that finds an account's chunk. */
  ids: string[];
  rows: ScoreRow[];
  /**
   * The newest tier and target edit each row reflects, for the rows that have one: the next run
   * tells a change the user made (a newer edit) from one a source brought.
   */
  marks?: Record<string, EditMark>;
}

/** The op ids of an account's newest tier edit and newest target edit. */
export interface EditMark {
  tier?: string;
  target?: string;
}

/** A model change logged before its effect was known: completed when a run under its models switches. */
export interface EffectDue {
  /** The change log entry to complete. */
  seq: number;
  at: number;
  /** The digest of the models in force after the change (lib/program/digest.ts `settingsDigest`). */
  models: string;
  /** The visible run's tally when the change arrived. */
  before: Tally;
}

/** Rows per chunk: a page of rescoring, small enough that the worker answers a lookup between pages. */
export const SCORE_CHUNK = 200;

/** Where a rescoring stands, so that a worker the browser stopped resumes it. */
export interface PendingRescore {
  run: number;
  /** What the run scores: see `ScoresState.basis`. */
  basis: string;
  startedAt: number;
  /** The time the run scores at (engagement decays, follow-ups fall due): its start. */
  at: number;
  /** The next database of the view to read (its position in the view), and the last id done in it. */
  cursor: { db: number; after?: string };
  nextChunk: number;
  scored: number;
  /** The edits as they stood when the run started (see `ScoresState.edits`): later ones are patched in after it. */
  edits: Record<string, string>;
  /** When the run's models were read: a model change logged before then is in them. */
  modelsAt?: number;
  /** The pages' rows so far, per grade and recommended tier (absent in a run an older release started). */
  counts?: Tally;
  /** Tier and target changes the sources brought, found page by page: logged when the run switches. */
  found?: FoundChanges;
}

/** The one row of the `derived` table: which run of score rows is visible. */
export interface ScoresState {
  name: 'scores';
  /** The complete run the program view reads; absent before the first one. */
  run?: number;
  /**
   * What the visible run was computed from: the visible generations, the models and the
   * calibrated model. When the current basis differs, a new run starts.
   */
  basis?: string;
  /** The time the visible run scored at. */
  at?: number;
  /** How long the visible run took, and how many accounts it scored. */
  tookMs?: number;
  scored?: number;
  /** Per account with edits, a digest of them as the visible rows reflect: an edit rescored only its account. */
  edits?: Record<string, string>;
  pending?: PendingRescore;
  /** The visible run's rows per grade and recommended tier, and the run's before it. */
  counts?: Tally;
  previousCounts?: Tally;
  /** The digest of the models the visible run scored with. */
  models?: string;
  /** Model changes waiting for a run under their models, to fill in their effect. */
  effectsDue?: EffectDue[];
  /** Why the last run stopped, when it failed. */
  error?: string;
}

/** Schema v7: score chunks by run and chunk, found by the account ids they hold. */
export const scoreChunksSchema = '[run+chunk], *ids';
export const derivedSchema = 'name';
