import type { TierlensDB } from '../db/db';
import { generationDb } from '../db/generations';
import type { SyncedSource } from '../db/sync-state';
import { SourceError } from './errors';
import {
  abandonGeneration,
  beginGeneration,
  countRows,
  recordError,
  resumeGeneration,
  type StagedGeneration,
  switchGeneration,
  writePage,
} from './generation';
import { describeError } from './messages';
import { isRetryable, type RetryOptions, withRetries } from './retry';
import type { RecordCounts, SourceAdapter, SyncPlan } from './types';

/** How one run ended. */
export type RunOutcome =
  | { status: 'switched'; generation: number; counts: RecordCounts; plan: SyncPlan }
  | { status: 'updated'; generation: number; counts: RecordCounts; changed: number }
  | { status: 'unchanged' }
  /** Stopped before the end (the signal aborted, or `maxPages` reached): the next run resumes. */
  | { status: 'paused'; pages: number }
  /** Failed: the previous data stays visible; `retryAt` when a later run may succeed. */
  | { status: 'failed'; error: string; retryAt?: number; rejected: boolean };

export interface SyncProgress {
  source: SyncedSource;
  mode: SyncPlan['mode'];
  pages: number;
  counts: RecordCounts;
}

export interface RunOptions {
  now?: () => number;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  retry?: RetryOptions;
  /** Stop after this many pages, as a stopped worker would (tests, and a bounded run per wake-up). */
  maxPages?: number;
  /** The wait before a later run after a retryable failure, when the server named none. */
  retryLaterMs?: number;
}

/** The cursor a final page commits: "nothing after this", distinct from "not started". */
const DONE = '\u0000done';

const running = new Map<SyncedSource, Promise<RunOutcome>>();

/**
 * Runs a source once: resumes the run a stopped worker left, or plans a new one. A full run
 * writes a new generation beside the visible one, page by page with its cursor, and switches to
 * it in one transaction; an incremental run upserts changed records into the visible generation,
 * each page with its cursor. Any failure leaves the previous data visible and says why; a
 * retryable one is left to resume, a rejected one (a bad shard, a refused token) is dropped.
 * Concurrent calls for one source share one run.
 */
export function runSync(main: TierlensDB, adapter: SourceAdapter, options: RunOptions = {}): Promise<RunOutcome> {
  const current = running.get(adapter.source);
  if (current) return current;
  const run = runOnce(main, adapter, options).finally(() => running.delete(adapter.source));
  running.set(adapter.source, run);
  return run;
}

async function runOnce(main: TierlensDB, adapter: SourceAdapter, options: RunOptions): Promise<RunOutcome> {
  const now = options.now ?? Date.now;
  const signal = options.signal ?? new AbortController().signal;
  const source = adapter.source;
  let staged: StagedGeneration | undefined;
  try {
    staged = await resumeGeneration(main, source);
    let plan: SyncPlan;
    let incremental: { db: TierlensDB; cursor: string | undefined } | undefined;
    if (staged) plan = staged.plan as SyncPlan;
    else {
      const state = await main.syncState.get(source);
      const resumedIncremental = state?.incremental && state.generation > 0;
      if (resumedIncremental) {
        const db = generationDb(main, source, state.generation);
        const meta = await db.syncState.get(source);
        plan =
          (meta?.plan as SyncPlan | undefined) ??
          (await withRetries(() => adapter.plan(state, signal), retryOf(options, signal)));
        incremental = { db, cursor: meta?.cursor };
      } else {
        plan = await withRetries(() => adapter.plan(state, signal), retryOf(options, signal));
        if (plan.mode === 'unchanged') {
          await markChecked(main, source, now(), plan.checkpoint);
          return { status: 'unchanged' };
        }
        if (plan.mode === 'incremental' && state && state.generation > 0) {
          const db = generationDb(main, source, state.generation);
          await db.syncState.update(source, { plan, cursor: undefined });
          await main.syncState.update(source, { incremental: { plan, startedAt: now() } });
          incremental = { db, cursor: undefined };
        } else {
          plan = { ...plan, mode: 'full' };
          staged = await beginGeneration(main, source, { plan, label: plan.label, now: now() });
        }
      }
    }

    const state = await main.syncState.get(source);
    const targetDb = staged?.db ?? incremental?.db;
    const generation = staged?.generation ?? state?.generation ?? 0;
    if (!targetDb) throw new Error('no generation to write into');
    let cursor = staged ? staged.cursor : incremental?.cursor;
    // A resumed run whose final page was already in goes straight to the switch.
    let done = cursor === DONE;
    let pages = 0;
    let changed = 0;
    let counts: RecordCounts = staged?.counts ?? { accounts: 0, contacts: 0, touchpoints: 0 };
    while (!done) {
      if (signal.aborted || (options.maxPages !== undefined && pages >= options.maxPages)) {
        return { status: 'paused', pages };
      }
      const page = await withRetries(() => adapter.readPage(plan, cursor, signal), retryOf(options, signal));
      if (signal.aborted) return { status: 'paused', pages };
      counts = await writePage({ db: targetDb, source, generation }, page.records, page.next ?? DONE);
      changed += page.records.length;
      pages++;
      cursor = page.next;
      done = page.next === undefined;
      options.onProgress?.({ source, mode: plan.mode, pages, counts });
    }

    const result = (await adapter.finish?.(plan, counts, signal)) ?? {};
    if (staged) {
      const switched = await switchGeneration(main, staged, {
        now: now(),
        checkpoint: result.checkpoint,
        label: plan.label,
      });
      return { status: 'switched', generation: staged.generation, counts: switched, plan };
    }
    const totals = await countRows(targetDb);
    await targetDb.syncState.update(source, { plan: undefined, cursor: undefined });
    await main.syncState.update(source, {
      incremental: undefined,
      checkpoint: result.checkpoint,
      lastSuccess: now(),
      lastError: undefined,
      failingSince: undefined,
      accountCount: totals.accounts,
      contactCount: totals.contacts,
      touchpointCount: totals.touchpoints,
    });
    return { status: 'updated', generation, counts: totals, changed };
  } catch (error) {
    if (signal.aborted) return { status: 'paused', pages: 0 };
    const message = describeError(source, error);
    if (isRetryable(error)) {
      const wait = error instanceof SourceError && error.retryAfterMs !== undefined ? error.retryAfterMs : undefined;
      const retryAt = now() + Math.max(wait ?? 0, options.retryLaterMs ?? 60_000);
      await recordError(main, source, message, now(), retryAt);
      return { status: 'failed', error: message, retryAt, rejected: false };
    }
    // Not worth retrying as it is (bad data, a refused token, a full disk): drop what this run
    // wrote, so the next run starts clean and the space is freed.
    if (staged) await abandonGeneration(main, source, staged.generation).catch(() => {});
    else await main.syncState.update(source, { incremental: undefined }).catch(() => 0);
    await recordError(main, source, message, now());
    return { status: 'failed', error: message, rejected: true };
  }
}

function retryOf(options: RunOptions, signal: AbortSignal): RetryOptions {
  return { ...options.retry, signal };
}

async function markChecked(main: TierlensDB, source: SyncedSource, at: number, checkpoint?: string): Promise<void> {
  await main.transaction('rw', main.syncState, async () => {
    const state = await main.syncState.get(source);
    if (!state) return;
    await main.syncState.put({
      ...state,
      checkpoint: checkpoint ?? state.checkpoint,
      lastSuccess: at,
      lastError: undefined,
      failingSince: undefined,
    });
  });
}
