/**
 * Every LinkedIn selector Tierlens uses on company, showcase and school pages. Alternatives
 * are listed newest markup first; none is positional or a hashed class name. Each is tested
 * against the committed fixtures in test/fixtures/linkedin/ (selectors.test.ts next to this file).
 */
export const companyPageSelectors = {
  /** The company's name heading. Logged-in org top card; logged-out guest top card. */
  name: ['h1.org-top-card-summary__title', 'h1.top-card-layout__title'],
  /** The page's canonical URL, e.g. `https://uk.linkedin.com/company/audiense` (logged-out). */
  canonical: ['link[rel="canonical"]'],
  /** Structured data; on logged-out company pages an `Organization` with the company's LinkedIn URL. */
  jsonLd: ['script[type="application/ld+json"]'],
  /** The company's organization URN on the logged-out page's follow controls. */
  organizationUrn: ['[data-semaphore-content-urn^="urn:li:organization:"]'],
  /**
   * Logged-in bootstrapped page JSON (`universalName`, `urn:li:fsd_company:<id>`): LinkedIn's data
   * islands `<code style="display: none" id="bpr-guid-<n>">`, not every `<code>` (their request
   * descriptions, `id="datalet-bpr-guid-<n>"`, do not match). After in-app navigation it still
   * describes the first page loaded, so it is trusted only when it matches the URL.
   */
  pageJson: ['code[id^="bpr-guid-"]'],
  /** The website link in the about section (logged-out). Its href goes through LinkedIn's redirector. */
  website: ['[data-test-id="about-us__website"] a[href]', 'a[data-tracking-control-name="about_website"]'],
  /** The industry in the about section (logged-out), e.g. "Advertising Services". */
  industry: ['[data-test-id="about-us__industry"] dd'],
  /** The company-size range in the about section (logged-out), e.g. "51-200 employees". */
  sizeRange: ['[data-test-id="about-us__size"] dd'],
  /** The headquarters in the about section (logged-out), e.g. "London, London". */
  headquarters: ['[data-test-id="about-us__headquarters"] dd'],
} as const;
