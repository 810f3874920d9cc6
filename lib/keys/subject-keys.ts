import type { CompanyRef, PageKind, PageSubject } from '../detect/types';
import { type CompanyIdentity, companyKeys } from './company-keys';

/**
 * The company keys of one company as a page names it. On a showcase or a school page the slug
 * is that page's (`li-showcase:`, `li-school:`), never a company's `li:`: a showcase page whose
 * slug equals a company's is not that company.
 */
export function companyRefKeys(c: CompanyRef, kind?: PageKind): string[] {
  const identity: CompanyIdentity = {
    name: c.name,
    linkedinIds: c.linkedinId ? [c.linkedinId] : [],
    websites: c.website ? [c.website] : [],
  };
  const slugs = c.linkedinSlug ? [c.linkedinSlug] : [];
  if (kind === 'showcase') identity.linkedinShowcases = slugs;
  else if (kind === 'school') identity.linkedinSchools = slugs;
  else identity.linkedinSlugs = slugs;
  return companyKeys(identity);
}

/** The company keys of a detected page: those of the company (or showcase, or school) it is about. */
export function subjectKeys(subject: PageSubject): string[] {
  return companyRefKeys(subject.company, subject.kind);
}

/**
 * A page's keys split by who vouches for them. LinkedIn's own pages speak for the companies they
 * show. A company website vouches only for its domain (the address bar says it); what its content
 * claims — a LinkedIn page in JSON-LD `sameAs` or a footer link, a name — any site can claim, so
 * those keys only corroborate: they never decide alone, and are never stored or written back.
 */
export function pageKeys(subject: PageSubject): { own: string[]; claimed: string[] } {
  const all = subjectKeys(subject);
  if (subject.site !== 'website') return { own: all, claimed: [] };
  const own = subject.company.website ? companyRefKeys({ website: subject.company.website }) : [];
  return { own, claimed: all.filter((k) => !own.includes(k)) };
}
