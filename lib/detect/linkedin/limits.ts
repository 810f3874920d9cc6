import type { CompanyRef, Evidence, PageSubject, PersonRef } from '../types';
import { stripUndefined } from './subject';

/**
 * The most the background accepts in a detection message (lib/background/message-schemas.ts).
 * A page with absurd markup (a 10 kB "name") must still be reported, cut to fit, rather than
 * rejected whole. Keep these in step with that schema.
 */
export const MESSAGE_LIMITS = {
  name: 300,
  slug: 200,
  website: 2048,
  industry: 200,
  sizeRange: 100,
  headquarters: 300,
  title: 500,
  detail: 500,
  evidence: 50,
  otherCompanies: 10,
} as const;

const cut = (s: string | undefined, max: number) => (s === undefined ? undefined : s.slice(0, max));

function fitCompany(c: CompanyRef): CompanyRef {
  return stripUndefined({
    ...c,
    name: cut(c.name, MESSAGE_LIMITS.name),
    // A cut slug or id would be another company's key: drop it instead.
    linkedinSlug: c.linkedinSlug && c.linkedinSlug.length <= MESSAGE_LIMITS.slug ? c.linkedinSlug : undefined,
    linkedinId: c.linkedinId && /^\d{1,20}$/.test(c.linkedinId) ? c.linkedinId : undefined,
    website: c.website && c.website.length <= MESSAGE_LIMITS.website ? c.website : undefined,
    industry: cut(c.industry, MESSAGE_LIMITS.industry),
    sizeRange: cut(c.sizeRange, MESSAGE_LIMITS.sizeRange),
    headquarters: cut(c.headquarters, MESSAGE_LIMITS.headquarters),
  });
}

function fitPerson(p: PersonRef): PersonRef {
  return stripUndefined({
    linkedinSlug: p.linkedinSlug,
    name: cut(p.name, MESSAGE_LIMITS.name),
    title: cut(p.title, MESSAGE_LIMITS.title),
  });
}

const fitEvidence = (e: Evidence[]) =>
  e.slice(0, MESSAGE_LIMITS.evidence).map((x) => ({ from: x.from, detail: x.detail.slice(0, MESSAGE_LIMITS.detail) }));

/** The subject cut to what the background accepts: long texts shortened, lists capped. */
export function fitForMessage(subject: PageSubject): PageSubject {
  const fitted: PageSubject = {
    ...subject,
    company: fitCompany(subject.company),
    evidence: fitEvidence(subject.evidence),
  };
  if (subject.otherCompanies) {
    const others = subject.otherCompanies.slice(0, MESSAGE_LIMITS.otherCompanies).map(fitCompany);
    if (others.length > 0) fitted.otherCompanies = others;
    else delete fitted.otherCompanies;
  }
  if (subject.person) fitted.person = fitPerson(subject.person);
  return fitted;
}
