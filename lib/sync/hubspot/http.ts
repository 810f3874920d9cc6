import { networkError, responseError } from './errors';

/** How both HubSpot clients (read and write) reach the API; everything but the token has a default. */
export interface HubSpotHttpOptions {
  token: string;
  apiBase?: string;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  /** One request's deadline; a timeout counts as a network error. */
  timeoutMs?: number;
}

/** An answer read whole: its status and its text. */
export interface HubSpotReply {
  status: number;
  text: string;
}

/**
 * One request to HubSpot, as both clients send it: Bearer auth (§1), JSON, a deadline. Network
 * errors, and the statuses `answered` does not list, throw SourceErrors (with `Retry-After`);
 * the token never appears in one. A stopped run's abort is rethrown as it is.
 */
export function hubspotHttp(options: HubSpotHttpOptions) {
  const base = (options.apiBase ?? 'https://api.hubapi.com').replace(/\/+$/, '');
  // Not called as a method of the options object (browsers throw "Illegal invocation").
  const f = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const redact = (s: string) => s.split(options.token).join('[token]');
  return async (
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal,
    answered: ReadonlySet<number> = new Set(),
  ): Promise<HubSpotReply> => {
    let response: Response;
    let text: string;
    try {
      response = await f(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs ?? 30_000)]),
      });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw signal.reason; // the run was stopped: not a network error
      throw networkError(error, redact);
    }
    if (!response.ok && !answered.has(response.status))
      throw responseError(response.status, text, response.headers, now(), redact);
    return { status: response.status, text };
  };
}
