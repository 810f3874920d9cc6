import { describe, expect, it } from 'vitest';
import type { CompanyRef } from '../types';
import { countryCode } from './country';
import { detectWebsite } from './detect';
import { addressCountry, headcount } from './organization';
import { jsonLd, page } from './test-pages';

const URL_ON_ACME = 'https://www.acme.com/blog/acme-meets-segment';
const SITE_ONLY: CompanyRef = { website: 'https://www.acme.com' };

/** The company detected on a www.acme.com article whose JSON-LD is `data` (and nothing else names it). */
const companyOf = (...data: unknown[]): CompanyRef | undefined =>
  detectWebsite(URL_ON_ACME, page({ head: data.map(jsonLd).join('') }), { platforms: [] })?.company;

const ACME_ORG = {
  '@type': 'Organization',
  name: 'Acme Ltd',
  url: 'https://acme.com/',
  sameAs: ['https://twitter.com/acme', 'https://www.linkedin.com/company/acme-widgets/'],
  numberOfEmployees: { '@type': 'QuantitativeValue', value: 250 },
  address: { '@type': 'PostalAddress', addressLocality: 'London', addressCountry: 'GB' },
};
const ACME: CompanyRef = {
  ...SITE_ONLY,
  name: 'Acme Ltd',
  linkedinSlug: 'acme-widgets',
  employees: 250,
  country: 'GB',
};
const SEGMENT = { '@type': 'Organization', name: 'Segment', url: 'https://segment.com/', numberOfEmployees: 500 };
const ARTICLE = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Acme meets Segment' };

describe("the site's own Organization, not an article's subject", () => {
  it.each<[string, unknown[], CompanyRef]>([
    ['a top-level Organization at the site’s URL', [ACME_ORG], ACME],
    ['the same in a @graph', [{ '@graph': [ARTICLE, ACME_ORG] }], ACME],
    ['a list of nodes', [[ARTICLE, ACME_ORG]], ACME],
    [
      'an Organization with no url but the site’s @id',
      [{ ...ACME_ORG, url: undefined, '@id': 'https://www.acme.com/#organization' }],
      ACME,
    ],
    [
      'a WebSite whose publisher refers to it by @id',
      [
        {
          '@graph': [
            { '@type': 'WebSite', url: 'https://www.acme.com/', publisher: { '@id': 'https://www.acme.com/#org' } },
            { ...ACME_ORG, url: undefined, '@id': 'https://www.acme.com/#org' },
          ],
        },
      ],
      ACME,
    ],
    [
      'a Corporation, with the full schema.org type',
      [{ ...ACME_ORG, '@type': 'https://schema.org/Corporation' }],
      ACME,
    ],
    ['a type list', [{ ...ACME_ORG, '@type': ['Brand', 'LocalBusiness'] }], ACME],
    [
      'an article’s publisher with no url, named like the domain',
      [{ ...ARTICLE, publisher: { '@type': 'Organization', name: 'ACME' } }],
      { ...SITE_ONLY, name: 'ACME' },
    ],
    // globenewswire: the press release's publisher is the company it is about.
    [
      'an article’s publisher with no url, named otherwise',
      [{ ...ARTICLE, publisher: { ...SEGMENT, url: undefined } }],
      SITE_ONLY,
    ],
    ['an article’s publisher on another domain', [{ ...ARTICLE, publisher: SEGMENT }], SITE_ONLY],
    ['a top-level Organization on another domain', [ARTICLE, SEGMENT], SITE_ONLY],
    ['a top-level Organization with no url, named otherwise', [{ ...SEGMENT, url: undefined }], SITE_ONLY],
    ['an article’s `about`', [{ ...ARTICLE, about: SEGMENT }], SITE_ONLY],
    ['an article’s `mentions`', [{ ...ARTICLE, mentions: [SEGMENT] }], SITE_ONLY],
    // `about` is never read, even for an Organization that would pass: the site's own is elsewhere.
    ['an article’s `about` on the site’s own domain', [{ ...ARTICLE, about: ACME_ORG }], SITE_ONLY],
    ['an author', [{ ...ARTICLE, author: { '@type': 'Organization', name: 'Acme', url: '/' } }], SITE_ONLY],
    ['a blank-node @id, named otherwise', [{ '@type': 'Organization', '@id': '_:b0', name: 'Segment' }], SITE_ONLY],
    [
      'the site’s Organization beside the subject: the site wins, the subject adds nothing',
      [{ '@graph': [{ ...ARTICLE, about: SEGMENT }, SEGMENT, ACME_ORG] }],
      ACME,
    ],
  ])('%s', (_what, data, company) => {
    expect(companyOf(...data)).toEqual(company);
  });

  it('takes no LinkedIn company from a sameAs that lists several, and reads the chrome instead', () => {
    const org = {
      ...ACME_ORG,
      sameAs: ['https://www.linkedin.com/company/acme-widgets', 'https://www.linkedin.com/company/acme-labs'],
    };
    const doc = page({
      head: jsonLd(org),
      body: '<footer><a href="https://www.linkedin.com/company/acme-widgets/">in</a></footer>',
    });
    expect(detectWebsite(URL_ON_ACME, doc, { platforms: [] })?.company.linkedinSlug).toBe('acme-widgets');
    expect(companyOf(org)?.linkedinSlug).toBeUndefined();
  });

  it("prefers the Organization's sameAs to a different company in the chrome", () => {
    const doc = page({
      head: jsonLd(ACME_ORG),
      body: '<footer><a href="https://www.linkedin.com/company/someone-else/">in</a></footer>',
    });
    expect(detectWebsite(URL_ON_ACME, doc, { platforms: [] })?.company.linkedinSlug).toBe('acme-widgets');
  });
});

describe('numberOfEmployees as a headcount', () => {
  it.each<[unknown, number | undefined]>([
    [250, 250],
    ['1,200', 1200],
    ['75', 75],
    [{ '@type': 'QuantitativeValue', value: 80 }, 80],
    [{ value: '300' }, 300],
    // A range lands inside itself: its midpoint.
    [{ minValue: 51, maxValue: 200 }, 126],
    [{ minValue: 1001 }, 1001],
    [{ maxValue: 10 }, 10],
    [12.4, 12],
    [0, undefined],
    [-5, undefined],
    [1e12, undefined],
    ['many', undefined],
    ['51-200', undefined],
    [null, undefined],
    [[250], undefined],
    [{}, undefined],
  ])('%j → %j', (value, expected) => {
    expect(headcount(value)).toBe(expected);
  });
});

describe('address.addressCountry as an ISO 3166-1 alpha-2 code', () => {
  it.each<[unknown, string | undefined]>([
    [{ addressCountry: 'GB' }, 'GB'],
    [{ addressCountry: 'se' }, 'SE'],
    [{ addressCountry: 'UK' }, 'GB'],
    [{ addressCountry: 'United Kingdom' }, 'GB'],
    [{ addressCountry: 'united states' }, 'US'],
    [{ addressCountry: 'USA' }, 'US'],
    [{ addressCountry: 'Italia' }, 'IT'],
    [{ addressCountry: 'Deutschland' }, 'DE'],
    [{ addressCountry: ' France ' }, 'FR'],
    [{ addressCountry: { '@type': 'Country', name: 'DE' } }, 'DE'],
    [[{ addressCountry: 'Atlantis' }, { addressCountry: 'NL' }], 'NL'],
    [{ addressCountry: 'EU' }, undefined],
    [{ addressCountry: 'ZZ' }, undefined],
    [{ addressCountry: 'XY' }, undefined],
    [{ addressCountry: 'London' }, undefined],
    [{ addressCountry: '' }, undefined],
    [{ addressCountry: 44 }, undefined],
    ['1 Main Street, London, UK', undefined],
    [undefined, undefined],
  ])('%j → %j', (address, expected) => {
    expect(addressCountry(address)).toBe(expected);
  });

  it('reads every English country name', () => {
    expect(['Sweden', 'Japan', 'Brazil', 'South Africa', 'New Zealand'].map(countryCode)).toEqual([
      'SE',
      'JP',
      'BR',
      'ZA',
      'NZ',
    ]);
  });
});
