import { normaliseName } from '../../../keys/normalise';
import { queryAll, queryFirst, textOf } from '../../dom';
import type { CompanyRef, Evidence } from '../../types';
import { companyOfHref, distinctCompanies, sameCompany, stripUndefined } from '../subject';
import { inPageChrome } from './chrome';
import { profileSelectors as S } from './selectors';

/** One entry of the experience section. */
interface Position {
  company: CompanyRef;
  /** Its dates run to "Present". */
  current: boolean;
  href?: string;
}

/** The member's current employers as the logged-in page shows them, the primary one first. */
export interface CurrentCompanies {
  companies: CompanyRef[];
  evidence: Evidence[];
}

// A date range that runs to today: "Mar 2021 - Present", "Jan 2022 – Present", "2021 to Present".
// TODO [2027-06-01]: LinkedIn localises "Present"; other languages fall back to the top card only.
// Text of adjacent elements runs together ("… - PresentLondon"): only a lower-case letter may not follow.
const RUNS_TO_PRESENT = /(?:[-–—]|\bto)\s*Present(?![a-z])/;

/** The company part of "Microsoft · Full-time" or "Microsoft · Full-time · 4 yrs". */
const beforeMiddot = (text: string) => text.split(/\s+·\s+/)[0]?.trim() ?? '';

/** Text without the duplicate LinkedIn renders for screen readers: the `aria-hidden` copy when there is one. */
function shownText(el: Element): string {
  return textOf(el.querySelector('[aria-hidden="true"]')) || textOf(el);
}

/** An element's own text nodes, without its children's (the 2021 company line nests "Full-time" in a span). */
function ownText(el: Element): string {
  return [...el.childNodes]
    .filter((n) => n.nodeType === 3)
    .map((n) => n.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The company the top card's current-company control names, outside the page chrome. */
function topCardCompany(doc: Document, topCard: Element | null): string | undefined {
  const controls = [...(topCard ? queryAll(topCard, S.currentCompany) : []), ...queryAll(doc, S.currentCompany)];
  const control = controls.find((el) => !inPageChrome(el));
  if (!control) return undefined;
  const label = (control.getAttribute('aria-label') ?? '').replace(/^Current company:?\s*/, '');
  const name = beforeMiddot(shownText(control) || label.replace(/\.\s*Click to skip.*$/, ''));
  return name || undefined;
}

/** The experience section's top-level entries, never anything outside that section. */
function experienceEntries(doc: Document): Element[] {
  const section = queryFirst(doc, S.experienceAnchor)?.closest('section');
  if (!section || inPageChrome(section)) return [];
  const all = [...new Set(queryAll(section, S.experienceEntry))];
  // A company with several positions nests them as entries inside its own entry.
  return all.filter((e) => e.closest('section') === section && !all.some((o) => o !== e && o.contains(e)));
}

function readPosition(entry: Element): Position {
  const href = queryFirst(entry, S.entryCompanyLink)?.getAttribute('href') ?? undefined;
  const logo = queryFirst(entry, S.entryCompanyLogo)
    ?.getAttribute('alt')
    ?.replace(/\s+logo$/i, '')
    .trim();
  const line = queryFirst(entry, S.entryCompanyLine);
  const name = logo || (line ? beforeMiddot(ownText(line)) : '') || undefined;
  const current = RUNS_TO_PRESENT.test(textOf(entry));
  return { company: stripUndefined({ ...companyOfHref(href), name }), current, href };
}

const sameName = (a: string | undefined, b: string) => a !== undefined && normaliseName(a) === normaliseName(b);

const describePosition = (p: Position) => `${p.company.name ?? 'a company'}${p.href ? ` ${p.href}` : ''}`;

/**
 * The logged-in profile's current employers. The top card's current-company control names the
 * primary one; the experience entry of that name whose dates run to "Present" (or, when no
 * entry says "Present", the first entry) gives its company link. Without that control, the
 * current entries alone decide. Further current entries are the other employers. An employer
 * without a LinkedIn page has a name only.
 */
export function readCurrentCompanies(doc: Document, topCard: Element | null): CurrentCompanies {
  const positions = experienceEntries(doc).map(readPosition);
  const current = positions.filter((p) => p.current && (p.company.name || p.company.linkedinId));
  const candidates = current.length > 0 ? current : positions.slice(0, 1);
  const shown = topCardCompany(doc, topCard);
  const evidence: Evidence[] = [];
  let primary: CompanyRef | undefined;
  if (shown) {
    evidence.push({ from: 'dom', detail: `top card current company: ${shown}` });
    const entry = candidates.find((p) => sameName(p.company.name, shown));
    primary = entry ? { ...entry.company, name: shown } : { name: shown };
    if (entry) evidence.push({ from: 'dom', detail: `current experience entry: ${describePosition(entry)}` });
  } else if (current[0]) {
    primary = current[0].company;
    evidence.push({ from: 'dom', detail: `current experience entry: ${describePosition(current[0])}` });
  }
  if (!primary) return { companies: [], evidence };
  const others = current.filter((p) => !sameCompany(p.company, primary));
  for (const p of others) evidence.push({ from: 'dom', detail: `also current: ${describePosition(p)}` });
  return { companies: distinctCompanies([primary, ...others.map((p) => p.company)]), evidence };
}
