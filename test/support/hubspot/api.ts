/** The test server's routes: which endpoint a request is, and the scope it needs (§7 MISSING_SCOPES). */
import { notFound, type Reply, validation } from './bodies';
import { type HubSpotData, SINGULAR } from './data';
import { listOwners } from './owners';
import { listPipelines } from './pipelines';
import { ReadRoutes } from './read-api';
import { WriteRoutes } from './write-api';

const ENGAGEMENTS = new Set(['calls', 'emails', 'meetings', 'notes', 'tasks']);
const WRITES = /\/batch\/(?:update|upsert)$|\/associations\/default\//;

/** An object type as a path names it: v4 paths take the singular too (`contact`, S1 examples). */
function pluralType(name: string): string {
  return Object.keys(SINGULAR).find((plural) => SINGULAR[plural] === name) ?? name;
}

export interface HubSpotApiOptions {
  /** The search API's result ceiling (§3: 10,000). */
  searchCap: number;
  /** Multi-status for batch writes whose inputs all carry a trace id (§4); `false`: always the whole batch. */
  multiStatus: boolean;
  clock: () => number;
}

/** The routes of the API over the in-memory data. */
export class HubSpotApi {
  private readonly reads: ReadRoutes;
  private readonly writes: WriteRoutes;

  private readonly clock: () => number;

  constructor(
    private readonly data: HubSpotData,
    options: HubSpotApiOptions,
  ) {
    this.clock = options.clock;
    this.reads = new ReadRoutes(data, options.searchCap);
    this.writes = new WriteRoutes(data, this.reads, options.clock, options.multiStatus);
  }

  /** The granular scope a request needs (names as HubSpot's scopes page gives them; engagements ride on contacts). */
  scopeFor(method: string, path: string): string | undefined {
    if (/^\/crm\/v3\/owners(?:\/|$)/.test(path)) return 'crm.objects.owners.read';
    if (/^\/crm\/v3\/pipelines\/deals(?:\/|$)/.test(path)) return 'crm.objects.deals.read';
    const object = /^\/crm\/v[34]\/(?:objects|associations)\/([^/]+)/.exec(path)?.[1];
    const schema = /^\/crm\/v3\/properties\/([^/]+)/.exec(path)?.[1];
    if (schema) return `crm.schemas.${schema}.read`;
    if (!object) return undefined;
    const plural = pluralType(object);
    const type = ENGAGEMENTS.has(plural) ? 'contacts' : plural;
    const write = method === 'PATCH' || method === 'PUT' || WRITES.test(path);
    return `crm.objects.${type}.${write ? 'write' : 'read'}`;
  }

  route(method: string, path: string, params: URLSearchParams, body: unknown, rawLength: number): Reply {
    const parts = path.split('/').filter(Boolean);
    const [crm, version, kind, rawType, ...rest] = parts;
    const type = rawType === undefined ? undefined : pluralType(rawType);
    if (crm !== 'crm') return notFound(`No route for ${method} ${path}`);
    if (version === 'v3' && kind === 'owners' && rawType === undefined && method === 'GET')
      return listOwners(this.data.owners, params);
    if (version === 'v3' && kind === 'pipelines' && rawType === 'deals' && !rest.length && method === 'GET')
      return listPipelines(this.data.pipelines, this.clock());
    if (version === 'v3' && kind === 'properties' && type) return this.reads.properties(type, rest[0]);
    if (version === 'v4' && kind === 'associations' && type && rest[0] && rest[1] === 'batch' && rest[2] === 'read')
      return method === 'POST' ? this.reads.v4Batch(type, pluralType(rest[0]), body) : notFound(path);
    if (version === 'v4' && kind === 'objects' && type && rest[0] && rest[1] === 'associations') {
      const [id, , third, fourth, fifth] = rest;
      if (third === 'default' && fourth && fifth && method === 'PUT')
        return this.writes.associateDefault(type, id ?? '', pluralType(fourth), fifth);
      if (third && !fourth && method === 'GET') return this.reads.v4Single(type, id ?? '', pluralType(third), params);
      return notFound(`No route for ${method} ${path}`);
    }
    if (version !== 'v3' || kind !== 'objects' || !type) return notFound(`No route for ${method} ${path}`);
    if (!this.data.objects.has(type)) return validation(`Unable to infer object type from: ${type}`);
    const [first, second] = rest;
    if (!first && method === 'GET') return this.reads.list(type, params);
    if (first === 'search' && !second && method === 'POST') return this.reads.search(type, body, rawLength);
    if (first === 'batch' && method === 'POST') {
      if (second === 'read') return this.reads.batchRead(type, body, params);
      if (second === 'update') return this.writes.batchUpdate(type, body);
      if (second === 'upsert') return this.writes.batchUpsert(type, body);
    }
    if (first && !second && method === 'GET') return this.reads.getOne(type, first, params);
    if (first && !second && method === 'PATCH') return this.writes.patch(type, first, body);
    return notFound(`No route for ${method} ${path}`);
  }
}
