import type { CompanyRef, PageSubject } from '../detect/types';
import { companyKeys } from './company-keys';

/** The company keys of one company as a page names it. */
export function companyRefKeys(c: CompanyRef): string[] {
  return companyKeys({
    name: c.name,
    linkedinSlugs: c.linkedinSlug ? [c.linkedinSlug] : [],
    linkedinIds: c.linkedinId ? [c.linkedinId] : [],
    websites: c.website ? [c.website] : [],
  });
}

/** The company keys of a detected page: those of the company it is about. */
export function subjectKeys(subject: PageSubject): string[] {
  return companyRefKeys(subject.company);
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
