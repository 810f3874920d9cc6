/**
 * An error a source reports, in words a user can act on. `retryable` errors (a network error,
 * HTTP 429 or 5xx) are tried again with backoff; `retryAfterMs` is the wait the server asked for.
 * Others (a bad token, a corrupted shard, rows that fail validation) stop the run: the previous
 * data stays visible and the error is shown.
 */
export class SourceError extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly status?: number;

  constructor(
    message: string,
    options: { retryable: boolean; retryAfterMs?: number; status?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = 'SourceError';
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
  }
}

/**
 * Parses an HTTP `Retry-After` header (delta-seconds or an HTTP date) into milliseconds from
 * `now`; undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
