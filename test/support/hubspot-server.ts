/**
 * A HubSpot-compatible HTTP server for tests, written from the cited contract
 * (/work/shared/reference/hubspot-api.md, "§n" below). It keeps CRM objects and their
 * associations in memory and serves the CRM v3 list/search/batch endpoints, the v4 association
 * endpoints and the properties endpoint with the contract's shapes, paging, limits, errors and
 * rate limits, plus a programme of injected faults. Every request is recorded.
 *
 * Where the contract says UNVERIFIED the server picks the strict reading, so that a client passing
 * against it does not depend on lenient behaviour: `limit` above the maximum is a 400, a
 * property asked for but empty is absent on list responses (§2 docs) and `null` on search
 * responses (§3 recordings), and 429s carry no `Retry-After` unless a fault adds one (§8).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A CRM object as the server stores it. Property values are strings, as on the wire (§6). */
export interface StoredObject {
  id: string;
  properties: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

/** An association between two objects; `primary` gives the contact→company "Primary" label (§5). */
export interface StoredAssociation {
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
  primary: boolean;
}

/** One request as the server received it (the token itself is not kept). */
export interface RequestLog {
  method: string;
  path: string;
  query: Record<string, string[]>;
  body: unknown;
  authorized: boolean;
  status: number;
  at: number;
}

/** Which requests a fault applies to; every given field must match. */
export interface RequestMatcher {
  method?: string;
  /** The path exactly (string) or by pattern. */
  path?: string | RegExp;
  /** Only search requests (`POST …/search`), or only the others. */
  search?: boolean;
}

/** What an injected fault does to a matching request. */
export type Fault =
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** A 429 with the contract's body for that limit (§8); `retryAfter` adds the header. */
  | { kind: 'rate-limit'; policy: 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY'; retryAfter?: string }
  /** Answers normally after `ms` (a slow server). */
  | { kind: 'delay'; ms: number }
  /** Never answers (until the client gives up or the server closes). */
  | { kind: 'hang' }
  /** Closes the connection without an answer. */
  | { kind: 'drop' };

interface FaultEntry {
  match: RequestMatcher;
  fault: Fault;
  remaining: number;
  skip: number;
}

/** The programme of injected faults: each entry applies to its next `times` matching requests. */
export class FaultProgramme {
  private entries: FaultEntry[] = [];

  /** Adds a fault for the next `times` (default 1) requests matching `match`, after skipping `skip` of them. */
  add(fault: Fault, options: { match?: RequestMatcher; times?: number; skip?: number } = {}): this {
    this.entries.push({ fault, match: options.match ?? {}, remaining: options.times ?? 1, skip: options.skip ?? 0 });
    return this;
  }

  /** Removes every pending fault. */
  clear(): void {
    this.entries = [];
  }

  /** Faults still to fire. */
  get pending(): number {
    return this.entries.reduce((n, e) => n + e.remaining, 0);
  }

  /** The fault for this request, consuming it; the first matching entry wins. */
  take(method: string, path: string): Fault | undefined {
    for (const entry of this.entries) {
      if (entry.remaining <= 0 || !matches(entry.match, method, path)) continue;
      if (entry.skip > 0) {
        entry.skip--;
        continue;
      }
      entry.remaining--;
      return entry.fault;
    }
    return undefined;
  }
}

function matches(m: RequestMatcher, method: string, path: string): boolean {
  if (m.method && m.method.toUpperCase() !== method) return false;
  if (typeof m.path === 'string' && m.path !== path) return false;
  if (m.path instanceof RegExp && !m.path.test(path)) return false;
  if (m.search !== undefined && m.search !== (method === 'POST' && path.endsWith('/search'))) return false;
  return true;
}

/** Object types the server serves (§2, §9 engagements). */
export const OBJECT_TYPES = [
  'companies',
  'contacts',
  'deals',
  'calls',
  'emails',
  'meetings',
  'notes',
  'tasks',
] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

/** The last-modified property of each type: contacts use `lastmodifieddate` (§3), and also carry `hs_lastmodifieddate`. */
export function modifiedProperty(type: string): string {
  return type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';
}

const SINGULAR: Record<string, string> = {
  companies: 'company',
  contacts: 'contact',
  deals: 'deal',
  calls: 'call',
  emails: 'email',
  meetings: 'meeting',
  notes: 'note',
  tasks: 'task',
};

/** The in-memory CRM: objects per type and associations, with helpers to seed and modify them. */
export class HubSpotData {
  readonly objects = new Map<string, Map<string, StoredObject>>(OBJECT_TYPES.map((t) => [t, new Map()]));
  readonly associations: StoredAssociation[] = [];
  private nextId = 1_000_000;
  private lastStamp = 0;

  constructor(private readonly clock: () => number) {}

  /** A modification time: the clock, made strictly increasing so that ordinary edits do not tie. */
  private stamp(): number {
    this.lastStamp = Math.max(this.clock(), this.lastStamp + 1);
    return this.lastStamp;
  }

  /** Creates an object with these properties; `at` sets its creation and modification time. */
  create(type: ObjectType, properties: Record<string, string> = {}, at = this.stamp()): StoredObject {
    const id = String(this.nextId++);
    const object: StoredObject = { id, properties: {}, createdAt: at, updatedAt: at, archived: false };
    object.properties = { ...properties, hs_object_id: id, createdate: new Date(at).toISOString() };
    setModified(type, object, at);
    this.table(type).set(id, object);
    return object;
  }

  /** Changes properties of an object and bumps its last-modified date (to `at`, or now). */
  modify(type: ObjectType, id: string, properties: Record<string, string> = {}, at = this.stamp()): StoredObject {
    const object = this.get(type, id);
    if (!object) throw new Error(`no ${type} ${id}`);
    Object.assign(object.properties, properties);
    setModified(type, object, at);
    return object;
  }

  /** Archives (soft-deletes) an object: it leaves lists and search, and appears with `archived=true`. */
  archive(type: ObjectType, id: string, at = this.stamp()): void {
    const object = this.get(type, id);
    if (!object) throw new Error(`no ${type} ${id}`);
    object.archived = true;
    setModified(type, object, at);
  }

  /** Associates two objects (both directions are served). */
  associate(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string, primary = true): void {
    this.associations.push({ fromType, fromId, toType, toId, primary });
  }

  get(type: string, id: string): StoredObject | undefined {
    return this.objects.get(type)?.get(id);
  }

  table(type: string): Map<string, StoredObject> {
    const table = this.objects.get(type);
    if (!table) throw new Error(`unknown object type ${type}`);
    return table;
  }

  /** Associations of one object towards a type, as `{id, primary}` (either direction). */
  associationsOf(type: string, id: string, toType: string): Array<{ id: string; primary: boolean }> {
    const out: Array<{ id: string; primary: boolean }> = [];
    for (const a of this.associations) {
      if (a.fromType === type && a.fromId === id && a.toType === toType) out.push({ id: a.toId, primary: a.primary });
      else if (a.toType === type && a.toId === id && a.fromType === toType)
        out.push({ id: a.fromId, primary: a.primary });
    }
    return out;
  }

  /**
   * Seeds `n` companies with the ABM fields filled in a predictable pattern (tiers, target flags,
   * LinkedIn pages, countries), overridable per index. `at(i)` sets their modification time.
   */
  seedCompanies(
    n: number,
    options: { props?: (i: number) => Record<string, string>; at?: (i: number) => number } = {},
  ): StoredObject[] {
    const base = this.clock() - n * 1000;
    return Array.from({ length: n }, (_, i) =>
      this.create('companies', { ...generatedCompany(i), ...options.props?.(i) }, options.at?.(i) ?? base + i * 1000),
    );
  }

  /**
   * Seeds `n` contacts, each associated with a company of `companyIds` in turn (primary), or with
   * none when `companyIds` is empty.
   */
  seedContacts(
    n: number,
    options: {
      companyIds?: readonly string[];
      props?: (i: number) => Record<string, string>;
      at?: (i: number) => number;
    } = {},
  ): StoredObject[] {
    const base = this.clock() - n * 1000;
    const companies = options.companyIds ?? [];
    return Array.from({ length: n }, (_, i) => {
      const contact = this.create(
        'contacts',
        { ...generatedContact(i), ...options.props?.(i) },
        options.at?.(i) ?? base + i * 1000,
      );
      const companyId = companies[i % Math.max(1, companies.length)];
      if (companyId) this.associate('contacts', contact.id, 'companies', companyId, true);
      return contact;
    });
  }

  /** Seeds `n` engagement objects (meetings, calls…) associated with companies in turn. */
  seedEngagements(
    n: number,
    type: Extract<ObjectType, 'calls' | 'emails' | 'meetings' | 'notes' | 'tasks'>,
    options: { companyIds?: readonly string[]; at?: (i: number) => number } = {},
  ): StoredObject[] {
    const base = this.clock() - n * 1000;
    const companies = options.companyIds ?? [];
    return Array.from({ length: n }, (_, i) => {
      const at = options.at?.(i) ?? base + i * 1000;
      const object = this.create(type, { hs_timestamp: new Date(at).toISOString() }, at);
      const companyId = companies[i % Math.max(1, companies.length)];
      if (companyId) this.associate(type, object.id, 'companies', companyId, false);
      return object;
    });
  }
}

function setModified(type: string, object: StoredObject, at: number): void {
  object.updatedAt = at;
  const iso = new Date(at).toISOString();
  object.properties.hs_lastmodifieddate = iso;
  if (type === 'contacts') object.properties.lastmodifieddate = iso;
}

const TIERS = ['tier_1', 'tier_2', 'tier_3', ''];
const COUNTRIES = ['United States', 'Germany', 'Sweden', 'United Kingdom', 'France'];
const ROLES = ['DECISION_MAKER', 'CHAMPION;BUDGET_HOLDER', 'INFLUENCER', '', 'END_USER;BLOCKER'];

/** The properties of generated company `i`: every ABM field the adapter reads, varied by index. */
export function generatedCompany(i: number): Record<string, string> {
  return {
    name: `Company ${i}`,
    domain: `company-${i}.example.com`,
    industry: i % 2 ? 'COMPUTER_SOFTWARE' : 'FINANCIAL_SERVICES',
    numberofemployees: String(10 + i * 7),
    annualrevenue: String(1_000_000 + i * 1000),
    country: COUNTRIES[i % COUNTRIES.length] ?? '',
    linkedin_company_page: `https://www.linkedin.com/company/company-${i}/`,
    hs_ideal_customer_profile: TIERS[i % TIERS.length] ?? '',
    hs_is_target_account: i % 3 === 0 ? 'true' : 'false',
    hubspot_owner_id: String(100 + (i % 4)),
    lifecyclestage: 'customer',
  };
}

/** The properties of generated contact `i`. */
export function generatedContact(i: number): Record<string, string> {
  return {
    firstname: `First${i}`,
    lastname: `Last${i}`,
    email: `person${i}@example.com`,
    jobtitle: `Title ${i}`,
    hs_buying_role: ROLES[i % ROLES.length] ?? '',
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

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
  /** The server's clock: modification dates and rate-limit windows. */
  now?: () => number;
}

export const DEFAULT_TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
export const ALL_READ_SCOPES = [
  'crm.objects.companies.read',
  'crm.objects.contacts.read',
  'crm.objects.deals.read',
  'crm.schemas.companies.read',
  'crm.schemas.contacts.read',
] as const;
export const WRITE_SCOPES = ['crm.objects.companies.write', 'crm.objects.contacts.write'] as const;

/** A running server. */
export interface HubSpotServer {
  /** Base URL, e.g. `http://127.0.0.1:53124` (use as the adapter's `apiBase`). */
  url: string;
  data: HubSpotData;
  requests: RequestLog[];
  faults: FaultProgramme;
  token: string;
  /** Changes the token's scopes. */
  setScopes(scopes: readonly string[]): void;
  /** Forgets the rate-limit windows (as if time had passed). */
  resetRateLimits(): void;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 on a random port. */
export async function startHubSpotServer(options: HubSpotServerOptions = {}): Promise<HubSpotServer> {
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
  const sockets = new Set<Socket>();
  const api = new HubSpotApi(data, options.searchCap ?? 10_000);

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL_ERROR', String(error)));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const query: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) query[k] = [...(query[k] ?? []), v];
    const authorized = req.headers.authorization === `Bearer ${token}`;
    const log: RequestLog = { method, path: url.pathname, query, body, authorized, status: 0, at: now() };
    requests.push(log);
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      log.status = status;
      sendJson(res, status, payload, headers);
    };

    const fault = faults.take(method, url.pathname);
    if (fault?.kind === 'drop') {
      log.status = -1;
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'hang') {
      log.status = -1;
      return;
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'status') {
      log.status = fault.status;
      res.writeHead(fault.status, { 'content-type': 'text/html', ...fault.headers });
      res.end(fault.body ?? `<html><body>${fault.status}</body></html>`);
      return;
    }
    const search = method === 'POST' && url.pathname.endsWith('/search');
    if (fault?.kind === 'rate-limit') {
      const headers: Record<string, string> = fault.retryAfter ? { 'retry-after': fault.retryAfter } : {};
      return reply(429, rateLimitBody(fault.policy), { ...limits.headers(search), ...headers });
    }
    if (!authorized) return reply(401, unauthorizedBody());
    const exceeded = limits.take(search);
    if (exceeded) return reply(429, rateLimitBody(exceeded), limits.headers(search));
    const needed = api.scopeFor(method, url.pathname);
    if (needed && !scopes.has(needed)) return reply(403, missingScopesBody(needed), limits.headers(search));
    const [status, payload] = api.route(method, url.pathname, url.searchParams, body, raw.length);
    reply(status, payload, limits.headers(search));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    data,
    requests,
    faults,
    token,
    setScopes: (next) => {
      scopes = new Set(next);
    },
    resetRateLimits: () => limits.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const extra: Record<string, string> = { ...headers };
  if (isErrorPayload(payload)) extra['x-hubspot-correlation-id'] = payload.correlationId;
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...extra });
  res.end(JSON.stringify(payload));
}

function isErrorPayload(p: unknown): p is { correlationId: string } {
  return typeof p === 'object' && p !== null && typeof (p as { correlationId?: unknown }).correlationId === 'string';
}

/** §7 top-level error. */
export function errorBody(category: string, message: string, extra: Record<string, unknown> = {}) {
  return { status: 'error', message, correlationId: randomUUID(), category, ...extra };
}

/** §1: the body HubSpot answers a wrong or missing token with. */
export function unauthorizedBody() {
  return errorBody(
    'INVALID_AUTHENTICATION',
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  );
}

function missingScopesBody(scope: string) {
  return errorBody('MISSING_SCOPES', 'This app hasn\u2019t been granted all required scopes to make this call.', {
    errors: [
      { message: `One or more of the following scopes are required.`, context: { requiredGranularScopes: [scope] } },
    ],
    links: { scopes: 'https://developers.hubspot.com/scopes' },
  });
}

/** §8: the 429 bodies, by the limit hit. */
export function rateLimitBody(policy: 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY') {
  if (policy === 'SECONDLY') return errorBody('RATE_LIMITS', 'You have reached your secondly limit.');
  return {
    status: 'error',
    message:
      policy === 'DAILY' ? 'You have reached your daily limit.' : 'You have reached your ten_secondly_rolling limit.',
    errorType: 'RATE_LIMIT',
    correlationId: randomUUID(),
    policyName: policy,
    requestId: randomUUID(),
  };
}

/** The per-10-second, per-second (search) and daily buckets of §8, on the server's clock. */
class RateLimits {
  private tenSecond: number[] = [];
  private searchSecond: number[] = [];
  private day = { start: 0, count: 0 };

  constructor(
    private readonly now: () => number,
    private readonly max: { tenSecondly: number; daily: number; searchPerSecond: number },
  ) {}

  reset(): void {
    this.tenSecond = [];
    this.searchSecond = [];
    this.day = { start: 0, count: 0 };
  }

  /** Counts a request; the policy it exceeds, if any. Search is exempt from the 10 s window (§3). */
  take(search: boolean): 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY' | undefined {
    const t = this.now();
    const midnight = startOfUtcDay(t);
    if (this.day.start !== midnight) this.day = { start: midnight, count: 0 };
    if (this.day.count >= this.max.daily) return 'DAILY';
    if (search) {
      this.searchSecond = this.searchSecond.filter((x) => x > t - 1000);
      if (this.searchSecond.length >= this.max.searchPerSecond) return 'SECONDLY';
      this.searchSecond.push(t);
    } else {
      this.tenSecond = this.tenSecond.filter((x) => x > t - 10_000);
      if (this.tenSecond.length >= this.max.tenSecondly) return 'TEN_SECONDLY_ROLLING';
      this.tenSecond.push(t);
    }
    this.day.count++;
    return undefined;
  }

  /** §8 headers: the full set on ordinary responses, only the Daily pair on search responses. */
  headers(search: boolean): Record<string, string> {
    const daily = {
      'x-hubspot-ratelimit-daily': String(this.max.daily),
      'x-hubspot-ratelimit-daily-remaining': String(Math.max(0, this.max.daily - this.day.count)),
    };
    if (search) return daily;
    const inWindow = this.tenSecond.filter((x) => x > this.now() - 10_000).length;
    const lastSecond = this.tenSecond.filter((x) => x > this.now() - 1000).length;
    const secondly = Math.ceil(this.max.tenSecondly / 10);
    return {
      ...daily,
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-max': String(this.max.tenSecondly),
      'x-hubspot-ratelimit-remaining': String(Math.max(0, this.max.tenSecondly - inWindow)),
      'x-hubspot-ratelimit-secondly': String(secondly),
      'x-hubspot-ratelimit-secondly-remaining': String(Math.max(0, secondly - lastSecond)),
    };
  }
}

/** The daily limit resets at midnight in the portal's time zone (§8); the server's portal is on UTC. */
export function startOfUtcDay(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

// ---------------------------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------------------------

type Reply = [status: number, payload: unknown];

const LIST_MAX = 100; // §2
const SEARCH_MAX = 200; // §3
const BATCH_MAX = 100; // §4; the v4 association batch cap is UNVERIFIED, held to the same
const SEARCH_MAX_CHARS = 3000; // §3
const ENGAGEMENTS = new Set(['calls', 'emails', 'meetings', 'notes', 'tasks']);

const DEFAULT_PROPERTIES: Record<string, string[]> = {
  companies: ['name', 'domain', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  contacts: ['firstname', 'lastname', 'email', 'lastmodifieddate', 'hs_object_id', 'createdate'],
};

function validation(message: string): Reply {
  return [400, errorBody('VALIDATION_ERROR', message)];
}

function notFound(message: string): Reply {
  return [404, errorBody('OBJECT_NOT_FOUND', message)];
}

/** A property value as a number when it is one or a date (ISO or epoch ms, §3 "Dates"). */
function comparable(value: string): number | string {
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return t;
  }
  return value;
}

function compare(a: string, b: string): number {
  const x = comparable(a);
  const y = comparable(b);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
}

function byNumericId(a: StoredObject, b: StoredObject): number {
  return Number(a.id) - Number(b.id);
}

interface Filter {
  propertyName?: unknown;
  operator?: unknown;
  value?: unknown;
  values?: unknown;
  highValue?: unknown;
}

/** The routes of the API over the in-memory data. */
export class HubSpotApi {
  constructor(
    private readonly data: HubSpotData,
    private readonly searchCap: number,
  ) {}

  /** The granular scope a request needs (names as HubSpot's scopes page gives them; engagements ride on contacts). */
  scopeFor(method: string, path: string): string | undefined {
    const object = /^\/crm\/v[34]\/(?:objects|associations)\/([^/]+)/.exec(path)?.[1];
    const schema = /^\/crm\/v3\/properties\/([^/]+)/.exec(path)?.[1];
    if (schema) return `crm.schemas.${schema}.read`;
    if (!object) return undefined;
    const type = ENGAGEMENTS.has(object) ? 'contacts' : object;
    const write = method === 'PATCH' || path.endsWith('/batch/update');
    return `crm.objects.${type}.${write ? 'write' : 'read'}`;
  }

  route(method: string, path: string, params: URLSearchParams, body: unknown, rawLength: number): Reply {
    const parts = path.split('/').filter(Boolean);
    const [crm, version, kind, type, ...rest] = parts;
    if (crm !== 'crm') return notFound(`No route for ${method} ${path}`);
    if (version === 'v3' && kind === 'properties' && type) return this.properties(type, rest[0]);
    if (version === 'v4' && kind === 'associations' && type && rest[0] && rest[1] === 'batch' && rest[2] === 'read')
      return method === 'POST' ? this.v4Batch(type, rest[0], body) : notFound(path);
    if (version === 'v4' && kind === 'objects' && type && rest[0] && rest[1] === 'associations' && rest[2])
      return this.v4Single(type, rest[0], rest[2], params);
    if (version !== 'v3' || kind !== 'objects' || !type) return notFound(`No route for ${method} ${path}`);
    if (!this.data.objects.has(type)) return validation(`Unable to infer object type from: ${type}`);
    const [first, second] = rest;
    if (!first && method === 'GET') return this.list(type, params);
    if (first === 'search' && !second && method === 'POST') return this.search(type, body, rawLength);
    if (first === 'batch' && second === 'read' && method === 'POST') return this.batchRead(type, body, params);
    if (first === 'batch' && second === 'update' && method === 'POST') return this.batchUpdate(type, body);
    if (first && !second && method === 'GET') return this.getOne(type, first, params);
    if (first && !second && method === 'PATCH') return this.patch(type, first, body);
    return notFound(`No route for ${method} ${path}`);
  }

  /** §2/§3: the requested properties plus the system ones; a missing value is absent, or `null` when `nulls`. */
  private project(type: string, o: StoredObject, requested: string[], nulls: boolean) {
    const names = requested.length
      ? [...new Set([...requested, 'createdate', modifiedProperty(type), 'hs_object_id'])]
      : (DEFAULT_PROPERTIES[type] ?? ['createdate', 'hs_lastmodifieddate', 'hs_object_id']);
    const properties: Record<string, string | null> = {};
    for (const name of names) {
      const value = o.properties[name];
      if (value !== undefined && value !== '') properties[name] = value;
      else if (nulls) properties[name] = null;
    }
    return {
      id: o.id,
      properties,
      createdAt: new Date(o.createdAt).toISOString(),
      updatedAt: new Date(o.updatedAt).toISOString(),
      archived: o.archived,
      ...(o.archived ? { archivedAt: new Date(o.updatedAt).toISOString() } : {}),
    };
  }

  /** §2 `associations=companies`: primary ids appear once per label (`contact_to_company` and `…_unlabeled`). */
  private listAssociations(type: string, id: string, toTypes: string[]) {
    const out: Record<string, { results: Array<{ id: string; type: string }> }> = {};
    for (const toType of toTypes) {
      if (!this.data.objects.has(toType)) continue; // "If any of the specified associations do not exist, they will be ignored."
      const label = `${SINGULAR[type]}_to_${SINGULAR[toType]}`;
      const results = this.data.associationsOf(type, id, toType).flatMap((a) => {
        const unlabeled = { id: a.id, type: `${label}_unlabeled` };
        return a.primary ? [{ id: a.id, type: label }, unlabeled] : [unlabeled];
      });
      if (results.length) out[toType] = { results };
    }
    return out;
  }

  private list(type: string, params: URLSearchParams): Reply {
    const limit = parseLimit(params.get('limit'), 10, LIST_MAX);
    if (typeof limit === 'string') return validation(limit);
    const archived = params.get('archived') === 'true';
    const after = params.get('after');
    if (after !== null && !/^\d+$/.test(after)) return validation(`Invalid paging cursor: ${after}`);
    const properties = multi(params, 'properties');
    const associations = multi(params, 'associations');
    const rows = [...this.data.table(type).values()]
      .filter((o) => o.archived === archived && (after === null || Number(o.id) >= Number(after)))
      .sort(byNumericId);
    const page = rows.slice(0, limit);
    const next = rows[limit];
    const results = page.map((o) => {
      const assoc = associations.length ? this.listAssociations(type, o.id, associations) : {};
      return {
        ...this.project(type, o, properties, false),
        ...(Object.keys(assoc).length ? { associations: assoc } : {}),
      };
    });
    const paging = next ? { paging: { next: { after: next.id, link: `?after=${next.id}` } } } : {};
    return [200, { results, ...paging }];
  }

  private getOne(type: string, id: string, params: URLSearchParams): Reply {
    const o = this.data.get(type, id);
    if (!o || o.archived !== (params.get('archived') === 'true'))
      return notFound(`Object not found.  objectId are usually numeric.`);
    const assoc = this.listAssociations(type, id, multi(params, 'associations'));
    return [
      200,
      {
        ...this.project(type, o, multi(params, 'properties'), false),
        ...(Object.keys(assoc).length ? { associations: assoc } : {}),
      },
    ];
  }

  private search(type: string, body: unknown, rawLength: number): Reply {
    if (rawLength > SEARCH_MAX_CHARS) return validation(`The request body exceeds ${SEARCH_MAX_CHARS} characters.`);
    const req = (body ?? {}) as Record<string, unknown>;
    const limit = parseLimit(req.limit === undefined ? null : String(req.limit), 10, SEARCH_MAX);
    if (typeof limit === 'string') return validation(limit);
    const after = req.after === undefined || req.after === null ? '0' : String(req.after);
    if (!/^\d+$/.test(after)) return validation(`after must be an integer, got ${after}`);
    const offset = Number(after);
    if (offset >= this.searchCap)
      return validation(`Paging beyond ${this.searchCap} results is not supported. Refine the query.`);
    const groups = Array.isArray(req.filterGroups) ? (req.filterGroups as Array<{ filters?: Filter[] }>) : [];
    const total = groups.reduce((n, g) => n + (g.filters?.length ?? 0), 0);
    if (groups.length > 5 || groups.some((g) => (g.filters?.length ?? 0) > 6) || total > 18)
      return validation('Too many filters: at most 5 filterGroups of 6 filters, 18 in all.');
    const sorts = Array.isArray(req.sorts) ? req.sorts : [];
    if (sorts.length > 1) return validation('Only one sort is supported.');
    const sort = parseSort(sorts[0]);
    const properties = Array.isArray(req.properties) ? req.properties.map(String) : [];
    const query = typeof req.query === 'string' ? req.query.toLowerCase() : '';
    let rows: StoredObject[];
    try {
      rows = [...this.data.table(type).values()].filter(
        (o) =>
          !o.archived &&
          (!groups.length || groups.some((g) => (g.filters ?? []).every((f) => this.test(type, o, f)))) &&
          (!query || Object.values(o.properties).some((v) => v.toLowerCase().includes(query))),
      );
    } catch (error) {
      return validation(error instanceof Error ? error.message : String(error));
    }
    // Default order is by creation (§3); ties fall back to the id, so paging is deterministic.
    rows.sort((a, b) => {
      if (!sort) return a.createdAt - b.createdAt || byNumericId(a, b);
      const x = a.properties[sort.name] ?? '';
      const y = b.properties[sort.name] ?? '';
      if (x === '' || y === '') return (x === '' ? 1 : 0) - (y === '' ? 1 : 0) || byNumericId(a, b);
      return (sort.descending ? -compare(x, y) : compare(x, y)) || byNumericId(a, b);
    });
    const end = Math.min(offset + limit, this.searchCap, rows.length);
    const page = rows.slice(offset, end);
    // At the ceiling HubSpot still hands back `after=10000`; using it is the 400 above (§3).
    const paging = end < rows.length ? { paging: { next: { after: String(end) } } } : {};
    return [200, { total: rows.length, results: page.map((o) => this.project(type, o, properties, true)), ...paging }];
  }

  private test(type: string, o: StoredObject, f: Filter): boolean {
    const name = String(f.propertyName ?? '');
    const op = String(f.operator ?? 'EQ');
    if (name.startsWith('associations.')) {
      const singular = name.slice('associations.'.length);
      const toType = Object.keys(SINGULAR).find((t) => SINGULAR[t] === singular) ?? singular;
      const ids = this.data.associationsOf(type, o.id, toType).map((a) => a.id);
      const has = ids.includes(String(f.value));
      return op === 'NEQ' ? !has : has;
    }
    const v = o.properties[name];
    const present = v !== undefined && v !== '';
    const value = f.value === undefined ? undefined : String(f.value);
    const values = Array.isArray(f.values) ? f.values.map(String) : [];
    switch (op) {
      case 'HAS_PROPERTY':
        return present;
      case 'NOT_HAS_PROPERTY':
        return !present;
      case 'IN':
        return present && values.some((x) => compare(v, x) === 0);
      case 'NOT_IN':
        return !present || !values.some((x) => compare(v, x) === 0);
      case 'NEQ':
        return !present || value === undefined || compare(v, value) !== 0;
    }
    if (!present) return false;
    if (value === undefined) throw new Error(`Filter on ${name} with ${op} needs a value.`);
    const c = compare(v, value);
    switch (op) {
      case 'EQ':
        return c === 0;
      case 'LT':
        return c < 0;
      case 'LTE':
        return c <= 0;
      case 'GT':
        return c > 0;
      case 'GTE':
        return c >= 0;
      case 'BETWEEN':
        return c >= 0 && compare(v, String(f.highValue ?? '')) <= 0;
      case 'CONTAINS_TOKEN':
        return tokenMatch(v, value);
      case 'NOT_CONTAINS_TOKEN':
        return !tokenMatch(v, value);
      default:
        throw new Error(`Unknown operator ${op}.`);
    }
  }

  private batchRead(type: string, body: unknown, params: URLSearchParams): Reply {
    const req = (body ?? {}) as { inputs?: Array<{ id?: unknown }>; properties?: unknown };
    if (!Array.isArray(req.inputs)) return validation('inputs is required.');
    if (!Array.isArray(req.properties)) return validation('properties is required.');
    if (req.inputs.length > BATCH_MAX)
      return validation(`Batch of ${req.inputs.length} inputs; the limit is ${BATCH_MAX}.`);
    const archived = params.get('archived') === 'true';
    const properties = req.properties.map(String);
    const results = [];
    const missing: string[] = [];
    for (const input of req.inputs) {
      const o = this.data.get(type, String(input.id));
      if (o && o.archived === archived) results.push(this.project(type, o, properties, false));
      else missing.push(String(input.id));
    }
    return batchReply(results, missing.length ? [objectNotFound(type, missing)] : []);
  }

  private batchUpdate(type: string, body: unknown): Reply {
    const req = (body ?? {}) as { inputs?: Array<{ id?: unknown; properties?: Record<string, unknown> }> };
    if (!Array.isArray(req.inputs)) return validation('inputs is required.');
    if (req.inputs.length > BATCH_MAX)
      return validation(`Batch of ${req.inputs.length} inputs; the limit is ${BATCH_MAX}.`);
    const results = [];
    const missing: string[] = [];
    for (const input of req.inputs) {
      const id = String(input.id);
      if (!this.data.get(type, id)) {
        missing.push(id);
        continue;
      }
      const props = stringProps(input.properties);
      const o = this.data.modify(type as ObjectType, id, props);
      // §4: a batch update answers with the sent properties plus the system ones.
      results.push(this.project(type, o, Object.keys(props), false));
    }
    return batchReply(results, missing.length ? [objectNotFound(type, missing)] : []);
  }

  private patch(type: string, id: string, body: unknown): Reply {
    if (!this.data.get(type, id)) return notFound('Object not found.');
    const props = stringProps((body as { properties?: Record<string, unknown> } | undefined)?.properties);
    const o = this.data.modify(type as ObjectType, id, props);
    return [200, this.project(type, o, Object.keys(o.properties), false)];
  }

  /** §5 association types: contact→company primary 1, unlabeled 279; company→contact 2 and 280. */
  private associationTypes(from: string, to: string, primary: boolean) {
    const ids: Record<string, [number, number]> = { 'contacts>companies': [1, 279], 'companies>contacts': [2, 280] };
    const [primaryId, unlabeledId] = ids[`${from}>${to}`] ?? [0, 0];
    const unlabeled = { category: 'HUBSPOT_DEFINED', typeId: unlabeledId, label: null };
    return primary ? [{ category: 'HUBSPOT_DEFINED', typeId: primaryId, label: 'Primary' }, unlabeled] : [unlabeled];
  }

  private v4To(from: string, id: string, to: string) {
    // Recorded captures carry `toObjectId` as a JSON number though the spec says string (§5): served as numbers.
    return this.data
      .associationsOf(from, id, to)
      .map((a) => ({ toObjectId: Number(a.id), associationTypes: this.associationTypes(from, to, a.primary) }));
  }

  private v4Single(from: string, id: string, to: string, params: URLSearchParams): Reply {
    if (!this.data.objects.has(from) || !this.data.objects.has(to)) return validation(`Unknown object type.`);
    const limit = parseLimit(params.get('limit'), 500, 500);
    if (typeof limit === 'string') return validation(limit);
    const offset = Number(params.get('after') ?? 0);
    const all = this.v4To(from, id, to);
    const end = offset + limit;
    const paging = end < all.length ? { paging: { next: { after: String(end), link: `?after=${end}` } } } : {};
    return [200, { results: all.slice(offset, end), ...paging }];
  }

  private v4Batch(from: string, to: string, body: unknown): Reply {
    if (!this.data.objects.has(from) || !this.data.objects.has(to)) return validation(`Unknown object type.`);
    const req = (body ?? {}) as { inputs?: Array<{ id?: unknown }> };
    if (!Array.isArray(req.inputs)) return validation('inputs is required.');
    if (req.inputs.length > BATCH_MAX)
      return validation(`Batch of ${req.inputs.length} inputs; the limit is ${BATCH_MAX}.`);
    const results = [];
    const errors = [];
    for (const input of req.inputs) {
      const id = String(input.id);
      const targets = this.v4To(from, id, to);
      if (targets.length) results.push({ from: { id }, to: targets });
      else
        errors.push({
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
          message: `No ${SINGULAR[to]} is associated with ${SINGULAR[from]} ${id}.`,
          context: { fromObjectId: [id], fromObjectType: [SINGULAR[from]], toObjectType: [SINGULAR[to]] },
        });
    }
    return batchReply(results, errors);
  }

  private properties(type: string, name: string | undefined): Reply {
    const defs = PROPERTY_DEFINITIONS[type];
    if (!defs) return validation(`Unable to infer object type from: ${type}`);
    if (!name) return [200, { results: defs }];
    const def = defs.find((d) => d.name === name);
    return def ? [200, def] : notFound(`Unable to find property ${name}`);
  }
}

function batchReply(results: unknown[], errors: unknown[]): Reply {
  const stamp = new Date().toISOString();
  const base = { status: 'COMPLETE', results, startedAt: stamp, completedAt: stamp };
  return errors.length ? [207, { ...base, numErrors: errors.length, errors }] : [200, base];
}

function objectNotFound(type: string, ids: string[]) {
  const name = (SINGULAR[type] ?? type).toUpperCase();
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not get some ${name} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids },
  };
}

function stringProps(props: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(props ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** A `limit`, or the error message when it is not a positive integer up to `max` (UNVERIFIED above max: rejected). */
function parseLimit(raw: string | null, fallback: number, max: number): number | string {
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) return `limit must be a positive integer, got ${raw}`;
  if (Number(raw) > max) return `limit ${raw} is above the maximum of ${max}`;
  return Number(raw);
}

/** Array query parameters, in either form (§2): repeated (`a=x&a=y`) or comma separated (`a=x,y`). */
function multi(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function parseSort(raw: unknown): { name: string; descending: boolean } | undefined {
  if (typeof raw === 'string')
    return raw.startsWith('-') ? { name: raw.slice(1), descending: true } : { name: raw, descending: false };
  if (raw && typeof raw === 'object') {
    const s = raw as { propertyName?: unknown; direction?: unknown };
    return { name: String(s.propertyName), descending: s.direction === 'DESCENDING' };
  }
  return undefined;
}

function tokenMatch(value: string, token: string): boolean {
  const pattern = token
    .toLowerCase()
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*');
  return value
    .toLowerCase()
    .split(/\s+/)
    .some((word) => new RegExp(`^${pattern}$`).test(word));
}

interface PropertyDefinition {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  description: string;
  groupName: string;
  options: Array<{ label: string; value: string; displayOrder: number; hidden: boolean }>;
  hubspotDefined?: boolean;
}

function prop(
  name: string,
  label: string,
  type: string,
  fieldType: string,
  options: Array<[string, string]> = [],
): PropertyDefinition {
  return {
    name,
    label,
    type,
    fieldType,
    description: '',
    groupName: 'companyinformation',
    options: options.map(([value, l]) => ({ label: l, value, displayOrder: -1, hidden: false })),
    hubspotDefined: true,
  };
}

/** §6 definitions of the properties Tierlens reads. */
const PROPERTY_DEFINITIONS: Record<string, PropertyDefinition[]> = {
  companies: [
    prop('name', 'Company name', 'string', 'text'),
    prop('domain', 'Company Domain Name', 'string', 'text'),
    prop('industry', 'Industry', 'enumeration', 'select'),
    prop('numberofemployees', 'Number of Employees', 'number', 'number'),
    prop('annualrevenue', 'Annual Revenue', 'number', 'number'),
    prop('country', 'Country/Region', 'string', 'text'),
    prop('linkedin_company_page', 'LinkedIn Company Page', 'string', 'text'),
    prop('hs_ideal_customer_profile', 'Ideal Customer Profile Tier', 'enumeration', 'radio', [
      ['tier_1', 'Tier 1'],
      ['tier_2', 'Tier 2'],
      ['tier_3', 'Tier 3'],
    ]),
    prop('hs_is_target_account', 'Target Account', 'bool', 'booleancheckbox', [
      ['true', 'Yes'],
      ['false', 'No'],
    ]),
  ],
  contacts: [
    {
      ...prop('hs_buying_role', 'Buying Role', 'enumeration', 'checkbox', [
        ['BLOCKER', 'Blocker'],
        ['BUDGET_HOLDER', 'Budget Holder'],
        ['CHAMPION', 'Champion'],
        ['DECISION_MAKER', 'Decision Maker'],
        ['END_USER', 'End User'],
        ['EXECUTIVE_SPONSOR', 'Executive Sponsor'],
        ['INFLUENCER', 'Influencer'],
        ['LEGAL_AND_COMPLIANCE', 'Legal & Compliance'],
        ['OTHER', 'Other'],
      ]),
      groupName: 'deal_information',
    },
    prop('associatedcompanyid', 'Primary Associated Company ID', 'number', 'number'),
  ],
};
