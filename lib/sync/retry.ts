import { SourceError } from './errors';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 500, maxMs: 30_000 };

/**
 * The wait before try `attempt` (1 = the first retry): exponential backoff with full jitter
 * (a random wait between 0 and the exponential cap), so that many clients retrying after the
 * same outage spread out instead of arriving together. A server's `Retry-After` is a floor.
 */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  const jittered = Math.round(random() * cap);
  return retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered);
}

/** Sleeps `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryOptions {
  policy?: RetryPolicy;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** A wait longer than this is not slept through here: the error goes up, and a later run retries. */
  maxWaitMs?: number;
}

/** An error a retry may help with: a retryable SourceError, or a network failure (TypeError from fetch). */
export function isRetryable(error: unknown): error is Error {
  if (error instanceof SourceError) return error.retryable;
  return error instanceof TypeError;
}

/** Runs `work`, retrying retryable errors with backoff and jitter, honouring `Retry-After`. */
export async function withRetries<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY;
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (options.signal?.aborted || !isRetryable(error) || attempt >= policy.attempts) throw error;
      const retryAfter = error instanceof SourceError ? error.retryAfterMs : undefined;
      const ms = backoffMs(attempt, policy, random, retryAfter);
      if (options.maxWaitMs !== undefined && ms > options.maxWaitMs) throw error;
      await wait(ms, options.signal);
    }
  }
}
