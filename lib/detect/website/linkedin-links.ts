import { queryEach } from '../dom';
import { matchLinkedInUrl } from '../linkedin/urls';
import { resemblesDomain } from './resembles';
import { websiteSelectors as S } from './selectors';

/** A LinkedIn company: its slug (lower-cased, percent-decoded) or numeric id. */
export interface CompanyLink {
  slug?: string;
  id?: string;
}

/** A LinkedIn company a link points to. */
export interface LinkedInCompany extends CompanyLink {
  /** The link as the page wrote it. */
  href: string;
}

/** The company a LinkedIn URL names, when it is a company page (`/company/<slug-or-id>/…`). */
export function linkedInCompanyOf(href: string): LinkedInCompany | undefined {
  const match = matchLinkedInUrl(href);
  if (match?.kind !== 'company') return undefined;
  return { slug: match.slug, id: match.id, href };
}

/** The distinct companies among links, first appearance first (`/company/acme` and `/company/acme/about` are one). */
export function distinctCompanies<T extends CompanyLink>(companies: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const c of companies) {
    const key = c.id ? `#${c.id}` : `:${c.slug}`;
    if (!seen.has(key)) seen.set(key, c);
  }
  return [...seen.values()];
}

/**
 * The one company that links name, or undefined when there is none or several. Several are
 * resolved only when exactly one slug resembles the site (its domain label or its name): a
 * footer linking "acme" and "acme-foundation" is not a guess we make.
 */
export function soleCompany<T extends CompanyLink>(
  companies: readonly T[],
  site: { label: string; name?: string },
): T | undefined {
  const distinct = distinctCompanies(companies);
  if (distinct.length <= 1) return distinct[0];
  const resembling = distinct.filter(
    (c) =>
      c.slug !== undefined &&
      (resemblesDomain(c.slug, site.label) || (site.name !== undefined && resemblesDomain(c.slug, site.name))),
  );
  return resembling.length === 1 ? resembling[0] : undefined;
}

/** Where a chrome link was found, for the evidence. */
export interface ChromeLink extends LinkedInCompany {
  /** Which part of the chrome: a landmark, or an element named a footer. */
  where: 'landmark' | 'footer-named';
}

/** The most chrome links looked at on one page: a chrome linking dozens of companies names none of them anyway. */
export const MAX_CHROME_LINKS = 500;

function companiesIn(links: Iterable<Element>, where: ChromeLink['where']): ChromeLink[] {
  const found: ChromeLink[] = [];
  let looked = 0;
  for (const a of links) {
    if (++looked > MAX_CHROME_LINKS) break;
    if (S.content.some((content) => a.closest(content))) continue;
    const company = linkedInCompanyOf(a.getAttribute('href') ?? '');
    if (company) found.push({ ...company, where });
  }
  return found;
}

/**
 * LinkedIn company links in the page's chrome: its header, footer and navigation landmarks;
 * when those hold none, elements whose id or class names a footer. Links inside an article
 * are the article's, never the site's. At most MAX_CHROME_LINKS links are looked at.
 */
export function chromeCompanyLinks(doc: Document): ChromeLink[] {
  const inLandmarks = companiesIn(queryEach(doc, S.chromeCompanyLinks), 'landmark');
  return inLandmarks.length > 0 ? inLandmarks : companiesIn(queryEach(doc, S.footerNamedCompanyLinks), 'footer-named');
}
