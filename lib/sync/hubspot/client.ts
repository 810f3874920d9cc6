import { SourceError } from '../errors';
import { sleep as defaultSleep, type RetryPolicy, withRetries } from '../retry';
import { type HubSpotHttpOptions, hubspotHttp } from './http';

/** How the client reaches HubSpot; everything but the token has a default. */
export interface HubSpotClientOptions extends HubSpotHttpOptions {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Tries per request within one page, and their backoff. */
  retry?: RetryPolicy;
  /** A wait longer than this is not slept through within a page: the error goes to the engine. */
  maxWaitMs?: number;
}

/** A few quick tries within a page; the engine schedules a later run after that (STYLE.md §13). */
export const HUBSPOT_RETRY: RetryPolicy = { attempts: 4, baseMs: 500, maxMs: 10_000 };

type Query = Record<string, string | readonly string[] | undefined>;

/**
 * A minimal HubSpot API client: Bearer auth (§1), JSON, a timeout per request, and a bounded
 * number of retries with exponential backoff and full jitter that honour `Retry-After` and the
 * limit windows (lib/sync/retry.ts). Errors are SourceErrors; the token never appears in one.
 */
export class HubSpotClient {
  private readonly send: ReturnType<typeof hubspotHttp>;

  constructor(private readonly options: HubSpotClientOptions) {
    this.send = hubspotHttp(options);
  }

  /** GET with query parameters; arrays are sent as repeated parameters, as the official client does (§2). */
  get(path: string, query: Query, signal: AbortSignal): Promise<unknown> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      for (const item of typeof v === 'string' ? [v] : v) params.append(k, item);
    }
    const qs = params.toString();
    return this.request('GET', qs ? `${path}?${qs}` : path, undefined, signal);
  }

  post(path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    return this.request('POST', path, body, signal);
  }

  private request(method: string, path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    return withRetries(() => this.once(method, path, body, signal), {
      policy: this.options.retry ?? HUBSPOT_RETRY,
      random: this.options.random,
      sleep: this.options.sleep ?? defaultSleep,
      signal,
      maxWaitMs: this.options.maxWaitMs ?? 15_000,
    });
  }

  private async once(method: string, path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    const { text } = await this.send(method, path, body, signal);
    try {
      return JSON.parse(text);
    } catch (error) {
      // A proxy's error page with a 200: a retry may get the real answer.
      throw new SourceError('HubSpot sent an answer that is not JSON; trying again later.', {
        retryable: true,
        cause: error,
      });
    }
  }
}
