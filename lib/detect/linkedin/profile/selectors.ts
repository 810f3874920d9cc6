/**
 * Every LinkedIn selector Tierlens uses on member profiles (`/in/<slug>/`). Alternatives are
 * listed newest markup first; none is positional or a hashed class name. "In the top card",
 * "in an entry" and so on mean the selector is run inside that element, not the whole page.
 * Each is tested against the fixture its comment names (selectors.test.ts next to this file).
 */
export const profileSelectors = {
  // ── Logged-in profiles (the single-page app) ────────────────────────────────────────────
  /**
   * The profile's top card, e.g. profile_logged_in.html (`data-member-id`) and, in the 2021
   * markup, profile_two_current_positions.html (`pv-top-card`). When neither matches, the
   * section around the top card's own links (`topCardProfileLink`) is the top card.
   */
  topCard: ['section[data-member-id]', 'section.pv-top-card'],
  /**
   * In the top card: links to the member's own overlays (`/in/<slug>/overlay/contact-info/`,
   * `…/about-this-profile/`; 2021 markup: `/in/<slug>/detail/contact-info/`). The single-page
   * app renders them with the top card, so they name whose top card is on screen even when the
   * page JSON is stale.
   */
  topCardProfileLink: [
    'a[href*="/overlay/contact-info"]',
    'a[href*="/overlay/about-this-profile"]',
    'a[href*="/detail/contact-info"]',
  ],
  /** In the top card: the member's name heading. */
  topCardName: ['h1'],
  /** In the top card: the member's headline ("Principal Engineer at …"). */
  topCardHeadline: ['div.text-body-medium', 'h2.t-18'],
  /**
   * The top card's current-company control. Its text is the company, sometimes with
   * " · Full-time"; its label is "Current company: <name>. Click to skip to experience card"
   * (2021 markup: a bare "Current company" label on the name, inside a link to
   * `#experience-section`, which names it in any language). Never read inside the page chrome.
   */
  currentCompany: [
    'button[aria-label^="Current company:"]',
    'a[href="#experience-section"]',
    '[aria-label="Current company"]',
  ],
  /**
   * In the top card: the controls naming an organisation, labelled "<label>: <name>. <hint>" in
   * the interface language ("Current company: …", "Education: …", "Aktuelles Unternehmen: …",
   * profile_localised.html). Which is the employer, the experience section tells.
   */
  topCardOrganisation: ['button[aria-label*=":"]'],
  /**
   * The experience section's anchor: `#experience` inside the section (profile_logged_in.html),
   * or the section itself in the 2021 markup (`#experience-section`). The section around it is
   * the experience section; certifications, volunteering and recommendations are other sections.
   */
  experienceAnchor: ['#experience', '#experience-section'],
  /**
   * In the experience section: one entry (a position, or a company with several positions,
   * whose nested positions are entries inside it and are skipped).
   */
  experienceEntry: ['li.artdeco-list__item', 'li.pv-entity__position-group-pager'],
  /** In an entry: the link to the employer's company page (`/company/<numeric id>/`). */
  entryCompanyLink: ['a[data-field="experience_company_logo"]', 'a[data-control-name="background_details_company"]'],
  /** In an entry: the employer's logo, whose alt is "<name> logo" (2021 markup: "<name>"). */
  entryCompanyLogo: ['a[data-field="experience_company_logo"] img[alt]', 'img.pv-entity__logo-img[alt]'],
  /**
   * In an entry: its bold heading, the job title (a company with several positions: the
   * company's name), e.g. "Principal Engineer" (2021 markup: the `h3`).
   */
  entryHeading: ['.t-bold > span[aria-hidden="true"]', 'h3'],
  /**
   * In an entry: its dates line, "Mar 2021 - Present · 4 yrs 9 mos" in the interface language
   * ("mars 2021 - aujourd’hui · 4 ans 9 mois", profile_localised.html); 2021 markup: "Jan 2022 –
   * Present" after a hidden "Dates Employed". Whether a line is a date range, its text says (dates.ts).
   */
  entryDates: ['span.pvs-entity__caption-wrapper', 'h4.pv-entity__date-range > span:not(.visually-hidden)'],
  /**
   * In an entry whose dates none of `entryDates` finds (a nested position, e.g.
   * profile_employer_without_page.html; markup not known yet): every element, its text read for
   * a whole date line.
   */
  entryTextLines: ['*'],
  /** In an entry: the line naming the employer, "<name> · Full-time" (2021 markup: "<name>" then a span). */
  entryCompanyLine: [
    'span.t-14.t-normal:not(.t-black--light) > span[aria-hidden="true"]',
    'p.pv-entity__secondary-title',
  ],

  // ── Logged-out (public) profiles, served whole: no in-app navigation ───────────────────
  /** Marks a logged-out profile, e.g. profile_logged_out.html: the guest top card or the guest page key. */
  guestPage: ['section.top-card-layout', 'meta[name="pageKey"][content^="public_profile"]'],
  /** The member's name on the guest top card. */
  guestName: ['h1.top-card-layout__title'],
  /** The member's headline on the guest top card. */
  guestHeadline: ['h2.top-card-layout__headline'],
  /** On the guest top card: the current employers' company links (used when the JSON-LD is missing). */
  guestCurrentCompany: [
    '[data-section="currentPositionsDetails"] a[href*="/company/"]',
    'a[data-tracking-control-name="public_profile_topcard-current-company"]',
  ],
  /** The guest page's canonical URL, e.g. `https://uk.linkedin.com/in/<slug>`. */
  canonical: ['link[rel="canonical"]', 'meta[property="og:url"]'],
  /** Structured data; on public profiles a graph with the `Person` and their `worksFor`. */
  jsonLd: ['script[type="application/ld+json"]'],

  // ── Both ──────────────────────────────────────────────────────────────────────────────────
  /**
   * Logged-in bootstrapped page JSON: profile entities with `publicIdentifier`, in LinkedIn's data
   * islands `<code style="display: none" id="bpr-guid-<n>">` (not every `<code>`). After in-app
   * navigation it still describes the first page loaded, so it only ever confirms the top card.
   */
  pageJson: ['code[id^="bpr-guid-"]'],
  /**
   * The page chrome: the navigation bar (the viewer's own profile and employer) and the side
   * rail ("people also viewed"). Nothing inside it is ever the member's.
   */
  pageChrome: ['#global-nav', 'aside'],
} as const;
