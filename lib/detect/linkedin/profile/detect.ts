import { queryFirst, textOf } from '../../dom';
import type { CompanyRef, PageSubject, PersonRef } from '../../types';
import { stripUndefined, urlSubject } from '../subject';
import type { LinkedInUrlMatch } from '../urls';
import { readGuestProfile } from './guest';
import { verifyProfile } from './identity';
import { readCurrentCompanies } from './member';
import { profileSelectors as S } from './selectors';

/**
 * Detects the member and their current employers on a profile `/in/<slug>/`. The person's
 * slug is the URL's; their name, headline and employers come from the page only when the page
 * is verified to be this profile (identity.ts); otherwise the answer is the URL's alone: the
 * slug and no company.
 */
export function detectProfile(url: string, match: LinkedInUrlMatch, doc: Document): PageSubject {
  const subject = urlSubject(url, match);
  const slug = match.personSlug;
  if (!slug) return subject;
  const identity = verifyProfile(doc, slug);
  if (!identity.verified) return subject;

  let person: Omit<PersonRef, 'linkedinSlug'>;
  let companies: CompanyRef[];
  subject.evidence.push(...identity.evidence);
  if (identity.guest) {
    const guest = readGuestProfile(doc, slug);
    ({ person, companies } = guest);
    subject.evidence.push(...guest.evidence);
  } else {
    const top = identity.topCard;
    person = stripUndefined({
      name: textOf(top && queryFirst(top, S.topCardName)) || undefined,
      title: textOf(top && queryFirst(top, S.topCardHeadline)) || undefined,
    });
    const current = readCurrentCompanies(doc, top);
    companies = current.companies;
    subject.evidence.push(...current.evidence);
  }

  subject.person = { linkedinSlug: slug, ...person };
  const [primary, ...others] = companies;
  if (primary) subject.company = primary;
  if (others.length > 0) subject.otherCompanies = others;
  return subject;
}
