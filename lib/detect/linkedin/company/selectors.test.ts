import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { queryAll, queryFirst, textOf } from '../../dom';
import { companyPageSelectors } from './selectors';

// The unit tests run in Node without a DOM; linkedom (a WXT dependency) parses the fixtures.
const parse = (html: string): Document => parseHTML(html).document as unknown as Document;
const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../test/fixtures/linkedin/${name}`, import.meta.url), 'utf8');

const FIXTURES = {
  /** Real, logged-out: test/fixtures/linkedin/company_audiense_uk_metascraper.html. */
  'real logged-out Audiense page': parse(fixture('company_audiense_uk_metascraper.html')),
  /** Synthetic, logged-in: test/fixtures/linkedin/synthetic/company_logged_in.html, filled in. */
  'synthetic logged-in company page': parse(
    fixture('synthetic/company_logged_in.html')
      .replaceAll('{{slug}}', 'acme-synthetic')
      .replaceAll('{{name}}', 'Acme Synthetic')
      .replaceAll('{{id}}', '1234567'),
  ),
};

type Key = keyof typeof companyPageSelectors;
interface Row {
  key: Key;
  selector: string;
  page: keyof typeof FIXTURES;
  /** What the comment in selectors.ts says the selector finds, checked on the elements found. */
  finds: (found: Element[]) => void;
}

const jsonOf = (el: Element): unknown => JSON.parse(el.textContent ?? '');
const websiteLink = (found: Element[]) => {
  expect(found).toHaveLength(1);
  expect(found[0]?.getAttribute('href')).toContain('/redir/redirect?url=http%3A%2F%2Fwww%2Eaudiense%2Ecom');
  expect(textOf(found[0] ?? null)).toBe('http://www.audiense.com');
};

const ROWS: Row[] = [
  {
    key: 'name',
    selector: 'h1.org-top-card-summary__title',
    page: 'synthetic logged-in company page',
    finds: (found) => expect(found.map(textOf)).toEqual(['Acme Synthetic']),
  },
  {
    key: 'name',
    selector: 'h1.top-card-layout__title',
    page: 'real logged-out Audiense page',
    finds: (found) => expect(found.map(textOf)).toEqual(['Audiense']),
  },
  {
    key: 'canonical',
    selector: 'link[rel="canonical"]',
    page: 'real logged-out Audiense page',
    finds: (found) =>
      expect(found.map((el) => el.getAttribute('href'))).toEqual(['https://uk.linkedin.com/company/audiense']),
  },
  {
    key: 'jsonLd',
    selector: 'script[type="application/ld+json"]',
    page: 'real logged-out Audiense page',
    finds: (found) =>
      expect(found.map(jsonOf)).toContainEqual(
        expect.objectContaining({ '@type': 'Organization', url: 'https://uk.linkedin.com/company/audiense' }),
      ),
  },
  {
    key: 'organizationUrn',
    selector: '[data-semaphore-content-urn^="urn:li:organization:"]',
    page: 'real logged-out Audiense page',
    finds: (found) => {
      const urns = found.map((el) => el.getAttribute('data-semaphore-content-urn'));
      expect(new Set(urns)).toEqual(new Set(['urn:li:organization:10529043']));
    },
  },
  {
    key: 'pageJson',
    selector: 'code[id^="bpr-guid-"]',
    page: 'synthetic logged-in company page',
    finds: (found) => {
      // The data island alone, not the request description beside it (`datalet-bpr-guid-1`).
      expect(found.map((el) => el.id)).toEqual(['bpr-guid-1']);
      const company = found.map((el) => el.textContent ?? '').find((text) => text.includes('"universalName"'));
      expect(company).toContain('"universalName":"acme-synthetic"');
      expect(company).toContain('urn:li:fsd_company:1234567');
    },
  },
  {
    key: 'website',
    selector: '[data-test-id="about-us__website"] a[href]',
    page: 'real logged-out Audiense page',
    finds: websiteLink,
  },
  {
    key: 'website',
    selector: 'a[data-tracking-control-name="about_website"]',
    page: 'real logged-out Audiense page',
    finds: websiteLink,
  },
  {
    key: 'industry',
    selector: '[data-test-id="about-us__industry"] dd',
    page: 'real logged-out Audiense page',
    finds: (found) => expect(found.map(textOf)).toEqual(['Advertising Services']),
  },
  {
    key: 'sizeRange',
    selector: '[data-test-id="about-us__size"] dd',
    page: 'real logged-out Audiense page',
    finds: (found) => expect(found.map(textOf)).toEqual(['51-200 employees']),
  },
  {
    key: 'headquarters',
    selector: '[data-test-id="about-us__headquarters"] dd',
    page: 'real logged-out Audiense page',
    finds: (found) => expect(found.map(textOf)).toEqual(['London, London']),
  },
];

const EVERY_SELECTOR = Object.entries(companyPageSelectors).flatMap(([key, alternatives]) =>
  alternatives.map((selector) => ({ key: key as Key, selector })),
);

describe('companyPageSelectors on the committed fixtures', () => {
  it('has a fixture check for every alternative of every selector', () => {
    const checked = ROWS.map(({ key, selector }) => ({ key, selector }));
    expect(checked).toEqual(expect.arrayContaining(EVERY_SELECTOR));
    expect(EVERY_SELECTOR).toEqual(expect.arrayContaining(checked));
  });

  it.each(ROWS.map((r) => [r.key, r.selector, r.page, r.finds] as const))(
    '%s: %s finds it on the %s',
    (_key, selector, page, finds) => {
      finds(queryAll(FIXTURES[page], [selector]));
    },
  );

  it('prefers the first alternative that matches', () => {
    const real = FIXTURES['real logged-out Audiense page'];
    expect(textOf(queryFirst(real, companyPageSelectors.name))).toBe('Audiense');
    expect(queryFirst(real, ['h1.no-such-class', 'link[rel="canonical"]'])?.tagName.toLowerCase()).toBe('link');
    expect(queryFirst(real, ['h1.no-such-class'])).toBeNull();
  });
});
