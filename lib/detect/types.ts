/** What a page is about, as far as Tierlens cares. */
export type PageKind =
  /** A LinkedIn company page and its tabs. */
  | 'company'
  /** A LinkedIn showcase page: its own kind, not the parent company. */
  | 'showcase'
  /** A LinkedIn school page. */
  | 'school'
  /** A LinkedIn member profile: the person and their current employer. */
  | 'profile'
  /** A Sales Navigator company page or account insights. */
  | 'sales-company'
  /** A Sales Navigator lead page: the person and their company. */
  | 'sales-lead'
  /** A company's own website. */
  | 'website';

/** One fact the detector relied on, so that the side panel can say why it thinks so. */
export interface Evidence {
  /** Where the fact came from. */
  from: 'url' | 'page-json' | 'json-ld' | 'dom' | 'meta';
  /** What it said, in words. */
  detail: string;
}

/** A company as a page identifies it. Every part is optional; the URL's parts are the strongest. */
export interface CompanyRef {
  name?: string;
  linkedinSlug?: string;
  linkedinId?: string;
  /** The company's website (a URL or host name). */
  website?: string;
  /** Firmographics the page states, in its own words (e.g. "51-200 employees", "London, London"). */
  industry?: string;
  sizeRange?: string;
  headquarters?: string;
  /** Firmographics the page states as values: a headcount, an ISO 3166-1 alpha-2 country. */
  employees?: number;
  country?: string;
}

/** The person a page is about (a profile or a lead), when it is about one. */
export interface PersonRef {
  /** LinkedIn profile slug (`/in/<slug>/`), lower-cased and percent-decoded. */
  linkedinSlug?: string;
  name?: string;
  /** Their headline or current title, as the page shows it. */
  title?: string;
}

/** The result of detection on one page: pure data, sent from a content script to the background. */
export interface PageSubject {
  site: 'linkedin' | 'website';
  kind: PageKind;
  /** The page URL the detection ran on. */
  url: string;
  /** The company the page is about; empty when it names none (a profile with no current employer). */
  company: CompanyRef;
  /** Further current employers, when a person holds several positions. */
  otherCompanies?: CompanyRef[];
  person?: PersonRef;
  evidence: Evidence[];
}
