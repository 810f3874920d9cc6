import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readLinkedInFixture, salesCompanyPage } from '../../../../test/fixtures/linkedin/pages';
import { queryAll, textOf } from '../../dom';
import { salesNavigatorSelectors } from './selectors';

// The unit tests run in Node without a DOM; linkedom (a WXT dependency) parses the fixtures.
const parse = (html: string): Document => parseHTML(html).document as unknown as Document;

const FIXTURES = {
  /** synthetic/sales_company.html, filled in for HubSpot (68529). */
  'account page': parse(salesCompanyPage('68529', 'HubSpot')),
  /** synthetic/sales_lead.html. */
  'lead page': parse(readLinkedInFixture('synthetic/sales_lead.html')),
  /** synthetic/sales_lead_classic.html. */
  'classic lead page': parse(readLinkedInFixture('synthetic/sales_lead_classic.html')),
};
type Page = keyof typeof FIXTURES;
type Key = keyof typeof salesNavigatorSelectors;

/** The top card is the section around the page's heading; the current-role area is inside it. */
const topCardOf = (doc: Document) =>
  doc
    .querySelector('h1[data-anonymize="company-name"], h1[data-x--lead--name], dt.profile-topcard-person-entity__name')
    ?.closest('section') ?? doc;
const currentRoleOf = (doc: Document) =>
  topCardOf(doc).querySelector('[data-sn-view-name="lead-current-role"], dd.profile-topcard__current-positions') ?? doc;

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

const ROWS: Row[] = [
  {
    key: 'accountName',
    selector: 'h1[data-anonymize="company-name"]',
    page: 'account page',
    finds: (found) => expect(texts(found)).toEqual(['HubSpot']),
  },
  {
    key: 'accountOwnLink',
    selector: 'a[href*="/company/"]',
    page: 'account page',
    within: topCardOf,
    finds: (found) =>
      expect(hrefs(found)).toEqual(['/sales/company/68529/people', 'https://www.linkedin.com/company/68529']),
  },
  {
    key: 'leadName',
    selector: 'h1[data-x--lead--name]',
    page: 'lead page',
    finds: (found) => expect(texts(found)).toEqual(['Morgan Lead-Synthetic']),
  },
  {
    key: 'leadName',
    selector: 'dt.profile-topcard-person-entity__name',
    page: 'classic lead page',
    finds: (found) => expect(texts(found)).toEqual(['Jordan Classic-Synthetic']),
  },
  {
    key: 'leadHeadline',
    selector: '[data-anonymize="headline"]',
    page: 'lead page',
    within: topCardOf,
    finds: (found) => expect(texts(found)).toEqual(['Building demand engines | Marketing leader']),
  },
  {
    key: 'leadHeadline',
    selector: 'dd.profile-topcard-person-entity__headline',
    page: 'classic lead page',
    within: topCardOf,
    finds: (found) => expect(texts(found)).toEqual(['Head of IT at Stark Synthetic']),
  },
  {
    key: 'leadCurrentRole',
    selector: '[data-sn-view-name="lead-current-role"]',
    page: 'lead page',
    within: topCardOf,
    finds: (found) =>
      expect(texts(found)).toEqual(['VP Marketing at Umbrella Synthetic Board Member at Acme Nonprofit Synthetic']),
  },
  {
    key: 'leadCurrentRole',
    selector: 'dd.profile-topcard__current-positions',
    page: 'classic lead page',
    within: topCardOf,
    finds: (found) => expect(texts(found)).toEqual(['Head of IT Stark Synthetic']),
  },
  {
    key: 'leadRoleTitle',
    selector: '[data-anonymize="job-title"]',
    page: 'lead page',
    within: currentRoleOf,
    finds: (found) => expect(texts(found)).toEqual(['VP Marketing', 'Board Member']),
  },
  {
    key: 'leadRoleTitle',
    selector: 'span.profile-topcard__summary-position-title',
    page: 'classic lead page',
    within: currentRoleOf,
    finds: (found) => expect(texts(found)).toEqual(['Head of IT']),
  },
  {
    key: 'leadCompanyLink',
    selector: 'a[href^="/sales/company/"]',
    page: 'lead page',
    within: currentRoleOf,
    finds: (found) => expect(hrefs(found)).toEqual(['/sales/company/3300003?_ntb=SYNTHETIC%3D%3D']),
  },
  {
    key: 'leadCompanyLink',
    selector: 'a[href^="https://www.linkedin.com/sales/company/"]',
    page: 'classic lead page',
    within: currentRoleOf,
    finds: (found) => expect(hrefs(found)).toEqual(['https://www.linkedin.com/sales/company/3300005']),
  },
  {
    key: 'leadCompanyName',
    selector: '[data-anonymize="company-name"]',
    page: 'lead page',
    within: currentRoleOf,
    finds: (found) => expect(texts(found)).toEqual(['Umbrella Synthetic', 'Acme Nonprofit Synthetic']),
  },
];

const EVERY_SELECTOR = Object.entries(salesNavigatorSelectors).flatMap(([key, alternatives]) =>
  alternatives.map((selector) => ({ key: key as Key, selector })),
);

describe('salesNavigatorSelectors on the committed fixtures', () => {
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

  it('finds the lead’s employers only in the top card: the page has more account links elsewhere', () => {
    const all = queryAll(FIXTURES['lead page'], salesNavigatorSelectors.leadCompanyLink);
    expect(all.length).toBeGreaterThan(2);
  });
});
