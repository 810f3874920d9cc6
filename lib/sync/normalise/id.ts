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
 * A record's id in its source, as a file cell holds it. A spreadsheet that opened a CSV turns
 * long numeric ids into rounded scientific notation (`1.11015E+11`): the digits are gone, so
 * it is a problem, never a guess. A whole number a spreadsheet wrote with a decimal (`123.0`)
 * loses nothing and is read as `123`. Empty cells and the literal `null` are no id.
 */
export function parseSourceId(value: string): SourceIdResult {
  if (isEmptyCell(value)) return {};
  if (plainId(value)) return { id: value };
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
  return { id: text };
}

/**
 * A row's own id as a record of `prefix` (`file`, `file-deal`) holds it after the prefix: a full
 * id that already names it (`file:123`, as Tierlens's own records and exports write ids) is
 * read as `123`, as the ids that link to it are (account-link.ts), so that a file Tierlens wrote
 * imports with its links whole. Anything else is the id as it is.
 */
export function parseRowId(value: string, prefix: string): SourceIdResult {
  const parsed = parseSourceId(value);
  const own = `${prefix}:`;
  return parsed.id?.startsWith(own) && parsed.id.length > own.length ? { id: parsed.id.slice(own.length) } : parsed;
}

/** The characters of a Salesforce id's suffix: each one spells which of five letters are capitals. */
const SALESFORCE_SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The three characters Salesforce appends to a 15-character id to make its 18-character form. */
function salesforceSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SALESFORCE_SUFFIX[bits];
  }
  return suffix;
}

/**
 * The other form of what may be a Salesforce record id: reports and the UI show the 15-character,
 * case-sensitive form (`0015g00000AbCdE`), the API and data exports the 18-character one, whose
 * last three characters spell the case of the first 15 (`0015g00000AbCdEAAU`). Undefined for
 * anything else, and for an 18-character id whose suffix does not match its first 15 (a case
 * changed since, or no Salesforce id).
 */
export function salesforceOtherForm(id: string): string | undefined {
  if (/^[a-zA-Z0-9]{15}$/.test(id)) return id + salesforceSuffix(id);
  if (/^[a-zA-Z0-9]{18}$/.test(id) && salesforceSuffix(id.slice(0, 15)) === id.slice(15)) return id.slice(0, 15);
  return undefined;
}
