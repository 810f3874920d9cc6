import type { Account } from '../../db/accounts';
import { BUYING_ROLES, type Contact } from '../../db/contacts';
import { TOUCHPOINT_TYPES, type Touchpoint } from '../../db/touchpoints';

/**
 * Hand-written checks of the records an import builds, each accepting only what its schema in
 * lib/sync/records.ts accepts (record-check.test.ts holds them to it): zod walks a record field
 * by field through closures, and jitless (as the extension's pages and workers run it, the CSP
 * forbidding eval) that was a third of an import's time. A record a check refuses goes to the
 * schema, which says what is wrong with it in its own words; one it passes needs no schema.
 * When in doubt a check refuses: it may be stricter than the schema, never looser.
 */

const ID = /^[a-z]+:.+$/;
const LINKEDIN_ID = /^\d{1,20}$/;
const COUNTRY = /^[A-Z]{2}$/;
const MAX_EPOCH_MS = 8.64e15;
const SOURCES: ReadonlySet<unknown> = new Set(['demo', 'file', 'feed', 'hubspot', 'local']);
const ROLES: ReadonlySet<unknown> = new Set(BUYING_ROLES);
const TYPES: ReadonlySet<unknown> = new Set(TOUCHPOINT_TYPES);
const STAGES: ReadonlySet<unknown> = new Set(['TOFU', 'MOFU', 'BOFU']);

const ACCOUNT_KEYS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'keys',
  'domains',
  'linkedinSlugs',
  'linkedinIds',
  'linkedinShowcases',
  'linkedinSchools',
  'industry',
  'employees',
  'revenue',
  'country',
  'technologies',
  'tags',
  'assignedTier',
  'isTarget',
  'owner',
  'lifecycleStage',
  'outcome',
  'closedAt',
  'opportunities',
  'lastReviewedAt',
  'updatedAt',
  'source',
  'generation',
  // openOpportunity is left to the schema: an import never sets it.
]);
const CONTACT_KEYS: ReadonlySet<string> = new Set([
  'id',
  'accountId',
  'name',
  'title',
  'email',
  'linkedinSlug',
  'buyingRoles',
  'updatedAt',
]);
const OPPORTUNITY_KEYS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'amount',
  'stage',
  'status',
  'createdAt',
  'closedAt',
]);
const OPPORTUNITY_ID = /^[a-z][a-z-]*:.+$/;
const OPPORTUNITY_STATUSES: ReadonlySet<unknown> = new Set(['open', 'won', 'lost']);
const TOUCHPOINT_KEYS: ReadonlySet<string> = new Set(['id', 'accountId', 'contactId', 'type', 'stage', 'at']);

/** `z.string().max(max)` (and `.min(min)`). */
const text = (v: unknown, max: number, min = 0): boolean => typeof v === 'string' && v.length <= max && v.length >= min;
const optionalText = (v: unknown, max: number): boolean => v === undefined || text(v, max);
/** The schemas' source-scoped id. */
const id = (v: unknown): boolean => typeof v === 'string' && v.length >= 3 && v.length <= 300 && ID.test(v);
/** `z.number().int().min(min).max(max)`, within safe integers. */
const integer = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
const epochMs = (v: unknown): boolean => integer(v, 0, MAX_EPOCH_MS);
const optionalEpochMs = (v: unknown): boolean => v === undefined || epochMs(v);

/** `z.array(z.string().max(max)).max(count)`, or with `pattern` for its items. */
function texts(v: unknown, max: number, count: number, pattern?: RegExp): boolean {
  if (!Array.isArray(v) || v.length > count) return false;
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    if (typeof item !== 'string' || item.length > max || (pattern && !pattern.test(item))) return false;
  }
  return true;
}

/** Whether every key `for…in` sees (as `.strict()` looks for unknown ones) is one of `keys`, and its own. */
function onlyKeys(record: object, keys: ReadonlySet<string>): boolean {
  for (const key in record) if (!keys.has(key) || !Object.hasOwn(record, key)) return false;
  return true;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Whether opportunitySchema accepts each of `v`, at most 500 of them. */
function opportunities(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > 500) return false;
  for (let i = 0; i < v.length; i++) {
    const o: unknown = v[i];
    if (!isRecord(o) || !onlyKeys(o, OPPORTUNITY_KEYS)) return false;
    const valid =
      typeof o.id === 'string' &&
      o.id.length >= 3 &&
      o.id.length <= 300 &&
      OPPORTUNITY_ID.test(o.id) &&
      text(o.name, 500, 1) &&
      (o.amount === undefined || (typeof o.amount === 'number' && o.amount >= 0 && o.amount <= 1e13)) &&
      optionalText(o.stage, 200) &&
      OPPORTUNITY_STATUSES.has(o.status) &&
      optionalEpochMs(o.createdAt) &&
      optionalEpochMs(o.closedAt);
    if (!valid) return false;
  }
  return true;
}

/** Whether accountRecordSchema accepts `account` (false: ask the schema why not). */
export function isValidAccount(account: Account): boolean {
  const a: unknown = account;
  if (!isRecord(a) || !onlyKeys(a, ACCOUNT_KEYS)) return false;
  return (
    id(a.id) &&
    text(a.name, 500, 1) &&
    texts(a.keys, 600, 200) &&
    texts(a.domains, 253, 50) &&
    texts(a.linkedinSlugs, 200, 50) &&
    texts(a.linkedinIds, Number.POSITIVE_INFINITY, 50, LINKEDIN_ID) &&
    (a.linkedinShowcases === undefined || texts(a.linkedinShowcases, 200, 50)) &&
    (a.linkedinSchools === undefined || texts(a.linkedinSchools, 200, 50)) &&
    optionalText(a.industry, 200) &&
    (a.employees === undefined || integer(a.employees, 0, 10_000_000)) &&
    (a.revenue === undefined || (typeof a.revenue === 'number' && a.revenue >= 0 && a.revenue <= 1e13)) &&
    (a.country === undefined || (typeof a.country === 'string' && COUNTRY.test(a.country))) &&
    (a.technologies === undefined || texts(a.technologies, 200, 500)) &&
    (a.tags === undefined || texts(a.tags, 100, 200)) &&
    (a.assignedTier === undefined ||
      a.assignedTier === 1 ||
      a.assignedTier === 2 ||
      a.assignedTier === 3 ||
      a.assignedTier === 4 ||
      a.assignedTier === 5) &&
    typeof a.isTarget === 'boolean' &&
    optionalText(a.owner, 300) &&
    optionalText(a.lifecycleStage, 100) &&
    (a.outcome === undefined || a.outcome === 'won' || a.outcome === 'lost') &&
    optionalEpochMs(a.closedAt) &&
    (a.opportunities === undefined || opportunities(a.opportunities)) &&
    optionalEpochMs(a.lastReviewedAt) &&
    epochMs(a.updatedAt) &&
    SOURCES.has(a.source) &&
    integer(a.generation, 0, Number.MAX_SAFE_INTEGER)
  );
}

/** Whether contactRecordSchema accepts `contact` (false: ask the schema why not). */
export function isValidContact(contact: Contact): boolean {
  const c: unknown = contact;
  if (!isRecord(c) || !onlyKeys(c, CONTACT_KEYS)) return false;
  if (!Array.isArray(c.buyingRoles) || c.buyingRoles.length > BUYING_ROLES.length) return false;
  for (let i = 0; i < c.buyingRoles.length; i++) if (!ROLES.has(c.buyingRoles[i])) return false;
  return (
    id(c.id) &&
    id(c.accountId) &&
    text(c.name, 500, 1) &&
    optionalText(c.title, 500) &&
    optionalText(c.email, 320) &&
    optionalText(c.linkedinSlug, 200) &&
    epochMs(c.updatedAt)
  );
}

/** Whether touchpointRecordSchema accepts `touchpoint` (false: ask the schema why not). */
export function isValidTouchpoint(touchpoint: Touchpoint): boolean {
  const t: unknown = touchpoint;
  if (!isRecord(t) || !onlyKeys(t, TOUCHPOINT_KEYS)) return false;
  return (
    id(t.id) &&
    id(t.accountId) &&
    (t.contactId === undefined || id(t.contactId)) &&
    TYPES.has(t.type) &&
    STAGES.has(t.stage) &&
    epochMs(t.at)
  );
}
