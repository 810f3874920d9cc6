import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loggedInProfilePage, readLinkedInFixture, salesCompanyPage } from '../../../test/fixtures/linkedin/pages';
import { pageSubjectSchema } from '../../background/message-schemas';
import { detectLinkedInPage } from './detect';
import { MESSAGE_LIMITS } from './limits';
import { LINKEDIN_URL_EXAMPLES, type LinkedInKind, matchLinkedInUrl } from './urls';

// The unit tests run in Node without a DOM; linkedom (a WXT dependency) parses the fixtures.
const parse = (html: string): Document => parseHTML(html).document as unknown as Document;
const synthetic = (name: string) => readLinkedInFixture(`synthetic/${name}.html`);

/** Every committed LinkedIn fixture page, whatever its kind. */
const PAGES: Record<string, string> = {
  'real Audiense page': readLinkedInFixture('company_audiense_uk_metascraper.html'),
  'logged-in company page': synthetic('company_logged_in')
    .replaceAll('{{slug}}', 'microsoft')
    .replaceAll('{{name}}', 'Microsoft')
    .replaceAll('{{id}}', '1035'),
  'logged-in feed': synthetic('feed_logged_in'),
  'logged-in profile': loggedInProfilePage({
    slug: 'some-person-123',
    first: 'Some',
    last: 'Person',
    headline: 'Engineer',
    company: { name: 'Microsoft', id: '1035', slug: 'microsoft' },
  }),
  'profile after in-app navigation': synthetic('profile_logged_in_after_navigation'),
  'logged-out profile': synthetic('profile_logged_out'),
  'profile with two current positions': synthetic('profile_two_current_positions'),
  'profile with an employer without a page': synthetic('profile_employer_without_page'),
  'profile with hostile names': synthetic('profile_hostile_names'),
  'half-loaded profile': synthetic('profile_half_loaded'),
  '“Profile not found” page': synthetic('profile_not_found'),
  'bot wall': synthetic('checkpoint_challenge'),
  'auth wall': synthetic('authwall'),
  'Sales Navigator account': salesCompanyPage('1035', 'Microsoft'),
  'Sales Navigator lead': synthetic('sales_lead'),
  'classic Sales Navigator lead': synthetic('sales_lead_classic'),
  'empty document': '',
};
const DOCS = Object.entries(PAGES).map(([name, html]) => [name, parse(html)] as const);

const KINDS = Object.keys(LINKEDIN_URL_EXAMPLES).filter((k): k is LinkedInKind => k !== 'none');
const EXAMPLES = KINDS.flatMap((kind) => LINKEDIN_URL_EXAMPLES[kind].map((url) => [kind, url] as const));

describe('detectLinkedInPage cross-matrix: every example URL on every fixture page', () => {
  it.each(EXAMPLES)('reads a %s page at %s, whatever the document, and keeps the URL’s keys', (kind, url) => {
    const match = matchLinkedInUrl(url);
    for (const [page, doc] of DOCS) {
      const subject = detectLinkedInPage(url, doc);
      expect(subject?.kind, page).toBe(kind);
      if (!subject) continue;
      expect(subject.url).toBe(url);
      expect(subject.evidence[0]?.from, page).toBe('url');
      // What the background checks before it accepts a subject (lib/background/handlers.ts).
      if (match?.slug) expect(subject.company.linkedinSlug, page).toBe(match.slug);
      if (match?.id && kind !== 'sales-lead') expect(subject.company.linkedinId, page).toBe(match.id);
      if (match?.personSlug) expect(subject.person?.linkedinSlug, page).toBe(match.personSlug);
      expect(pageSubjectSchema.safeParse(subject).success, page).toBe(true);
    }
  });

  it.each(LINKEDIN_URL_EXAMPLES.none)('yields nothing at %s, whatever the document', (url) => {
    for (const [page, doc] of DOCS) expect(detectLinkedInPage(url, doc), page).toBeUndefined();
  });
});

describe('detectLinkedInPage never stops the content script', () => {
  /** A document whose every property throws, like markup no detector foresaw. */
  const hostileDocument = new Proxy(
    {},
    {
      get() {
        throw new Error('unexpected markup');
      },
    },
  ) as Document;

  it.each(EXAMPLES)('gives the URL’s answer for a %s page at %s when reading the page throws', (kind, url) => {
    const subject = detectLinkedInPage(url, hostileDocument);
    expect(subject?.kind).toBe(kind);
    expect(subject?.evidence).toEqual([{ from: 'url', detail: expect.any(String) }]);
  });
});

describe('detectLinkedInPage fits its answer to what the background accepts', () => {
  const url = 'https://www.linkedin.com/in/long-winded-synthetic/';
  const long = 'x'.repeat(5000);
  const entry = (i: number) => `
    <li class="artdeco-list__item"><a data-field="experience_company_logo" href="/company/${5100000 + i}/">
    <img alt="Company ${i} ${long} logo"></a><span>Jan 2020 - Present</span></li>`;
  const html = `
    <section data-member-id="1"><a href="/in/long-winded-synthetic/overlay/contact-info/">Contact info</a>
      <h1>${long}</h1><div class="text-body-medium">${long}</div>
      <button aria-label="Current company: Company 0 ${long}"><span aria-hidden="true">Company 0 ${long}</span></button>
    </section>
    <section><div id="experience"></div><ul>${Array.from({ length: 15 }, (_, i) => entry(i)).join('')}</ul></section>`;
  const subject = detectLinkedInPage(url, parse(html));

  it('cuts the names, the title and the evidence to their limits', () => {
    expect(subject?.person?.name).toHaveLength(MESSAGE_LIMITS.name);
    expect(subject?.person?.title).toHaveLength(MESSAGE_LIMITS.title);
    expect(subject?.company).toEqual({ linkedinId: '5100000', name: expect.stringMatching(/^Company 0 x+$/) });
    for (const e of subject?.evidence ?? []) expect(e.detail.length).toBeLessThanOrEqual(MESSAGE_LIMITS.detail);
  });

  it('keeps at most ten further current employers', () => {
    expect(subject?.otherCompanies).toHaveLength(MESSAGE_LIMITS.otherCompanies);
    expect(subject?.otherCompanies?.[0]?.linkedinId).toBe('5100001');
  });

  it('passes the background’s message schema', () => {
    expect(pageSubjectSchema.safeParse(subject).success).toBe(true);
  });
});
