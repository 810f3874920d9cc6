import { normaliseSlug } from '../../../keys/normalise';
import { queryAll, queryFirst, textOf } from '../../dom';
import type { CompanyRef, Evidence, PersonRef } from '../../types';
import { isRecord, type JsonRecord, jsonLdItems, stringField } from '../json';
import { companyOfHref, distinctCompanies, stripUndefined } from '../subject';
import { matchLinkedInUrl } from '../urls';
import { inPageChrome } from './chrome';
import { profileSelectors as S } from './selectors';

/** What a verified logged-out profile says about the member. */
export interface GuestProfile {
  person: Omit<PersonRef, 'linkedinSlug'>;
  companies: CompanyRef[];
  evidence: Evidence[];
}

/** The JSON-LD `Person` whose `url` is the profile `/in/<slug>/`. */
function personOf(doc: Document, slug: string): JsonRecord | undefined {
  return jsonLdItems(doc, S.jsonLd).find((item) => {
    const url = item['@type'] === 'Person' ? stringField(item, 'url') : undefined;
    const match = url ? matchLinkedInUrl(url) : undefined;
    return match?.kind === 'profile' && match.personSlug === normaliseSlug(slug);
  });
}

/**
 * A logged-out profile's member and current employers: the JSON-LD `Person.worksFor` in order
 * (the first is the primary employer; one without a LinkedIn URL has a name only), or, when the
 * page has no such JSON-LD, the company links of the guest top card.
 */
export function readGuestProfile(doc: Document, slug: string): GuestProfile {
  const person = personOf(doc, slug);
  const evidence: Evidence[] = [];
  let companies: CompanyRef[] = [];
  if (person) {
    for (const org of [person.worksFor].flat().filter(isRecord)) {
      const url = stringField(org, 'url');
      const company = stripUndefined({ ...companyOfHref(url), name: stringField(org, 'name')?.trim() || undefined });
      if (!company.name && !company.linkedinId && !company.linkedinSlug) continue;
      companies.push(company);
      evidence.push({ from: 'json-ld', detail: `JSON-LD worksFor ${company.name ?? ''} ${url ?? ''}`.trim() });
    }
  } else {
    for (const link of queryAll(doc, S.guestCurrentCompany)) {
      if (inPageChrome(link)) continue;
      const company = companyOfHref(link.getAttribute('href'));
      if (!company) continue;
      companies.push(stripUndefined({ ...company, name: textOf(link) || undefined }));
      evidence.push({ from: 'dom', detail: `top card current company ${link.getAttribute('href')}` });
    }
  }
  companies = distinctCompanies(companies);
  const jobTitle = [person?.jobTitle].flat().find((t): t is string => typeof t === 'string');
  return {
    person: stripUndefined({
      name: textOf(queryFirst(doc, S.guestName)) || (person && stringField(person, 'name')?.trim()) || undefined,
      title: textOf(queryFirst(doc, S.guestHeadline)) || jobTitle?.trim() || undefined,
    }),
    companies,
    evidence,
  };
}
