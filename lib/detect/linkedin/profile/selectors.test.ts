import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loggedInProfilePage, readLinkedInFixture } from '../../../../test/fixtures/linkedin/pages';
import { localisedProfilePage, profileLocale } from '../../../../test/fixtures/linkedin/profile-locales';
import { queryAll, textOf } from '../../dom';
import { inPageChrome } from './chrome';
import { runsToPresent } from './dates';
import { profileSelectors } from './selectors';

// The unit tests run in Node without a DOM; linkedom (a WXT dependency) parses the fixtures.
const parse = (html: string): Document => parseHTML(html).document as unknown as Document;

const FIXTURES = {
  /** synthetic/profile_logged_in.html, filled in for a member at Contoso Synthetic (3000003). */
  'logged-in profile': parse(
    loggedInProfilePage({
      slug: 'alex-example-synthetic',
      first: 'Alex',
      last: 'Example-Synthetic',
      headline: 'Principal Engineer at Contoso Synthetic',
      company: { name: 'Contoso Synthetic', id: '3000003', slug: 'contoso-synthetic' },
    }),
  ),
  /** synthetic/profile_two_current_positions.html: the 2021 markup. */
  '2021-markup profile': parse(readLinkedInFixture('synthetic/profile_two_current_positions.html')),
  /** synthetic/profile_logged_out.html. */
  'logged-out profile': parse(readLinkedInFixture('synthetic/profile_logged_out.html')),
  /** synthetic/profile_localised.html in German. */
  'German profile': parse(localisedProfilePage(profileLocale('de'))),
  /** synthetic/profile_employer_without_page.html: a company with positions nested in its entry. */
  'nested-positions profile': parse(readLinkedInFixture('synthetic/profile_employer_without_page.html')),
};
type Page = keyof typeof FIXTURES;
type Key = keyof typeof profileSelectors;

/** Where a selector runs: the page, or the part of it its comment names. */
const topCardOf = (doc: Document) => doc.querySelector('section[data-member-id], section.pv-top-card') ?? doc;
const experienceOf = (doc: Document) =>
  doc.querySelector('#experience, #experience-section')?.closest('section') ?? doc;

interface Row {
  key: Key;
  selector: string;
  page: Page;
  within?: (doc: Document) => ParentNode;
  /** What the comment in selectors.ts says the selector finds, checked on the elements found. */
  finds: (found: Element[]) => void;
}

const texts = (found: Element[]) => found.map(textOf);
const hrefs = (found: Element[]) => found.map((el) => el.getAttribute('href'));
const shown = (found: Element[]) => found.map((el) => textOf(el.querySelector('[aria-hidden="true"]') ?? el));

const ROWS: Row[] = [
  {
    key: 'topCard',
    selector: 'section[data-member-id]',
    page: 'logged-in profile',
    finds: (found) => expect(found.map((el) => textOf(el.querySelector('h1')))).toEqual(['Alex Example-Synthetic']),
  },
  {
    key: 'topCard',
    selector: 'section.pv-top-card',
    page: '2021-markup profile',
    finds: (found) => expect(found.map((el) => textOf(el.querySelector('h1')))).toEqual(['Casey Twojobs-Synthetic']),
  },
  {
    key: 'topCardProfileLink',
    selector: 'a[href*="/overlay/contact-info"]',
    page: 'logged-in profile',
    within: topCardOf,
    finds: (found) => expect(hrefs(found)).toEqual(['/in/alex-example-synthetic/overlay/contact-info/']),
  },
  {
    key: 'topCardProfileLink',
    selector: 'a[href*="/overlay/about-this-profile"]',
    page: 'logged-in profile',
    within: topCardOf,
    finds: (found) => expect(hrefs(found)).toEqual(['/in/alex-example-synthetic/overlay/about-this-profile/']),
  },
  {
    key: 'topCardProfileLink',
    selector: 'a[href*="/detail/contact-info"]',
    page: '2021-markup profile',
    within: topCardOf,
    finds: (found) => expect(hrefs(found)).toEqual(['/in/casey-twojobs-synthetic/detail/contact-info/']),
  },
  {
    key: 'topCardName',
    selector: 'h1',
    page: 'logged-in profile',
    within: topCardOf,
    finds: (found) => expect(texts(found)).toEqual(['Alex Example-Synthetic']),
  },
  {
    key: 'topCardHeadline',
    selector: 'div.text-body-medium',
    page: 'logged-in profile',
    within: topCardOf,
    finds: (found) => expect(texts(found)).toEqual(['Principal Engineer at Contoso Synthetic']),
  },
  {
    key: 'topCardHeadline',
    selector: 'h2.t-18',
    page: '2021-markup profile',
    within: topCardOf,
    finds: (found) =>
      expect(texts(found)).toEqual(['Operations Lead at Initech Synthetic | Advisor at Hooli Synthetic']),
  },
  {
    key: 'currentCompany',
    selector: 'button[aria-label^="Current company:"]',
    page: 'logged-in profile',
    finds: (found) => {
      // The top card's control; the navigation bar's and the side rail's are in the page chrome.
      const own = found.filter((el) => !inPageChrome(el));
      expect(own.map((el) => el.getAttribute('aria-label'))).toEqual([
        'Current company: Contoso Synthetic. Click to skip to experience card',
      ]);
      expect(shown(own)).toEqual(['Contoso Synthetic']);
    },
  },
  {
    key: 'currentCompany',
    selector: '[aria-label="Current company"]',
    page: '2021-markup profile',
    finds: (found) => expect(texts(found)).toEqual(['Initech Synthetic · Full-time']),
  },
  {
    key: 'currentCompany',
    selector: 'a[href="#experience-section"]',
    page: '2021-markup profile',
    within: topCardOf,
    finds: (found) => expect(texts(found)).toEqual(['Initech Synthetic · Full-time']),
  },
  {
    key: 'topCardOrganisation',
    selector: 'button[aria-label*=":"]',
    page: 'German profile',
    within: topCardOf,
    finds: (found) => {
      expect(found.map((el) => el.getAttribute('aria-label'))).toEqual([
        'Aktuelles Unternehmen: Northwind Synthetic. …',
        'Ausbildung: Synthetic State University. …',
      ]);
      expect(shown(found)).toEqual(['Northwind Synthetic', 'Synthetic State University']);
    },
  },
  {
    key: 'entryHeading',
    selector: '.t-bold > span[aria-hidden="true"]',
    page: 'logged-in profile',
    within: experienceOf,
    finds: (found) => expect(texts(found)).toEqual(['Principal Engineer', 'Senior Engineer']),
  },
  {
    key: 'entryHeading',
    selector: 'h3',
    page: '2021-markup profile',
    within: experienceOf,
    finds: (found) => expect(texts(found)).toEqual(['Operations Lead', 'Board Advisor', 'Analyst']),
  },
  {
    key: 'entryDates',
    selector: 'span.pvs-entity__caption-wrapper',
    page: 'German profile',
    within: experienceOf,
    finds: (found) =>
      expect(texts(found)).toEqual([
        'Juni 2023 - Heute · 2 Jahre 7 Monate',
        'März 2021 - Heute · 4 Jahre 9 Monate',
        'Jan. 2015 - Feb. 2021 · 6 Jahre 2 Monate',
      ]),
  },
  {
    key: 'entryDates',
    selector: 'h4.pv-entity__date-range > span:not(.visually-hidden)',
    page: '2021-markup profile',
    within: experienceOf,
    finds: (found) => expect(texts(found)).toEqual(['Jan 2022 – Present', 'Jun 2023 – Present', 'Sep 2016 – Dec 2021']),
  },
  {
    key: 'entryTextLines',
    selector: '*',
    page: 'nested-positions profile',
    within: experienceOf,
    finds: (found) =>
      // Among every element, the innermost whose whole text is a date line: each position's dates.
      expect(
        found
          .filter((el) => runsToPresent(textOf(el)) !== undefined)
          .filter((el, _i, lines) => !lines.some((other) => other !== el && el.contains(other)))
          .map(textOf),
      ).toEqual([
        'Feb 2024 - Present · 1 yr 10 mos',
        'Jan 2024 - Present · 2 yrs',
        'Nov 2022 - Dec 2023 · 1 yr 2 mos',
        'Apr 2015 - Jan 2024 · 8 yrs 10 mos',
      ]),
  },
  {
    key: 'experienceAnchor',
    selector: '#experience',
    page: 'logged-in profile',
    finds: (found) => {
      expect(found).toHaveLength(1);
      const section = textOf(found[0]?.closest('section') ?? null);
      expect(section).toMatch(/^Experience/);
      expect(section).toContain('Principal Engineer');
      expect(section).not.toContain('Certified Cloud Architect');
    },
  },
  {
    key: 'experienceAnchor',
    selector: '#experience-section',
    page: '2021-markup profile',
    finds: (found) => {
      expect(found.map((el) => el.closest('section'))).toEqual(found);
      expect(textOf(found[0] ?? null)).toMatch(/^Experience Operations Lead/);
    },
  },
  {
    key: 'experienceEntry',
    selector: 'li.artdeco-list__item',
    page: 'logged-in profile',
    within: experienceOf,
    finds: (found) =>
      expect(found.map((el) => textOf(el.querySelector('.t-bold span')))).toEqual([
        'Principal Engineer',
        'Senior Engineer',
      ]),
  },
  {
    key: 'experienceEntry',
    selector: 'li.pv-entity__position-group-pager',
    page: '2021-markup profile',
    within: experienceOf,
    finds: (found) =>
      expect(found.map((el) => textOf(el.querySelector('h3')))).toEqual([
        'Operations Lead',
        'Board Advisor',
        'Analyst',
      ]),
  },
  {
    key: 'entryCompanyLink',
    selector: 'a[data-field="experience_company_logo"]',
    page: 'logged-in profile',
    within: experienceOf,
    finds: (found) =>
      expect(hrefs(found)).toEqual([
        'https://www.linkedin.com/company/3000003/',
        'https://www.linkedin.com/company/5000005/',
      ]),
  },
  {
    key: 'entryCompanyLink',
    selector: 'a[data-control-name="background_details_company"]',
    page: '2021-markup profile',
    within: experienceOf,
    finds: (found) => expect(hrefs(found)).toEqual(['/company/3100001/', '/company/3100002/', '/company/3100003/']),
  },
  {
    key: 'entryCompanyLogo',
    selector: 'a[data-field="experience_company_logo"] img[alt]',
    page: 'logged-in profile',
    within: experienceOf,
    finds: (found) =>
      expect(found.map((el) => el.getAttribute('alt'))).toEqual([
        'Contoso Synthetic logo',
        'Former Employer Synthetic logo',
      ]),
  },
  {
    key: 'entryCompanyLogo',
    selector: 'img.pv-entity__logo-img[alt]',
    page: '2021-markup profile',
    within: experienceOf,
    finds: (found) =>
      expect(found.map((el) => el.getAttribute('alt'))).toEqual([
        'Initech Synthetic',
        'Hooli Synthetic',
        'Vandelay Synthetic',
      ]),
  },
  {
    key: 'entryCompanyLine',
    selector: 'span.t-14.t-normal:not(.t-black--light) > span[aria-hidden="true"]',
    page: 'logged-in profile',
    within: experienceOf,
    finds: (found) =>
      expect(texts(found)).toEqual(['Contoso Synthetic · Full-time', 'Former Employer Synthetic · Full-time']),
  },
  {
    key: 'entryCompanyLine',
    selector: 'p.pv-entity__secondary-title',
    page: '2021-markup profile',
    within: experienceOf,
    finds: (found) =>
      expect(texts(found)).toEqual([
        'Initech Synthetic Full-time',
        'Hooli Synthetic Part-time',
        'Vandelay Synthetic Full-time',
      ]),
  },
  {
    key: 'guestPage',
    selector: 'section.top-card-layout',
    page: 'logged-out profile',
    finds: (found) => expect(found.map((el) => textOf(el.querySelector('h1')))).toEqual(['Robin Guest-Synthetic']),
  },
  {
    key: 'guestPage',
    selector: 'meta[name="pageKey"][content^="public_profile"]',
    page: 'logged-out profile',
    finds: (found) => expect(found.map((el) => el.getAttribute('content'))).toEqual(['public_profile_v3_desktop']),
  },
  {
    key: 'guestName',
    selector: 'h1.top-card-layout__title',
    page: 'logged-out profile',
    finds: (found) => expect(texts(found)).toEqual(['Robin Guest-Synthetic']),
  },
  {
    key: 'guestHeadline',
    selector: 'h2.top-card-layout__headline',
    page: 'logged-out profile',
    finds: (found) => expect(texts(found)).toEqual(['Head of Growth at Globex Synthetic']),
  },
  {
    key: 'guestCurrentCompany',
    selector: '[data-section="currentPositionsDetails"] a[href*="/company/"]',
    page: 'logged-out profile',
    finds: (found) =>
      expect(hrefs(found)).toEqual([
        'https://uk.linkedin.com/company/globex-synthetic?trk=public_profile_topcard-current-company',
      ]),
  },
  {
    key: 'guestCurrentCompany',
    selector: 'a[data-tracking-control-name="public_profile_topcard-current-company"]',
    page: 'logged-out profile',
    finds: (found) => {
      // The top card's link; the side rail's look-alike is in the page chrome.
      expect(found.filter((el) => !inPageChrome(el)).map(textOf)).toEqual(['Globex Synthetic']);
      expect(found.filter(inPageChrome).map(textOf)).toEqual(['Also Viewed Corp Synthetic']);
    },
  },
  {
    key: 'canonical',
    selector: 'link[rel="canonical"]',
    page: 'logged-out profile',
    finds: (found) => expect(hrefs(found)).toEqual(['https://uk.linkedin.com/in/robin-guest-synthetic']),
  },
  {
    key: 'canonical',
    selector: 'meta[property="og:url"]',
    page: 'logged-out profile',
    finds: (found) =>
      expect(found.map((el) => el.getAttribute('content'))).toEqual([
        'https://uk.linkedin.com/in/robin-guest-synthetic',
      ]),
  },
  {
    key: 'jsonLd',
    selector: 'script[type="application/ld+json"]',
    page: 'logged-out profile',
    finds: (found) => {
      const graph = found.flatMap((el) => JSON.parse(el.textContent ?? '')['@graph']);
      expect(graph).toContainEqual(
        expect.objectContaining({ '@type': 'Person', url: 'https://uk.linkedin.com/in/robin-guest-synthetic' }),
      );
    },
  },
  {
    key: 'pageJson',
    selector: 'code[id^="bpr-guid-"]',
    page: 'logged-in profile',
    finds: (found) => {
      const json = found.map((el) => el.textContent ?? '');
      expect(json.filter((t) => t.includes('"publicIdentifier":"alex-example-synthetic"'))).toHaveLength(1);
      expect(json.filter((t) => t.includes('"publicIdentifier":"viewer-person-synthetic"'))).toHaveLength(1);
    },
  },
  {
    key: 'pageChrome',
    selector: '#global-nav',
    page: 'logged-in profile',
    finds: (found) => expect(texts(found)).toEqual([expect.stringContaining('Viewer Employer Ltd')]),
  },
  {
    key: 'pageChrome',
    selector: 'aside',
    page: 'logged-in profile',
    finds: (found) => expect(texts(found)).toEqual([expect.stringMatching(/^People also viewed/)]),
  },
];

const EVERY_SELECTOR = Object.entries(profileSelectors).flatMap(([key, alternatives]) =>
  alternatives.map((selector) => ({ key: key as Key, selector })),
);

describe('profileSelectors on the committed fixtures', () => {
  it('has a fixture check for every alternative of every selector', () => {
    const checked = ROWS.map(({ key, selector }) => ({ key, selector }));
    expect(checked).toEqual(expect.arrayContaining(EVERY_SELECTOR));
    expect(EVERY_SELECTOR).toEqual(expect.arrayContaining(checked));
  });

  it.each(ROWS.map((r) => [r.key, r.selector, r.page, r] as const))(
    '%s: %s finds it on the %s',
    (_key, selector, page, row) => {
      const doc = FIXTURES[page];
      row.finds(queryAll(row.within?.(doc) ?? doc, [selector]));
    },
  );
});
