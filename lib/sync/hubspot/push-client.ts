import { networkError, responseError } from './errors';

export interface PushClientOptions {
  token: string;
  apiBase?: string;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  /** One request's deadline; a timeout counts as a network error. */
  timeoutMs?: number;
}

/** An answer the writer reads itself: a success, or a refusal that names what was refused. */
export interface PushAnswer {
  status: number;
  body: unknown;
}

/** Refusals whose body says which input, property or record (§4, §7); every other failure throws. */
const READ_REFUSALS = new Set([400, 404, 409]);

/**
 * The write path's HTTP client: Bearer auth (§1), JSON, a deadline per request, no retries of
 * its own (the outbox is the retry loop: each failure is recorded, with its backoff, before
 * anything is tried again). Unlike the read client (client.ts), a 400, 404 or 409 is answered,
 * not thrown: the writer needs its body to tell which input and which property HubSpot
 * refused. Network errors, 401/403, 423, 429 and 5xx throw the read path's SourceErrors, with
 * their `Retry-After`; the token never appears in one.
 */
export class HubSpotPushClient {
  private readonly base: string;
  private readonly fetch: typeof globalThis.fetch;

  constructor(private readonly options: PushClientOptions) {
    this.base = (options.apiBase ?? 'https://api.hubapi.com').replace(/\/+$/, '');
    // Bound so that `fetch` is not called as a method of this object (browsers throw "Illegal invocation").
    const f = options.fetch ?? globalThis.fetch;
    this.fetch = (input, init) => f(input, init);
  }

  async send(method: 'POST' | 'PUT', path: string, body: unknown, signal: AbortSignal): Promise<PushAnswer> {
    const now = this.options.now ?? Date.now;
    const redact = (s: string) => s.split(this.options.token).join('[token]');
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs ?? 30_000)]),
      });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw signal.reason; // the run was stopped: not a network error
      throw networkError(error, redact);
    }
    if (!response.ok && !READ_REFUSALS.has(response.status))
      throw responseError(response.status, text, response.headers, now(), redact);
    return { status: response.status, body: parse(text) };
  }
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}
