import type { Contact } from '../../db/contacts';
import { normaliseSlug } from '../../keys/normalise';
import { parseDate } from '../normalise/date';
import { parseRowId } from '../normalise/id';
import { parseLinkedInProfile } from '../normalise/linkedin';
import { parseBuyingRoles } from '../normalise/roles';
import { contactRecordSchema } from '../records';
import { linkAccount } from './account-link';
import type { ImportIndex } from './linker';
import { isValidContact } from './record-check';
import type { RowError, RowReader } from './row-reader';
import { schemaError } from './schema-error';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A profile cell: a LinkedIn URL, or a bare slug as a canonical `linkedinProfile` column may hold it. */
function profileSlug(value: string): string | undefined {
  return (
    parseLinkedInProfile(value) ??
    (/^[\p{L}\p{N}_%.-]+$/u.test(value) && !/^\d+$/.test(value) ? normaliseSlug(value) : undefined)
  );
}

/**
 * The contact id in the source: the id column's value; a file without one names the contact
 * by its email (`email:jane@acme.com`), else its LinkedIn profile (`li:jane-doe`).
 */
function nativeId(
  r: RowReader,
  email: string | undefined,
  slug: string | undefined,
  source: string,
): string | RowError {
  if (r.has('id')) {
    const { id, problem } = parseRowId(r.text('id') ?? '', source);
    return id ?? { column: r.column('id'), reason: problem ?? 'the id is empty' };
  }
  if (email) return `email:${email.toLowerCase()}`;
  if (slug) return `li:${slug}`;
  return { reason: 'the file has no id column, and this row has no email or LinkedIn profile to name the contact by' };
}

/**
 * The contact of a row, linked to its account (see linkAccount) and validated by
 * contactRecordSchema; or why the row is bad. Its name is the name column, else first and
 * last name, else the email.
 */
export function contactFromRow(r: RowReader, index: ImportIndex, source: string, now: number): Contact | RowError {
  const email = r.read('email', (v) => (EMAIL.test(v) ? v : undefined), 'an email address');
  const linkedinSlug = r.read('linkedinProfile', profileSlug, 'a LinkedIn profile');
  const id = nativeId(r, email, linkedinSlug, source);
  if (typeof id !== 'string') return id;
  const fullName = [r.text('firstName'), r.text('lastName')].filter(Boolean).join(' ');
  const name = r.text('name') ?? (fullName || email);
  if (!name) return { column: r.column('name') ?? r.column('firstName'), reason: 'the contact has no name or email' };
  const { roles, unknown } = parseBuyingRoles(r.text('buyingRoles') ?? '');
  if (unknown.length)
    r.warn('buyingRoles', `${unknown.map((u) => JSON.stringify(u)).join(', ')}: not a buying role, left out`);
  const accountId = linkAccount(r, index, source);
  if (typeof accountId !== 'string') return accountId;
  const contact: Contact = {
    id: `${source}:${id}`,
    accountId,
    name,
    buyingRoles: roles,
    updatedAt: r.read('updatedAt', parseDate, 'a date') ?? now,
  };
  const title = r.text('title');
  if (title) contact.title = title;
  if (email) contact.email = email;
  if (linkedinSlug) contact.linkedinSlug = linkedinSlug;
  if (isValidContact(contact)) return contact;
  const checked = contactRecordSchema.safeParse(contact);
  return checked.success ? contact : schemaError(checked.error, r);
}
