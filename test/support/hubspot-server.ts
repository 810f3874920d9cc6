/**
 * A HubSpot-compatible server for tests, written from the cited contract
 * (/work/shared/reference/hubspot-api.md, "§n" in the modules under ./hubspot/). It keeps CRM
 * objects, their associations and the portal's property definitions in memory and serves the
 * CRM v3 list/search/batch read, update and upsert endpoints, the v4 association endpoints,
 * the owners list (./hubspot/owners.ts), the deal pipelines (./hubspot/pipelines.ts) and the properties endpoint with the contract's shapes, paging, limits, errors and rate limits,
 * plus a programme of injected faults. Every request is recorded, and every applied object
 * write is logged with its trace id (`data.writes`).
 *
 * Two transports: an HTTP server on 127.0.0.1 (`startHubSpotServer`, for the adapter's and the
 * end-to-end tests) and an in-process `fetch` (`inProcessHubSpot`, for property tests that
 * send thousands of requests and must not wait for sockets or timeouts).
 *
 * Where the contract says UNVERIFIED the server picks the strict reading, so that a client passing
 * against it does not depend on lenient behaviour: `limit` above the maximum is a 400, a
 * property asked for but empty is absent on list responses (§2 docs) and `null` on search
 * responses (§3 recordings), and 429s carry no `Retry-After` unless a fault adds one (§8).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createPortal, type HubSpotPortal, type HubSpotServerOptions } from './hubspot/portal';

export { errorBody, rateLimitBody, unauthorizedBody } from './hubspot/bodies';
export {
  type AppliedWrite,
  generatedCompany,
  generatedContact,
  generatedDeal,
  HubSpotData,
  modifiedProperty,
  OBJECT_TYPES,
  type ObjectType,
  type StoredAssociation,
  type StoredObject,
} from './hubspot/data';
export { type Fault, FaultProgramme, type RequestMatcher } from './hubspot/faults';
export { OWNERS_MAX, type StoredOwner } from './hubspot/owners';
export { defaultPipelines, type StoredPipeline, type StoredStage } from './hubspot/pipelines';
export {
  ALL_READ_SCOPES,
  DEALS_SCOPE,
  DEFAULT_TOKEN,
  type HubSpotPortal,
  type HubSpotServerOptions,
  OWNERS_SCOPE,
  READ_SCOPES_WITHOUT_DEALS,
  READ_SCOPES_WITHOUT_OWNERS,
  type RequestLog,
  WRITE_SCOPES,
} from './hubspot/portal';
export {
  DEFAULT_TIERLENS_PROPERTIES,
  type PropertyDefinition,
  type TierlensPropertyNames,
  tierlensDefinitions,
} from './hubspot/properties';
export { startOfUtcDay } from './hubspot/rate-limits';

/** A running server. */
export interface HubSpotServer extends Omit<HubSpotPortal, 'handle'> {
  /** Base URL, e.g. `http://127.0.0.1:53124` (use as the adapter's `apiBase`). */
  url: string;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 on a random port. */
export async function startHubSpotServer(options: HubSpotServerOptions = {}): Promise<HubSpotServer> {
  const portal = createPortal(options);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const outcome = await portal.handle({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        authorization: req.headers.authorization,
        body,
      });
      if (outcome.kind === 'drop') req.socket.destroy();
      if (outcome.kind !== 'answer') return;
      res.writeHead(outcome.status, outcome.headers);
      res.end(outcome.body);
    })().catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const { handle: _handle, ...rest } = portal;
  return {
    ...rest,
    url: `http://127.0.0.1:${port}`,
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

/** The base address an in-process portal answers on: any address works, this one reads clearly. */
export const IN_PROCESS_URL = 'https://hubspot.test';

export interface InProcessOptions extends HubSpotServerOptions {
  /**
   * A hung request: `wait` until the caller's signal aborts (as a socket would), or `time-out`
   * at once, as though the caller's deadline had passed (no real waiting).
   */
  hang?: 'wait' | 'time-out';
}

/** A portal served through a `fetch` of its own: no socket, no port, nothing to close. */
export interface InProcessHubSpot extends HubSpotPortal {
  url: string;
  fetch: typeof globalThis.fetch;
}

/**
 * A portal reached by an in-process `fetch` that behaves as the network would: a dropped
 * connection rejects with a TypeError (as undici's "fetch failed"), a hang waits for the
 * signal or times out, an aborted signal rejects with its reason.
 */
export function inProcessHubSpot(options: InProcessOptions = {}): InProcessHubSpot {
  const portal = createPortal(options);
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw signal.reason;
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const outcome = await portal.handle({
      method: init?.method ?? 'GET',
      url: `${url.pathname}${url.search}`,
      authorization: new Headers(init?.headers).get('authorization') ?? undefined,
      body: typeof init?.body === 'string' ? init.body : '',
    });
    if (outcome.kind === 'drop') throw new TypeError('fetch failed', { cause: new Error('other side closed') });
    if (outcome.kind === 'hang') {
      if (options.hang === 'time-out') throw new DOMException('The operation timed out.', 'TimeoutError');
      return new Promise<Response>((_, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    return new Response(outcome.body, { status: outcome.status, headers: outcome.headers });
  };
  return { ...portal, url: IN_PROCESS_URL, fetch };
}
