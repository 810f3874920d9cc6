import { parseRetryAfter, SourceError } from '../errors';

export type Fetch = typeof globalThis.fetch;

/**
 * Fetches `url` and turns every failure into a `SourceError` in plain words: the network and
 * HTTP 408, 429 and 5xx are retryable (with the server's `Retry-After`); 401, 403, 404 and other
 * refusals are not. `what` names the file in messages ("the feed manifest", "shard a.ndjson").
 * A 304 is returned as is, for the caller's conditional request.
 */
export async function fetchFeedFile(
  fetch: Fetch,
  url: string,
  what: string,
  init: RequestInit,
  now: () => number,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new SourceError(`Could not reach ${hostOf(url)} for ${what}: ${(error as Error).message}`, {
      retryable: true,
      cause: error,
    });
  }
  if (response.ok || response.status === 304) return response;
  // The body of an error page is not needed; release the connection.
  await response.body?.cancel().catch(() => undefined);
  const status = response.status;
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now());
    const busy = status === 429 ? 'is busy (HTTP 429)' : `had a problem (HTTP ${status})`;
    throw new SourceError(`The host ${hostOf(url)} ${busy} serving ${what}; Tierlens will try again`, {
      retryable: true,
      retryAfterMs,
      status,
    });
  }
  const why =
    status === 404 || status === 410
      ? `was not found at ${url} (HTTP ${status})`
      : status === 401 || status === 403
        ? `could not be read: ${hostOf(url)} refused access (HTTP ${status})`
        : `could not be read from ${url} (HTTP ${status})`;
  throw new SourceError(`${capitalise(what)} ${why}`, { retryable: false, status });
}

/**
 * Reads a body whole, refusing more than `maxBytes` (a shard's size cap, a gzip bomb) without
 * buffering past it. A connection lost mid-body is retryable.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  errors: { tooBig: () => SourceError; broken: (error: unknown) => SourceError },
  signal?: AbortSignal,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw errors.tooBig();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (signal?.aborted) throw signal.reason;
    throw errors.broken(error);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A lost connection while reading: the next try may well succeed. */
export function connectionLost(what: string, url: string) {
  return (error: unknown) =>
    new SourceError(`The connection to ${hostOf(url)} broke while reading ${what}: ${(error as Error).message}`, {
      retryable: true,
      cause: error,
    });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the feed host';
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
