import { emailDomain, parseDomain } from '../normalise/domain';
import { parseSourceId, salesforceOtherForm } from '../normalise/id';
import type { ImportIndex } from './linker';
import type { RowError, RowReader } from './row-reader';

/**
 * The id in `source` of an account id cell: `123` becomes `file:123`; a full id of the same
 * source (`file:123`) stays as it is.
 */
export function scoped(source: string, native: string): string {
  return native.startsWith(`${source}:`) ? native : `${source}:${native}`;
}

/**
 * The id of a record the import knows (see ImportIndex.knows), from a row's id cell: as the cell
 * holds it, or in its other Salesforce form, so that a report's 15-character `AccountId`
 * (`0019000000B98de`) links to a data export's 18-character `Id` (`0019000000B98deAAB`), and back.
 * Undefined when neither is known.
 */
export function knownId(
  index: ImportIndex,
  kind: 'account' | 'contact',
  source: string,
  native: string,
): string | undefined {
  const id = scoped(source, native);
  if (index.knows(kind, id)) return id;
  const other = salesforceOtherForm(native);
  return other && index.knows(kind, scoped(source, other)) ? scoped(source, other) : undefined;
}

/**
 * The account a contact or touchpoint row belongs to, in this order: an account id column
 * (HubSpot's "Primary Associated Company ID", then the first of "Associated Company IDs";
 * Salesforce's `AccountId`; canonical `accountId`); else the company's domain, its name, or the
 * email's domain, matched against the accounts of the same import (and of the previous import,
 * when this one adds to it). When there are such accounts, an id must be one of them; when there
 * are none (contacts imported on their own), ids are taken as they are.
 */
export function linkAccount(r: RowReader, index: ImportIndex, source: string): string | RowError {
  const hasAccounts = index.knowsAny('account');
  const ofImport = index.addsTo('account') ? 'this import or the previous one' : 'this import';
  const single = r.text('accountId');
  // Read only when there is no single id: it is then not needed.
  const ids = single ? [] : r.list('accountIds', /[;,]/);
  const idField = single ? 'accountId' : ids.length ? 'accountIds' : undefined;
  if (idField) {
    const { id, problem } = parseSourceId(idField === 'accountId' ? (single ?? '') : (ids[0] ?? ''));
    if (!id) return { column: r.column(idField), reason: problem ?? 'the company id is empty' };
    if (idField === 'accountIds' && ids.length > 1) {
      r.warn('accountIds', `${ids.length} companies are associated: linked to the first, ${ids[0]}`);
    }
    if (!hasAccounts) return scoped(source, id);
    return (
      knownId(index, 'account', source, id) ?? {
        column: r.column(idField),
        reason: `the company ${id} is not among the accounts of ${ofImport}`,
      }
    );
  }
  const tried: string[] = [];
  const candidates: [string, string | undefined, (v: string) => string | null | undefined][] = [
    [
      'accountDomain',
      r.text('accountDomain') && parseDomain(r.text('accountDomain') ?? ''),
      (d) => index.accountByDomain(d),
    ],
    ['accountName', r.text('accountName'), (n) => index.accountByName(n)],
    ['email', r.text('email') && emailDomain(r.text('email') ?? ''), (d) => index.accountByDomain(d)],
    [
      'contactEmail',
      r.text('contactEmail') && emailDomain(r.text('contactEmail') ?? ''),
      (d) => index.accountByDomain(d),
    ],
  ];
  for (const [, value, lookup] of candidates) {
    if (!value) continue;
    const found = lookup(value);
    if (found) return found;
    tried.push(found === null ? `${value} (several accounts match)` : value);
  }
  if (!hasAccounts) {
    return { reason: 'no company id, and the import has no accounts file to match the company by domain or name' };
  }
  return {
    reason: tried.length
      ? `no account of ${ofImport} matches ${tried.join(', ')}`
      : 'the row names no company: no company id, domain, name or company email',
  };
}
