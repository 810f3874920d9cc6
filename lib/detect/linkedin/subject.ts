import type { CompanyRef, Evidence, PageSubject } from '../types';
import { type LinkedInUrlMatch, matchLinkedInUrl } from './urls';

/** The URL as evidence, in words. */
export function urlEvidence(match: LinkedInUrlMatch): Evidence {
  let detail: string;
  if (match.kind === 'profile') detail = `profile /in/${match.personSlug}/`;
  else if (match.kind === 'sales-lead') detail = `Sales Navigator lead ${match.leadId}`;
  else if (match.kind === 'sales-company') detail = `Sales Navigator account ${match.id}`;
  else detail = `${match.kind} page ${match.id ? `id ${match.id}` : `/${match.slug}/`}`;
  return { from: 'url', detail };
}

/**
 * What the URL alone says: the company's slug or id, or the profile's slug. This is the answer
 * whenever the page cannot be trusted (stale after in-app navigation, a wall, half-loaded).
 */
export function urlSubject(url: string, match: LinkedInUrlMatch): PageSubject {
  const subject: PageSubject = {
    site: 'linkedin',
    kind: match.kind,
    url,
    company: stripUndefined({ linkedinSlug: match.slug, linkedinId: match.id }),
    evidence: [urlEvidence(match)],
  };
  if (match.personSlug) subject.person = { linkedinSlug: match.personSlug };
  return subject;
}

/**
 * A company link's identity (`/company/<slug-or-id>/`, `/sales/company/<id>`), relative or
 * absolute, with its tracking query; undefined for a link to anything else.
 */
export function companyOfHref(href: string | null | undefined): CompanyRef | undefined {
  if (!href) return undefined;
  let absolute: string;
  try {
    absolute = new URL(href, 'https://www.linkedin.com').href;
  } catch {
    return undefined;
  }
  const match = matchLinkedInUrl(absolute);
  if (match?.kind !== 'company' && match?.kind !== 'sales-company') return undefined;
  return stripUndefined({ linkedinSlug: match.slug, linkedinId: match.id });
}

/** Two references to the same company: the same id, slug or (when neither has one) name. */
export function sameCompany(a: CompanyRef, b: CompanyRef): boolean {
  if (a.linkedinId && b.linkedinId) return a.linkedinId === b.linkedinId;
  if (a.linkedinSlug && b.linkedinSlug) return a.linkedinSlug === b.linkedinSlug;
  return a.name !== undefined && a.name.toLowerCase() === b.name?.toLowerCase();
}

/** The companies in order, each once, the first occurrence kept. */
export function distinctCompanies(companies: CompanyRef[]): CompanyRef[] {
  return companies.filter((c, i) => companies.findIndex((d) => sameCompany(c, d)) === i);
}

/** The object without its undefined fields, so that results compare and serialise cleanly. */
export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
