import { isEmptyCell } from './empty';

/** What a source-id cell holds: an id, nothing (both undefined), or a problem in plain words. */
export interface SourceIdResult {
  id?: string;
  problem?: string;
}

const MAX_ID_LENGTH = 250;

/**
 * Whether `value` is an id as it is, as most are (`900000123`, `tp-17`, `003Dn00000AbCdE`):
 * visible ASCII only (nothing to trim, no space or control character), not too long, and with
 * no `.`, `e` or `E`, without which it is neither scientific notation nor `123.0`.
 */
function plainId(value: string): boolean {
  if (value.length > MAX_ID_LENGTH) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 33 || c > 126 || c === 46 || c === 69 || c === 101) return false;
  }
  return true;
}

/**
 * A Salesforce record id in its 15-character, case-sensitive form (`001D000000IqhSL`): a key
 * prefix of 3 (`001` account, `003` contact, `006` opportunity, `a0…` custom objects), then the
 * instance and a run of zeros before the record's own part. Reports export this form; data
 * exports and the API the 18-character one, which adds a checksum of the case.
 */
const SALESFORCE_15 = /^[0a][0-9A-Za-z]{4}0{3,}[0-9A-Za-z]*$/;
const CASE_CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character form of a 15-character Salesforce id: each 5 characters' capitals as one checksum letter. */
export function salesforce18(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += CASE_CHECKSUM[bits];
  }
  return id15 + suffix;
}

/** A 15-character Salesforce id becomes its 18-character form, so that a report's ids match a data export's. */
const oneForm = (id: string): string => (id.length === 15 && SALESFORCE_15.test(id) ? salesforce18(id) : id);

/**
 * A record's id in its source, as a file cell holds it. A spreadsheet that opened a CSV turns
 * long numeric ids into rounded scientific notation (`1.11015E+11`): the digits are gone, so
 * it is a problem, never a guess. A whole number a spreadsheet wrote with a decimal (`123.0`)
 * loses nothing and is read as `123`. Empty cells and the literal `null` are no id. A
 * Salesforce id is kept in its 18-character form, whichever form the file has.
 */
export function parseSourceId(value: string): SourceIdResult {
  if (isEmptyCell(value)) return {};
  if (plainId(value)) return { id: oneForm(value) };
  const text = value.trim();
  if (/^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i.test(text)) {
    return {
      problem: `the id ${text} was rounded by a spreadsheet (scientific notation): its digits are lost; export the file again without opening it in Excel`,
    };
  }
  if (/^\d+\.0+$/.test(text)) return { id: text.slice(0, text.indexOf('.')) };
  if (text.length > MAX_ID_LENGTH) return { problem: `the id is longer than ${MAX_ID_LENGTH} characters` };
  if (/[\s\p{Cc}]/u.test(text))
    return { problem: `the id ${JSON.stringify(text)} contains spaces or control characters` };
  return { id: oneForm(text) };
}
