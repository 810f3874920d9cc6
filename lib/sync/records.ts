import { z } from 'zod';
import type { Account, Opportunity, SourceId } from '../db/accounts';
import { BUYING_ROLES, type Contact } from '../db/contacts';
import { TOUCHPOINT_TYPES, type Touchpoint } from '../db/touchpoints';
import { companyKeys } from '../keys/company-keys';
import { normaliseSlug } from '../keys/normalise';
import { tierSchema } from '../settings/types';

/**
 * The records every source produces, in the shapes of lib/db: what an import writes, what a
 * team feed's NDJSON lines carry (`{"kind": "account", "record": {…}}`) and what HubSpot's
 * objects become. Ids are source-scoped: `<source>:<the source's own id>`.
 */
export type SyncRecord =
  | { kind: 'account'; record: Account }
  | { kind: 'contact'; record: Contact }
  | { kind: 'touchpoint'; record: Touchpoint };

/**
 * What files and team feeds carry: the records above, and deals (see DealRecord). HubSpot
 * brings its deals inside its accounts, so only these sources have deal lines.
 */
export type ImportRecord = SyncRecord | { kind: 'deal'; record: DealRecord };

/**
 * A deal as a file or a feed delivers it: an account's Opportunity with the account it belongs
 * to. Deals have no table of their own: writing one merges it into its account's
 * `opportunities` (see lib/sync/deals.ts), so accounts files must come before deals.
 */
export interface DealRecord extends Opportunity {
  accountId: string;
}

export type RecordKind = ImportRecord['kind'];

const SOURCES = ['demo', 'file', 'feed', 'hubspot', 'local'] as const satisfies readonly SourceId[];
const text = (max: number) => z.string().max(max);
const id = z
  .string()
  .min(3)
  .max(300)
  .regex(/^[a-z]+:.+$/, 'must be a source-scoped id such as hubspot:123');
const epochMs = z.number().int().min(0).max(8.64e15);

/** A deal of an account (lib/db/accounts.ts `Opportunity`); its id is scoped like `hubspot-deal:123`. */
export const opportunitySchema = z
  .object({
    id: z
      .string()
      .min(3)
      .max(300)
      .regex(/^[a-z][a-z-]*:.+$/, 'must be a source-scoped id such as hubspot-deal:123'),
    name: text(500).min(1),
    amount: z.number().min(0).max(1e13).optional(),
    stage: text(200).optional(),
    status: z.enum(['open', 'won', 'lost']),
    createdAt: epochMs.optional(),
    closedAt: epochMs.optional(),
  })
  .strict();

/** An account as a source delivers it; the sync engine stamps the generation. */
export const accountRecordSchema = z
  .object({
    id,
    name: text(500).min(1),
    keys: z.array(text(600)).max(200),
    domains: z.array(text(253)).max(50),
    linkedinSlugs: z.array(text(200)).max(50),
    linkedinIds: z.array(z.string().regex(/^\d{1,20}$/)).max(50),
    linkedinShowcases: z.array(text(200)).max(50).optional(),
    linkedinSchools: z.array(text(200)).max(50).optional(),
    industry: text(200).optional(),
    employees: z.number().int().min(0).max(10_000_000).optional(),
    revenue: z.number().min(0).max(1e13).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    technologies: z.array(text(200)).max(500).optional(),
    tags: z.array(text(100)).max(200).optional(),
    assignedTier: tierSchema.optional(),
    isTarget: z.boolean(),
    owner: text(300).optional(),
    ownerId: text(100).optional(),
    ownerEmail: text(320).optional(),
    lifecycleStage: text(100).optional(),
    openOpportunity: z
      .object({ name: text(500), amount: z.number().min(0).max(1e13).optional(), stage: text(200).optional() })
      .strict()
      .optional(),
    opportunities: z.array(opportunitySchema).max(500).optional(),
    outcome: z.enum(['won', 'lost']).optional(),
    closedAt: epochMs.optional(),
    lastReviewedAt: epochMs.optional(),
    updatedAt: epochMs,
    source: z.enum(SOURCES),
    generation: z.number().int().min(0),
  })
  .strict();

export const contactRecordSchema = z
  .object({
    id,
    accountId: id,
    name: text(500).min(1),
    title: text(500).optional(),
    email: text(320).optional(),
    linkedinSlug: text(200).optional(),
    buyingRoles: z.array(z.enum(BUYING_ROLES)).max(BUYING_ROLES.length),
    updatedAt: epochMs,
  })
  .strict();

export const touchpointRecordSchema = z
  .object({
    id,
    accountId: id,
    contactId: id.optional(),
    type: z.enum(TOUCHPOINT_TYPES),
    stage: z.enum(['TOFU', 'MOFU', 'BOFU']),
    at: epochMs,
  })
  .strict();

/** A deal and the account it belongs to (see DealRecord). */
export const dealRecordSchema = opportunitySchema.extend({ accountId: id }).strict();

/** One line of a team feed shard or of `import-preview --out`. */
export const syncRecordSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account'), record: accountRecordSchema }).strict(),
  z.object({ kind: z.literal('contact'), record: contactRecordSchema }).strict(),
  z.object({ kind: z.literal('touchpoint'), record: touchpointRecordSchema }).strict(),
  z.object({ kind: z.literal('deal'), record: dealRecordSchema }).strict(),
]);

/** What is known of an account before its keys are derived; everything but the name optional. */
export interface AccountFields extends Omit<Partial<Account>, 'id' | 'name' | 'keys' | 'source' | 'generation'> {
  name: string;
  /** Websites as URLs or host names: they become registrable domains. */
  websites?: readonly string[];
}

/**
 * An account with its company keys derived as lookups expect them (`li#`, `li:`,
 * `li-showcase:`, `li-school:`, `dom:`, `name:`), for a source-scoped id. Showcase and school
 * pages are kept only when there are some. Every source builds its accounts through here, so that an
 * account from HubSpot, a file or the feed is found by the same keys.
 */
export function buildAccount(source: SourceId, nativeId: string, fields: AccountFields, now: number): Account {
  const { websites } = fields;
  const linkedinSlugs = unique((fields.linkedinSlugs ?? []).map(normaliseSlug).filter(Boolean));
  const linkedinIds = unique(fields.linkedinIds ?? []);
  const linkedinShowcases = pageSlugs(fields.linkedinShowcases);
  const linkedinSchools = pageSlugs(fields.linkedinSchools);
  const keys = companyKeys({
    name: fields.name,
    linkedinIds,
    linkedinSlugs,
    linkedinShowcases,
    linkedinSchools,
    websites: websites?.length ? [...websites, ...(fields.domains ?? [])] : (fields.domains ?? []),
  });
  const domains: string[] = [];
  for (const k of keys) if (k.startsWith('dom:')) domains.push(k.slice(4));
  if (Object.hasOwn(fields, 'websites') || Object.hasOwn(fields, '__proto__')) {
    const { websites: _, ...rest } = fields;
    return withPages(
      {
        ...rest,
        id: `${source}:${nativeId}`,
        name: fields.name,
        keys,
        domains,
        linkedinSlugs,
        linkedinIds,
        isTarget: fields.isTarget ?? false,
        updatedAt: fields.updatedAt ?? now,
        source,
        generation: 0,
      },
      linkedinShowcases,
      linkedinSchools,
    );
  }
  // The same object, built faster: V8 gives `{ ...fields, id, … }` a hidden class of its own
  // each time (microseconds per account, and every later read of it slow), while a copy then
  // assignments share one. Keys come out in the same order; `__proto__` takes the path above.
  const account = Object.assign({}, fields) as Account;
  account.id = `${source}:${nativeId}`;
  account.name = fields.name;
  account.keys = keys;
  account.domains = domains;
  account.linkedinSlugs = linkedinSlugs;
  account.linkedinIds = linkedinIds;
  account.isTarget = fields.isTarget ?? false;
  account.updatedAt = fields.updatedAt ?? now;
  account.source = source;
  account.generation = 0;
  return withPages(account, linkedinShowcases, linkedinSchools);
}

/** Showcase or school slugs as keys expect them; undefined (left out of the record) when none. */
function pageSlugs(slugs: readonly string[] | undefined): string[] | undefined {
  if (!slugs?.length) return undefined;
  const kept = unique(slugs.map(normaliseSlug).filter(Boolean));
  return kept.length ? kept : undefined;
}

/** The account with its showcase and school pages set, or left out when it has none. */
function withPages(account: Account, showcases: string[] | undefined, schools: string[] | undefined): Account {
  // Almost every account has neither: then nothing is touched (a `delete` only for a source's empty list).
  if (showcases) account.linkedinShowcases = showcases;
  else if (Object.hasOwn(account, 'linkedinShowcases')) delete account.linkedinShowcases;
  if (schools) account.linkedinSchools = schools;
  else if (Object.hasOwn(account, 'linkedinSchools')) delete account.linkedinSchools;
  return account;
}

/** The distinct values of a short list, in order: `[...new Set(values)]`. */
function unique(values: readonly string[]): string[] {
  if (values.length < 2) return values.slice();
  return [...new Set(values)];
}
