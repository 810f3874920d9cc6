/**
 * Whether an experience entry's dates run to today, read in any of LinkedIn's interface
 * languages. Structure first: LinkedIn writes a position's dates as a start with its year, a
 * dash and an end ("Mar 2021 - Present · 4 yrs 9 mos", "janv. 2015 - févr. 2021 · 6 ans 2 mois",
 * "2021年3月 - 現在 · 4年 9ヶ月"), and only a position that has ended has a year in its end. Where no
 * such line can be read, LinkedIn's own word for "present" after a dash decides.
 */

/**
 * LinkedIn's word for "present" at the end of a current position's dates, per interface
 * language, lower case. Where each was seen in LinkedIn's own text is in
 * test/fixtures/linkedin/PROVENANCE.md; the ones marked "unverified" are LinkedIn's wording as
 * best known. Only the fallback reads them: the date line's structure needs no word.
 */
export const PRESENT_WORDS = [
  'present', // en
  'heute', // de
  'aujourd’hui', // fr
  "aujourd'hui", // fr, typed with a straight apostrophe
  'actualidad', // es
  'o momento', // pt
  'presente', // it (and es, pt where a profile says so)
  'heden', // nl
  'nu', // sv, da
  'nå', // no
  'nykyhetki', // fi (unverified)
  'obecnie', // pl
  'současnost', // cs
  'prezent', // ro
  'jelenleg', // hu (unverified)
  'halen', // tr
  'настоящее время', // ru
  'теперішній час', // uk (unverified)
  'σήμερα', // el (unverified)
  'היום', // he (unverified)
  'الحالي', // ar
  'sekarang', // id
  'kini', // ms (unverified)
  'kasalukuyan', // tl (unverified)
  'ปัจจุบัน', // th
  'hiện tại', // vi
  'वर्तमान', // hi (unverified)
  '現在', // ja, zh-TW
  '至今', // zh-CN
  '현재', // ko
] as const;

// A date line, whole: a start (a month such as "Mar", "jul de", "thg 3", then its 4-digit year,
// then a month such as "年3月" or "г."), a dash, an end of at most three words, then " · " and
// the duration, if any. \p{Nd}: any script's digits. The end is group 1.
const DATE_LINE =
  /^[^\p{Nd}·]{0,24}(?:\p{Nd}{1,2}\s)?\p{Nd}{4}[^\p{Nd}·\-–—]{0,12}(?:\p{Nd}{1,2}[^\p{Nd}·\-–—]{0,4})?\s*[-–—]\s*(\S+(?:\s\S+){0,2}?)\s*(?:·.*)?$/su;
const YEAR = /\p{Nd}{4}/u;

// One of the words after a dash (or the screen-reader copy's English "to"), and the character
// after it. Longest first, so that "presente" is not read as "present" and an "e".
const WORDS = [...PRESENT_WORDS].sort((a, b) => b.length - a.length).join('|');
const PRESENT_AFTER_DASH = new RegExp(`(?:[-–—]|\\bto)\\s*(?:${WORDS})(.?)`, 'giu');

/**
 * Whether a date line runs to today: true when its end has no year ("Present", "Heute", "現在",
 * or a word no table knows), false when it ends with a date; undefined for text that is not a
 * date line (a location, a job title, a description).
 */
export function runsToPresent(line: string): boolean | undefined {
  const end = DATE_LINE.exec(line.replace(/\s+/g, ' ').trim())?.[1];
  return end === undefined ? undefined : !YEAR.test(end);
}

/** Whether text says, in LinkedIn's word for it in any of its languages, that dates run to "present". */
export function mentionsPresent(text: string): boolean {
  for (const [, next = ''] of text.matchAll(PRESENT_AFTER_DASH)) {
    // Text of adjacent elements runs together ("… - PresentLondon"): only a lower-case letter
    // may not follow the word ("- Presentations", "- nuvarande").
    if (next === next.toUpperCase()) return true;
  }
  return false;
}
