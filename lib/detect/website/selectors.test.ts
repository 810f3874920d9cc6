import { describe, expect, it } from 'vitest';
import { queryAll } from '../dom';
import { websiteSelectors } from './selectors';
import { page, parse, siteFixture } from './test-pages';

const FIXTURES = {
  /** Real: test/fixtures/sites/, see PROVENANCE.md there. */
  'microlink.io home page': parse(siteFixture('microlink.io_home.html')),
  'bluecadet.com home page': parse(siteFixture('bluecadet.com_home.html')),
  'postplanner.com article': parse(siteFixture('postplanner.html')),
  'milanocittastato.it home page': parse(siteFixture('milanocittastato.html')),
  'globenewswire.com press release': parse(siteFixture('globenewswire.html')),
  'share.transistor.fm episode': parse(siteFixture('share.transistor.fm_episode.html')),
  /** Synthetic: markup no real page above has (LinkedIn in a header or a role=banner/navigation, `name=og:site_name`). */
  'synthetic page': page({
    head: '<meta name="og:site_name" content="Acme">',
    body: [
      '<header><a href="https://www.linkedin.com/company/acme-header/">in</a></header>',
      '<div role="banner"><a href="https://www.linkedin.com/company/acme-banner/">in</a></div>',
      '<div role="navigation"><a href="https://www.linkedin.com/company/acme-navigation/">in</a></div>',
    ].join(''),
  }),
};

type Key = keyof typeof websiteSelectors;
interface Row {
  key: Key;
  selector: string;
  page: keyof typeof FIXTURES;
  /** What the comment in selectors.ts says the selector finds, checked on the elements found. */
  finds: (found: Element[]) => void;
}

const hrefs = (found: Element[]) => found.map((el) => el.getAttribute('href'));
const types = (found: Element[]) =>
  found.map((el) => (JSON.parse(el.textContent ?? '') as { '@type'?: unknown })['@type']);

const ROWS: Row[] = [
  {
    key: 'jsonLd',
    selector: 'script[type="application/ld+json"]',
    page: 'postplanner.com article',
    finds: (found) => expect(types(found)).toEqual(['Organization', 'BlogPosting']),
  },
  {
    key: 'siteName',
    selector: 'meta[property="og:site_name"]',
    page: 'microlink.io home page',
    finds: (found) => expect(found.map((el) => el.getAttribute('content'))).toEqual(['Microlink']),
  },
  {
    key: 'siteName',
    selector: 'meta[name="og:site_name"]',
    page: 'synthetic page',
    finds: (found) => expect(found.map((el) => el.getAttribute('content'))).toEqual(['Acme']),
  },
  {
    key: 'chromeCompanyLinks',
    selector: 'footer a[href*="linkedin.com/company/" i]',
    page: 'postplanner.com article',
    finds: (found) => expect(hrefs(found)).toEqual(['https://www.linkedin.com/company/post-planner']),
  },
  {
    key: 'chromeCompanyLinks',
    selector: '[role="contentinfo"] a[href*="linkedin.com/company/" i]',
    page: 'bluecadet.com home page',
    finds: (found) => expect(hrefs(found)).toEqual(['https://www.linkedin.com/company/bluecadet-interactive']),
  },
  {
    key: 'chromeCompanyLinks',
    selector: 'header a[href*="linkedin.com/company/" i]',
    page: 'synthetic page',
    finds: (found) => expect(hrefs(found)).toEqual(['https://www.linkedin.com/company/acme-header/']),
  },
  {
    key: 'chromeCompanyLinks',
    selector: '[role="banner"] a[href*="linkedin.com/company/" i]',
    page: 'synthetic page',
    finds: (found) => expect(hrefs(found)).toEqual(['https://www.linkedin.com/company/acme-banner/']),
  },
  {
    key: 'chromeCompanyLinks',
    selector: 'nav a[href*="linkedin.com/company/" i]',
    page: 'share.transistor.fm episode',
    finds: (found) => expect(hrefs(found)).toEqual(['https://www.linkedin.com/company/transistor-fm/']),
  },
  {
    key: 'chromeCompanyLinks',
    selector: '[role="navigation"] a[href*="linkedin.com/company/" i]',
    page: 'synthetic page',
    finds: (found) => expect(hrefs(found)).toEqual(['https://www.linkedin.com/company/acme-navigation/']),
  },
  {
    key: 'footerNamedCompanyLinks',
    selector: '[id*="footer" i] a[href*="linkedin.com/company/" i]',
    page: 'globenewswire.com press release',
    finds: (found) => expect(hrefs(found)).toEqual(['https://www.linkedin.com/company/1006947']),
  },
  {
    key: 'footerNamedCompanyLinks',
    selector: '[class*="footer" i] a[href*="linkedin.com/company/" i]',
    page: 'milanocittastato.it home page',
    finds: (found) => expect(hrefs(found)).toEqual(['https://www.linkedin.com/company/milano-citt%C3%A0-stato']),
  },
  {
    key: 'content',
    selector: 'article',
    page: 'bluecadet.com home page',
    // WordPress wraps the home page's content in an article; the footer is outside it.
    finds: (found) => expect(found.map((el) => el.id)).toEqual(['post-1016']),
  },
  {
    key: 'content',
    selector: '[itemprop="articleBody"]',
    page: 'globenewswire.com press release',
    finds: (found) => {
      expect(found).toHaveLength(1);
      expect(found[0]?.textContent).toContain('Segment');
    },
  },
];

const EVERY_SELECTOR = Object.entries(websiteSelectors).flatMap(([key, alternatives]) =>
  alternatives.map((selector) => ({ key: key as Key, selector })),
);

describe('websiteSelectors on the committed fixtures', () => {
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

  it('finds no chrome link on the pages whose LinkedIn link is elsewhere or absent', () => {
    expect(queryAll(FIXTURES['microlink.io home page'], websiteSelectors.chromeCompanyLinks)).toEqual([]);
    expect(queryAll(FIXTURES['globenewswire.com press release'], websiteSelectors.chromeCompanyLinks)).toEqual([]);
    expect(queryAll(FIXTURES['milanocittastato.it home page'], websiteSelectors.chromeCompanyLinks)).toEqual([]);
  });
});

describe('websiteSelectors robustness', () => {
  const everySelector = EVERY_SELECTOR.map((s) => [s.key, s.selector] as const);

  it.each(everySelector)('%s: %s is not positional', (_key, selector) => {
    expect(selector).not.toMatch(/:nth-|:first-child|:last-child|:first-of-type|:last-of-type/);
    expect(selector).not.toMatch(/\[\d+\]/);
  });

  it.each(everySelector)('%s: %s names no class at all, hashed or not', (_key, selector) => {
    expect(selector.replace(/"[^"]*"/g, '""')).not.toMatch(/\.[_a-zA-Z-]/);
  });
});
