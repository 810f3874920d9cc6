import type { PageSubject } from '../types';
import { detectCompanyPage } from './company/detect';
import { fitForMessage } from './limits';
import { detectProfile } from './profile/detect';
import { detectSalesNavigator } from './sales-navigator/detect';
import { urlSubject } from './subject';
import { type LinkedInUrlMatch, matchLinkedInUrl } from './urls';

function detectByKind(url: string, match: LinkedInUrlMatch, doc: Document): PageSubject {
  switch (match.kind) {
    case 'company':
      return detectCompanyPage(url, match, doc);
    case 'profile':
      return detectProfile(url, match, doc);
    case 'sales-company':
    case 'sales-lead':
      return detectSalesNavigator(url, match, doc);
    default:
      // Showcase and school pages are their own kinds: the URL's slug, not the parent company.
      return urlSubject(url, match);
  }
}

/**
 * Detects what a LinkedIn page is about: the URL decides the kind and its keys, and the page's
 * family (company/, profile/, sales-navigator/) adds only what the page says about that same
 * subject. Pages about no company (feed, search, articles, the auth wall…) yield undefined.
 * Never throws: on markup the detector did not foresee, the answer is the URL's alone.
 */
export function detectLinkedInPage(url: string, doc: Document): PageSubject | undefined {
  const match = matchLinkedInUrl(url);
  if (!match) return undefined;
  let subject: PageSubject;
  try {
    subject = detectByKind(url, match, doc);
  } catch {
    subject = urlSubject(url, match);
  }
  return fitForMessage(subject);
}
