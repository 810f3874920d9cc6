import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  loggedInProfilePage,
  readLinkedInFixture,
  type SyntheticMember,
} from '../../../../test/fixtures/linkedin/pages';
import type { CompanyRef, PageSubject, PersonRef } from '../../types';
import { detectLinkedInPage } from '../detect';

// The unit tests run in Node without a DOM; linkedom (a WXT dependency) parses the fixtures.
const parse = (html: string): Document => parseHTML(html).document as unknown as Document;
const synthetic = (name: string) => readLinkedInFixture(`synthetic/${name}.html`);

const ALEX: SyntheticMember = {
  slug: 'alex-example-synthetic',
  first: 'Alex',
  last: 'Example-Synthetic',
  headline: 'Principal Engineer at Contoso Synthetic',
  company: { name: 'Contoso Synthetic', id: '3000003', slug: 'contoso-synthetic' },
};
const LOGGED_IN_HTML = loggedInProfilePage(ALEX);
/** The same page without the top card's overlay links: only the page JSON can confirm it. */
const withoutOverlayLinks = (html: string) => html.replace(/<a [^>]*href="\/in\/[^"]*\/overlay\/[^"]*"[^>]*>/g, '<a>');

/**
 * Every company a trap on the fixtures names: the viewer's employer (navigation bar, page JSON),
 * past employers, certifications, volunteering, recommendations, "people also viewed", the
 * first-loaded profile's employer in stale page JSON. None may appear anywhere in a result.
 */
const TRAPS = [
  'Viewer Employer',
  '9999991',
  'viewer-employer',
  'Former Employer',
  '5000005',
  'Certifying Body',
  '6000006',
  'Volunteer Org',
  '6100006',
  'Recommender Corp',
  '6200006',
  'Also Viewed',
  'also-viewed',
  '7000007',
  'First Loaded',
  '8000008',
  'Frankie',
  'Initrode',
  'Vandelay',
  '3100003',
  'Certifier',
  '3100009',
  '3100010',
  'Oscorp',
  '3200003',
  'Big Bakery',
  '3200010',
  'Suggested',
];

interface Expected {
  person: PersonRef;
  company: CompanyRef;
  otherCompanies?: CompanyRef[];
}

function detectProfile(url: string, doc: Document): PageSubject {
  const subject = detectLinkedInPage(url, doc);
  if (subject?.kind !== 'profile') throw new Error(`no profile detected at ${url}`);
  return subject;
}

const ROWS: { page: string; html: string; url: string; expected: Expected }[] = [
  {
    page: 'logged-in profile',
    html: LOGGED_IN_HTML,
    url: 'https://www.linkedin.com/in/alex-example-synthetic/',
    expected: {
      person: { linkedinSlug: ALEX.slug, name: 'Alex Example-Synthetic', title: ALEX.headline },
      company: { linkedinId: '3000003', name: 'Contoso Synthetic' },
    },
  },
  {
    page: 'logged-in profile, on a country subdomain, a subpage and a mixed-case slug',
    html: LOGGED_IN_HTML,
    url: 'https://uk.linkedin.com/in/Alex-Example-Synthetic/details/experience/?originalSubdomain=uk',
    expected: {
      person: { linkedinSlug: ALEX.slug, name: 'Alex Example-Synthetic', title: ALEX.headline },
      company: { linkedinId: '3000003', name: 'Contoso Synthetic' },
    },
  },
  {
    page: 'logged-in profile without overlay links, confirmed by the page JSON',
    html: withoutOverlayLinks(LOGGED_IN_HTML),
    url: 'https://www.linkedin.com/in/alex-example-synthetic/',
    expected: {
      person: { linkedinSlug: ALEX.slug, name: 'Alex Example-Synthetic', title: ALEX.headline },
      company: { linkedinId: '3000003', name: 'Contoso Synthetic' },
    },
  },
  {
    page: 'profile re-rendered after in-app navigation (stale page JSON)',
    html: synthetic('profile_logged_in_after_navigation'),
    url: 'https://www.linkedin.com/in/blake-navigated-synthetic/',
    expected: {
      person: {
        linkedinSlug: 'blake-navigated-synthetic',
        name: 'Blake Navigated',
        title: 'Head of Data at Navigated Corp Synthetic',
      },
      company: { linkedinId: '8100008', name: 'Navigated Corp Synthetic' },
    },
  },
  {
    page: 'logged-out profile (JSON-LD worksFor)',
    html: synthetic('profile_logged_out'),
    url: 'https://www.linkedin.com/in/robin-guest-synthetic/',
    expected: {
      person: {
        linkedinSlug: 'robin-guest-synthetic',
        name: 'Robin Guest-Synthetic',
        title: 'Head of Growth at Globex Synthetic',
      },
      company: { linkedinSlug: 'globex-synthetic', name: 'Globex Synthetic' },
    },
  },
  {
    page: 'profile with two current positions (2021 markup)',
    html: synthetic('profile_two_current_positions'),
    url: 'https://www.linkedin.com/in/casey-twojobs-synthetic/',
    expected: {
      person: {
        linkedinSlug: 'casey-twojobs-synthetic',
        name: 'Casey Twojobs-Synthetic',
        title: 'Operations Lead at Initech Synthetic | Advisor at Hooli Synthetic',
      },
      company: { linkedinId: '3100001', name: 'Initech Synthetic' },
      otherCompanies: [{ linkedinId: '3100002', name: 'Hooli Synthetic' }],
    },
  },
  {
    page: 'profile whose current employer has no LinkedIn page',
    html: synthetic('profile_employer_without_page'),
    url: 'https://www.linkedin.com/in/dana-baker-synthetic/',
    expected: {
      person: {
        linkedinSlug: 'dana-baker-synthetic',
        name: 'Dana Baker-Synthetic',
        title: 'Owner, Tiny Bakery Synthetic',
      },
      company: { name: 'Tiny Bakery Synthetic' },
      otherCompanies: [{ linkedinId: '3200002', name: 'Massive Dynamic Synthetic' }],
    },
  },
  {
    page: 'half-loaded profile (experience still loading, document cut off)',
    html: synthetic('profile_half_loaded'),
    url: 'https://www.linkedin.com/in/halfway-person-synthetic/',
    expected: {
      person: { linkedinSlug: 'halfway-person-synthetic', name: 'Harper Halfway', title: 'Product Manager' },
      company: { name: 'Partial Corp Synthetic' },
    },
  },
];

describe('detectLinkedInPage on profiles verified to be the URL’s', () => {
  it.each(ROWS.map((r) => [r.page, r] as const))('reads the member and their employers on the %s', (_page, row) => {
    const subject = detectProfile(row.url, parse(row.html));
    expect(subject.url).toBe(row.url);
    expect({ person: subject.person, company: subject.company, otherCompanies: subject.otherCompanies }).toEqual({
      otherCompanies: undefined,
      ...row.expected,
    });
  });

  it.each(ROWS.map((r) => [r.page, r] as const))('never reports a trap’s company on the %s', (_page, row) => {
    const seen = JSON.stringify(detectProfile(row.url, parse(row.html)));
    for (const trap of TRAPS) expect(seen).not.toContain(trap);
  });

  it('gives evidence for each fact: the URL, the verification, the top card and the experience entry', () => {
    const { evidence } = detectProfile('https://www.linkedin.com/in/alex-example-synthetic/', parse(LOGGED_IN_HTML));
    expect(evidence).toEqual([
      { from: 'url', detail: 'profile /in/alex-example-synthetic/' },
      { from: 'dom', detail: 'top card links to /in/alex-example-synthetic/' },
      { from: 'dom', detail: 'top card current company: Contoso Synthetic' },
      { from: 'dom', detail: 'current experience entry: Contoso Synthetic https://www.linkedin.com/company/3000003/' },
    ]);
  });

  it('says the page JSON confirmed a top card without overlay links', () => {
    const url = 'https://www.linkedin.com/in/alex-example-synthetic/';
    const { evidence } = detectProfile(url, parse(withoutOverlayLinks(LOGGED_IN_HTML)));
    expect(evidence).toContainEqual({ from: 'page-json', detail: expect.stringContaining('alex-example-synthetic') });
  });

  it('gives evidence for the logged-out page’s canonical link, JSON-LD Person and worksFor', () => {
    const url = 'https://www.linkedin.com/in/robin-guest-synthetic/';
    const { evidence } = detectProfile(url, parse(synthetic('profile_logged_out')));
    expect(evidence).toEqual(
      expect.arrayContaining([
        { from: 'dom', detail: 'canonical URL https://uk.linkedin.com/in/robin-guest-synthetic' },
        { from: 'meta', detail: 'canonical URL https://uk.linkedin.com/in/robin-guest-synthetic' },
        { from: 'json-ld', detail: 'JSON-LD Person https://uk.linkedin.com/in/robin-guest-synthetic' },
        { from: 'json-ld', detail: expect.stringMatching(/^JSON-LD worksFor Globex Synthetic https:/) },
      ]),
    );
  });
});

describe('detectLinkedInPage on profiles it cannot verify: the URL’s answer only', () => {
  const afterNavigation = synthetic('profile_logged_in_after_navigation');
  const UNVERIFIED: [string, string, string][] = [
    ['another member’s logged-in page (stale after navigation)', LOGGED_IN_HTML, 'someone-else-synthetic'],
    [
      'the first-loaded member, while the top card still shows the next one (page JSON matches the URL)',
      afterNavigation,
      'first-loaded-person-synthetic',
    ],
    [
      'the first-loaded member on a top card without overlay links that shows another name',
      withoutOverlayLinks(afterNavigation),
      'first-loaded-person-synthetic',
    ],
    [
      'the navigated-to member on a top card without overlay links and no page JSON for them',
      withoutOverlayLinks(afterNavigation),
      'blake-navigated-synthetic',
    ],
    ['another member’s logged-out page', synthetic('profile_logged_out'), 'someone-else-synthetic'],
    ['the “Profile not found” page', synthetic('profile_not_found'), 'some-person-123'],
    ['the bot wall', synthetic('checkpoint_challenge'), 'some-person-123'],
    ['the auth wall', synthetic('authwall'), 'robin-guest-synthetic'],
    ['the logged-in feed', synthetic('feed_logged_in'), 'viewer-person-synthetic'],
    [
      'a logged-in company page',
      synthetic('company_logged_in')
        .replaceAll('{{slug}}', 'acme')
        .replaceAll('{{name}}', 'Acme')
        .replaceAll('{{id}}', '1'),
      'some-person-123',
    ],
    ['an empty document', '', 'some-person-123'],
  ];

  it.each(UNVERIFIED)('on %s', (_what, html, slug) => {
    const url = `https://www.linkedin.com/in/${slug}/`;
    const subject = detectProfile(url, parse(html));
    expect(subject).toEqual({
      site: 'linkedin',
      kind: 'profile',
      url,
      company: {},
      person: { linkedinSlug: slug },
      evidence: [{ from: 'url', detail: `profile /in/${slug}/` }],
    });
  });
});

describe('detectLinkedInPage on profile traps', () => {
  it('takes the first current experience entry when the top card has no current-company control', () => {
    // The navigation bar and the side rail carry such controls too: they are never the member's.
    const html = LOGGED_IN_HTML.replace(
      /<li class="Dm3pYtq">\s*<button aria-label="Current company:[\s\S]*?<\/li>/,
      '',
    );
    expect(html).not.toBe(LOGGED_IN_HTML);
    const subject = detectProfile('https://www.linkedin.com/in/alex-example-synthetic/', parse(html));
    expect(subject.company).toEqual({ linkedinId: '3000003', name: 'Contoso Synthetic' });
  });

  it('names no employer when neither the top card nor an experience entry says one is current', () => {
    const html = LOGGED_IN_HTML.replace(/<li class="Dm3pYtq">\s*<button aria-label="Current company:[\s\S]*?<\/li>/, '')
      .replace('Mar 2021 - Present', 'Mar 2021 - Dec 2024')
      .replace('Mar 2021 to Present', 'Mar 2021 to Dec 2024');
    const subject = detectProfile('https://www.linkedin.com/in/alex-example-synthetic/', parse(html));
    expect(subject.company).toEqual({});
    expect(subject.person?.name).toBe('Alex Example-Synthetic');
  });

  it('keeps the top card’s employer, named only, when the experience section names another', () => {
    const html = LOGGED_IN_HTML.replace('Contoso Synthetic logo', 'Renamed Corp logo').replaceAll(
      'Contoso Synthetic · Full-time',
      'Renamed Corp · Full-time',
    );
    const subject = detectProfile('https://www.linkedin.com/in/alex-example-synthetic/', parse(html));
    expect(subject.company).toEqual({ name: 'Contoso Synthetic' });
    expect(subject.otherCompanies).toEqual([{ linkedinId: '3000003', name: 'Renamed Corp' }]);
  });

  const LOGGED_OUT = synthetic('profile_logged_out');
  const ROBIN = 'https://www.linkedin.com/in/robin-guest-synthetic/';

  it('reads several logged-out worksFor in order, one without a LinkedIn page by name only', () => {
    const html = LOGGED_OUT.replace(
      '"worksFor":[',
      '"worksFor":[{"@type":"Organization","name":"Robin’s Bakery Synthetic"},{"@type":"Organization","name":"Umbrella Synthetic","url":"https://www.linkedin.com/company/3300003"},',
    );
    const subject = detectProfile(ROBIN, parse(html));
    expect(subject.company).toEqual({ name: 'Robin’s Bakery Synthetic' });
    expect(subject.otherCompanies).toEqual([
      { linkedinId: '3300003', name: 'Umbrella Synthetic' },
      { linkedinSlug: 'globex-synthetic', name: 'Globex Synthetic' },
    ]);
  });

  it('falls back to the guest top card’s company links when the page has no JSON-LD, never the side rail’s', () => {
    const html = LOGGED_OUT.replace(/<script type="application\/ld\+json">.*?<\/script>/s, '');
    const subject = detectProfile(ROBIN, parse(html));
    expect(subject.company).toEqual({ linkedinSlug: 'globex-synthetic', name: 'Globex Synthetic' });
    expect(subject.otherCompanies).toBeUndefined();
  });

  it('does not trust a logged-out page whose canonical link names another member', () => {
    const html = LOGGED_OUT.replace(
      '<link rel="canonical" href="https://uk.linkedin.com/in/robin-guest-synthetic">',
      '<link rel="canonical" href="https://uk.linkedin.com/in/someone-else-synthetic">',
    );
    expect(detectProfile(ROBIN, parse(html)).company).toEqual({});
  });
});

describe('detectLinkedInPage on names with markup', () => {
  const url = 'https://www.linkedin.com/in/hostile-person-synthetic/';
  const subject = detectProfile(url, parse(synthetic('profile_hostile_names')));

  it('passes the member’s name and headline on as the plain strings the page shows', () => {
    expect(subject.person).toEqual({
      linkedinSlug: 'hostile-person-synthetic',
      name: '<img src=x onerror=alert(1)> Mallory',
      title: '<script>alert("headline")</script> CEO at <b>Hostile</b> & Co\'s',
    });
  });

  it('passes the employer’s name on as the plain string the page shows', () => {
    expect(subject.company).toEqual({ linkedinId: '4242424', name: '<img src=x onerror=alert(1)> Hostile & Co' });
  });

  it('is verified by the page JSON too, whose escaped name matches the top card’s', () => {
    const html = withoutOverlayLinks(synthetic('profile_hostile_names'));
    expect(detectProfile(url, parse(html)).person?.name).toBe('<img src=x onerror=alert(1)> Mallory');
  });
});

describe('detectLinkedInPage on truncated profiles', () => {
  const url = 'https://www.linkedin.com/in/alex-example-synthetic/';
  const full = detectProfile(url, parse(LOGGED_IN_HTML));
  const cuts = [
    'class="text-heading-xlarge',
    'data-generated-suggestion-target',
    'href="/in/alex-example-synthetic/overlay/contact-info/',
    'aria-label="Current company:',
    'id="experience"',
    'data-field="experience_company_logo"',
    'alt="Contoso Synthetic logo"',
    'Mar 2021 - Present',
    'id="licenses_and_certifications"',
    'id="bpr-guid-101"',
  ].map((marker) => [marker, LOGGED_IN_HTML.indexOf(marker)] as const);

  it.each(cuts)('says nothing the full page would not when cut at %s', (_marker, cut) => {
    expect(cut).toBeGreaterThan(0);
    const partial = detectProfile(url, parse(LOGGED_IN_HTML.slice(0, cut)));
    expect(partial.person?.linkedinSlug).toBe(ALEX.slug);
    expect(full.person).toMatchObject(partial.person ?? {});
    expect(full.company).toMatchObject(partial.company);
    expect(partial.otherCompanies).toBeUndefined();
  });
});
