import type { Account, Outcome, SourceId } from '../../db/accounts';
import { normaliseSlug } from '../../keys/normalise';
import { parseBoolean } from '../normalise/boolean';
import { normaliseCountry } from '../normalise/country';
import { parseDate } from '../normalise/date';
import { parseDomain } from '../normalise/domain';
import { foldText } from '../normalise/fold';
import { parseRowId } from '../normalise/id';
import { parseLinkedInCompany, parseLinkedInPage } from '../normalise/linkedin';
import { memoised } from '../normalise/memo';
import { type NumberFormat, parseEmployeeCount, parseNumber } from '../normalise/number';
import { parseTier } from '../normalise/tier';
import { type AccountFields, accountRecordSchema, buildAccount } from '../records';
import { isValidAccount } from './record-check';
import type { RowError, RowReader } from './row-reader';
import { schemaError } from './schema-error';

const OUTCOMES: Record<string, Outcome> = {
  won: 'won',
  'closed won': 'won',
  closedwon: 'won',
  lost: 'lost',
  'closed lost': 'lost',
  closedlost: 'lost',
};

/** What identifies the company of a row. */
type Identity = Pick<
  AccountFields,
  'domains' | 'linkedinSlugs' | 'linkedinIds' | 'linkedinShowcases' | 'linkedinSchools'
>;

/**
 * The showcase or school pages a row names in its own column (a URL or a bare slug), with a
 * warning for a value that is no such page.
 */
function pagesOf(r: RowReader, field: 'linkedinShowcase' | 'linkedinSchool', kind: 'showcase' | 'school'): string[] {
  const slugs: string[] = [];
  for (const value of r.list(field, /[;\s]+/)) {
    const slug = parseLinkedInPage(value, kind);
    if (slug) slugs.push(slug);
    else r.warn(field, `${JSON.stringify(value)} is not a LinkedIn ${kind} page: left out`);
  }
  return slugs;
}

/**
 * The company identity cells of a row: domains and LinkedIn keys, with warnings for what is
 * unreadable. A showcase or school page (in its own column, or in the LinkedIn column) is kept
 * as such: its own key, never the company's `li:`.
 */
function identity(r: RowReader): Identity {
  const domains: string[] = [];
  for (const field of ['domain', 'website']) {
    for (const value of r.list(field, /[;\s]+/)) {
      const domain = parseDomain(value);
      if (domain) domains.push(domain);
      else
        r.warn(
          field,
          `${JSON.stringify(value)} is not a company website (junk, an email or a free-mail domain): left out`,
        );
    }
  }
  const linkedinSlugs = r.list('linkedinSlug').map(normaliseSlug);
  const linkedinIds: string[] = [];
  for (const id of r.list('linkedinId')) {
    if (/^\d{1,20}$/.test(id)) linkedinIds.push(id);
    else r.warn('linkedinId', `${JSON.stringify(id)} is not a LinkedIn company id (digits): left out`);
  }
  const linkedinShowcases = pagesOf(r, 'linkedinShowcase', 'showcase');
  const linkedinSchools = pagesOf(r, 'linkedinSchool', 'school');
  for (const url of r.list('linkedinUrl', /[;\s]+/)) {
    const page = parseLinkedInCompany(url);
    if (!page) r.warn('linkedinUrl', `${JSON.stringify(url)} is not a LinkedIn company page: left out`);
    else if (page.id) linkedinIds.push(page.id);
    else if (!page.slug) continue;
    else if (page.kind === 'showcase') linkedinShowcases.push(page.slug);
    else if (page.kind === 'school') linkedinSchools.push(page.slug);
    else linkedinSlugs.push(page.slug);
  }
  const found: Identity = { domains: [...new Set(domains)], linkedinSlugs, linkedinIds };
  if (linkedinShowcases.length) found.linkedinShowcases = linkedinShowcases;
  if (linkedinSchools.length) found.linkedinSchools = linkedinSchools;
  return found;
}

/**
 * The account id in the source: the id column's value; a file without one names the account
 * by its strongest key (`dom:acme.com`, then `li#1234`, then `li:acme`, then a showcase or
 * school page's), which is stable from one export to the next.
 */
function nativeId(r: RowReader, keys: Identity, source: string): string | RowError {
  if (r.has('id')) {
    const { id, problem } = parseRowId(r.text('id') ?? '', source);
    return id ?? { column: r.column('id'), reason: problem ?? 'the id is empty' };
  }
  const [domain] = keys.domains ?? [];
  const [linkedinId] = keys.linkedinIds ?? [];
  const [slug] = keys.linkedinSlugs ?? [];
  if (domain) return `dom:${domain}`;
  if (linkedinId) return `li#${linkedinId}`;
  if (slug) return `li:${slug}`;
  const [showcase] = keys.linkedinShowcases ?? [];
  if (showcase) return `li-showcase:${showcase}`;
  const [school] = keys.linkedinSchools ?? [];
  if (school) return `li-school:${school}`;
  return { reason: 'the file has no id column, and this row has no domain or LinkedIn page to name the account by' };
}

/** An outcome cell, folded: "Closed Won" and "closedwon" alike. */
const parseOutcome = memoised((v: string): Outcome | undefined => OUTCOMES[foldText(v)]);

/**
 * The firmographics and CRM fields of a row; unreadable cells are warnings and stay empty.
 * Fields without a value are left out, not set to undefined: the records are `.strict()` and
 * exact, and NDJSON output stays lean.
 */
function details(r: RowReader, format: NumberFormat): Omit<AccountFields, 'name'> {
  const employees = r.read(
    'employees',
    (v) => {
      const n = parseEmployeeCount(v, format);
      return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 10_000_000 ? n : undefined;
    },
    'a number of employees',
  );
  const revenue = r.read(
    'revenue',
    (v) => {
      const n = parseNumber(v, format);
      return n !== undefined && n >= 0 && n <= 1e13 ? n : undefined;
    },
    'an annual revenue',
  );
  const fields: Omit<AccountFields, 'name'> = {};
  const industry = r.text('industry');
  if (industry !== undefined) fields.industry = industry;
  if (employees !== undefined) fields.employees = employees;
  if (revenue !== undefined) fields.revenue = revenue;
  const country = r.read(
    'country',
    normaliseCountry,
    'a country Tierlens knows (a US state or "CA" is none: write the country\'s name)',
  );
  if (country !== undefined) fields.country = country;
  // An empty cell is unknown, not "uses nothing": the ICP treats the two differently.
  const technologies = r.list('technologies');
  if (technologies.length) fields.technologies = [...new Set(technologies)];
  // Tags may hold commas ("ABM, EMEA"): only `;` separates them, as HubSpot joins multi-values.
  const tags = r.list('tags', /;/);
  if (tags.length) fields.tags = [...new Set(tags)];
  const assignedTier = r.read('assignedTier', parseTier, 'a tier (tier_1, "Tier 2", T3, 1–5)');
  if (assignedTier !== undefined) fields.assignedTier = assignedTier;
  fields.isTarget = r.read('isTarget', parseBoolean, 'yes or no') ?? false;
  const owner = r.text('owner');
  if (owner !== undefined) fields.owner = owner;
  const lifecycleStage = r.text('lifecycleStage');
  if (lifecycleStage !== undefined) fields.lifecycleStage = lifecycleStage;
  const outcome = r.read('outcome', parseOutcome, 'won or lost');
  if (outcome !== undefined) fields.outcome = outcome;
  const closedAt = r.read('closedAt', parseDate, 'a date');
  if (closedAt !== undefined) fields.closedAt = closedAt;
  const updatedAt = r.read('updatedAt', parseDate, 'a date');
  if (updatedAt !== undefined) fields.updatedAt = updatedAt;
  const lastReviewedAt = r.read('lastReviewedAt', parseDate, 'a date');
  if (lastReviewedAt !== undefined) fields.lastReviewedAt = lastReviewedAt;
  return fields;
}

/**
 * The account of a row, built by buildAccount (so its keys are those every source derives)
 * and validated by accountRecordSchema; or why the row is bad. A row without a name is named
 * by its domain, then its LinkedIn slug.
 */
export function accountFromRow(r: RowReader, source: SourceId, now: number, format: NumberFormat): Account | RowError {
  const keys = identity(r);
  const id = nativeId(r, keys, source);
  if (typeof id !== 'string') return id;
  const name =
    r.text('name') ??
    keys.domains?.[0] ??
    keys.linkedinSlugs?.[0] ??
    keys.linkedinShowcases?.[0] ??
    keys.linkedinSchools?.[0];
  if (!name) return { column: r.column('name'), reason: 'the company has no name, domain or LinkedIn page' };
  // In this order, as the record's keys come out: the details, the identity, the name.
  const fields = details(r, format) as AccountFields;
  fields.domains = keys.domains;
  fields.linkedinSlugs = keys.linkedinSlugs;
  fields.linkedinIds = keys.linkedinIds;
  if (keys.linkedinShowcases) fields.linkedinShowcases = keys.linkedinShowcases;
  if (keys.linkedinSchools) fields.linkedinSchools = keys.linkedinSchools;
  fields.name = name;
  const account = buildAccount(source, id, fields, now);
  if (isValidAccount(account)) return account;
  const checked = accountRecordSchema.safeParse(account);
  return checked.success ? account : schemaError(checked.error, r);
}
