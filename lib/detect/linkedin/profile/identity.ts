import { normaliseSlug } from '../../../keys/normalise';
import { queryAll, queryFirst, textOf } from '../../dom';
import type { Evidence } from '../../types';
import { jsonLdItems, pageJsonEntities, stringField } from '../json';
import { matchLinkedInUrl } from '../urls';
import { profileSelectors as S } from './selectors';

/** Whether the page on screen is the profile the URL names, and what says so. */
export interface ProfileIdentity {
  verified: boolean;
  /** A logged-out (public) profile, served whole; otherwise the logged-in single-page app. */
  guest: boolean;
  /** The logged-in top card, when there is one. */
  topCard: Element | null;
  evidence: Evidence[];
}

/** The profile slug a link or URL names, or undefined when it names none. */
function profileSlugOf(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const match = matchLinkedInUrl(new URL(href, 'https://www.linkedin.com').href);
    return match?.kind === 'profile' ? match.personSlug : undefined;
  } catch {
    return undefined;
  }
}

const sameText = (a: string, b: string) => a !== '' && a.toLowerCase() === b.toLowerCase();

/** The logged-in top card: a known container, or the section around the top card's own links. */
export function findTopCard(doc: Document): Element | null {
  return queryFirst(doc, S.topCard) ?? queryFirst(doc, S.topCardProfileLink)?.closest('section') ?? null;
}

/**
 * A logged-out page is served whole for its URL (no in-app navigation), so its canonical link
 * and its JSON-LD `Person` say whose it is: verified when one of them names the URL's slug and
 * none names another.
 */
function verifyGuest(doc: Document, slug: string): ProfileIdentity {
  const claims: { slug: string; evidence: Evidence }[] = [];
  for (const el of queryAll(doc, S.canonical)) {
    const href = el.getAttribute('href') ?? el.getAttribute('content');
    const claimed = profileSlugOf(href);
    const from = el.tagName.toLowerCase() === 'meta' ? 'meta' : 'dom';
    if (claimed) claims.push({ slug: claimed, evidence: { from, detail: `canonical URL ${href}` } });
  }
  for (const item of jsonLdItems(doc, S.jsonLd)) {
    const url = item['@type'] === 'Person' ? stringField(item, 'url') : undefined;
    const claimed = profileSlugOf(url);
    if (claimed) claims.push({ slug: claimed, evidence: { from: 'json-ld', detail: `JSON-LD Person ${url}` } });
  }
  const verified = claims.some((c) => c.slug === slug) && claims.every((c) => c.slug === slug);
  return { verified, guest: true, topCard: null, evidence: verified ? claims.map((c) => c.evidence) : [] };
}

/**
 * A logged-in page is a single-page app: after in-app navigation its page JSON still describes
 * the first page loaded, and for a moment after the URL changes the top card still shows the
 * previous profile. So the top card is trusted when its own overlay links (contact info, about
 * this profile) name the URL's slug, and never when they name another. A top card without such
 * links is trusted only when the page JSON has a profile with the URL's `publicIdentifier` and
 * the top card shows that profile's name.
 */
function verifyMember(doc: Document, slug: string): ProfileIdentity {
  const topCard = findTopCard(doc);
  const unverified: ProfileIdentity = { verified: false, guest: false, topCard, evidence: [] };
  if (!topCard) return unverified;
  const linked = queryAll(topCard, S.topCardProfileLink)
    .map((a) => profileSlugOf(a.getAttribute('href')))
    .filter((s): s is string => s !== undefined);
  if (linked.length > 0) {
    if (!linked.every((s) => s === slug)) return unverified;
    return { ...unverified, verified: true, evidence: [{ from: 'dom', detail: `top card links to /in/${slug}/` }] };
  }
  const shownName = textOf(queryFirst(topCard, S.topCardName));
  const named = pageJsonEntities(doc, S.pageJson, '"publicIdentifier"').some((entity) => {
    const id = stringField(entity, 'publicIdentifier');
    const name = `${stringField(entity, 'firstName') ?? ''} ${stringField(entity, 'lastName') ?? ''}`;
    return id !== undefined && normaliseSlug(id) === slug && sameText(name.replace(/\s+/g, ' ').trim(), shownName);
  });
  if (!named) return unverified;
  return {
    ...unverified,
    verified: true,
    evidence: [{ from: 'page-json', detail: `page JSON profile ${slug}, named as the top card` }],
  };
}

/** Checks that the page on screen is the profile `/in/<slug>/` (see verifyGuest and verifyMember). */
export function verifyProfile(doc: Document, slug: string): ProfileIdentity {
  return queryFirst(doc, S.guestPage) ? verifyGuest(doc, slug) : verifyMember(doc, slug);
}
