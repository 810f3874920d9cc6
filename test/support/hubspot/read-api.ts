/**
 * The read endpoints of the test server: list (§2), get, search (§3), batch read (§4), the v4
 * associations (§5) and the properties (§6), over the in-memory portal.
 */
import { batchReply, notFound, propertyProblemsReply, type Reply, validation } from './bodies';
import { type HubSpotData, modifiedProperty, SINGULAR, type StoredObject } from './data';

const LIST_MAX = 100; // §2
const SEARCH_MAX = 200; // §3
export const BATCH_MAX = 100; // §4; the v4 association batch cap is UNVERIFIED, held to the same
const SEARCH_MAX_CHARS = 3000; // §3

/** HubSpot's object type ids, as its messages name them (§4: "non-unique 0-1 property"). */
export const OBJECT_TYPE_IDS: Record<string, string> = { contacts: '0-1', companies: '0-2', deals: '0-3' };

const DEFAULT_PROPERTIES: Record<string, string[]> = {
  companies: ['name', 'domain', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  contacts: ['firstname', 'lastname', 'email', 'lastmodifieddate', 'hs_object_id', 'createdate'],
  deals: [
    'dealname',
    'amount',
    'dealstage',
    'pipeline',
    'closedate',
    'createdate',
    'hs_lastmodifieddate',
    'hs_object_id',
  ],
};

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

/** The read routes over the in-memory data. */
export class ReadRoutes {
  constructor(
    private readonly data: HubSpotData,
    private readonly searchCap: number,
  ) {}

  /** §2/§3: the requested properties plus the system ones; a missing value is absent, or `null` when `nulls`. */
  project(type: string, o: StoredObject, requested: string[], nulls: boolean) {
    const names = requested.length
      ? [...new Set([...requested, 'createdate', modifiedProperty(type), 'hs_object_id'])]
      : (DEFAULT_PROPERTIES[type] ?? ['createdate', 'hs_lastmodifieddate', 'hs_object_id']);
    const properties: Record<string, string | null> = {};
    for (const name of names) {
      const value = this.data.calculated(type, o, name) ?? o.properties[name];
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

  list(type: string, params: URLSearchParams): Reply {
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

  getOne(type: string, id: string, params: URLSearchParams): Reply {
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

  search(type: string, body: unknown, rawLength: number): Reply {
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

  /**
   * §4 batch read, by record id or, with `idProperty`, by the value of a unique property (ids
   * with no object come back as a 207 OBJECT_NOT_FOUND entry).
   */
  batchRead(type: string, body: unknown, params: URLSearchParams): Reply {
    const req = (body ?? {}) as { inputs?: Array<{ id?: unknown }>; properties?: unknown; idProperty?: unknown };
    if (!Array.isArray(req.inputs)) return validation('inputs is required.');
    if (!Array.isArray(req.properties)) return validation('properties is required.');
    if (req.inputs.length > BATCH_MAX)
      return validation(`Batch of ${req.inputs.length} inputs; the limit is ${BATCH_MAX}.`);
    const idProperty = typeof req.idProperty === 'string' && req.idProperty ? req.idProperty : undefined;
    const refused = idProperty ? this.uniqueIdPropertyProblem(type, idProperty) : undefined;
    if (refused) return refused;
    const archived = params.get('archived') === 'true';
    const properties = req.properties.map(String);
    const results = [];
    const missing: string[] = [];
    for (const input of req.inputs) {
      const id = String(input.id);
      const o = idProperty ? this.data.findBy(type, idProperty, id) : this.data.get(type, id);
      if (o && o.archived === archived) results.push(this.project(type, o, properties, false));
      else missing.push(id);
    }
    return batchReply(results, missing.length ? [objectNotFound(type, missing)] : []);
  }

  /**
   * Why `name` cannot identify objects of `type` (§4: it must be a unique property, "Unable to
   * perform update/upsert by non-unique 0-1 property"), or undefined when it can.
   */
  uniqueIdPropertyProblem(type: string, name: string): Reply | undefined {
    const def = this.data.definition(type, name);
    if (!def)
      return propertyProblemsReply([
        { name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` },
      ]);
    if (!def.hasUniqueValue)
      return validation(`Unable to perform update/upsert by non-unique ${OBJECT_TYPE_IDS[type] ?? type} property`);
    return undefined;
  }

  /**
   * §5 association types: contact→company primary 1, unlabeled 279; company→contact 2 and 280;
   * deal→company primary 5, unlabeled 341 (lib/sync/hubspot/deals.ts); company→deal 6 and 342
   * (UNVERIFIED: the client relies on no company→deal id).
   */
  associationTypes(from: string, to: string, primary: boolean) {
    const ids: Record<string, [number, number]> = {
      'contacts>companies': [1, 279],
      'companies>contacts': [2, 280],
      'deals>companies': [5, 341],
      'companies>deals': [6, 342],
    };
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

  v4Single(from: string, id: string, to: string, params: URLSearchParams): Reply {
    if (!this.data.objects.has(from) || !this.data.objects.has(to)) return validation(`Unknown object type.`);
    const limit = parseLimit(params.get('limit'), 500, 500);
    if (typeof limit === 'string') return validation(limit);
    const offset = Number(params.get('after') ?? 0);
    const all = this.v4To(from, id, to);
    const end = offset + limit;
    const paging = end < all.length ? { paging: { next: { after: String(end), link: `?after=${end}` } } } : {};
    return [200, { results: all.slice(offset, end), ...paging }];
  }

  v4Batch(from: string, to: string, body: unknown): Reply {
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

  properties(type: string, name: string | undefined): Reply {
    const defs = this.data.definitions[type];
    if (!defs) return validation(`Unable to infer object type from: ${type}`);
    if (!name) return [200, { results: defs }];
    const def = defs.find((d) => d.name === name);
    return def ? [200, def] : notFound(`Unable to find property ${name}`);
  }
}

export function objectNotFound(type: string, ids: string[]) {
  const name = (SINGULAR[type] ?? type).toUpperCase();
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not get some ${name} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids },
  };
}

/** A `limit`, or the error message when it is not a positive integer up to `max` (UNVERIFIED above max: rejected). */
export function parseLimit(raw: string | null, fallback: number, max: number): number | string {
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) return `limit must be a positive integer, got ${raw}`;
  if (Number(raw) > max) return `limit ${raw} is above the maximum of ${max}`;
  return Number(raw);
}

/** Array query parameters, in either form (§2): repeated (`a=x&a=y`) or comma separated (`a=x,y`). */
export function multi(params: URLSearchParams, name: string): string[] {
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
