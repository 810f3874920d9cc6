import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import type { Contact } from '../db/contacts';
import { TierlensDB } from '../db/db';
import type { LocalEdit } from '../db/outbox';
import { planColumns } from '../sync/file/columns';
import { importFiles } from '../sync/file/import';
import { memoryFile } from '../sync/file/test-files';
import type { SyncRecord } from '../sync/records';
import {
  type AccountEdits,
  buildEditsExport,
  COMPANY_COLUMNS,
  CONTACT_COLUMNS,
  collectEditsExport,
  crmRecordId,
  EXPORT_FILE_NAMES,
} from './export';

const T0 = Date.UTC(2026, 10, 18, 9);

const account = (id: string, name: string, extra: Partial<Account> = {}): Account => ({
  id,
  name,
  keys: [],
  domains: [],
  linkedinSlugs: [],
  linkedinIds: [],
  isTarget: false,
  updatedAt: T0,
  source: id.slice(0, id.indexOf(':')) as Account['source'],
  generation: 1,
  ...extra,
});

const contact = (id: string, accountId: string, name: string, extra: Partial<Contact> = {}): Contact => ({
  id,
  accountId,
  name,
  buyingRoles: [],
  updatedAt: T0,
  ...extra,
});

let op = 0;
function edit<K extends LocalEdit['kind']>(
  kind: K,
  entityId: string,
  accountId: string,
  value: LocalEdit<K>['value'],
  base: LocalEdit<K>['base'],
  extra: Partial<LocalEdit> = {},
): LocalEdit {
  op++;
  return {
    opId: `op-${op}`,
    kind,
    entityId,
    accountId,
    value,
    base,
    createdAt: T0 + op * 1000,
    state: 'local',
    attempts: 0,
    ...extra,
  } as LocalEdit;
}

// A company the CRM knows (an imported HubSpot export: its ids are HubSpot's), one added on this
// device, and their people.
const acme = account('file:5790939450', 'Acme Inc.', { domains: ['acme.com'], assignedTier: 2, owner: 'Alex Morgan' });
const jane = contact('file:101', acme.id, 'Jane Doe', {
  email: 'jane@acme.com',
  title: 'VP Finance',
  linkedinSlug: 'jane-doe',
  buyingRoles: ['CHAMPION'],
});
const sam = contact('local:sam', acme.id, 'Sam Example-Synthetic', {
  title: 'Principal Engineer',
  linkedinSlug: 'sam-example-synthetic',
});
const globex = account('local:globex', 'Globex', { domains: ['globex.example'], source: 'local' });
const hank = contact('local:hank', globex.id, 'Hank Scorpio', { linkedinSlug: 'hank-scorpio', title: 'CEO' });

function acmeEdits(): AccountEdits {
  return {
    account: acme,
    contacts: [jane],
    edits: [
      edit('tags', acme.id, acme.id, ['ABM 2026'], []),
      edit('tags', acme.id, acme.id, ['ABM 2026', 'Dinner'], ['ABM 2026']),
      edit('tier', acme.id, acme.id, 1, 2),
      edit('target', acme.id, acme.id, true, false),
      edit('tier_proposal', acme.id, acme.id, { tier: 1, reason: 'Board-level interest', by: 'Priya Shah' }, null),
      edit('note', acme.id, acme.id, { text: 'Met Jane at the summit', by: 'Priya Shah' }, null),
      edit('note', acme.id, acme.id, { text: 'Wants a pilot', by: 'Priya Shah' }, null),
      edit('note', acme.id, acme.id, { text: 'Undone', by: 'Priya Shah' }, null, { state: 'discarded' }),
      edit('buying_roles', jane.id, acme.id, ['CHAMPION', 'BUDGET_HOLDER'], ['CHAMPION']),
      edit('new_contact', sam.id, acme.id, sam, null),
      edit('buying_roles', sam.id, acme.id, ['INFLUENCER'], []),
    ],
  };
}

function globexEdits(): AccountEdits {
  return {
    account: globex,
    contacts: [],
    edits: [
      edit('new_account', globex.id, globex.id, globex, null),
      edit('new_contact', hank.id, globex.id, hank, null),
      edit('buying_roles', hank.id, globex.id, ['EXECUTIVE_SPONSOR'], []),
    ],
  };
}

const rowsOf = (csv: string) =>
  Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
const fileNamed = (files: ReturnType<typeof buildEditsExport>, name: string) => {
  const file = files.find((f) => f.name === name);
  if (!file) throw new Error(`no ${name} among ${files.map((f) => f.name).join(', ')}`);
  return file;
};

describe('the edits export: the edits’ final values, as a CRM importer reads them', () => {
  it('writes each edited company once, with its final tier, target flag, tags, proposal and notes', () => {
    const files = buildEditsExport([acmeEdits()]);
    const [row] = rowsOf(fileNamed(files, EXPORT_FILE_NAMES.companies).csv);
    expect(row).toEqual({
      'Record ID': '5790939450',
      'Company name': 'Acme Inc.',
      'Company Domain Name': 'acme.com',
      'Ideal Customer Profile Tier': 'tier_1',
      'Target Account': 'true',
      Tags: 'ABM 2026;Dinner',
      'Tier proposal': 'Tier 1: Board-level interest (by Priya Shah)',
      Notes: '2026-11-18 Priya Shah: Met Jane at the summit\n2026-11-18 Priya Shah: Wants a pilot',
    });
  });

  it('writes the contacts whose roles changed, with HubSpot’s buying-role values joined by ;', () => {
    const files = buildEditsExport([acmeEdits()]);
    expect(rowsOf(fileNamed(files, EXPORT_FILE_NAMES.contacts).csv)).toEqual([
      {
        'Record ID': '101',
        'First Name': 'Jane',
        'Last Name': 'Doe',
        Email: 'jane@acme.com',
        'Job Title': 'VP Finance',
        'LinkedIn profile': 'https://www.linkedin.com/in/jane-doe/',
        'Buying Role': 'CHAMPION;BUDGET_HOLDER',
        'Associated Company ID': '5790939450',
      },
    ]);
  });

  it('puts records the CRM does not have yet in their own files, without a Record ID', () => {
    const files = buildEditsExport([acmeEdits(), globexEdits()]);
    expect(files.map((f) => [f.name, f.rows])).toEqual([
      [EXPORT_FILE_NAMES.companies, 1],
      [EXPORT_FILE_NAMES.contacts, 1],
      [EXPORT_FILE_NAMES.newCompanies, 1],
      [EXPORT_FILE_NAMES.newContacts, 2],
    ]);
    expect(rowsOf(fileNamed(files, EXPORT_FILE_NAMES.newContacts).csv)).toEqual([
      expect.objectContaining({
        'First Name': 'Sam',
        'Last Name': 'Example-Synthetic',
        'Buying Role': 'INFLUENCER',
        'Associated Company ID': '5790939450',
        'Company Domain Name': '',
      }),
      expect.objectContaining({
        'First Name': 'Hank',
        'Buying Role': 'EXECUTIVE_SPONSOR',
        'Associated Company ID': '',
        'Company Domain Name': 'globex.example',
      }),
    ]);
  });

  it('gives a record created in the CRM from Tierlens the id the CRM gave it', () => {
    const data = globexEdits();
    data.edits = data.edits.map((e) =>
      e.kind === 'new_account' ? { ...e, state: 'pushed', remoteId: 'hubspot:777' } : e,
    );
    const files = buildEditsExport([data]);
    expect(rowsOf(fileNamed(files, EXPORT_FILE_NAMES.companies).csv)[0]?.['Record ID']).toBe('777');
    expect(rowsOf(fileNamed(files, EXPORT_FILE_NAMES.newContacts).csv)[0]?.['Associated Company ID']).toBe('777');
  });

  it('leaves out discarded edits, and the accounts that have nothing else', () => {
    const only = edit('tags', acme.id, acme.id, ['X'], [], { state: 'discarded' });
    expect(buildEditsExport([{ account: acme, contacts: [jane], edits: [only] }])).toEqual([]);
  });

  it('writes hostile names as text a spreadsheet does not run', () => {
    const evil = account('file:9', '=HYPERLINK("http://evil.example","x")', { domains: ['evil.example'] });
    const files = buildEditsExport([
      { account: evil, contacts: [], edits: [edit('target', evil.id, evil.id, true, false)] },
    ]);
    expect(rowsOf(fileNamed(files, EXPORT_FILE_NAMES.companies).csv)[0]?.['Company name']).toBe(
      `'=HYPERLINK("http://evil.example","x")`,
    );
  });

  it.each([
    ['hubspot:123', undefined, '123'],
    ['file:5790939450', undefined, '5790939450'],
    ['file:dom:acme.com', undefined, undefined],
    ['file:email:jane@acme.com', undefined, undefined],
    ['local:abc', undefined, undefined],
    ['local:abc', '456', '456'],
    ['local:abc', 'hubspot:456', '456'],
  ])('the Record ID of %s (created as %s) is %s', (id, remoteId, recordId) => {
    expect(crmRecordId(id, remoteId)).toBe(recordId);
  });
});

describe('Tierlens’s own importer reads the export back: the evidence a CRM importer reads it', () => {
  // What each exported header means, as HubSpot's importer maps it to its properties.
  const COMPANY_FIELDS: Record<(typeof COMPANY_COLUMNS)[number], string | undefined> = {
    'Record ID': 'id',
    'Company name': 'name',
    'Company Domain Name': 'domain',
    'Ideal Customer Profile Tier': 'assignedTier',
    'Target Account': 'isTarget',
    Tags: 'tags',
    // The team's own properties: HubSpot maps them by label; Tierlens's file import does not read them.
    'Tier proposal': undefined,
    Notes: undefined,
  };
  const CONTACT_FIELDS: Record<(typeof CONTACT_COLUMNS)[number] | 'Company Domain Name', string> = {
    'Record ID': 'id',
    'First Name': 'firstName',
    'Last Name': 'lastName',
    Email: 'email',
    'Job Title': 'title',
    'LinkedIn profile': 'linkedinProfile',
    'Buying Role': 'buyingRoles',
    'Associated Company ID': 'accountId',
    'Company Domain Name': 'accountDomain',
  };

  it('maps every company header to its field', () => {
    const { columns, problems } = planColumns(COMPANY_COLUMNS, 'account');
    expect(problems).toEqual([]);
    expect(Object.fromEntries(columns.map((c) => [c.header, c.field]))).toEqual(COMPANY_FIELDS);
  });

  it('maps every contact header to its field', () => {
    const headers = [...CONTACT_COLUMNS, 'Company Domain Name'];
    const { columns, problems } = planColumns(headers, 'contact');
    expect(problems).toEqual([]);
    expect(Object.fromEntries(columns.map((c) => [c.header, c.field]))).toEqual(CONTACT_FIELDS);
  });

  it('imports the exported files into the companies and contacts the edits made', async () => {
    const files = buildEditsExport([acmeEdits(), globexEdits()]);
    const records: SyncRecord[] = [];
    const report = await importFiles(
      files.map((f) => memoryFile(f.name, f.csv)),
      { source: 'file', now: T0, sink: async (batch) => void records.push(...batch) },
    );
    expect(Object.fromEntries(report.files.map((f) => [f.name, f.kind]))).toEqual({
      [EXPORT_FILE_NAMES.companies]: 'account',
      [EXPORT_FILE_NAMES.newCompanies]: 'account',
      [EXPORT_FILE_NAMES.contacts]: 'contact',
      [EXPORT_FILE_NAMES.newContacts]: 'contact',
    });
    expect(report.files.flatMap((f) => f.problems.filter((p) => p.severity === 'error'))).toEqual([]);
    const accounts = records.filter((r) => r.kind === 'account').map((r) => r.record);
    const people = records.filter((r) => r.kind === 'contact').map((r) => r.record);
    expect(accounts).toEqual([
      expect.objectContaining({
        id: 'file:5790939450',
        name: 'Acme Inc.',
        assignedTier: 1,
        isTarget: true,
        domains: ['acme.com'],
        tags: ['ABM 2026', 'Dinner'],
      }),
      expect.objectContaining({ name: 'Globex', domains: ['globex.example'], isTarget: false }),
    ]);
    const globexId = (accounts[1] as Account).id;
    expect(people).toEqual([
      expect.objectContaining({
        id: 'file:101',
        accountId: 'file:5790939450',
        name: 'Jane Doe',
        email: 'jane@acme.com',
        title: 'VP Finance',
        linkedinSlug: 'jane-doe',
        buyingRoles: ['CHAMPION', 'BUDGET_HOLDER'],
      }),
      expect.objectContaining({
        accountId: 'file:5790939450',
        name: 'Sam Example-Synthetic',
        linkedinSlug: 'sam-example-synthetic',
        buyingRoles: ['INFLUENCER'],
      }),
      expect.objectContaining({ accountId: globexId, name: 'Hank Scorpio', buyingRoles: ['EXECUTIVE_SPONSOR'] }),
    ]);
  });
});

describe('collecting the export from the database', () => {
  let db: TierlensDB;
  let n = 0;
  beforeEach(async () => {
    db = new TierlensDB(`tierlens-export-${++n}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('reads each edited account with its contacts, an added one from its creation if need be', async () => {
    const demo = account('demo:7', 'Initech', { domains: ['initech.example'] });
    await db.accounts.add(demo);
    await db.contacts.add(contact('demo:c1', demo.id, 'Peter Gibbons', { title: 'Engineer' }));
    await db.outbox.bulkAdd([
      edit('buying_roles', 'demo:c1', demo.id, ['END_USER'], []),
      ...globexEdits().edits,
      edit('tags', 'demo:gone', 'demo:gone', ['x'], []),
    ]);
    const { files, missing } = await collectEditsExport(db);
    expect(missing).toBe(1);
    expect(rowsOf(fileNamed(files, EXPORT_FILE_NAMES.companies).csv).map((r) => r['Company name'])).toEqual([
      'Initech',
    ]);
    expect(rowsOf(fileNamed(files, EXPORT_FILE_NAMES.contacts).csv)).toEqual([
      expect.objectContaining({
        'Record ID': 'c1',
        'First Name': 'Peter',
        'Buying Role': 'END_USER',
        'Associated Company ID': '7',
      }),
    ]);
    expect(rowsOf(fileNamed(files, EXPORT_FILE_NAMES.newCompanies).csv).map((r) => r['Company name'])).toEqual([
      'Globex',
    ]);
  });
});
