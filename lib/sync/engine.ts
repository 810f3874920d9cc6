import type { TierlensDB } from '../db/db';
import type { SyncedSource } from '../db/sync-state';
import { SourceError } from './errors';
import {
  abandonGeneration,
  applyChanges,
  beginGeneration,
  type LeftOutDeals,
  recordError,
  resumeGeneration,
  type StagedGeneration,
  settleWaitingDeals,
  switchGeneration,
  writePage,
} from './generation';
import { describeError } from './messages';
import { isRetryable, type RetryOptions, withRetries } from './retry';
import type { RecordCounts, SourceAdapter, SyncPlan } from './types';

/** How one run ended. */
export type RunOutcome =
  | { status: 'switched'; generation: number; counts: RecordCounts; plan: SyncPlan }
  /** An incremental run applied its changes to the visible generation. */
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
 * Runs a source once: resumes the run a stopped worker left, or plans a new one. Every run writes
 * what it reads beside the visible data, page by page with its cursor. A full run then switches
 * to its new generation in one transaction; an incremental run applies its changes to the visible
 * generation in one transaction — so the panel never sees half of either. Any failure leaves the previous data visible and says why; a
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
    if (staged) plan = staged.plan as SyncPlan;
    else {
      const state = await main.syncState.get(source);
      plan = await withRetries(() => adapter.plan(state, signal), retryOf(options, signal));
      if (plan.mode === 'unchanged') {
        await markChecked(main, source, now(), plan.checkpoint);
        return { status: 'unchanged' };
      }
      // Changes need a visible generation to apply to; without one, the run reads everything.
      if (plan.mode === 'incremental' && !(state && state.generation > 0)) plan = { ...plan, mode: 'full' };
      staged = await beginGeneration(main, source, { plan, label: plan.label, now: now() });
    }

    let cursor = staged.cursor;
    // A resumed run whose final page was already in goes straight to the switch.
    let done = cursor === DONE;
    let pages = 0;
    let counts: RecordCounts = staged.counts;
    while (!done) {
      if (signal.aborted || (options.maxPages !== undefined && pages >= options.maxPages)) {
        return { status: 'paused', pages };
      }
      const page = await withRetries(() => adapter.readPage(plan, cursor, signal), retryOf(options, signal));
      if (signal.aborted) return { status: 'paused', pages };
      counts = await writePage(staged, page.records, page.next ?? DONE, {
        deals: page.deals,
        detachedContacts: page.detachedContacts,
        removedAccounts: page.removedAccounts,
        removedDeals: page.removedDeals,
      });
      pages++;
      cursor = page.next;
      done = page.next === undefined;
      options.onProgress?.({ source, mode: plan.mode, pages, counts });
    }

    const leftOut = await settleWaitingDeals(staged);
    const finished = (await adapter.finish?.(plan, counts, signal)) ?? {};
    const result = { ...finished, notice: joinNotices(finished.notice, leftOut && leftOutWords(source, leftOut)) };
    if (plan.mode === 'full') {
      const switched = await switchGeneration(main, staged, {
        now: now(),
        checkpoint: result.checkpoint,
        notice: result.notice,
        label: plan.label,
      });
      return { status: 'switched', generation: staged.generation, counts: switched, plan };
    }
    const applied = await applyChanges(main, staged, {
      now: now(),
      checkpoint: result.checkpoint,
      notice: result.notice,
    });
    return { status: 'updated', ...applied };
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
    await recordError(main, source, message, now());
    return { status: 'failed', error: message, rejected: true };
  }
}

const joinNotices = (...notices: (string | undefined)[]): string | undefined =>
  notices.filter(Boolean).join(' ') || undefined;

/** The words for deals a run left out, in the source's status. */
export function leftOutWords(source: SyncedSource, left: LeftOutDeals): string {
  const where = source === 'feed' ? 'the team feed' : source === 'file' ? 'the import' : 'HubSpot';
  const ids = `${left.examples.join(', ')}${left.count > left.examples.length ? ', …' : ''}`;
  return left.count === 1
    ? `1 deal was left out: its account is not in ${where} (${ids}).`
    : `${left.count.toLocaleString('en-US')} deals were left out: their accounts are not in ${where} (${ids}).`;
}

/**
 * The longest wait a run sleeps through before retrying. The browser stops an extension's worker
 * after 30 s without events, and a timer is not one: a longer `Retry-After` (HubSpot's daily
 * limit, a feed host's) ends the run instead, with the error shown and the next run set for
 * then by an alarm, which does wake the worker.
 */
export const MAX_RETRY_WAIT_MS = 20_000;

function retryOf(options: RunOptions, signal: AbortSignal): RetryOptions {
  return { maxWaitMs: MAX_RETRY_WAIT_MS, ...options.retry, signal };
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
