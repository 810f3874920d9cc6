import { getDomainWithoutSuffix } from 'tldts';
import { registrableDomain } from '../../keys/company-keys';
import type { CompanyRef, Evidence, PageSubject } from '../types';
import { type CompanyLink, soleCompany } from './linkedin-links';
import { type OrganizationClaim, readOrganizations } from './organization';
import { readWebsitePage, strip, type WebsitePage } from './read-page';
import { resemblesDomain } from './resembles';

/** What the website detector is configured with. */
export interface WebsiteOptions {
  /** Registrable domains that host many companies' pages (DEFAULT_PLATFORMS, or the org's list). */
  platforms: readonly string[];
}

/** Whether an Organization lives on the page's registrable domain, by where it says it lives. */
const livesOn = (claim: OrganizationClaim, domain: string): boolean | undefined =>
  claim.home === undefined ? undefined : registrableDomain(claim.home) === domain;

/** The site's own Organizations: those living on its domain, then name-only ones named like it. */
function siteOrganizations(claims: readonly OrganizationClaim[], domain: string, label: string): OrganizationClaim[] {
  const onDomain = claims.filter((claim) => livesOn(claim, domain) === true);
  // An Organization that says nowhere where it lives is the site's only when its name is the site's:
  // a press release's publisher "Segment" on globenewswire.com is the article's subject.
  const namedLikeSite = claims.filter(
    (claim) => livesOn(claim, domain) === undefined && claim.name !== undefined && resemblesDomain(claim.name, label),
  );
  return [...onDomain, ...namedLikeSite];
}

const linkedInDetail = (c: CompanyLink) => `linkedin.com/company/${c.id ?? c.slug}`;

/**
 * Detects the company whose website a page is on. The page's registrable domain (tldts, with
 * private domains: `acme.github.io` is Acme's) is the company's website, except on the
 * platforms, where the domain says nothing and the result is undefined. The page adds what it
 * says about its own company: the site's JSON-LD Organization (one that lives on this domain,
 * never an article's subject), with its LinkedIn `sameAs`, `numberOfEmployees` and country;
 * otherwise the one LinkedIn company its header, footer or navigation links; and `og:site_name`
 * as the name when nothing better names it and it resembles the domain. Pure: no browser API.
 * Non-http(s) pages, IP addresses and hosts without a registrable domain yield undefined.
 */
export function detectWebsite(url: string, doc: Document, options: WebsiteOptions): PageSubject | undefined {
  const read = readWebsitePage(url, doc);
  return read && websiteSubject(read, options);
}

/**
 * The decision half of detectWebsite, on what the page said (readWebsitePage): the background
 * makes it, so that the website content script carries no Public Suffix List.
 */
export function websiteSubject(read: WebsitePage, options: WebsiteOptions): PageSubject | undefined {
  const { url } = read;
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(page.protocol)) return undefined;
  const domain = registrableDomain(page.href);
  if (!domain) return undefined;
  const platforms = new Set(options.platforms.map((p) => registrableDomain(p) ?? p.trim().toLowerCase()));
  if (platforms.has(domain)) return undefined;
  const label = getDomainWithoutSuffix(page.hostname, { allowPrivateDomains: true }) ?? domain;

  const company: CompanyRef = { website: page.origin };
  const evidence: Evidence[] = [{ from: 'url', detail: `the page is on ${domain}` }];

  const organizations = siteOrganizations(read.organizations, domain, label);
  const org = readOrganizations(organizations);
  for (const claim of organizations) {
    const name = claim.name ?? 'unnamed';
    const why = claim.home ? `at ${claim.home}` : 'named like the domain';
    evidence.push({ from: 'json-ld', detail: `the site's Organization "${name}", ${why}` });
  }
  company.name = org.name;
  company.employees = org.employees;
  company.country = org.country;
  if (org.employees !== undefined) evidence.push({ from: 'json-ld', detail: `${org.employees} employees` });
  if (org.country) evidence.push({ from: 'json-ld', detail: `address in ${org.country}` });

  // The Organization's own sameAs is the stronger statement; the chrome is read only without one.
  let linkedin = org.linkedin;
  if (linkedin) {
    evidence.push({ from: 'json-ld', detail: `the Organization's sameAs ${linkedInDetail(linkedin)}` });
  } else {
    const sole = soleCompany(read.chromeCompanies, { label, name: company.name });
    if (sole) {
      const where = sole.where === 'landmark' ? 'header, footer or navigation' : 'footer (by its id or class)';
      evidence.push({ from: 'dom', detail: `the page's ${where} links ${linkedInDetail(sole)}` });
    }
    linkedin = sole;
  }
  company.linkedinSlug = linkedin?.slug;
  company.linkedinId = linkedin?.id;

  if (!company.name) {
    const { siteName } = read;
    if (siteName && resemblesDomain(siteName, label)) {
      company.name = siteName;
      evidence.push({ from: 'meta', detail: `og:site_name "${siteName}"` });
    }
  }
  return { site: 'website', kind: 'website', url, company: strip(company), evidence };
}
