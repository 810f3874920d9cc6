/**
 * The test server's request handling, apart from any transport: authentication (§1), rate
 * limits (§8), scopes (§7), the injected faults and the routes. The HTTP server and the
 * in-process fetch (hubspot-server.ts) both hand it their requests.
 */

import { HubSpotApi } from './api';
import { errorBody, missingScopesBody, rateLimitBody, unauthorizedBody } from './bodies';
import { HubSpotData } from './data';
import { FaultProgramme } from './faults';
import { RateLimits } from './rate-limits';

export interface HubSpotServerOptions {
  /** The private-app token the server accepts (§1). */
  token?: string;
  /** Granular scopes of that token; an endpoint needing another answers 403 MISSING_SCOPES (§7). */
  scopes?: readonly string[];
  /** Requests per 10 s (§8: 100 on a free portal, 190 on Professional); `Infinity` to disable. */
  tenSecondlyLimit?: number;
  /** Requests per day (§8: 250,000 free). */
  dailyLimit?: number;
  /** Search requests per second (§3: five). */
  searchPerSecond?: number;
  /** The search API's result ceiling (§3: 10,000); smaller in tests. */
  searchCap?: number;
  /**
   * Multi-status batch writes when every input carries an `objectWriteTraceId` (§4, default);
   * `false` refuses a batch with any invalid input whole (the other reading of §4).
   */
  multiStatus?: boolean;
  /** The server's clock: modification dates and rate-limit windows. */
  now?: () => number;
}

export const DEFAULT_TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
export const ALL_READ_SCOPES = [
  'crm.objects.companies.read',
  'crm.objects.contacts.read',
  'crm.objects.deals.read',
  'crm.objects.owners.read',
  'crm.schemas.companies.read',
  'crm.schemas.contacts.read',
] as const;
/** The owners' scope (owners.ts): a token without it gets 403 on `GET /crm/v3/owners` only. */
export const OWNERS_SCOPE = 'crm.objects.owners.read';
/** The read scopes but the owners': a private app made before Tierlens read owners. */
export const READ_SCOPES_WITHOUT_OWNERS = ALL_READ_SCOPES.filter((s) => s !== OWNERS_SCOPE);
/** The deals' scope (lib/sync/hubspot/deals.ts): deals, their pipelines and associations need it. */
export const DEALS_SCOPE = 'crm.objects.deals.read';
/** The read scopes but the deals': a private app made before Tierlens read deals. */
export const READ_SCOPES_WITHOUT_DEALS = ALL_READ_SCOPES.filter((s) => s !== DEALS_SCOPE);
export const WRITE_SCOPES = ['crm.objects.companies.write', 'crm.objects.contacts.write'] as const;

/** One request as the server received it (the token itself is not kept). */
export interface RequestLog {
  method: string;
  path: string;
  query: Record<string, string[]>;
  body: unknown;
  authorized: boolean;
  /** The answer's status; -1 when none was given (a drop, a hang, a lost response). */
  status: number;
  at: number;
}

/** A request, as any transport hands it over. */
export interface PortalRequest {
  method: string;
  /** Path and query, e.g. `/crm/v3/objects/companies?limit=10`. */
  url: string;
  authorization?: string;
  body: string;
}

/** What becomes of a request: an answer, or none (the connection dropped, or it hangs). */
export type PortalOutcome =
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'drop' }
  | { kind: 'hang' };

/** The portal behind a test server: its data, faults and request log, and the handler. */
export interface HubSpotPortal {
  data: HubSpotData;
  requests: RequestLog[];
  faults: FaultProgramme;
  token: string;
  /** Changes the token's scopes. */
  setScopes(scopes: readonly string[]): void;
  /** Forgets the rate-limit windows (as if time had passed). */
  resetRateLimits(): void;
  handle(request: PortalRequest): Promise<PortalOutcome>;
}

function json(status: number, payload: unknown, headers: Record<string, string> = {}): PortalOutcome {
  const extra: Record<string, string> = { ...headers };
  // §7: the correlation id is repeated in a header.
  if (isErrorPayload(payload)) extra['x-hubspot-correlation-id'] = payload.correlationId;
  return {
    kind: 'answer',
    status,
    headers: { 'content-type': 'application/json;charset=utf-8', ...extra },
    body: JSON.stringify(payload),
  };
}

function isErrorPayload(p: unknown): p is { correlationId: string } {
  return typeof p === 'object' && p !== null && typeof (p as { correlationId?: unknown }).correlationId === 'string';
}

/** A portal with these options; nothing listens yet. */
export function createPortal(options: HubSpotServerOptions = {}): HubSpotPortal {
  const now = options.now ?? Date.now;
  const data = new HubSpotData(now);
  const faults = new FaultProgramme();
  const requests: RequestLog[] = [];
  const token = options.token ?? DEFAULT_TOKEN;
  let scopes = new Set<string>(options.scopes ?? [...ALL_READ_SCOPES, ...WRITE_SCOPES]);
  const limits = new RateLimits(now, {
    tenSecondly: options.tenSecondlyLimit ?? 100,
    daily: options.dailyLimit ?? 250_000,
    searchPerSecond: options.searchPerSecond ?? 5,
  });
  const api = new HubSpotApi(data, {
    searchCap: options.searchCap ?? 10_000,
    multiStatus: options.multiStatus ?? true,
    clock: now,
  });

  async function handle(request: PortalRequest): Promise<PortalOutcome> {
    const url = new URL(request.url, 'http://127.0.0.1');
    const { method } = request;
    let body: unknown;
    try {
      body = request.body ? JSON.parse(request.body) : undefined;
    } catch {
      body = request.body;
    }
    const query: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) query[k] = [...(query[k] ?? []), v];
    const authorized = request.authorization === `Bearer ${token}`;
    const log: RequestLog = { method, path: url.pathname, query, body, authorized, status: 0, at: now() };
    requests.push(log);
    const answer = (outcome: PortalOutcome): PortalOutcome => {
      log.status = outcome.kind === 'answer' ? outcome.status : -1;
      return outcome;
    };

    const fault = faults.take(method, url.pathname);
    if (fault?.kind === 'drop' || fault?.kind === 'hang') return answer({ kind: fault.kind });
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'status') {
      // §7: 5xx bodies vary, often an HTML page.
      return answer({
        kind: 'answer',
        status: fault.status,
        headers: { 'content-type': 'text/html', ...fault.headers },
        body: fault.body ?? `<html><body>${fault.status}</body></html>`,
      });
    }
    const search = method === 'POST' && url.pathname.endsWith('/search');
    if (fault?.kind === 'rate-limit') {
      const headers: Record<string, string> = fault.retryAfter ? { 'retry-after': fault.retryAfter } : {};
      return answer(json(429, rateLimitBody(fault.policy), { ...limits.headers(search), ...headers }));
    }
    if (!authorized) return answer(json(401, unauthorizedBody()));
    const exceeded = limits.take(search);
    if (exceeded) return answer(json(429, rateLimitBody(exceeded), limits.headers(search)));
    const needed = api.scopeFor(method, url.pathname);
    if (needed && !scopes.has(needed)) return answer(json(403, missingScopesBody(needed), limits.headers(search)));
    let status: number;
    let payload: unknown;
    try {
      [status, payload] = api.route(method, url.pathname, url.searchParams, body, request.body.length);
    } catch (error) {
      return answer(json(500, errorBody('INTERNAL_ERROR', String(error))));
    }
    // The write landed; the answer never leaves.
    if (fault?.kind === 'lose-response') return answer({ kind: 'drop' });
    return answer(json(status, payload, limits.headers(search)));
  }

  return {
    data,
    requests,
    faults,
    token,
    setScopes: (next) => {
      scopes = new Set(next);
    },
    resetRateLimits: () => limits.reset(),
    handle,
  };
}
