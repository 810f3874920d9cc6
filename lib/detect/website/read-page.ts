import { queryFirst } from '../dom';
import { organizationCandidates, readJsonLdNodes } from './json-ld';
import { type ChromeLink, chromeCompanyLinks, distinctCompanies } from './linkedin-links';
import { type OrganizationClaim, organizationClaim, plainName } from './organization';
import { websiteSelectors as S } from './selectors';

/** A LinkedIn company the page's chrome links, and where. */
export type ChromeCompany = Pick<ChromeLink, 'slug' | 'id' | 'where'>;

/**
 * What a website's page says about its own company, read without the Public Suffix List: the
 * website content script sends this, and the background (which has tldts) decides on it
 * (`websiteSubject` in detect.ts). Plain data within WEBSITE_PAGE_LIMITS.
 */
export interface WebsitePage {
  /** The page URL the reading ran on, without its query and fragment (sharedPageUrl). */
  url: string;
  /** The JSON-LD Organization nodes that may describe the site (never an article's subjects). */
  organizations: OrganizationClaim[];
  /** The distinct LinkedIn companies the page's header, footer or navigation links, first seen first. */
  chromeCompanies: ChromeCompany[];
  /** `og:site_name`, a plain name. */
  siteName?: string;
}

/** The bounds of a WebsitePage, which the background's schema enforces too. */
export const WEBSITE_PAGE_LIMITS = {
  url: 4096,
  organizations: 20,
  /** More distinct companies than this in a page's chrome name none of them. */
  chromeCompanies: 50,
  home: 2048,
  slug: 200,
  /** Digits of a LinkedIn numeric company id. */
  id: 20,
} as const;

const L = WEBSITE_PAGE_LIMITS;
const fits = (c: { slug?: string; id?: string }) => (c.slug?.length ?? 0) <= L.slug && (c.id?.length ?? 0) <= L.id;

/**
 * A website page's URL as it may leave the page: its origin and path. The query and the
 * fragment are the user's, not the company's: they carry sign-in codes, reset tokens, session
 * ids and search terms (`?code=…`, `#access_token=…`), and say nothing about whose site it is.
 */
export function sharedPageUrl(url: URL): string {
  return url.origin + url.pathname;
}

/**
 * Reads what a page says about its company: its JSON-LD Organization candidates, each reduced
 * to what it states; the LinkedIn companies its chrome links; its `og:site_name`. The URL sent
 * has no query or fragment (sharedPageUrl). Pure: no browser API, no Public Suffix List.
 * Undefined for a page that is not http(s).
 */
export function readWebsitePage(pageUrl: string, doc: Document): WebsitePage | undefined {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return undefined;
  }
  const url = sharedPageUrl(page);
  if (!/^https?:$/.test(page.protocol) || url.length > L.url) return undefined;
  const organizations = organizationCandidates(readJsonLdNodes(doc))
    .map((node) => organizationClaim(node, url))
    .filter((claim) => (claim.home?.length ?? 0) <= L.home && (!claim.linkedin || fits(claim.linkedin)))
    .slice(0, L.organizations);
  const chrome = distinctCompanies(chromeCompanyLinks(doc)).filter(fits);
  const chromeCompanies =
    chrome.length > L.chromeCompanies ? [] : chrome.map(({ slug, id, where }) => strip({ slug, id, where }));
  const siteName = plainName(queryFirst(doc, S.siteName)?.getAttribute('content'));
  return strip({ url, organizations: organizations.map(strip), chromeCompanies, siteName });
}

/** The object without its undefined properties: what a message carries anyway. */
export function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
