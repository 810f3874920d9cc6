import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readLinkedInFixture, salesCompanyPage } from '../../../../test/fixtures/linkedin/pages';
import type { PageSubject } from '../../types';
import { detectLinkedInPage } from '../detect';

// The unit tests run in Node without a DOM; linkedom (a WXT dependency) parses the fixtures.
const parse = (html: string): Document => parseHTML(html).document as unknown as Document;
const synthetic = (name: string) => readLinkedInFixture(`synthetic/${name}.html`);

function detect(url: string, doc: Document): PageSubject {
  const subject = detectLinkedInPage(url, doc);
  if (!subject) throw new Error(`nothing detected at ${url}`);
  return subject;
}

/** Companies the Sales Navigator fixtures name outside the subject: the viewer's, similar, also viewed, past. */
const TRAPS = [
  'Viewer',
  '9999991',
  'Similar',
  '34000',
  'Also Viewed',
  '3300099',
  '3300098',
  '3300097',
  'Past Employer',
  '3300004',
];

describe('detectLinkedInPage on Sales Navigator account pages', () => {
  const HUBSPOT = parse(salesCompanyPage('68529', 'HubSpot'));

  it.each([
    'https://www.linkedin.com/sales/company/68529',
    'https://www.linkedin.com/sales/company/68529/people?trk=x',
    'https://www.linkedin.com/sales/accounts/insights?companyId=68529',
  ])('reads the account’s id from the URL and its name from the heading at %s', (url) => {
    const subject = detect(url, HUBSPOT);
    expect(subject).toMatchObject({ site: 'linkedin', kind: 'sales-company', url });
    expect(subject.company).toEqual({ linkedinId: '68529', name: 'HubSpot' });
    expect(subject.person).toBeUndefined();
    expect(subject.evidence).toEqual([
      { from: 'url', detail: 'Sales Navigator account 68529' },
      { from: 'dom', detail: 'account heading: HubSpot' },
    ]);
    const seen = JSON.stringify(subject);
    for (const trap of TRAPS) expect(seen).not.toContain(trap);
  });

  it('yields the URL’s id only while the previous account’s top card is still on screen', () => {
    const subject = detect('https://www.linkedin.com/sales/company/1035', HUBSPOT);
    expect(subject.company).toEqual({ linkedinId: '1035' });
    expect(JSON.stringify(subject)).not.toContain('HubSpot');
  });

  it('passes a heading with markup on as the plain string the page shows', () => {
    const doc = parse(salesCompanyPage('4242424', '<img src=x onerror=alert(1)> Hostile & Co'));
    const subject = detect('https://www.linkedin.com/sales/company/4242424', doc);
    expect(subject.company).toEqual({ linkedinId: '4242424', name: '<img src=x onerror=alert(1)> Hostile & Co' });
  });

  it.each([
    ['a lead page', synthetic('sales_lead')],
    ['the bot wall', synthetic('checkpoint_challenge')],
    ['the auth wall', synthetic('authwall')],
    ['an empty document', ''],
    ['the page cut before its heading', salesCompanyPage('68529', 'HubSpot').split('<h1')[0] ?? ''],
  ])('yields the URL’s id only on %s', (_what, html) => {
    const subject = detect('https://www.linkedin.com/sales/company/68529', parse(html));
    expect(subject.company).toEqual({ linkedinId: '68529' });
    expect(subject.evidence).toEqual([{ from: 'url', detail: 'Sales Navigator account 68529' }]);
  });
});

describe('detectLinkedInPage on Sales Navigator lead pages', () => {
  const LEAD_URL = 'https://www.linkedin.com/sales/lead/ACwAAA1BcDEFgh2,NAME_SEARCH,xYz1';

  const ROWS = [
    {
      page: 'current lead page',
      html: synthetic('sales_lead'),
      person: { name: 'Morgan Lead-Synthetic', title: 'VP Marketing' },
      company: { linkedinId: '3300003', name: 'Umbrella Synthetic' },
      otherCompanies: [{ name: 'Acme Nonprofit Synthetic' }],
    },
    {
      page: 'classic lead page',
      html: synthetic('sales_lead_classic'),
      person: { name: 'Jordan Classic-Synthetic', title: 'Head of IT' },
      company: { linkedinId: '3300005', name: 'Stark Synthetic' },
      otherCompanies: undefined,
    },
  ];

  it.each(ROWS.map((r) => [r.page, r] as const))(
    'reads the lead and their current employers from the top card of the %s',
    (_page, row) => {
      const subject = detect(LEAD_URL, parse(row.html));
      expect(subject.kind).toBe('sales-lead');
      expect(subject.person).toEqual(row.person);
      expect(subject.company).toEqual(row.company);
      expect(subject.otherCompanies).toEqual(row.otherCompanies);
      expect(subject.evidence[0]).toEqual({ from: 'url', detail: 'Sales Navigator lead ACwAAA1BcDEFgh2' });
      expect(subject.evidence).toContainEqual({ from: 'dom', detail: `lead top card: ${row.person.name}` });
      const seen = JSON.stringify(subject);
      for (const trap of TRAPS) expect(seen).not.toContain(trap);
    },
  );

  it('takes the headline as the title when the current-role area has none', () => {
    const html = synthetic('sales_lead').replaceAll('data-anonymize="job-title"', 'data-anonymize="other"');
    expect(detect(LEAD_URL, parse(html)).person?.title).toBe('Building demand engines | Marketing leader');
  });

  it.each([
    ['an account page', salesCompanyPage('68529', 'HubSpot')],
    ['the bot wall', synthetic('checkpoint_challenge')],
    ['a member profile', synthetic('profile_logged_out')],
    ['an empty document', ''],
    ['the page cut before the lead’s name', synthetic('sales_lead').split('<h1')[0] ?? ''],
  ])('yields the URL’s answer only on %s: no person, no company', (_what, html) => {
    const subject = detect(LEAD_URL, parse(html));
    expect(subject).toEqual({
      site: 'linkedin',
      kind: 'sales-lead',
      url: LEAD_URL,
      company: {},
      evidence: [{ from: 'url', detail: 'Sales Navigator lead ACwAAA1BcDEFgh2' }],
    });
  });

  it('reads the lead whose top card is cut after the current-role area began, without its employers', () => {
    const html = synthetic('sales_lead');
    const cut = html.slice(0, html.indexOf('<a href="/sales/company/3300003'));
    const subject = detect(LEAD_URL, parse(cut));
    expect(subject.person).toEqual({ name: 'Morgan Lead-Synthetic', title: 'VP Marketing' });
    expect(subject.company).toEqual({});
  });
});

describe('detectLinkedInPage on Sales Navigator lead pages at /sales/people/', () => {
  const PEOPLE_URL = 'https://www.linkedin.com/sales/people/ACwAAA2PeOPLE3,NAME_SEARCH,pQr7';

  it('reads the lead and their current employer, named by the lead id of the URL', () => {
    const subject = detect(PEOPLE_URL, parse(synthetic('sales_people')));
    expect(subject).toMatchObject({ site: 'linkedin', kind: 'sales-lead', url: PEOPLE_URL });
    expect(subject.person).toEqual({ name: 'Riley People-Synthetic', title: 'Head of Procurement' });
    expect(subject.company).toEqual({ linkedinId: '3300006', name: 'Soylent Synthetic' });
    expect(subject.otherCompanies).toBeUndefined();
    expect(subject.evidence[0]).toEqual({ from: 'url', detail: 'Sales Navigator lead ACwAAA2PeOPLE3' });
    const seen = JSON.stringify(subject);
    for (const trap of TRAPS) expect(seen).not.toContain(trap);
  });

  it('reads the same lead page whichever of the two paths it was opened at', () => {
    const html = parse(synthetic('sales_lead'));
    const atLead = detect('https://www.linkedin.com/sales/lead/ACwAAA1BcDEFgh2,NAME_SEARCH,xYz1', html);
    const atPeople = detect('https://www.linkedin.com/sales/people/ACwAAA1BcDEFgh2,NAME_SEARCH,xYz1', html);
    expect(atPeople.company).toEqual({ linkedinId: '3300003', name: 'Umbrella Synthetic' });
    expect({ ...atPeople, url: '' }).toEqual({ ...atLead, url: '' });
  });

  it('yields nothing for the /sales/people/ path without a lead id', () => {
    expect(
      detectLinkedInPage('https://www.linkedin.com/sales/people/', parse(synthetic('sales_people'))),
    ).toBeUndefined();
  });
});
