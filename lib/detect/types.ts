/** What a page is about, as far as Tierlens cares. */
export type PageKind = 'company' | 'showcase' | 'school';

/** One fact the detector relied on, so that the side panel can say why it thinks so. */
export interface Evidence {
  /** Where the fact came from. */
  from: 'url' | 'page-json' | 'json-ld' | 'dom';
  /** What it said, in words. */
  detail: string;
}

/** A company as a page identifies it. Every part is optional; the URL's parts are the strongest. */
export interface CompanyRef {
  name?: string;
  linkedinSlug?: string;
  linkedinId?: string;
  /** The company's website as the page links it (a URL). */
  website?: string;
  /** Firmographics the page states, in its own words (e.g. "51-200 employees"). */
  industry?: string;
  sizeRange?: string;
  headquarters?: string;
}

/** The result of detection on one page: pure data, sent from the content script to the background. */
export interface PageSubject {
  site: 'linkedin';
  kind: PageKind;
  /** The page URL the detection ran on. */
  url: string;
  company: CompanyRef;
  evidence: Evidence[];
}
