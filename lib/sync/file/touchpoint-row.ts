import type { Touchpoint } from '../../db/touchpoints';
import { parseDate } from '../normalise/date';
import { parseRowId, parseSourceId } from '../normalise/id';
import { DEFAULT_STAGE, parseStage, parseTouchpointType } from '../normalise/touchpoint';
import { touchpointRecordSchema } from '../records';
import { knownId, linkAccount, scoped } from './account-link';
import type { ImportIndex } from './linker';
import { isValidTouchpoint } from './record-check';
import type { RowError, RowReader } from './row-reader';
import { schemaError } from './schema-error';

/**
 * The contact of a touchpoint: a contact id column (`<source>:<id>`, which must be a contact
 * of the import when it has contacts), else the contact's email matched against the import's
 * contacts. The contacts of the previous import count as the import's when it adds to that one.
 * None is fine: a touchpoint can be the account's alone (an anonymous web visit).
 */
function linkContact(r: RowReader, index: ImportIndex, source: string): string | undefined | RowError {
  const id = r.text('contactId');
  if (id) {
    const parsed = parseSourceId(id);
    if (!parsed.id) return { column: r.column('contactId'), reason: parsed.problem ?? 'the contact id is empty' };
    if (!index.knowsAny('contact')) return scoped(source, parsed.id);
    const contactId = knownId(index, 'contact', source, parsed.id);
    if (!contactId) {
      const ofImport = index.addsTo('contact') ? 'this import or the previous one' : 'this import';
      return {
        column: r.column('contactId'),
        reason: `the contact ${parsed.id} is not among the contacts of ${ofImport}`,
      };
    }
    return contactId;
  }
  const email = r.text('contactEmail');
  if (!email) return undefined;
  const found = index.contactByEmailAddress(email);
  if (found) return found;
  r.warn(
    'contactEmail',
    `no contact of ${index.addsTo('contact') ? 'this import or the previous one' : 'this import'} has the email ${email}${found === null ? ' alone' : ''}: kept as the account's`,
  );
  return undefined;
}

/**
 * The touchpoint of a row: its type (free text mapped onto TOUCHPOINT_TYPES), stage (the
 * file's, else DEFAULT_STAGE of the type), time, account and optional contact; or why the row
 * is bad. A file without an id column names each touchpoint by what it is: account, contact,
 * type and time, so that the same export imported twice yields the same ids.
 */
export function touchpointFromRow(r: RowReader, index: ImportIndex, source: string): Touchpoint | RowError {
  const typeText = r.text('type');
  const type = typeText ? parseTouchpointType(typeText) : undefined;
  if (!type) {
    const reason = typeText
      ? `${JSON.stringify(typeText)} is not a touchpoint type Tierlens knows`
      : 'the type is empty';
    return { column: r.column('type'), reason };
  }
  const at = parseDate(r.text('at') ?? '');
  if (at === undefined) {
    const value = r.text('at');
    return {
      column: r.column('at'),
      reason: value ? `${JSON.stringify(value)} is not a date and time` : 'the time is empty',
    };
  }
  const stage = r.read('stage', parseStage, 'a funnel stage (TOFU, MOFU, BOFU)') ?? DEFAULT_STAGE[type];
  const accountId = linkAccount(r, index, source);
  if (typeof accountId !== 'string') return accountId;
  const contactId = linkContact(r, index, source);
  if (typeof contactId === 'object') return contactId;
  let id: string;
  if (r.has('id')) {
    const parsed = parseRowId(r.text('id') ?? '', source);
    if (!parsed.id) return { column: r.column('id'), reason: parsed.problem ?? 'the id is empty' };
    id = parsed.id;
  } else {
    id = `tp:${accountId.slice(source.length + 1)}:${contactId?.slice(source.length + 1) ?? ''}:${type}:${at}`;
  }
  const touchpoint: Touchpoint = { id: `${source}:${id}`, accountId, type, stage, at };
  if (contactId) touchpoint.contactId = contactId;
  if (isValidTouchpoint(touchpoint)) return touchpoint;
  const checked = touchpointRecordSchema.safeParse(touchpoint);
  return checked.success ? touchpoint : schemaError(checked.error, r);
}
