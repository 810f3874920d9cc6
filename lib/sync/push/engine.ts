import type { TierlensDB } from '../../db/db';
import { fieldKey } from '../../edits/plan';
import type { RetryPolicy } from '../retry';
import { claimOps, nextAttemptAt } from './claim';
import { markSending } from './mark-sending';
import { recordOutcomes } from './outcomes';
import type { PushHooks, PushOutcome, PushTarget, TargetOp } from './types';

/**
 * The backoff between tries of one edit: full jitter up to a cap that doubles from 2 s to 30
 * minutes; a `Retry-After` is a floor. There is no last try: an edit is never given up for a
 * passing failure, only for a refusal.
 */
export const PUSH_RETRY: RetryPolicy = { attempts: Number.POSITIVE_INFINITY, baseMs: 2_000, maxMs: 30 * 60_000 };

/** Ops per round (claim, send, record): a stop loses at most one round's answers, never an edit. */
export const PUSH_CHUNK = 100;

export interface PushEngineOptions {
  /** The source the target writes to: ids of its records start with it (`hubspot:`). */
  source: string;
  now?: () => number;
  random?: () => number;
  signal?: AbortSignal;
  chunk?: number;
  policy?: RetryPolicy;
}

/** What one run did, counted in ops (one op may settle several edits). */
export interface PushRunResult {
  confirmed: number;
  /** Of the confirmed, those the source already held (nothing written). */
  alreadyThere: number;
  conflicts: number;
  failed: number;
  retrying: number;
  /** When the earliest edit waiting for another try is due; undefined when none waits. */
  nextAttemptAt?: number;
}

/**
 * Pushes the outbox's due edits through a target (STYLE.md §13: one pusher, each source's writer
 * an adapter), round after round until nothing due is left: each round claims its ops, lets the
 * target read and write them, marking the edits of each write request `pushing` just before it
 * leaves (PushHooks.beforeWrite), then records every outcome in one transaction. A field is tried
 * at most once per run, so a failing source costs one request per field and the backoff decides
 * the next try; a record created in one round lets the edits of it go in the next.
 *
 * The browser may stop the worker at any await. Before a write request leaves, the edits it
 * carries are still `pending` (waiting: nothing was written); from then on they are `pushing`
 * until the outcome is recorded. Either way the next run plans them again, and the target checks
 * what the source holds before writing, so nothing is lost and nothing is applied twice. `db`
 * should be the strict connection, so that a mark is on disk before its request leaves. One run
 * at a time: claiming is not exclusive (push-runner.ts serialises runs).
 */
export async function runPush(db: TierlensDB, target: PushTarget, options: PushEngineOptions): Promise<PushRunResult> {
  const now = options.now ?? Date.now;
  const signal = options.signal ?? new AbortController().signal;
  const result: PushRunResult = { confirmed: 0, alreadyThere: 0, conflicts: 0, failed: 0, retrying: 0 };
  const tried = new Set<string>();
  for (;;) {
    signal.throwIfAborted();
    const { ops } = await claimOps(db, options.source, now(), options.chunk ?? PUSH_CHUNK, tried);
    if (!ops.length) break;
    for (const op of ops) tried.add(fieldKey(op));
    const outcomes = await send(target, ops, signal, db);
    signal.throwIfAborted();
    await recordOutcomes(db, ops, outcomes, {
      now: now(),
      random: options.random ?? Math.random,
      policy: options.policy ?? PUSH_RETRY,
    });
    for (const outcome of outcomes) count(result, outcome);
  }
  const next = await nextAttemptAt(db);
  return next === undefined ? result : { ...result, nextAttemptAt: next };
}

/**
 * The target's outcomes. Its writes go only after `beforeWrite` marked them sent (none once the
 * run is aborted). Should the target throw (it should not), every op is tried again later; those
 * a write request may have carried are still "sent".
 */
async function send(
  target: PushTarget,
  ops: readonly TargetOp[],
  signal: AbortSignal,
  db: TierlensDB,
): Promise<PushOutcome[]> {
  const marked = new Set<string>();
  const hooks: PushHooks = {
    async beforeWrite(batch) {
      if (signal.aborted) return [];
      const going = await markSending(db, batch);
      for (const op of going) marked.add(op.opId);
      return going;
    },
  };
  try {
    const outcomes = await target.push(ops, signal, hooks);
    if (outcomes.length !== ops.length) throw new Error(`${outcomes.length} outcomes for ${ops.length} ops`);
    return outcomes;
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    const why = error instanceof Error ? error.message : String(error);
    return ops.map((op) => ({
      status: 'retry',
      error: `The edit could not be sent (${why}); trying again later.`,
      mayHaveLanded: marked.has(op.opId),
    }));
  }
}

function count(result: PushRunResult, outcome: PushOutcome): void {
  if (outcome.status === 'confirmed') {
    result.confirmed++;
    if (!outcome.wrote) result.alreadyThere++;
  } else if (outcome.status === 'conflict') result.conflicts++;
  else if (outcome.status === 'failed') result.failed++;
  else result.retrying++;
}
