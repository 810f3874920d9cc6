/**
 * Company-key normalisation that needs no dependency, so that content scripts can use it.
 * Keys: `li:<slug>`, `li#<numeric id>`, `li-showcase:<slug>`, `li-school:<slug>`,
 * `dom:<registrable domain>`, `name:<normalised name>`.
 */

/** Legal-form suffixes dropped from names before matching (`Acme, Inc.` → `acme`). */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'kg',
  'se',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'ab',
  'asa',
  'as',
  'oy',
  'oyj',
  'aps',
  'pty',
  'pte',
  'kk',
  'sl',
  'group',
  'holding',
  'holdings',
]);

/** Percent-decodes `s`, leaving it as it is when it is not valid percent-encoding. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A LinkedIn slug as a key: percent-decoded, Unicode-normalised, lower-cased. */
export function normaliseSlug(slug: string): string {
  return safeDecode(slug).normalize('NFC').trim().toLowerCase();
}

/**
 * A company name for low-confidence matching: lower case, accents and punctuation folded,
 * trailing legal suffixes (Inc, LLC, Ltd, GmbH, AB…) removed. Empty when nothing is left.
 */
export function normaliseName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Dotted abbreviations are one word: "S.A." is "sa", "L.L.C." is "llc".
    .replace(/\./g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  // "Acme GmbH & Co. KG": suffixes, and the "&" joining them, come off the end.
  for (let last = words.at(-1); words.length > 1 && last && (LEGAL_SUFFIXES.has(last) || last === 'and'); ) {
    words.pop();
    last = words.at(-1);
  }
  return words.join(' ');
}

export const slugKey = (slug: string): string => `li:${normaliseSlug(slug)}`;
export const linkedinIdKey = (id: string | number): string => `li#${id}`;
/**
 * A showcase page (`/showcase/<slug>/`) or a school page (`/school/<slug>/`) as a key: each kind
 * its own namespace, since such a page is not the company whose slug it may share.
 */
export const showcaseKey = (slug: string): string => `li-showcase:${normaliseSlug(slug)}`;
export const schoolKey = (slug: string): string => `li-school:${normaliseSlug(slug)}`;
export const nameKey = (name: string): string | undefined => {
  const n = normaliseName(name);
  return n ? `name:${n}` : undefined;
};

/** The kinds of key, strongest first: resolution prefers the earliest kind that matches. */
export const KEY_PRIORITY = ['li#', 'li:', 'li-showcase:', 'li-school:', 'dom:', 'name:'] as const;
export type KeyKind = (typeof KEY_PRIORITY)[number];

/** The kind of a key, or undefined for a string that is not a company key. */
export function keyKind(key: string): KeyKind | undefined {
  return KEY_PRIORITY.find((k) => key.startsWith(k));
}
