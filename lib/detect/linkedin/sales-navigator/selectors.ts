/**
 * Every LinkedIn selector Tierlens uses in Sales Navigator: account pages
 * (`/sales/company/<id>`, `/sales/accounts/insights?companyId=<id>`) and lead pages
 * (`/sales/lead/<id>,…`). Sales Navigator hashes its class names, so these rest on its
 * `data-anonymize` and `data-x--…` attributes and on link shapes; alternatives are listed
 * newest markup first (the second is the classic, pre-2022 lead page; no classic account page
 * is known). None is positional or hashed. Each is tested against the fixture its comment names (selectors.test.ts).
 */
export const salesNavigatorSelectors = {
  // ── Account pages ───────────────────────────────────────────────────────────────────────
  /** The account's name heading, e.g. "HubSpot" (sales_company.html). Its section is the account's top card. */
  accountName: ['h1[data-anonymize="company-name"]'],
  /**
   * In the account's top card: links to this account's own pages (on LinkedIn or in Sales
   * Navigator). One naming another id means the top card is the previous page's, still on screen.
   */
  accountOwnLink: ['a[href*="/company/"]'],

  // ── Lead pages ──────────────────────────────────────────────────────────────────────────
  /**
   * The lead's name heading (sales_lead.html; classic: sales_lead_classic.html). Its section
   * is the lead's top card; "similar leads" and "also viewed" lists are elsewhere.
   */
  leadName: ['h1[data-x--lead--name]', 'dt.profile-topcard-person-entity__name'],
  /** In the lead's top card: their headline. */
  leadHeadline: ['[data-anonymize="headline"]', 'dd.profile-topcard-person-entity__headline'],
  /** In the lead's top card: the current-role area (one or more current positions). */
  leadCurrentRole: ['[data-sn-view-name="lead-current-role"]', 'dd.profile-topcard__current-positions'],
  /** In the current-role area: a position's title, e.g. "VP Marketing". */
  leadRoleTitle: ['[data-anonymize="job-title"]', 'span.profile-topcard__summary-position-title'],
  /** In the current-role area: the employer's Sales Navigator account link (relative or absolute). */
  leadCompanyLink: ['a[href^="/sales/company/"]', 'a[href^="https://www.linkedin.com/sales/company/"]'],
  /** In the current-role area: the employer's name, linked or not (an employer without a LinkedIn page). */
  leadCompanyName: ['[data-anonymize="company-name"]'],
} as const;
