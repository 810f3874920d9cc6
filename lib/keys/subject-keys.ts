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
