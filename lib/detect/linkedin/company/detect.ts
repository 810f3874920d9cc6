import { queryFirst, textOf } from '../../dom';
import type { CompanyRef, Evidence, PageSubject } from '../../types';
import { stripUndefined, urlEvidence } from '../subject';
import type { LinkedInUrlMatch } from '../urls';
import { type PageFact, readPageFacts, readWebsite } from './page-facts';
import { companyPageSelectors as S } from './selectors';

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
 * Detects the company a LinkedIn company page is about (`match.kind` is `company`). The URL
 * decides; the page only adds what it says about that same company: facts from the served
 * document (canonical link, JSON-LD, organization URN) when one of them matches the URL and
 * none contradicts it, and entities of the logged-in page JSON only when they match (that JSON
 * goes stale after in-app navigation).
 */
export function detectCompanyPage(url: string, match: LinkedInUrlMatch, doc: Document): PageSubject {
  const known: Identity = { slug: match.slug, id: match.id };
  const company: CompanyRef = {};
  const evidence: Evidence[] = [urlEvidence(match)];

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
