import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { registrableDomain } from '../../../keys/company-keys';
import { PAGE_JSON_LIMITS } from '../../json-text';
import type { PageSubject } from '../../types';
import { detectLinkedInPage } from '../detect';
import { LINKEDIN_URL_EXAMPLES, matchLinkedInUrl } from '../urls';

// The unit tests run in Node without a DOM; linkedom (a WXT dependency) parses the fixtures.
const parse = (html: string): Document => parseHTML(html).document as unknown as Document;
const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../test/fixtures/linkedin/${name}`, import.meta.url), 'utf8');

/** The real logged-out Audiense page, saved from https://www.linkedin.com/company/10529043/. */
const REAL_HTML = fixture('company_audiense_uk_metascraper.html');
const REAL = parse(REAL_HTML);
const LOGGED_IN_TEMPLATE = fixture('synthetic/company_logged_in.html');
const FEED = parse(fixture('synthetic/feed_logged_in.html'));

interface SyntheticCompany {
  slug: string;
  name: string;
  id: string;
}
const ACME: SyntheticCompany = { slug: 'acme-synthetic', name: 'Acme Synthetic', id: '1234567' };
const GLOBEX: SyntheticCompany = { slug: 'globex-synthetic', name: 'Globex Synthetic', id: '7654321' };
/** The viewer's own employer, in the navigation bar and the page JSON of every logged-in page. */
const VIEWER_EMPLOYER = { slug: 'viewer-employer-synthetic', name: 'Viewer Employer Ltd', id: '9999991' };

/** The synthetic logged-in company page as first loaded for `company`. */
const loggedInPage = (company: SyntheticCompany): Document =>
  parse(
    LOGGED_IN_TEMPLATE.replaceAll('{{slug}}', company.slug)
      .replaceAll('{{name}}', company.name)
      .replaceAll('{{id}}', company.id),
  );

const AUDIENSE = {
  linkedinSlug: 'audiense',
  linkedinId: '10529043',
  name: 'Audiense',
  industry: 'Advertising Services',
  sizeRange: '51-200 employees',
  headquarters: 'London, London',
};

/** Detection that must find a company page: fails the test with a clear message when it does not. */
function detectCompany(url: string, doc: Document): PageSubject {
  const subject = detectLinkedInPage(url, doc);
  if (!subject) throw new Error(`no page detected at ${url}`);
  return subject;
}

describe('detectLinkedInPage on the real logged-out Audiense page', () => {
  it('reads the company at the URL it was saved from, with its website and firmographics', () => {
    const subject = detectCompany('https://www.linkedin.com/company/10529043/', REAL);
    expect(subject).toMatchObject({
      site: 'linkedin',
      kind: 'company',
      url: 'https://www.linkedin.com/company/10529043/',
    });
    expect(subject.company).toEqual({ ...AUDIENSE, website: expect.any(String) });
    expect(registrableDomain(subject.company.website ?? '')).toBe('audiense.com');
  });

  it('lists the URL first, then the page facts it relied on', () => {
    const { evidence } = detectCompany('https://www.linkedin.com/company/10529043/', REAL);
    expect(evidence[0]).toEqual({ from: 'url', detail: expect.stringContaining('10529043') });
    expect(evidence.slice(1)).toEqual(
      expect.arrayContaining([
        { from: 'dom', detail: expect.stringContaining('canonical link https://uk.linkedin.com/company/audiense') },
        { from: 'dom', detail: expect.stringContaining('urn:li:organization:10529043') },
        { from: 'json-ld', detail: expect.stringContaining('JSON-LD Organization') },
      ]),
    );
  });

  it.each([
    'https://uk.linkedin.com/company/audiense/',
    'https://www.linkedin.com/company/audiense',
    'https://www.linkedin.com/company/Audiense/about/?trk=public_profile_topcard-current-company',
  ])('gives the same identity when the page is seen at %s', (url) => {
    const subject = detectCompany(url, REAL);
    expect(subject.company).toEqual({ ...AUDIENSE, website: expect.any(String) });
    expect(registrableDomain(subject.company.website ?? '')).toBe('audiense.com');
  });

  it.each([
    ['https://www.linkedin.com/company/microsoft/', { linkedinSlug: 'microsoft' }],
    ['https://www.linkedin.com/company/1035/', { linkedinId: '1035' }],
  ])('yields only the URL’s company when the page contradicts the URL %s', (url, only) => {
    const subject = detectCompany(url, REAL);
    expect(subject.company).toEqual(only);
    expect(subject.evidence).toEqual([{ from: 'url', detail: expect.any(String) }]);
  });
});

describe('detectLinkedInPage on a logged-in company page', () => {
  const page = loggedInPage(ACME);

  it.each([`https://www.linkedin.com/company/${ACME.slug}/`, `https://www.linkedin.com/company/${ACME.id}/about/`])(
    'takes the id and name from the page JSON entity that matches %s',
    (url) => {
      const subject = detectCompany(url, page);
      expect(subject.company).toEqual({
        linkedinSlug: ACME.slug,
        linkedinId: ACME.id,
        name: ACME.name,
        website: `https://www.${ACME.slug}.example`,
      });
      expect(subject.evidence).toContainEqual({ from: 'page-json', detail: expect.stringContaining(ACME.id) });
    },
  );

  it('never takes the viewer’s own employer, which is in the same page JSON and navigation bar', () => {
    const seen = JSON.stringify(detectCompany(`https://www.linkedin.com/company/${ACME.slug}/`, page));
    for (const trace of Object.values(VIEWER_EMPLOYER)) expect(seen).not.toContain(trace);
  });
});

describe('detectLinkedInPage on a page with hostile amounts of page JSON', () => {
  const url = `https://www.linkedin.com/company/${ACME.slug}/`;
  const expected = detectCompany(url, loggedInPage(ACME)).company;
  /** A page-JSON-shaped block naming the URL's company with another id and name. */
  const impostor = (id: string) =>
    JSON.stringify({
      included: [{ universalName: ACME.slug, entityUrn: `urn:li:fsd_company:${id}`, name: 'Impostor' }],
    });

  it('reads only the marked <code> elements of a page with 10,000 of them', () => {
    const page = loggedInPage(ACME);
    const unmarked = Array.from(
      { length: 10_000 },
      (_, i) => `<code style="display: none">${impostor(`5${i}`)}</code>`,
    );
    page.body.insertAdjacentHTML('beforeend', unmarked.join(''));
    let proto: object | null = page.body;
    while (proto && !Object.getOwnPropertyDescriptor(proto, 'textContent')) proto = Object.getPrototypeOf(proto);
    const getter = vi.spyOn(proto as Element, 'textContent', 'get');
    expect(detectCompany(url, page).company).toEqual(expected);
    const codesRead = (getter.mock.contexts as Element[]).filter((el) => el.tagName === 'CODE');
    expect(codesRead.length).toBeGreaterThan(0);
    expect(codesRead.every((el) => el.id.startsWith('bpr-guid-'))).toBe(true);
  });

  it('does not parse a 20 MB page JSON block', () => {
    const page = loggedInPage(ACME);
    const huge = page.createElement('code');
    huge.id = 'bpr-guid-20';
    huge.textContent = impostor('2020202').replace('"name"', `"description":"${'x'.repeat(20 * 1024 * 1024)}","name"`);
    page.body.append(huge);
    const parsed = vi.spyOn(JSON, 'parse');
    expect(detectCompany(url, page).company).toEqual(expected);
    expect(parsed).toHaveBeenCalled();
    expect(parsed.mock.calls.every(([text]) => text.length <= PAGE_JSON_LIMITS.chars)).toBe(true);
  });
});

describe('detectLinkedInPage after in-app navigation (stale page JSON)', () => {
  // The page was first loaded for Acme; the user then navigated without a reload.
  const stale = loggedInPage(ACME);

  const NAVIGATIONS = [
    {
      to: 'another company by slug',
      url: `https://www.linkedin.com/company/${GLOBEX.slug}/`,
      only: { linkedinSlug: GLOBEX.slug },
    },
    {
      to: 'another company by id',
      url: `https://www.linkedin.com/company/${GLOBEX.id}/`,
      only: { linkedinId: GLOBEX.id },
    },
    {
      to: 'a "pages people also viewed" company',
      url: 'https://www.linkedin.com/company/also-viewed-one-synthetic/',
      only: { linkedinSlug: 'also-viewed-one-synthetic' },
    },
    {
      to: 'a "pages people also viewed" id',
      url: 'https://www.linkedin.com/company/2000002/',
      only: { linkedinId: '2000002' },
    },
  ];
  it.each(NAVIGATIONS.map((n) => [n.to, n] as const))(
    'yields the URL’s company only, after navigating to %s',
    (_to, { url, only }) => {
      const subject = detectCompany(url, stale);
      expect(subject.company).toEqual(only);
      const seen = JSON.stringify(subject);
      expect(seen).not.toContain(ACME.name);
      expect(seen).not.toContain(ACME.id);
    },
  );
});

describe('detectLinkedInPage on pages about no company', () => {
  it('yields nothing on the logged-in feed, whose JSON names the viewer’s employer', () => {
    expect(detectLinkedInPage('https://www.linkedin.com/feed/', FEED)).toBeUndefined();
  });

  it.each(LINKEDIN_URL_EXAMPLES.none)('yields nothing at %s, whatever the document says', (url) => {
    expect(detectLinkedInPage(url, FEED)).toBeUndefined();
    expect(detectLinkedInPage(url, REAL)).toBeUndefined();
    expect(detectLinkedInPage(url, loggedInPage(ACME))).toBeUndefined();
  });
});

describe('detectLinkedInPage on showcase and school pages', () => {
  it.each([
    ...LINKEDIN_URL_EXAMPLES.showcase.map((url) => ['showcase', url] as const),
    ...LINKEDIN_URL_EXAMPLES.school.map((url) => ['school', url] as const),
  ])('yields a %s page with its own slug at %s, not the document’s company', (kind, url) => {
    const slug = matchLinkedInUrl(url)?.slug;
    expect(slug).toBeTruthy();
    const subject = detectLinkedInPage(url, REAL);
    expect(subject?.kind).toBe(kind);
    expect(subject?.company).toEqual({ linkedinSlug: slug });
  });
});

describe('detectLinkedInPage on truncated, half-loaded and malformed markup', () => {
  const BROKEN: [string, string][] = [
    ['the first 3,000 characters of the real page', REAL_HTML.slice(0, 3000)],
    ['an empty document', ''],
    ['the bot wall', "<html><body><h1>Let's do a quick security check</h1></body></html>"],
    [
      'malformed JSON-LD',
      '<script type="application/ld+json">{"@type":"Organization","url":"https://www.linkedin.com/company/audiense"</script>',
    ],
    ['JSON-LD that is not an object', '<script type="application/ld+json">[null, 42, "x"]</script>'],
    ['malformed page JSON', '<code id="bpr-guid-1">{"included":[{"universalName":"audiense","entityUrn":</code>'],
    [
      'page JSON of the wrong shapes',
      '<code id="bpr-guid-1">{"included":[null,1,{"universalName":5},{"universalName":"audiense","entityUrn":7}]}</code><code id="bpr-guid-2">"universalName"</code>',
    ],
  ];

  it.each(BROKEN)('yields the URL’s answer from %s', (_what, html) => {
    const doc = parse(html);
    const bySlug = detectCompany('https://www.linkedin.com/company/audiense/', doc);
    expect(bySlug.company).toEqual({ linkedinSlug: 'audiense' });
    const byId = detectCompany('https://www.linkedin.com/company/10529043/', doc);
    expect(byId.company).toEqual({ linkedinId: '10529043' });
  });

  const full = detectCompany('https://uk.linkedin.com/company/audiense/', REAL).company;
  const cuts = [
    '"@type":"Organization"',
    'top-card-layout__title',
    'urn:li:organization:',
    'about-us__website',
    'about-us__size',
  ].map((marker) => REAL_HTML.indexOf(marker) + marker.length / 2);

  it.each(cuts)('says nothing the full page would not when cut at character %i', (cut) => {
    expect(cut).toBeGreaterThan(0);
    const partial = detectCompany('https://uk.linkedin.com/company/audiense/', parse(REAL_HTML.slice(0, cut))).company;
    expect(partial.linkedinSlug).toBe('audiense');
    expect(full).toMatchObject(partial);
  });
});
