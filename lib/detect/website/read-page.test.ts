import { describe, expect, it, vi } from 'vitest';
import { websitePageSchema } from '../../background/message-schemas';
import { JSON_LD_LIMITS } from '../json-text';
import { detectWebsite, websiteSubject } from './detect';
import { MAX_JSON_LD_NODES, readJsonLdNodes } from './json-ld';
import { chromeCompanyLinks, MAX_CHROME_LINKS } from './linkedin-links';
import { readWebsitePage, WEBSITE_PAGE_LIMITS } from './read-page';
import { jsonLd, page, parse, siteFixture } from './test-pages';

const REAL_PAGES = [
  ['microlink.io_home.html', 'https://microlink.io/'],
  ['bluecadet.com_home.html', 'https://www.bluecadet.com/'],
  ['postplanner.html', 'https://www.postplanner.com/get-more-likes-fans-facebook-page/'],
  ['milanocittastato.html', 'https://www.milanocittastato.it/'],
  ['globenewswire.html', 'https://www.globenewswire.com/news-release/2016/04/06/1300478/0/en/x.html'],
  ['share.transistor.fm_episode.html', 'https://share.transistor.fm/s/0a5bd4e1'],
];

describe('what the website content script reads and sends', () => {
  it.each(REAL_PAGES)('on %s, passes the background’s schema and decides there as on the page', (file, url) => {
    const doc = parse(siteFixture(file));
    const sent = readWebsitePage(url, doc);
    if (!sent) throw new Error(`nothing read at ${url}`);
    // What crosses the message boundary is plain data: the structured clone changes nothing.
    const received = websitePageSchema.parse(structuredClone(sent));
    expect(websiteSubject(received, { platforms: [] })).toEqual(detectWebsite(url, doc, { platforms: [] }));
  });

  it('reduces each Organization to what it states, its home resolved against the page', () => {
    const doc = page({
      head: jsonLd({
        '@type': 'Organization',
        name: '  Acme   Ltd ',
        url: '/',
        sameAs: ['https://www.linkedin.com/company/acme-widgets/about/'],
        numberOfEmployees: '1,200',
        address: { addressCountry: 'United Kingdom' },
        description: 'not sent',
      }),
    });
    expect(readWebsitePage('https://shop.acme.co.uk/x?y', doc)?.organizations).toEqual([
      {
        name: 'Acme Ltd',
        home: 'https://shop.acme.co.uk/',
        linkedin: { slug: 'acme-widgets' },
        employees: 1200,
        country: 'GB',
      },
    ]);
  });

  it('sends the chrome’s LinkedIn companies once each, with where they were', () => {
    const doc = page({
      body: '<footer><a href="https://www.linkedin.com/company/acme/">in</a><a href="https://linkedin.com/company/acme/about">in</a><a href="https://www.linkedin.com/company/1035/">in</a></footer>',
    });
    expect(readWebsitePage('https://acme.com/', doc)?.chromeCompanies).toEqual([
      { slug: 'acme', where: 'landmark' },
      { id: '1035', where: 'landmark' },
    ]);
  });

  it(`stays within the schema on a page that links more than ${WEBSITE_PAGE_LIMITS.chromeCompanies} companies and states many Organizations`, () => {
    const links = Array.from({ length: 60 }, (_, i) => `<a href="https://www.linkedin.com/company/c${i}/">c</a>`);
    const orgs = Array.from({ length: 30 }, (_, i) => ({
      '@type': 'Organization',
      name: `Org ${i}`,
      url: `https://o${i}.com/`,
    }));
    const long = { '@type': 'Organization', name: 'Long', url: `https://acme.com/${'x'.repeat(3000)}` };
    const sent = readWebsitePage(
      'https://acme.com/',
      page({ head: jsonLd([long, ...orgs]), body: `<footer>${links.join('')}</footer>` }),
    );
    // Sixty companies in a footer name none of them (the detector takes one only when it stands out).
    expect(sent?.chromeCompanies).toEqual([]);
    expect(sent?.organizations).toHaveLength(WEBSITE_PAGE_LIMITS.organizations);
    expect(sent?.organizations[0]?.name).toBe('Org 0');
    expect(websitePageSchema.safeParse(sent).success).toBe(true);
  });

  it.each(['file:///home/me/acme.html', 'chrome://newtab/', 'not a url'])('reads nothing on %s', (url) => {
    expect(readWebsitePage(url, page({}))).toBeUndefined();
  });
});

describe('what leaves a website’s page', () => {
  it.each([
    [
      'a sign-in code in the query',
      'https://app.acme.com/callback?code=4/0AbCdEf&state=xyz',
      'https://app.acme.com/callback',
    ],
    ['a token in the fragment', 'https://acme.com/#access_token=ya29.secret&expires_in=3599', 'https://acme.com/'],
    ['both, with a port', 'https://acme.com:8443/reset?token=abc#step2', 'https://acme.com:8443/reset'],
  ])('is the URL without its query or fragment: %s', (_what, url, sent) => {
    const doc = page({ head: jsonLd({ '@type': 'Organization', name: 'Acme', url: '' }) });
    const read = readWebsitePage(url, doc);
    expect(read?.url).toBe(sent);
    // Nothing else carries them either: a relative `url` resolves against what is sent.
    expect(JSON.stringify(read)).not.toMatch(/code=|token|state=|#/);
  });
});

describe('reading a hostile page’s JSON-LD, within bounds', () => {
  const organization = (name: string) => ({ '@type': 'Organization', name, url: 'https://acme.com/' });

  it('does not parse a 20 MB block, and still reads the Organization in a block after it', () => {
    const doc = page({ head: jsonLd(organization('Acme')) });
    const huge = doc.createElement('script');
    huge.setAttribute('type', 'application/ld+json');
    huge.textContent = JSON.stringify({ ...organization('Huge'), description: 'x'.repeat(20 * 1024 * 1024) });
    doc.head.prepend(huge);
    const parsed = vi.spyOn(JSON, 'parse');
    const read = readWebsitePage('https://acme.com/', doc);
    expect(read?.organizations.map((o) => o.name)).toEqual(['Acme']);
    expect(parsed.mock.calls.every(([text]) => text.length < JSON_LD_LIMITS.chars)).toBe(true);
  });

  it(`looks at the first ${JSON_LD_LIMITS.elements} blocks only, however many the page has`, () => {
    const blocks = Array.from({ length: 5000 }, (_, i) => jsonLd(organization(`Org ${i}`)));
    const parsed = vi.spyOn(JSON, 'parse');
    readWebsitePage('https://acme.com/', page({ head: blocks.join('') }));
    expect(parsed).toHaveBeenCalledTimes(JSON_LD_LIMITS.elements);
  });

  it(`reads at most ${MAX_JSON_LD_NODES} nodes of a block’s @graph`, () => {
    // 100,000 nodes in 300 kB: within a block's share of text.
    const doc = page({ head: jsonLd({ '@graph': Array(100_000).fill({}) }) });
    expect(readJsonLdNodes(doc)).toHaveLength(MAX_JSON_LD_NODES);
  });

  it(`looks at the first ${MAX_CHROME_LINKS} LinkedIn links of the chrome only`, () => {
    const links = Array.from({ length: 5000 }, () => '<a href="https://www.linkedin.com/company/acme/">in</a>');
    const doc = page({
      body: `<footer>${links.join('')}<a href="https://www.linkedin.com/company/globex/">in</a></footer>`,
    });
    expect(chromeCompanyLinks(doc)).toHaveLength(MAX_CHROME_LINKS);
    expect(readWebsitePage('https://acme.com/', doc)?.chromeCompanies).toEqual([{ slug: 'acme', where: 'landmark' }]);
  });
});
