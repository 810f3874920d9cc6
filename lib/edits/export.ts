import Papa from 'papaparse';
import type { Account, SourceId } from '../db/accounts';
import type { Contact } from '../db/contacts';
import type { TierlensDB } from '../db/db';
import { dataView, sourceOfId } from '../db/generations';
import type { AccountNote, LocalEdit, TierProposal } from '../db/outbox';
import { applyEdits } from './overlay';

/** One CSV file of the edits export. */
export interface EditsExportFile {
  name: string;
  /** What its rows are. */
  of: 'companies' | 'contacts';
  /** Records in it (rows after the header). */
  rows: number;
  csv: string;
}

/** One account with its edits, as the export reads it. */
export interface AccountEdits {
  account: Account;
  /** The account's contacts as its source holds them. */
  contacts: Contact[];
  /** The account's edits, in any state (discarded ones are left out here). */
  edits: LocalEdit[];
  /** When the account's source was last synced (see applyEdits). */
  syncedAt?: number;
}

/**
 * HubSpot's own column labels, which its importer maps to the native properties (and Tierlens's
 * file import reads too): companies by Record ID, their ABM fields as HubSpot stores them
 * (`tier_1`, `true`). Tags, the tier proposal and the notes have no native property: their
 * columns are for the properties the team created for them.
 */
export const COMPANY_COLUMNS = [
  'Record ID',
  'Company name',
  'Company Domain Name',
  'Ideal Customer Profile Tier',
  'Target Account',
  'Tags',
  'Tier proposal',
  'Notes',
] as const;

/** Contacts by Record ID, their buying roles as `hs_buying_role`'s `;`-joined internal values. */
export const CONTACT_COLUMNS = [
  'Record ID',
  'First Name',
  'Last Name',
  'Email',
  'Job Title',
  'LinkedIn profile',
  'Buying Role',
  'Associated Company ID',
] as const;

/** Records the CRM does not have yet carry no Record ID: an importer creates them. */
const NEW_COMPANY_COLUMNS = COMPANY_COLUMNS.filter((c) => c !== 'Record ID');
/** A new contact at a new company is associated by the company's domain. */
const NEW_CONTACT_COLUMNS = [...CONTACT_COLUMNS.filter((c) => c !== 'Record ID'), 'Company Domain Name'];

export const EXPORT_FILE_NAMES = {
  companies: 'tierlens-companies.csv',
  contacts: 'tierlens-contacts.csv',
  newCompanies: 'tierlens-new-companies.csv',
  newContacts: 'tierlens-new-contacts.csv',
} as const;

/**
 * The id a record has in the CRM: the one it was given when created from Tierlens (`remoteId`,
 * with or without its source prefix), else the
 * source's own id (`hubspot:123` → `123`; an imported file's Record ID). Records added here, and
 * those a file named by a key (`dom:acme.com`, `email:…`) rather than an id, have none.
 */
export function crmRecordId(id: string, remoteId?: string): string | undefined {
  // The pusher names a created record as Tierlens does (`hubspot:777`); the CRM knows it as 777.
  if (remoteId) return remoteId.includes(':') ? remoteId.slice(remoteId.indexOf(':') + 1) : remoteId;
  const source = sourceOfId(id);
  if (source === '' || source === 'local') return undefined;
  const native = id.slice(source.length + 1);
  return /^[A-Za-z0-9_-]+$/.test(native) ? native : undefined;
}

const profileUrl = (slug: string | undefined): string =>
  slug ? `https://www.linkedin.com/in/${encodeURIComponent(slug)}/` : '';

function splitName(name: string): [string, string] {
  const [first = '', ...rest] = name.trim().split(/\s+/);
  return [first, rest.join(' ')];
}

const day = (at: number): string => new Date(at).toISOString().slice(0, 10);

function proposalCell(p: TierProposal | undefined): string {
  if (!p) return '';
  const tier = p.tier === null ? 'untiered' : `Tier ${p.tier}`;
  return `${tier}: ${p.reason}${p.by ? ` (by ${p.by})` : ''}`;
}

const noteLine = (note: AccountNote, at: number): string => `${day(at)}${note.by ? ` ${note.by}` : ''}: ${note.text}`;

// A cell starting with = + - @ is escaped, so that a spreadsheet opening the file runs no formula
// a company or person name brought in.
const toCsv = (fields: readonly string[], rows: string[][]): string =>
  `\uFEFF${Papa.unparse({ fields: [...fields], data: rows }, { escapeFormulae: true, newline: '\r\n' })}\r\n`;

/**
 * The edits' final values as CSV files a CRM importer reads: for every account with an edit
 * not discarded, its company row, and a contact row for every contact whose roles were edited
 * or who was added here. Records the CRM already has (a Record ID) and records to create are in
 * separate files, as importers ask ("update" and "create" imports). Only files with rows come back.
 */
export function buildEditsExport(accounts: readonly AccountEdits[]): EditsExportFile[] {
  const companies: string[][] = [];
  const newCompanies: string[][] = [];
  const contacts: string[][] = [];
  const newContacts: string[][] = [];
  const sorted = [...accounts].sort((a, b) => a.account.name.localeCompare(b.account.name, 'en'));
  for (const { account, contacts: own, edits, syncedAt } of sorted) {
    const kept = edits.filter((e) => e.state !== 'discarded' && e.accountId === account.id);
    if (kept.length === 0) continue;
    const edited = applyEdits(account, own, kept, syncedAt);
    const chronological = [...kept].sort((a, b) => a.createdAt - b.createdAt);
    const proposal = chronological.filter((e) => e.kind === 'tier_proposal').at(-1);
    const notes = chronological
      .filter((e) => e.kind === 'note')
      .map((e) => noteLine(e.value as AccountNote, e.createdAt));
    const created = kept.find((e) => e.kind === 'new_account' && e.entityId === account.id);
    const companyId = crmRecordId(account.id, created?.remoteId);
    const a = edited.account;
    const company = [
      a.name,
      a.domains[0] ?? '',
      a.assignedTier === undefined ? '' : `tier_${a.assignedTier}`,
      String(a.isTarget),
      (a.tags ?? []).join(';'),
      proposalCell(proposal?.value as TierProposal | undefined),
      notes.join('\n'),
    ];
    if (companyId) companies.push([companyId, ...company]);
    else newCompanies.push(company);

    const touched = new Set(
      kept.filter((e) => e.kind === 'buying_roles' || e.kind === 'new_contact').map((e) => e.entityId),
    );
    for (const c of edited.contacts) {
      if (!touched.has(c.id)) continue;
      const creation = kept.find((e) => e.kind === 'new_contact' && e.entityId === c.id);
      const contactId = crmRecordId(c.id, creation?.remoteId);
      const [first, last] = splitName(c.name);
      const row = [
        first,
        last,
        c.email ?? '',
        c.title ?? '',
        profileUrl(c.linkedinSlug),
        c.buyingRoles.join(';'),
        companyId ?? '',
      ];
      if (contactId) contacts.push([contactId, ...row]);
      else newContacts.push([...row, companyId ? '' : (a.domains[0] ?? '')]);
    }
  }
  const files: EditsExportFile[] = [];
  const add = (name: string, of: EditsExportFile['of'], fields: readonly string[], rows: string[][]) => {
    if (rows.length) files.push({ name, of, rows: rows.length, csv: toCsv(fields, rows) });
  };
  add(EXPORT_FILE_NAMES.companies, 'companies', COMPANY_COLUMNS, companies);
  add(EXPORT_FILE_NAMES.contacts, 'contacts', CONTACT_COLUMNS, contacts);
  add(EXPORT_FILE_NAMES.newCompanies, 'companies', NEW_COMPANY_COLUMNS, newCompanies);
  add(EXPORT_FILE_NAMES.newContacts, 'contacts', NEW_CONTACT_COLUMNS, newContacts);
  return files;
}

/**
 * Reads every edit not discarded, with its account and contacts from the visible data, and
 * builds the export. An account whose data is gone (its source removed it) is left out and
 * counted in `missing`; an account added here is read from its creation if need be.
 */
export async function collectEditsExport(main: TierlensDB): Promise<{ files: EditsExportFile[]; missing: number }> {
  const edits = (await main.outbox.toArray()).filter((e) => e.state !== 'discarded');
  const byAccount = new Map<string, LocalEdit[]>();
  for (const e of edits) {
    const list = byAccount.get(e.accountId);
    if (list) list.push(e);
    else byAccount.set(e.accountId, [e]);
  }
  const view = await dataView(main);
  const states = new Map((await main.syncState.toArray()).map((s) => [s.source as string, s.lastSuccess]));
  const accounts: AccountEdits[] = [];
  let missing = 0;
  for (const [accountId, list] of byAccount) {
    const db = view.forId(accountId);
    const stored = await db.accounts.get(accountId);
    const creation = list.find((e) => e.kind === 'new_account' && e.entityId === accountId);
    const account = stored ?? (creation?.value as Account | undefined);
    if (!account) {
      missing++;
      continue;
    }
    const contacts = await db.contacts.where('accountId').equals(accountId).toArray();
    const syncedAt = states.get(sourceOfId(accountId) as SourceId);
    accounts.push({ account, contacts, edits: list, ...(syncedAt !== undefined ? { syncedAt } : {}) });
  }
  return { files: buildEditsExport(accounts), missing };
}
