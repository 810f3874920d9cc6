import { type HubSpotHttpOptions, hubspotHttp } from './http';

export type PushClientOptions = HubSpotHttpOptions;

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
  private readonly http: ReturnType<typeof hubspotHttp>;

  constructor(options: PushClientOptions) {
    this.http = hubspotHttp(options);
  }

  async send(method: 'POST' | 'PUT', path: string, body: unknown, signal: AbortSignal): Promise<PushAnswer> {
    const { status, text } = await this.http(method, path, body, signal, READ_REFUSALS);
    return { status, body: parse(text) };
  }
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}
