import type { CompanyRef, Evidence, PageSubject } from '../types';
import { type PageFact, readPageFacts, readWebsite } from './page-facts';
import { queryFirst, companyPageSelectors as S, textOf } from './selectors';
import { type LinkedInUrlMatch, matchLinkedInUrl } from './urls';

interface Identity {
  slug?: string;
  id?: string;
}

const agrees = (fact: PageFact, known: Identity) =>
  (fact.slug !== undefined && fact.slug === known.slug) || (fact.id !== undefined && fact.id === known.id);

const conflicts = (fact: PageFact, known: Identity) =>
  (fact.slug !== undefined && known.slug !== undefined && fact.slug !== known.slug) ||
  (fact.id !== undefined && known.id !== undefined && fact.id !== known.id);

/**
 * Detects the company a LinkedIn page is about. The URL decides; the page only adds what it
 * says about that same company: facts from the served document (canonical link, JSON-LD,
 * organization URN) when one of them matches the URL and none contradicts it, and entities of
 * the logged-in page JSON only when they match (that JSON goes stale after in-app navigation).
 * Pages about no company (feed, search, articles, the auth wall…) yield undefined.
 */
export function detectLinkedInPage(url: string, doc: Document): PageSubject | undefined {
  const match = matchLinkedInUrl(url);
  if (!match) return undefined;
  const known: Identity = { slug: match.slug, id: match.id };
  const company: CompanyRef = { linkedinSlug: match.slug, linkedinId: match.id };
  const evidence: Evidence[] = [{ from: 'url', detail: describeUrl(match) }];
  if (match.kind !== 'company') {
    const subject: PageSubject = {
      site: 'linkedin',
      kind: match.kind,
      url,
      company: stripUndefined(company),
      evidence,
    };
    if (match.personSlug) subject.person = { linkedinSlug: match.personSlug };
    return subject;
  }

  const merge = (fact: PageFact) => {
    known.slug ??= fact.slug;
    known.id ??= fact.id;
    company.name ??= fact.name;
    company.website ??= fact.website;
    evidence.push({ from: fact.from, detail: fact.detail });
  };

  const facts = readPageFacts(doc);
  const served = facts.filter((f) => f.from !== 'page-json');
  const servedVerified = served.some((f) => agrees(f, known)) && !served.some((f) => conflicts(f, known));
  if (servedVerified) for (const fact of served) if (!conflicts(fact, known)) merge(fact);
  let jsonVerified = false;
  for (const fact of facts) {
    if (fact.from === 'page-json' && agrees(fact, known) && !conflicts(fact, known)) {
      merge(fact);
      jsonVerified = true;
    }
  }

  if (servedVerified || jsonVerified) {
    // The page is this company's own, not a stale one: its heading and about section describe it.
    const heading = textOf(queryFirst(doc, S.name));
    if (heading) company.name ??= heading;
    if (servedVerified) {
      company.website = readWebsite(doc) ?? company.website;
      company.industry = textOf(queryFirst(doc, S.industry)) || undefined;
      company.sizeRange = textOf(queryFirst(doc, S.sizeRange)) || undefined;
      company.headquarters = textOf(queryFirst(doc, S.headquarters)) || undefined;
    }
  }
  company.linkedinSlug = known.slug;
  company.linkedinId = known.id;
  return { site: 'linkedin', kind: 'company', url, company: stripUndefined(company), evidence };
}

function describeUrl(match: LinkedInUrlMatch): string {
  if (match.personSlug) return `profile /in/${match.personSlug}/`;
  if (match.leadId) return `Sales Navigator lead ${match.leadId}`;
  return `${match.kind} page ${match.id ? `id ${match.id}` : `/${match.slug}/`}`;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
