import { countryCode } from './country';
import { isRecord, type JsonNode, organizationHome } from './json-ld';
import { type CompanyLink, distinctCompanies, linkedInCompanyOf } from './linkedin-links';

/** What a site's own Organization node says about the company. */
export interface OrganizationFacts {
  name?: string;
  /** The LinkedIn company its `sameAs` names; undefined when it names none or several. */
  linkedin?: CompanyLink;
  employees?: number;
  /** ISO 3166-1 alpha-2. */
  country?: string;
}

/**
 * What one Organization node states, in plain values: its facts and where it says it lives.
 * This is what the website content script sends; the background, which has the Public Suffix
 * List, decides which of them are the site's own.
 */
export interface OrganizationClaim extends OrganizationFacts {
  /** Its `url` (or absolute `@id`), resolved against the page: where it says it lives. */
  home?: string;
}

/** Longer than this, a "name" is not a name but a description or junk. */
const MAX_NAME_LENGTH = 200;
const MAX_EMPLOYEES = 10_000_000;

/** A JSON-LD string, whitespace collapsed; anything else (an object, markup as an object, a number) is no name. */
export function plainName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.replace(/\s+/g, ' ').trim();
  return name && name.length <= MAX_NAME_LENGTH ? name : undefined;
}

/** A non-negative count from a number or a numeric string ("1,200"). */
function count(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\s*\d[\d,.\s]*$/.test(value) ? Number(value.replace(/[,\s]/g, '')) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * A headcount from `numberOfEmployees`: a number, or a QuantitativeValue whose `value` is the
 * count or whose `minValue`/`maxValue` are a range (its midpoint, so that a "51-200" range
 * lands inside itself; one bound alone is taken as it is). Zero and absurd values are dropped.
 */
export function headcount(value: unknown): number | undefined {
  let n: number | undefined;
  if (isRecord(value)) {
    const [exact, min, max] = [count(value.value), count(value.minValue), count(value.maxValue)];
    n = exact ?? (min !== undefined && max !== undefined ? (min + max) / 2 : (min ?? max));
  } else {
    n = count(value);
  }
  return n !== undefined && n >= 1 && n <= MAX_EMPLOYEES ? Math.round(n) : undefined;
}

/** The country of an `address` (a PostalAddress, or several): `addressCountry` as a code, a name or a Country. */
export function addressCountry(address: unknown): string | undefined {
  for (const postal of [address].flat()) {
    if (!isRecord(postal)) continue;
    const raw = isRecord(postal.addressCountry) ? postal.addressCountry.name : postal.addressCountry;
    const code = typeof raw === 'string' ? countryCode(raw) : undefined;
    if (code) return code;
  }
  return undefined;
}

/** The LinkedIn company of `sameAs`, when it lists exactly one. */
function sameAsCompany(sameAs: unknown): CompanyLink | undefined {
  const companies = [sameAs].flat().flatMap((u) => (typeof u === 'string' ? (linkedInCompanyOf(u) ?? []) : []));
  const distinct = distinctCompanies(companies);
  const [only] = distinct;
  if (distinct.length !== 1 || !only) return undefined;
  return only.id === undefined ? { slug: only.slug } : { id: only.id };
}

/** What an Organization node states (see OrganizationClaim); `pageUrl` resolves a relative `url`. */
export function organizationClaim(node: JsonNode, pageUrl: string): OrganizationClaim {
  return {
    name: plainName(node.name),
    home: organizationHome(node, pageUrl),
    linkedin: sameAsCompany(node.sameAs),
    employees: headcount(node.numberOfEmployees),
    country: addressCountry(node.address),
  };
}

/** The facts of the site's Organizations, the first one that states each fact winning. */
export function readOrganizations(claims: readonly OrganizationFacts[]): OrganizationFacts {
  const facts: OrganizationFacts = {};
  for (const claim of claims) {
    facts.name ??= claim.name;
    facts.linkedin ??= claim.linkedin;
    facts.employees ??= claim.employees;
    facts.country ??= claim.country;
  }
  return facts;
}
