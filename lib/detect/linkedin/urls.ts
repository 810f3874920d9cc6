import { normaliseSlug } from '../../keys/normalise';
import type { PageKind } from '../types';

/** What a LinkedIn URL alone says about a company page. */
export interface LinkedInUrlMatch {
  kind: PageKind;
  /** Lower-cased, percent-decoded slug, when the URL carries a slug. */
  slug?: string;
  /** Numeric company id, when the URL carries one. */
  id?: string;
  /** The subpage after the company (`about`, `people`, `posts`, `jobs`…), or undefined for the overview. */
  subpage?: string;
}

/** Hosts LinkedIn serves pages on: linkedin.com and its subdomains (`www.`, `uk.`, `se.`…). */
export function isLinkedInHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'linkedin.com' || host.endsWith('.linkedin.com');
}

const KIND_BY_SEGMENT: Record<string, PageKind> = { company: 'company', showcase: 'showcase', school: 'school' };

/**
 * Reads a LinkedIn URL: `/company/<slug-or-id>/…`, `/showcase/<slug>/…`, `/school/<slug>/…`,
 * on any LinkedIn host, with any query string or fragment. Anything else yields undefined.
 */
export function matchLinkedInUrl(url: string): LinkedInUrlMatch | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(parsed.protocol) || !isLinkedInHost(parsed.hostname)) return undefined;
  const [first, second, third] = parsed.pathname.split('/').filter(Boolean);
  const kind = first ? KIND_BY_SEGMENT[first.toLowerCase()] : undefined;
  if (!kind || !second) return undefined;
  const value = normaliseSlug(second);
  if (!value) return undefined;
  const subpage = third?.toLowerCase();
  if (kind === 'company' && /^\d+$/.test(value)) return { kind, id: value, subpage };
  return { kind, slug: value, subpage };
}

/**
 * Example URLs of each kind, and of LinkedIn pages about no company. The cross-matrix test
 * checks that each kind matches its own examples and none of the others'.
 */
export const LINKEDIN_URL_EXAMPLES: Record<PageKind | 'none', string[]> = {
  company: [
    'https://www.linkedin.com/company/microsoft/',
    'https://www.linkedin.com/company/microsoft',
    'https://uk.linkedin.com/company/audiense',
    'https://se.linkedin.com/company/spotify/about/',
    'https://www.linkedin.com/company/10529043/',
    'https://www.linkedin.com/company/1035/people/',
    'https://www.linkedin.com/company/stripe/posts/?feedView=all',
    'https://www.linkedin.com/company/hubspot/jobs/',
    'https://www.linkedin.com/company/microsoft/?trk=public_profile_topcard-current-company',
    'https://www.linkedin.com/company/milano-citt%C3%A0-stato/',
    'https://linkedin.com/company/acme-inc#about',
    'http://www.linkedin.com/company/Salesforce/',
  ],
  showcase: [
    'https://www.linkedin.com/showcase/microsoft-azure/',
    'https://www.linkedin.com/showcase/adobe-experience-cloud/posts/',
  ],
  school: [
    'https://www.linkedin.com/school/stanford-university/',
    'https://uk.linkedin.com/school/university-of-oxford/people/',
  ],
  none: [
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/',
    'https://www.linkedin.com/in/some-person-123/',
    'https://www.linkedin.com/search/results/companies/?keywords=microsoft',
    'https://www.linkedin.com/pulse/why-account-based-marketing-works-jane-doe/',
    'https://www.linkedin.com/authwall?trk=gf&sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fcompany%2Fmicrosoft',
    'https://www.linkedin.com/checkpoint/challenge/AgHx?ut=1',
    'https://www.linkedin.com/company/',
    'https://www.linkedin.com/jobs/view/123456/',
    'https://www.linkedin.com/messaging/',
    'https://www.notlinkedin.com/company/microsoft/',
    'https://www.linkedin.com.evil.example/company/microsoft/',
    'https://example.com/company/microsoft/',
    'not a url',
  ],
};
