import { normaliseName } from '../../../keys/normalise';
import { queryAll, queryFirst, textOf } from '../../dom';
import type { CompanyRef, Evidence } from '../../types';
import { companyOfHref, distinctCompanies, sameCompany, stripUndefined } from '../subject';
import { inPageChrome } from './chrome';
import { mentionsPresent, runsToPresent } from './dates';
import { profileSelectors as S } from './selectors';

/** One entry of the experience section. */
interface Position {
  company: CompanyRef;
  /** Its dates run to today ("Present", "Heute", "aujourd’hui", "現在"…). */
  current: boolean;
  href?: string;
}

/** The member's current employers as the logged-in page shows them, the primary one first. */
export interface CurrentCompanies {
  companies: CompanyRef[];
  evidence: Evidence[];
}

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

/**
 * Whether an entry's dates run to today, in any interface language: the entry's date lines
 * decide (dates.ts) — its known date elements, else the innermost elements whose text is a date
 * line — and only an entry with no date line at all is read for LinkedIn's word for "present".
 */
function isCurrent(entry: Element): boolean {
  const known = queryAll(entry, S.entryDates).map((el) => runsToPresent(textOf(el)));
  if (known.some((r) => r !== undefined)) return known.includes(true);
  const lines = queryAll(entry, S.entryTextLines).filter((el) => runsToPresent(textOf(el)) !== undefined);
  // A title and its dates in one parent ("Consultant Nov 2022 - Dec 2023") read as the dates alone.
  const innermost = lines.filter((el) => !lines.some((other) => other !== el && el.contains(other)));
  if (innermost.length > 0) return innermost.some((el) => runsToPresent(textOf(el)) === true);
  return mentionsPresent(textOf(entry));
}

/**
 * The employer's name in an entry. The logo's alt names it in the interface language ("Acme
 * logo", "Logo di Acme", "Acmeのロゴ"): where it contains the company line's name (or, for a
 * company with several positions, the entry's bold heading), that name is the company's;
 * otherwise the alt without an English " logo", then the company line.
 */
function employerName(entry: Element): string | undefined {
  const alt = queryFirst(entry, S.entryCompanyLogo)?.getAttribute('alt')?.trim() ?? '';
  const line = queryFirst(entry, S.entryCompanyLine);
  const lineName = line ? beforeMiddot(ownText(line)) : '';
  const heading = textOf(queryFirst(entry, S.entryHeading));
  const named = [lineName, heading].find((n) => n && alt.includes(n));
  return named || alt.replace(/\s+logo$/i, '').trim() || lineName || undefined;
}

function readPosition(entry: Element): Position {
  const href = queryFirst(entry, S.entryCompanyLink)?.getAttribute('href') ?? undefined;
  const name = employerName(entry);
  return { company: stripUndefined({ ...companyOfHref(href), name }), current: isCurrent(entry), href };
}

const sameName = (a: string | undefined, b: string) => a !== undefined && normaliseName(a) === normaliseName(b);

const describePosition = (p: Position) => `${p.company.name ?? 'a company'}${p.href ? ` ${p.href}` : ''}`;

/**
 * The name of a top-card control (current company or school) that names one of the current
 * positions' employers. The controls' labels are in the interface language ("Current company:
 * …", "Aktuelles Unternehmen: …"); which organisation is the employer is told by the
 * experience section instead.
 */
function topCardEmployer(topCard: Element | null, current: Position[]): string | undefined {
  const controls = topCard ? queryAll(topCard, S.topCardOrganisation).filter((el) => !inPageChrome(el)) : [];
  return controls
    .map((el) => beforeMiddot(shownText(el)))
    .find((name) => current.some((p) => sameName(p.company.name, name)));
}

/**
 * The logged-in profile's current employers. The top card's current-company control names the
 * primary one (by its English label, or, in any language, as the top-card organisation a
 * current position's employer is); the experience entry of that name whose dates run to today
 * (or, when no entry does, the first entry) gives its company link. Without that control, the
 * current entries alone decide. Further current entries are the other employers. An employer
 * without a LinkedIn page has a name only.
 */
export function readCurrentCompanies(doc: Document, topCard: Element | null): CurrentCompanies {
  const positions = experienceEntries(doc).map(readPosition);
  const current = positions.filter((p) => p.current && (p.company.name || p.company.linkedinId));
  const candidates = current.length > 0 ? current : positions.slice(0, 1);
  const shown = topCardCompany(doc, topCard) ?? topCardEmployer(topCard, current);
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
