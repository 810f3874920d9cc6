import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subjectKeys } from '../../background/tab-updates';
import { isLinkedInHost, LINKEDIN_URL_EXAMPLES, matchLinkedInUrl } from '../linkedin/urls';
import { DEFAULT_PLATFORMS } from '../platforms';
import type { PageSubject } from '../types';
import { detectWebsite } from './detect';
import { WEBSITE_URL_EXAMPLES } from './examples';
import { jsonLd, page, parse, siteFixture } from './test-pages';

const OPTIONS = { platforms: DEFAULT_PLATFORMS };
const detect = (url: string, doc: Document) => detectWebsite(url, doc, OPTIONS);

/** Detection that must find a website: fails the test with a clear message when it does not. */
function detectSite(url: string, doc: Document): PageSubject {
  const subject = detect(url, doc);
  if (!subject) throw new Error(`no website detected at ${url}`);
  return subject;
}

interface RealPage {
  file: string;
  /** The URL the page was saved from (test/fixtures/sites/PROVENANCE.md). */
  url: string;
  /** Exactly the keys the background resolves the page by, strongest first. */
  keys: string[];
}

const REAL_PAGES: RealPage[] = [
  // og:site_name "Microlink" resembles the domain: it names the company.
  { file: 'microlink.io_home.html', url: 'https://microlink.io/', keys: ['dom:microlink.io', 'name:microlink'] },
  // The footer's LinkedIn slug differs from the domain; og:site_name "Bluecadet" resembles it.
  {
    file: 'bluecadet.com_home.html',
    url: 'https://www.bluecadet.com/',
    keys: ['li:bluecadet-interactive', 'dom:bluecadet.com', 'name:bluecadet'],
  },
  // The JSON-LD Organization at www.postplanner.com names it and gives its LinkedIn `sameAs`.
  {
    file: 'postplanner.html',
    url: 'https://www.postplanner.com/get-more-likes-fans-facebook-page/',
    keys: ['li:post-planner', 'dom:postplanner.com', 'name:post planner'],
  },
  // The name is added to SOURCES.md's expectation: the page's Yoast Organization, at the site's
  // own URL, names it "Milano Citta Stato" (og:site_name "Milano Città Stato" folds to the same key).
  {
    file: 'milanocittastato.html',
    url: 'https://www.milanocittastato.it/',
    keys: ['li:milano-città-stato', 'dom:milanocittastato.it', 'name:milano citta stato'],
  },
  // The name is added to SOURCES.md's expectation: og:site_name "GlobeNewswire News Room"
  // contains the domain's label. Never "Segment", the press release's subject.
  {
    file: 'globenewswire.html',
    url: 'https://www.globenewswire.com/news-release/2016/04/06/1300478/0/en/Segment-Launches-Sources-to-Help-Companies-Unify-Customer-Data-for-Analytics.html',
    keys: ['li#1006947', 'dom:globenewswire.com', 'name:globenewswire news room'],
  },
  // og:site_name is the podcast's title, "Build Your SaaS": no name at all.
  {
    file: 'share.transistor.fm_episode.html',
    url: 'https://share.transistor.fm/s/e83b42d0',
    keys: ['li:transistor-fm', 'dom:transistor.fm'],
  },
];

describe('detectWebsite on the real pages', () => {
  it.each(REAL_PAGES.map((p) => [p.file, p.url, p.keys] as const))('%s at %s has the keys %j', (file, url, keys) => {
    const subject = detectSite(url, parse(siteFixture(file)));
    expect(subject).toMatchObject({ site: 'website', kind: 'website', url });
    expect(subjectKeys(subject)).toEqual(keys);
  });

  it('takes the website as the page origin, and a fact for each part of the identity', () => {
    const url = REAL_PAGES[2]?.url ?? '';
    const subject = detectSite(url, parse(siteFixture('postplanner.html')));
    expect(subject.company).toEqual({
      website: 'https://www.postplanner.com',
      name: 'Post Planner',
      linkedinSlug: 'post-planner',
    });
    expect(subject.evidence.map((e) => e.from)).toEqual(['url', 'json-ld', 'json-ld', 'json-ld']);
    expect(subject.evidence.at(-1)?.detail).toBe("the Organization's sameAs linkedin.com/company/post-planner");
  });

  it('does not take the press release subject "Segment" for the globenewswire site', () => {
    const page = REAL_PAGES[4];
    const subject = detectSite(page?.url ?? '', parse(siteFixture(page?.file ?? '')));
    expect(subject.company.name).toBe('GlobeNewswire News Room');
    expect(Object.values(subject.company)).not.toContain('Segment');
    expect(subject.evidence.map((e) => e.detail).join('\n')).not.toContain('Segment');
  });

  it('does not take the podcast title on share.transistor.fm as the company name', () => {
    const subject = detectSite(
      'https://share.transistor.fm/s/e83b42d0',
      parse(siteFixture('share.transistor.fm_episode.html')),
    );
    expect(subject.company.name).toBeUndefined();
    expect(JSON.stringify(subject)).not.toContain('Build Your SaaS');
  });
});

/** A page that names Acme every way a page can: on a platform none of it may count. */
const ACME_EVERYWHERE = page({
  head: `<meta property="og:site_name" content="Acme">${jsonLd({ '@type': 'Organization', name: 'Acme', url: '/' })}`,
  body: '<footer><a href="https://www.linkedin.com/company/acme">LinkedIn</a></footer>',
});

describe('detectWebsite on platforms', () => {
  it.each([
    'https://github.com/acme',
    'https://gitlab.com/acme/widgets',
    'https://www.linkedin.com/company/acme/',
    'https://acme.medium.com/launch-day-1234',
    'https://acme.substack.com/p/hello',
    'https://en.wikipedia.org/wiki/Acme_Corporation',
    'https://x.com/acme',
    'https://twitter.com/acme',
    'https://www.youtube.com/@acme',
    'https://www.crunchbase.com/organization/acme',
    'https://sites.google.com/view/acme',
  ])('%s yields nothing: the domain is the platform, not the company', (url) => {
    expect(detect(url, ACME_EVERYWHERE)).toBeUndefined();
  });

  it.each([
    ['https://acme.github.io/docs/', 'dom:acme.github.io'],
    ['https://acme.blogspot.com/', 'dom:acme.blogspot.com'],
    ['https://acme.notion.site/Careers-123', 'dom:acme.notion.site'],
  ])('%s is on a private suffix, so it is Acme’s own site (%s)', (url, key) => {
    expect(subjectKeys(detectSite(url, ACME_EVERYWHERE))).toEqual(['li:acme', key, 'name:acme']);
  });

  it('takes the platform list as a parameter', () => {
    const transistor = parse(siteFixture('share.transistor.fm_episode.html'));
    const url = 'https://share.transistor.fm/s/e83b42d0';
    expect(detectWebsite(url, transistor, { platforms: ['transistor.fm'] })).toBeUndefined();
    expect(detectWebsite('https://github.com/acme', ACME_EVERYWHERE, { platforms: [] })?.company.website).toBe(
      'https://github.com',
    );
    // Entries written as hosts or URLs in the settings mean their registrable domain.
    expect(detectWebsite(url, transistor, { platforms: [' Share.Transistor.FM '] })).toBeUndefined();
    expect(detectWebsite(url, transistor, { platforms: ['https://transistor.fm/'] })).toBeUndefined();
  });
});

describe('detectWebsite on pages that are not websites', () => {
  it.each([
    'ftp://acme.com/file.txt',
    'file:///home/me/acme.html',
    'chrome-extension://abcdefghijklmnop/sidepanel.html',
    'chrome://extensions/',
    'about:blank',
    'data:text/html,<h1>Acme</h1>',
    'javascript:alert(1)',
    'http://192.168.0.1/admin',
    'http://[::1]:8080/',
    'http://localhost:3000/',
    'https://github.io/',
    'not a url',
    '',
  ])('%j yields nothing', (url) => {
    expect(detect(url, ACME_EVERYWHERE)).toBeUndefined();
  });
});

describe('detectWebsite on broken pages', () => {
  it.each(REAL_PAGES.flatMap((p) => [0.1, 0.5, 0.9].map((cut) => [p.file, cut] as const)))(
    '%s cut at %d of its length still yields its domain',
    (file, cut) => {
      const html = siteFixture(file);
      const url = REAL_PAGES.find((p) => p.file === file)?.url ?? '';
      const subject = detectSite(url, parse(html.slice(0, Math.floor(html.length * cut))));
      expect(subjectKeys(subject)).toEqual(expect.arrayContaining([expect.stringMatching(/^dom:/)]));
    },
  );

  it.each([
    ['an empty document', ''],
    ['malformed JSON-LD', '<script type="application/ld+json">{"@type": "Organization", "name": </script>'],
    ['JSON-LD that is not an object', '<script type="application/ld+json">null</script>'],
    ['a @graph that is not a list', jsonLd({ '@graph': { '@type': 'Organization', name: 'Acme' } })],
    ['a name that is an object', jsonLd({ '@type': 'Organization', url: '/', name: { '@value': 'Acme' } })],
    ['a sameAs of numbers', jsonLd({ '@type': 'Organization', url: '/', sameAs: [1, null, {}] })],
  ])('%s yields the domain alone', (_what, html) => {
    expect(subjectKeys(detectSite('https://www.example.com/', parse(html)))).toEqual(['dom:example.com']);
  });

  it('never throws, whatever JSON the page holds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (data) => {
        const subject = detectSite('https://www.example.com/', page({ head: jsonLd(data) }));
        expect(subject.company.website).toBe('https://www.example.com');
      }),
      { numRuns: 200 },
    );
  });

  it('never throws, whatever markup the page holds', () => {
    fc.assert(
      fc.property(fc.string(), (html) => {
        expect(detect('https://www.example.com/', parse(html))?.company.website).toBe('https://www.example.com');
      }),
      { numRuns: 200 },
    );
  });
});

describe('hostile strings', () => {
  it.each([
    '<img src=x onerror="alert(1)">Acme',
    'Acme</script><script>alert(1)</script>',
    'Acme" onmouseover="alert(1)',
    "Acme'; DROP TABLE accounts; --",
  ])('the JSON-LD name %j comes through as the same plain string', (name) => {
    const doc = page({ head: jsonLd({ '@type': 'Organization', url: 'https://acme.com/', name }) });
    expect(detectSite('https://acme.com/', doc).company.name).toBe(name);
  });
});

describe('the cross-matrix with the LinkedIn detector', () => {
  const linkedInPages = Object.values(LINKEDIN_URL_EXAMPLES)
    .flat()
    .filter((url) => URL.canParse(url) && isLinkedInHost(new URL(url).hostname));

  it.each(linkedInPages)('detectWebsite misses the LinkedIn page %s', (url) => {
    expect(detect(url, ACME_EVERYWHERE)).toBeUndefined();
  });

  it.each(WEBSITE_URL_EXAMPLES.website)('detectWebsite finds %s, which matchLinkedInUrl misses', (url) => {
    expect(detect(url, page({}))?.kind).toBe('website');
    expect(matchLinkedInUrl(url)).toBeUndefined();
  });

  it.each(WEBSITE_URL_EXAMPLES.none)('detectWebsite misses %s', (url) => {
    expect(detect(url, ACME_EVERYWHERE)).toBeUndefined();
  });
});
