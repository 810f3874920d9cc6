import { describe, expect, it } from 'vitest';
import {
  isLinkedInHost,
  LINKEDIN_URL_EXAMPLES,
  type LinkedInKind,
  type LinkedInUrlMatch,
  matchLinkedInUrl,
} from './urls';

const KINDS: LinkedInKind[] = ['company', 'showcase', 'school', 'profile', 'sales-company', 'sales-lead'];

/** Every example URL with the list it belongs to. */
const EXAMPLES = Object.entries(LINKEDIN_URL_EXAMPLES).flatMap(([list, urls]) =>
  urls.map((url) => ({ list: list as LinkedInKind | 'none', url })),
);

describe('matchLinkedInUrl cross-matrix', () => {
  it('has examples for every kind and for pages about no company', () => {
    for (const list of [...KINDS, 'none' as const]) expect(LINKEDIN_URL_EXAMPLES[list].length).toBeGreaterThan(0);
  });

  const own = EXAMPLES.filter((e) => e.list !== 'none').map((e) => [e.url, e.list] as const);
  it.each(own)('reads %s as a %s page', (url, list) => {
    expect(matchLinkedInUrl(url)?.kind).toBe(list);
  });

  const none = EXAMPLES.filter((e) => e.list === 'none').map((e) => e.url);
  it.each(none)('reads %s as no company page at all', (url) => {
    expect(matchLinkedInUrl(url)).toBeUndefined();
  });

  const crossRows = KINDS.flatMap((kind) =>
    EXAMPLES.filter((e) => e.list !== kind).map((e) => [e.list, e.url, kind] as const),
  );
  it.each(crossRows)('does not read the %s example %s as a %s page', (_list, url, kind) => {
    expect(matchLinkedInUrl(url)?.kind).not.toBe(kind);
  });
});

describe('matchLinkedInUrl results', () => {
  const RESULTS: { why: string; url: string; expected: LinkedInUrlMatch }[] = [
    {
      why: 'a country subdomain serves the same company',
      url: 'https://uk.linkedin.com/company/audiense',
      expected: { kind: 'company', slug: 'audiense' },
    },
    {
      why: 'a country subdomain keeps the subpage',
      url: 'https://se.linkedin.com/company/spotify/about/',
      expected: { kind: 'company', slug: 'spotify', subpage: 'about' },
    },
    {
      why: 'the bare domain and a fragment change nothing',
      url: 'https://linkedin.com/company/acme-inc#about',
      expected: { kind: 'company', slug: 'acme-inc' },
    },
    {
      why: 'a numeric segment is the company id, not a slug',
      url: 'https://www.linkedin.com/company/10529043/',
      expected: { kind: 'company', id: '10529043' },
    },
    {
      why: 'a numeric id keeps its subpage',
      url: 'https://www.linkedin.com/company/1035/people/',
      expected: { kind: 'company', id: '1035', subpage: 'people' },
    },
    {
      why: 'a subpage keeps the company and names the tab',
      url: 'https://www.linkedin.com/company/hubspot/jobs/',
      expected: { kind: 'company', slug: 'hubspot', subpage: 'jobs' },
    },
    {
      why: 'a subpage with a query string keeps the company',
      url: 'https://www.linkedin.com/company/stripe/posts/?feedView=all',
      expected: { kind: 'company', slug: 'stripe', subpage: 'posts' },
    },
    {
      why: 'the subpage is lower-cased',
      url: 'https://www.linkedin.com/company/microsoft/About/',
      expected: { kind: 'company', slug: 'microsoft', subpage: 'about' },
    },
    {
      why: 'a ?trk= tracking query changes nothing',
      url: 'https://www.linkedin.com/company/microsoft/?trk=public_profile_topcard-current-company',
      expected: { kind: 'company', slug: 'microsoft' },
    },
    {
      why: 'a percent-encoded unicode slug is decoded',
      url: 'https://www.linkedin.com/company/milano-citt%C3%A0-stato/',
      expected: { kind: 'company', slug: 'milano-città-stato' },
    },
    {
      why: 'an upper-case slug is lower-cased',
      url: 'http://www.linkedin.com/company/Salesforce/',
      expected: { kind: 'company', slug: 'salesforce' },
    },
    {
      why: 'an upper-case path segment is still a company page',
      url: 'https://www.linkedin.com/COMPANY/Acme/',
      expected: { kind: 'company', slug: 'acme' },
    },
    {
      why: 'a showcase page is its own kind, not the parent company',
      url: 'https://www.linkedin.com/showcase/microsoft-azure/',
      expected: { kind: 'showcase', slug: 'microsoft-azure' },
    },
    {
      why: 'a showcase subpage keeps the showcase',
      url: 'https://www.linkedin.com/showcase/adobe-experience-cloud/posts/',
      expected: { kind: 'showcase', slug: 'adobe-experience-cloud', subpage: 'posts' },
    },
    {
      why: 'a school page is its own kind',
      url: 'https://www.linkedin.com/school/stanford-university/',
      expected: { kind: 'school', slug: 'stanford-university' },
    },
    {
      why: 'a school subpage on a country subdomain keeps the school',
      url: 'https://uk.linkedin.com/school/university-of-oxford/people/',
      expected: { kind: 'school', slug: 'university-of-oxford', subpage: 'people' },
    },
    {
      why: 'a profile URL carries the member’s slug',
      url: 'https://www.linkedin.com/in/some-person-123/',
      expected: { kind: 'profile', personSlug: 'some-person-123' },
    },
    {
      why: 'a profile slug is lower-cased and its query ignored',
      url: 'https://www.linkedin.com/in/Some-Person-123/?originalSubdomain=se',
      expected: { kind: 'profile', personSlug: 'some-person-123' },
    },
    {
      why: 'a percent-encoded unicode profile slug on a country subdomain is decoded',
      url: 'https://uk.linkedin.com/in/j%C3%B6rg-m%C3%BCller-42',
      expected: { kind: 'profile', personSlug: 'jörg-müller-42' },
    },
    {
      why: 'a profile’s details page keeps the member and names the subpage',
      url: 'https://www.linkedin.com/in/some-person-123/details/experience/',
      expected: { kind: 'profile', personSlug: 'some-person-123', subpage: 'details' },
    },
    {
      why: 'an overlay opened in-app (contact info) is still the member’s profile',
      url: 'https://www.linkedin.com/in/some-person-123/overlay/contact-info/',
      expected: { kind: 'profile', personSlug: 'some-person-123', subpage: 'overlay' },
    },
    {
      why: 'a Sales Navigator account page carries the numeric company id',
      url: 'https://www.linkedin.com/sales/company/1035',
      expected: { kind: 'sales-company', id: '1035' },
    },
    {
      why: 'a Sales Navigator account subpage keeps the account',
      url: 'https://www.linkedin.com/sales/company/1035/people?trk=x',
      expected: { kind: 'sales-company', id: '1035' },
    },
    {
      why: 'account insights carry the company id in the query',
      url: 'https://www.linkedin.com/sales/accounts/insights?companyId=68529&tab=overview',
      expected: { kind: 'sales-company', id: '68529' },
    },
    {
      why: 'a lead page carries the lead id before the search context',
      url: 'https://www.linkedin.com/sales/lead/ACwAAA1BcDEFgh2,NAME_SEARCH,xYz1?_ntb=abc%3D%3D',
      expected: { kind: 'sales-lead', leadId: 'ACwAAA1BcDEFgh2' },
    },
    {
      why: 'the newer /sales/people/ path is the same lead page, with the same lead id',
      url: 'https://www.linkedin.com/sales/people/ACwAAA1BcDEFgh2,NAME_SEARCH,xYz1?_ntb=abc%3D%3D',
      expected: { kind: 'sales-lead', leadId: 'ACwAAA1BcDEFgh2' },
    },
    {
      why: 'a /sales/people/ lead URL on a country subdomain, without search context',
      url: 'https://uk.linkedin.com/sales/people/ACwAAA1BcDEFgh2',
      expected: { kind: 'sales-lead', leadId: 'ACwAAA1BcDEFgh2' },
    },
  ];
  it.each(RESULTS.map((r) => [r.why, r.url, r.expected] as const))('%s: %s', (_why, url, expected) => {
    // toEqual fails on a stray property: no id on a slug URL, no slug on an id URL.
    expect(matchLinkedInUrl(url)).toEqual(expected);
  });
});

describe('isLinkedInHost', () => {
  it.each([
    ['linkedin.com', true],
    ['www.linkedin.com', true],
    ['uk.linkedin.com', true],
    ['WWW.LinkedIn.com', true],
    ['notlinkedin.com', false],
    ['www.linkedin.com.evil.example', false],
    ['linkedin.co', false],
  ])('says %s is a LinkedIn host: %s', (host, expected) => {
    expect(isLinkedInHost(host)).toBe(expected);
  });
});
