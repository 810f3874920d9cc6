import { matchLinkedInUrl } from '../../detect/linkedin/urls';
import { normaliseSlug } from '../../keys/normalise';
import { isEmptyCell } from './empty';

/** A LinkedIn company-like page a cell names: its slug or numeric id, and which kind of page it is. */
export interface LinkedInCompanyRef {
  slug?: string;
  id?: string;
  kind: 'company' | 'showcase' | 'school';
}

/** The cell as a URL: exports often drop the scheme ("linkedin.com/company/acme", "www.linkedin.com/…"). */
function asUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (isEmptyCell(trimmed)) return undefined;
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed.replace(/^\/+/, '')}`;
}

/**
 * The LinkedIn company a URL cell names, read by the detector's own URL parser so that a file
 * and a page yield the same keys: `/company/acme-inc/` (slug, lower-cased and
 * percent-decoded), `/company/1234/` (numeric id), Sales Navigator's `/sales/company/1234`,
 * `/showcase/…` and `/school/…` (their own kinds), on any LinkedIn host (`uk.`, `se.`…), with
 * subpages, query strings and fragments. Profiles and other URLs are undefined.
 */
export function parseLinkedInCompany(value: string): LinkedInCompanyRef | undefined {
  const url = asUrl(value);
  const match = url ? matchLinkedInUrl(url) : undefined;
  if (!match) return undefined;
  if (match.kind === 'sales-company') return match.id ? { id: match.id, kind: 'company' } : undefined;
  if (match.kind !== 'company' && match.kind !== 'showcase' && match.kind !== 'school') return undefined;
  return match.id ? { id: match.id, kind: match.kind } : { slug: match.slug, kind: match.kind };
}

/** A bare slug as a cell may hold one ("microsoft-azure"): letters, digits, `-`, `_`, percent-escapes. */
const BARE_SLUG = /^[\p{L}\p{N}%][\p{L}\p{N}\p{M}%_-]*$/u;

/**
 * The slug of a showcase or school page a cell names: its URL (`/showcase/<slug>/…`,
 * `/school/<slug>/…`, on any LinkedIn host, with or without the scheme) or the bare slug,
 * lower-cased and percent-decoded. A URL of another kind of page (a company's, a profile) is
 * undefined: it is not the page the column asks for.
 */
export function parseLinkedInPage(value: string, kind: 'showcase' | 'school'): string | undefined {
  const trimmed = value.trim();
  if (BARE_SLUG.test(trimmed)) return normaliseSlug(trimmed) || undefined;
  const page = parseLinkedInCompany(trimmed);
  return page?.kind === kind ? page.slug : undefined;
}

/** The member slug of a LinkedIn profile URL (`/in/<slug>/…`), lower-cased and percent-decoded; else undefined. */
export function parseLinkedInProfile(value: string): string | undefined {
  const url = asUrl(value);
  const match = url ? matchLinkedInUrl(url) : undefined;
  return match?.kind === 'profile' ? match.personSlug : undefined;
}
