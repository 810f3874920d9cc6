import { getDomain } from 'tldts';
import { linkedinIdKey, nameKey, schoolKey, showcaseKey, slugKey } from './normalise';

/** What is known of a company's identity; any part may be missing. */
export interface CompanyIdentity {
  name?: string;
  linkedinSlugs?: readonly string[];
  linkedinIds?: readonly string[];
  /** Slugs of the company's showcase pages (`/showcase/<slug>/`): keys of their own, never `li:`. */
  linkedinShowcases?: readonly string[];
  /** Slugs of its school pages (`/school/<slug>/`): keys of their own, never `li:`. */
  linkedinSchools?: readonly string[];
  /** Websites, as URLs or host names. */
  websites?: readonly string[];
}

/**
 * The registrable domain of a URL or host name (`https://shop.acme.co.uk/x` → `acme.co.uk`),
 * with private suffixes honoured (`acme.github.io` stays itself). Undefined for IPs and junk.
 */
export function registrableDomain(urlOrHost: string): string | undefined {
  const trimmed = urlOrHost.trim();
  if (!trimmed) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let host: string;
  try {
    host = new URL(withScheme).hostname;
  } catch {
    return undefined;
  }
  return getDomain(host, { allowPrivateDomains: true }) ?? undefined;
}

/** Every company key of an identity, deduplicated, strongest kinds first. */
export function companyKeys(identity: CompanyIdentity): string[] {
  const keys = new Set<string>();
  for (const id of identity.linkedinIds ?? []) if (/^\d+$/.test(id)) keys.add(linkedinIdKey(id));
  for (const slug of identity.linkedinSlugs ?? []) if (slug.trim()) keys.add(slugKey(slug));
  for (const slug of identity.linkedinShowcases ?? []) if (slug.trim()) keys.add(showcaseKey(slug));
  for (const slug of identity.linkedinSchools ?? []) if (slug.trim()) keys.add(schoolKey(slug));
  for (const site of identity.websites ?? []) {
    const domain = registrableDomain(site);
    if (domain) keys.add(`dom:${domain}`);
  }
  const byName = identity.name ? nameKey(identity.name) : undefined;
  if (byName) keys.add(byName);
  return [...keys];
}
