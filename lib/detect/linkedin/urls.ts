import { normaliseSlug } from '../../keys/normalise';
import type { PageKind } from '../types';

/** The kinds of LinkedIn page Tierlens reads. */
export type LinkedInKind = Exclude<PageKind, 'website'>;

/** What a LinkedIn URL alone says about the page. */
export interface LinkedInUrlMatch {
  kind: LinkedInKind;
  /** Lower-cased, percent-decoded company (or showcase, school) slug, when the URL carries one. */
  slug?: string;
  /** Numeric company id, when the URL carries one. */
  id?: string;
  /** The subpage after the company (`about`, `people`, `posts`, `jobs`…), or undefined for the overview. */
  subpage?: string;
  /** A member profile's slug (`/in/<slug>/`), lower-cased and percent-decoded. */
  personSlug?: string;
  /** A Sales Navigator lead id (`/sales/lead/<id>,…` or `/sales/people/<id>,…`), as LinkedIn writes it. */
  leadId?: string;
}

/** Hosts LinkedIn serves pages on: linkedin.com and its subdomains (`www.`, `uk.`, `se.`…). */
export function isLinkedInHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'linkedin.com' || host.endsWith('.linkedin.com');
}

/** Whether a URL (possibly unknown) is on LinkedIn. */
export function isLinkedInUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return isLinkedInHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

const KIND_BY_SEGMENT: Record<string, LinkedInKind> = { company: 'company', showcase: 'showcase', school: 'school' };

/**
 * Sales Navigator: `/sales/company/<id>`, `/sales/accounts/insights?companyId=<id>`, and lead
 * pages, `/sales/lead/<id>,…` and the newer `/sales/people/<id>,…` (one lead page, two paths).
 */
function matchSalesNavigator(parsed: URL, segments: string[]): LinkedInUrlMatch | undefined {
  const [, area, value] = segments.map((s) => s.toLowerCase());
  if (area === 'company' && value && /^\d+$/.test(value)) return { kind: 'sales-company', id: value };
  if (area === 'accounts' && segments[2]?.toLowerCase() === 'insights') {
    const id = parsed.searchParams.get('companyId');
    return id && /^\d+$/.test(id) ? { kind: 'sales-company', id } : undefined;
  }
  const lead = segments[2]?.split(',')[0];
  if ((area === 'lead' || area === 'people') && lead) return { kind: 'sales-lead', leadId: lead };
  return undefined;
}

/**
 * Reads a LinkedIn URL: company pages `/company/<slug-or-id>/…`, `/showcase/<slug>/…`,
 * `/school/<slug>/…`, member profiles `/in/<slug>/…` and Sales Navigator's company, account
 * and lead (`/sales/lead/`, `/sales/people/`) pages, on any LinkedIn host, with any query string or fragment. Anything else
 * yields undefined.
 */
export function matchLinkedInUrl(url: string): LinkedInUrlMatch | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(parsed.protocol) || !isLinkedInHost(parsed.hostname)) return undefined;
  const segments = parsed.pathname.split('/').filter(Boolean);
  const [first, second, third] = segments;
  if (first?.toLowerCase() === 'sales') return matchSalesNavigator(parsed, segments);
  if (first?.toLowerCase() === 'in' && second) {
    const personSlug = normaliseSlug(second);
    return personSlug ? { kind: 'profile', personSlug, subpage: third?.toLowerCase() } : undefined;
  }
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
export const LINKEDIN_URL_EXAMPLES: Record<LinkedInKind | 'none', string[]> = {
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
  profile: [
    'https://www.linkedin.com/in/some-person-123/',
    'https://uk.linkedin.com/in/j%C3%B6rg-m%C3%BCller-42',
    'https://www.linkedin.com/in/some-person-123/details/experience/',
    'https://www.linkedin.com/in/Some-Person-123/?originalSubdomain=se',
    'https://www.linkedin.com/in/some-person-123/overlay/contact-info/',
    'https://se.linkedin.com/in/some-person-123',
  ],
  'sales-company': [
    'https://www.linkedin.com/sales/company/1035',
    'https://www.linkedin.com/sales/company/1035/people?trk=x',
    'https://www.linkedin.com/sales/accounts/insights?companyId=68529',
    'https://www.linkedin.com/sales/accounts/insights?companyId=68529&tab=overview',
  ],
  'sales-lead': [
    'https://www.linkedin.com/sales/lead/ACwAAA1BcDEFgh2,NAME_SEARCH,xYz1',
    'https://www.linkedin.com/sales/lead/ACwAAA1BcDEFgh2',
    'https://www.linkedin.com/sales/lead/ACwAAA1BcDEFgh2,NAME_SEARCH,xYz1?_ntb=abc%3D%3D',
    'https://www.linkedin.com/sales/people/ACwAAA1BcDEFgh2,NAME_SEARCH,xYz1',
    'https://www.linkedin.com/sales/people/ACwAAA1BcDEFgh2',
    'https://www.linkedin.com/sales/people/ACwAAA1BcDEFgh2,OUT_OF_NETWORK,aBc9?_ntb=abc%3D%3D',
  ],
  none: [
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/sales/home',
    'https://www.linkedin.com/sales/search/people?query=x',
    'https://www.linkedin.com/sales/accounts/insights',
    'https://www.linkedin.com/sales/company/microsoft',
    'https://www.linkedin.com/sales/company/',
    'https://www.linkedin.com/sales/lead/',
    'https://www.linkedin.com/sales/people/',
    'https://www.linkedin.com/sales/accounts/insights?companyId=hubspot',
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
