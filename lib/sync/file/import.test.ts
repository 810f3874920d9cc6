import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createFeedWriter } from '../feed/writer';
import type { SyncRecord } from '../records';
import { buildAccount, syncRecordSchema } from '../records';
import { importFiles } from './import';
import { fileHead } from './kind';
import { ImportIndex } from './linker';
import { fixtureFile, memoryFile } from './test-files';
import type { ImportFile, ImportOptions } from './types';

const NOW = Date.UTC(2024, 5, 1);

async function run(files: ImportFile[], options: Partial<ImportOptions> = {}) {
  const records: SyncRecord[] = [];
  const batches: number[] = [];
  const report = await importFiles(files, {
    source: 'file',
    now: NOW,
    sink: async (batch) => {
      batches.push(batch.length);
      records.push(...batch);
    },
    ...options,
  });
  return { report, records, batches };
}

describe('a file Excel saved in Windows-1252', () => {
  it('imports its rows with their accented names, and warns once that it was not UTF-8', async () => {
    const text =
      'Account Name;Website;Billing Country\r\nMüller GmbH;mueller.de;Deutschland\r\nKöln Ärzte AG;koeln.de;DE\r\n';
    const { records, report } = await run([
      memoryFile(
        'accounts.csv',
        Uint8Array.from(text, (c) => c.charCodeAt(0)),
      ),
    ]);
    expect(records.map((r) => r.kind === 'account' && [r.record.name, r.record.country])).toEqual([
      ['Müller GmbH', 'DE'],
      ['Köln Ärzte AG', 'DE'],
    ]);
    expect(report.files[0]).toMatchObject({ encoding: 'windows-1252', good: 2, bad: 0, warnings: 1 });
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 0, severity: 'warning', reason: expect.stringMatching(/read as Windows-1252/) }),
    ]);
  });
});

const byKind = (records: SyncRecord[], kind: SyncRecord['kind']) =>
  records.filter((r) => r.kind === kind).map((r) => r.record);

describe('importFiles', () => {
  it("reads a Tags column (as the edits export writes it) into the account's tags, split on ; only", async () => {
    const csv = 'Record ID,Company name,Company Domain Name,Tags\n7,Acme,acme.com,"ABM, EMEA;event-2026;event-2026"\n';
    const { records } = await run([memoryFile('companies.csv', csv)]);
    expect(byKind(records, 'account')).toEqual([
      expect.objectContaining({ id: 'file:7', tags: ['ABM, EMEA', 'event-2026'] }),
    ]);
  });

  it('links a HubSpot contacts export to the companies export beside it, whatever order they come in', async () => {
    const { records, report } = await run([fixtureFile('hubspot-contacts.csv'), fixtureFile('hubspot-companies.csv')]);
    expect(report.files.map((f) => f.kind)).toEqual(['account', 'contact']);
    expect(byKind(records, 'contact')).toEqual([
      expect.objectContaining({
        id: 'file:101',
        accountId: 'file:5790939450',
        name: 'Jane Doe',
        buyingRoles: ['DECISION_MAKER', 'CHAMPION'],
        linkedinSlug: 'jane-doe',
      }),
      expect.objectContaining({ id: 'file:102', accountId: 'file:5790939451', buyingRoles: ['BUDGET_HOLDER'] }),
      // No company id: linked by the "Associated Company" name.
      expect.objectContaining({ id: 'file:103', accountId: 'file:5790939452' }),
    ]);
    const contacts = report.files[1];
    expect(contacts?.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 3,
          column: 'Associated Company IDs',
          severity: 'warning',
          reason: expect.stringMatching(/linked to the first, 5790939451/),
        }),
        expect.objectContaining({
          row: 5,
          severity: 'error',
          reason: 'the company 999 is not among the accounts of this import',
        }),
      ]),
    );
    for (const record of records) expect(syncRecordSchema.safeParse(record).success).toBe(true);
  });

  it('builds HubSpot companies with their ABM fields and the keys lookups use', async () => {
    const { records } = await run([fixtureFile('hubspot-companies.csv')]);
    expect(byKind(records, 'account')[0]).toMatchObject({
      id: 'file:5790939450',
      name: 'Acme Inc.',
      keys: ['li:acme-inc', 'dom:acme.com', 'name:acme'],
      employees: 1200,
      revenue: 25_000_000,
      country: 'US',
      assignedTier: 1,
      isTarget: true,
      source: 'file',
    });
    expect(byKind(records, 'account')[1]).toMatchObject({
      employees: 126,
      country: 'DE',
      linkedinIds: ['1234567'],
      assignedTier: 2,
    });
  });

  it.each([
    ['salesforce-account.csv', ['file:001Wj00000tQWvrAAG', 'file:001Wj00000tQWvsAAG']],
    ['salesforce-report.csv', ['file:001Wj00000tQWvr', 'file:001Wj00000tQWvt']],
    ['hubspot-internal.csv', ['file:7001', 'file:7002']],
    ['european-semicolon.csv', ['file:1', 'file:2']],
    ['tab-separated.tsv', ['file:10', 'file:11']],
    ['hubspot-api-companies.json', ['file:8001', 'file:8002']],
    ['accounts.ndjson', ['file:n1', 'file:n2', 'file:n3']],
  ])('imports the accounts of %s', async (name, ids) => {
    const { records } = await run([fixtureFile(name)]);
    expect(byKind(records, 'account').map((a) => a.id)).toEqual(ids);
  });

  it('reads European numbers in a semicolon file, and never a billing state as the country', async () => {
    const euro = byKind((await run([fixtureFile('european-semicolon.csv')])).records, 'account');
    expect(euro[0]).toMatchObject({ name: 'Müller AG', employees: 1200, revenue: 1_234_567.89, country: 'DE' });
    const report = byKind((await run([fixtureFile('salesforce-report.csv')])).records, 'account');
    expect(report.map((a) => 'country' in a)).toEqual([false, false]);
  });

  it('reports each kind of mess in the messy file, importing only its good rows', async () => {
    const { records, report } = await run([fixtureFile('messy.csv')]);
    expect(byKind(records, 'account').map((a) => a.id)).toEqual(['file:2001', 'file:2002', 'file:2005']);
    const rows = report.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.reason.slice(0, 40)]);
    expect(rows).toEqual([
      [2, expect.stringMatching(/^the id 1.11015E\+11 was rounded/)],
      [3, 'the id is empty'],
      [6, expect.stringMatching(/^duplicate id file:2001: row 4/)],
      [7, expect.stringMatching(/^malformed quotes/)],
      [9, expect.stringMatching(/^malformed quotes/)],
    ]);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        row: 5,
        severity: 'warning',
        reason: expect.stringMatching(/shares the domain good.com with file:2001/),
      }),
    );
    expect(report.files[0]?.unmappedColumns).toEqual(['Name', 'Country', 'Notes']);
    expect(report.badRows).toBe(5);
  });

  it('reports a repeated row of a touchpoints file without ids as a duplicate of the first, and keeps the others', async () => {
    const accounts = 'Record ID,Company name,Company Domain Name\n7,Acme,acme.com\n8,Beta,beta.com\n';
    const contacts = 'Record ID,Email,Associated Company IDs\n70,ann@acme.com,7\n';
    const touchpoints = [
      'type,at,accountId,contactId',
      'meeting,2024-03-01T09:00:00Z,7,70',
      'meeting,2024-03-01T09:00:00Z,7,',
      'meeting,2024-03-01T09:00:01Z,7,70',
      'meeting,2024-03-01T09:00:00Z,8,',
      'meeting,2024-03-01T09:00:00.000Z,7,70',
      '',
    ].join('\n');
    const { records, report } = await run([
      memoryFile('touchpoints.csv', touchpoints),
      memoryFile('contacts.csv', contacts),
      memoryFile('companies.csv', accounts),
    ]);
    const at = Date.UTC(2024, 2, 1, 9);
    expect(byKind(records, 'touchpoint').map((t) => t.id)).toEqual([
      `file:tp:7:70:meeting:${at}`,
      `file:tp:7::meeting:${at}`,
      `file:tp:7:70:meeting:${at + 1000}`,
      `file:tp:8::meeting:${at}`,
    ]);
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: 'touchpoints.csv',
        row: 6,
        reason: `duplicate id file:tp:7:70:meeting:${at}: row 2 of touchpoints.csv already has it, so this row was skipped`,
      }),
    ]);
  });

  it('offers the bad rows as a CSV with a problem column', async () => {
    const { report } = await run([fixtureFile('messy.csv')]);
    const parsed = Papa.parse<Record<string, string>>(report.badRowsCsv(), { header: true }).data;
    expect(parsed.map((r) => [r.file, r.row, r['Record ID']])).toEqual([
      ['messy.csv', '2', '1.11015E+11'],
      ['messy.csv', '3', 'null'],
      ['messy.csv', '6', '2001'],
      ['messy.csv', '7', '2004'],
      ['messy.csv', '9', '2006'],
    ]);
    expect(parsed[0]?.problem).toMatch(/^Record ID: the id 1.11015E\+11/);
  });

  it('links touchpoints by account id or domain and contact email, with the default stage of their type', async () => {
    const files = [
      fixtureFile('touchpoints.json'),
      fixtureFile('hubspot-contacts.csv'),
      fixtureFile('hubspot-companies.csv'),
    ];
    const { records, report } = await run(files);
    expect(byKind(records, 'touchpoint')).toEqual([
      {
        id: expect.stringMatching(/^file:tp:/),
        accountId: 'file:5790939450',
        contactId: 'file:101',
        type: 'email_click',
        stage: 'MOFU',
        at: Date.UTC(2024, 2, 1, 9),
      },
      {
        id: expect.stringMatching(/^file:tp:/),
        accountId: 'file:5790939450',
        type: 'meeting',
        stage: 'BOFU',
        at: Date.UTC(2024, 2, 5, 15),
      },
      {
        id: expect.stringMatching(/^file:tp:/),
        accountId: 'file:5790939451',
        type: 'form_fill',
        stage: 'BOFU',
        at: 1709888400000,
      },
    ]);
    expect(report.files[2]?.problems.map((p) => p.reason)).toEqual([
      '"Coffee" is not a touchpoint type Tierlens knows',
      '"yesterday" is not a date and time',
      'no account of this import matches unknown.example',
    ]);
  });

  it.each([
    ['no recognisable column', 'Foo,Bar\n1,2\n', /no recognisable column \("Foo", "Bar"\)/],
    ['an empty file', '', /the file is empty/],
    ['a blank header row', '\n1,2\n', /first row is empty/],
  ])('reports a file with %s, and imports nothing from it', async (_name, text, message) => {
    const { records, report } = await run([memoryFile('x.csv', text)]);
    expect(records).toEqual([]);
    expect(report.problems[0]).toMatchObject({ row: 0, severity: 'error', reason: expect.stringMatching(message) });
  });

  it('derives stable ids from the domain, then the LinkedIn page, when a file has no id column', async () => {
    const csv =
      'name,domain,linkedinUrl\nAcme,acme.com,\nBeta,,https://www.linkedin.com/company/4321/\nGamma,,https://www.linkedin.com/company/gamma/\nNobody,,\n';
    const { records, report } = await run([memoryFile('a.csv', csv)]);
    expect(byKind(records, 'account').map((a) => a.id)).toEqual(['file:dom:acme.com', 'file:li#4321', 'file:li:gamma']);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ row: 5, reason: expect.stringMatching(/no domain or LinkedIn page/) }),
    );
  });

  it('hands records over in batches of 2,000, waiting for the sink', async () => {
    const rows = Array.from({ length: 4_500 }, (_, i) => `${i},Company ${i},c${i}.com`).join('\n');
    let inSink = 0;
    const batches: number[] = [];
    await run([memoryFile('big.csv', `id,name,domain\n${rows}\n`, 4096)], {
      sink: async (batch) => {
        inSink += 1;
        expect(inSink).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 5));
        batches.push(batch.length);
        inSink -= 1;
      },
    });
    expect(batches).toEqual([2000, 2000, 500]);
  });

  it('stops promptly on cancel, and does not call the sink again', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `${i},Company ${i},c${i}.com`).join('\n');
    const controller = new AbortController();
    let calls = 0;
    const report = await importFiles([memoryFile('big.csv', `id,name,domain\n${rows}\n`, 4096)], {
      source: 'feed',
      now: NOW,
      signal: controller.signal,
      sink: async () => {
        calls += 1;
        controller.abort();
      },
    });
    expect(calls).toBe(1);
    expect(report.cancelled).toBe(true);
  });

  it('links contacts and touchpoints to the import it adds to, where an id it has is an update, not a duplicate', async () => {
    const addingTo = {
      async *accounts() {
        yield [
          { id: 'file:1', domains: ['acme.com'], nameKey: 'name:acme' },
          { id: 'file:2', domains: ['globex.de'], nameKey: 'name:globex' },
        ];
      },
      async *contacts() {
        yield [{ id: 'file:c1', email: 'jane@acme.com' }];
      },
    };
    const contacts =
      'id,firstName,email,accountDomain,accountName\nc1,Jane,jane@acme.com,acme.com,\nc2,Max,max@example.org,globex.de,\nc3,Ann,ann@example.org,,Acme\n';
    const touchpoints =
      'id,type,at,accountId,contactEmail\nt1,meeting,2026-01-01,1,jane@acme.com\nt2,web_visit,2026-01-02,2,max@example.org\n';
    const { records, report } = await run(
      [memoryFile('touchpoints.csv', touchpoints), memoryFile('contacts.csv', contacts)],
      { addingTo },
    );
    expect(report.badRows).toBe(0);
    expect(report.warnings).toBe(0);
    expect(byKind(records, 'contact').map((c) => [c.id, 'accountId' in c && c.accountId])).toEqual([
      ['file:c1', 'file:1'],
      ['file:c2', 'file:2'],
      ['file:c3', 'file:1'],
    ]);
    expect(byKind(records, 'touchpoint').map((t) => 'contactId' in t && t.contactId)).toEqual(['file:c1', 'file:c2']);
    // The files' own records, counted: the previous import's are not the files'.
    expect(report.counts).toEqual({ accounts: 0, contacts: 3, touchpoints: 2, deals: 0 });
  });

  describe('indexes contacts by email only when a touchpoints file can link by email', () => {
    const contacts = 'id,firstName,email,accountId\nc1,Jane,jane@acme.com,1\nc2,Max,max@example.org,1\n';
    const accounts = 'id,name,domain\n1,Acme,acme.com\n';
    const files = (touchpointsName: string, touchpoints: string) => [
      memoryFile(touchpointsName, touchpoints),
      memoryFile('contacts.csv', contacts),
      memoryFile('accounts.csv', accounts),
    ];
    const contactIds = (records: SyncRecord[]) =>
      byKind(records, 'touchpoint').map((t) => 'contactId' in t && t.contactId);

    it('links by contact id without indexing emails when no file has an email column', async () => {
      const index = new ImportIndex();
      const { records, report } = await run(
        files('touchpoints.csv', 'id,type,at,accountId,contactId\nt1,meeting,2026-01-01,1,c2\n'),
        { index },
      );
      expect(report.badRows).toBe(0);
      expect(contactIds(records)).toEqual(['file:c2']);
      expect(() => index.contactByEmailAddress('max@example.org')).toThrow(/not indexed by email/);
    });

    it('links by a column the user mapped to the contact email, the kind given as the options page gives it', async () => {
      const { records, report } = await run(
        files('activity.csv', 'Ref,What,When,Company,Attendee\nt1,meeting,2026-01-01,1,MAX@example.org\n'),
        {
          kinds: { 'activity.csv': 'touchpoint', 'contacts.csv': 'contact', 'accounts.csv': 'account' },
          mappings: {
            'activity.csv': { Ref: 'id', What: 'type', When: 'at', Company: 'accountId', Attendee: 'contactEmail' },
          },
        },
      );
      expect(report.badRows).toBe(0);
      expect(report.warnings).toBe(0);
      expect(contactIds(records)).toEqual(['file:c2']);
    });

    it('links by an email key that only a later record of an NDJSON file brings', async () => {
      const ndjson = [
        { id: 't1', type: 'meeting', at: '2026-01-01', accountId: '1' },
        { id: 't2', type: 'meeting', at: '2026-01-02', accountId: '1', contactEmail: 'jane@acme.com' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n');
      const touchpoints = memoryFile('touchpoints.ndjson', ndjson, 80);
      // The premise: the first batch (the first 80 bytes' whole lines), which the import reads ahead, has no email key yet.
      expect((await fileHead(touchpoints))?.headers).toEqual(['id', 'type', 'at', 'accountId']);
      for (const kinds of [undefined, { 'touchpoints.ndjson': 'touchpoint' as const }]) {
        const { records, report } = await run(
          [touchpoints, memoryFile('contacts.csv', contacts), memoryFile('accounts.csv', accounts)],
          { kinds },
        );
        expect(report.badRows).toBe(0);
        expect(contactIds(records)).toEqual([false, 'file:c1']);
      }
    });
  });

  describe('indexes accounts by name only when a file can link by the company name', () => {
    const accounts = memoryFile('accounts.csv', 'id,name,domain\n1,Acme GmbH,acme.com\n2,Globex,globex.de\n');
    const kinds = { 'accounts.csv': 'account', 'contacts.csv': 'contact' } as const;

    it('links contacts by company id without indexing names when no file names a company', async () => {
      const index = new ImportIndex();
      const contacts = memoryFile('contacts.csv', 'id,firstName,accountId\nc1,Jane,2\n');
      const { records, report } = await run([contacts, accounts], { index, kinds });
      expect(report.badRows).toBe(0);
      expect(byKind(records, 'contact').map((c) => 'accountId' in c && c.accountId)).toEqual(['file:2']);
      expect(() => index.accountByName('Globex')).toThrow(/not indexed by name/);
      // Domains stay indexed: an email's domain links a contact too.
      expect(index.accountByDomain('acme.com')).toBe('file:1');
    });

    it('links by a company name column, the kinds given as the options page gives them', async () => {
      const contacts = memoryFile('contacts.csv', 'id,firstName,Company Name\nc1,Jane,ACME gmbh\n');
      const { records, report } = await run([contacts, accounts], { kinds });
      expect(report.badRows).toBe(0);
      expect(byKind(records, 'contact').map((c) => 'accountId' in c && c.accountId)).toEqual(['file:1']);
    });
  });

  it('reads an NDJSON file whose first record is longer than a chunk of the stream', async () => {
    const notes = 'x'.repeat(100 * 1024);
    const ndjson = `${JSON.stringify({ id: '1', name: 'Acme', domain: 'acme.com', notes })}\n${JSON.stringify({ id: '2', name: 'Globex', domain: 'globex.de' })}\n`;
    const { records, report } = await run([memoryFile('accounts.ndjson', ndjson, 16 * 1024)]);
    expect(report.files[0]?.problems).toEqual([]);
    expect(byKind(records, 'account').map((a) => a.id)).toEqual(['file:1', 'file:2']);
  });

  it('scopes ids to the source it is given', async () => {
    const { records } = await run([fixtureFile('hubspot-internal.csv')], { source: 'feed' });
    expect(byKind(records, 'account').map((a) => [a.id, 'source' in a && a.source])).toEqual([
      ['feed:7001', 'feed'],
      ['feed:7002', 'feed'],
    ]);
  });

  it('imports exactly the good rows of any mix of good and bad rows', async () => {
    const row = fc.oneof(
      fc.record({
        good: fc.constant(true),
        id: fc.stringMatching(/^[1-9]\d{0,8}$/),
        name: fc
          .string({ minLength: 1, maxLength: 20 })
          .filter((s) => s.trim() !== '' && !['null', 'n/a', '-', '#n/a'].includes(s.trim().toLowerCase())),
      }),
      fc.record({
        good: fc.constant(false),
        id: fc.constantFrom('1.11015E+11', 'null', '', 'N/A', '5.79094E+09'),
        name: fc.string({ maxLength: 20 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 40 }), async (rows) => {
        // Ids repeat in generated rows: the first of each is the good one.
        const seen = new Set<string>();
        const expected = rows.filter((r) => r.good && !seen.has(r.id) && seen.add(r.id)).map((r) => `file:${r.id}`);
        const csv = Papa.unparse({ fields: ['Record ID', 'Company name'], data: rows.map((r) => [r.id, r.name]) });
        const { records } = await run([memoryFile('p.csv', csv, 7)]);
        expect(records.map((r) => r.record.id)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Salesforce ids in their two forms', () => {
  // A data export (and the API) writes 18-character ids; reports and the UI, 15-character ones.
  // 0019000000B98de → 0019000000B98deAAB is the worked example of theblogreaders.com's
  // "difference between a 15 digit and a 18 digit Salesforce ID" (Salesforce's own algorithm).
  const contactOf = async (accounts: string, contacts: string) => {
    const { records, report } = await run([
      memoryFile('Account.csv', accounts),
      memoryFile('contacts-report.csv', contacts),
    ]);
    return { contacts: records.filter((r) => r.kind === 'contact').map((r) => r.record), report };
  };

  it("links a report's 15-character Account ID to the data export's 18-character Id", async () => {
    const { contacts } = await contactOf(
      'Id,Name,Website\n0019000000B98deAAB,Cyberdyne Systems,cyberdyne.com\n',
      'Contact ID,First Name,Last Name,Account ID\n0039000000Xy12a,Miles,Dyson,0019000000B98de\n',
    );
    expect(contacts).toEqual([expect.objectContaining({ accountId: 'file:0019000000B98deAAB' })]);
  });

  it("links an export's 18-character AccountId to a report's 15-character Account ID", async () => {
    const { contacts } = await contactOf(
      'Account ID,Account Name,Website\n0019000000B98de,Cyberdyne Systems,cyberdyne.com\n',
      'Id,FirstName,LastName,AccountId\n0039000000Xy12aAAA,Miles,Dyson,0019000000B98deAAB\n',
    );
    expect(contacts).toEqual([expect.objectContaining({ accountId: 'file:0019000000B98de' })]);
  });

  it('does not link a 15-character id that differs in case: Salesforce tells those records apart', async () => {
    const { contacts, report } = await contactOf(
      'Id,Name,Website\n0019000000B98deAAB,Cyberdyne Systems,cyberdyne.com\n',
      'Contact ID,First Name,Last Name,Account ID\n0039000000Xy12a,Miles,Dyson,0019000000b98de\n',
    );
    expect(contacts).toEqual([]);
    expect(report.files[1]?.problems).toEqual([
      expect.objectContaining({ reason: 'the company 0019000000b98de is not among the accounts of this import' }),
    ]);
  });
});

describe("a file of Tierlens's own records", () => {
  // What `import-preview --out` writes (and a feed's shards hold): {"kind", "record"} a line.
  async function written() {
    const sink: { kind: string; record: unknown }[] = [];
    await importFiles(
      ['hubspot-companies.csv', 'hubspot-contacts.csv', 'hubspot-deals.csv', 'touchpoints.json'].map((n) =>
        fixtureFile(n),
      ),
      {
        source: 'file',
        now: NOW,
        sink: async (records, deals) => {
          sink.push(...records, ...deals.map((record) => ({ kind: 'deal', record })));
        },
      },
    );
    return sink;
  }
  const sorted = (records: { kind: string; record: unknown }[]) =>
    [...records].sort((a, b) =>
      `${a.kind} ${(a.record as { id: string }).id}`.localeCompare(`${b.kind} ${(b.record as { id: string }).id}`),
    );

  it('imports every kind it holds, in any order, to the same records, linked as they were', async () => {
    const before = await written();
    expect(new Set(before.map((r) => r.kind))).toEqual(new Set(['account', 'contact', 'deal', 'touchpoint']));
    // Touchpoints and contacts first: each kind is read as a file of its own, accounts first.
    const lines = [...before].reverse().map((r) => JSON.stringify(r));
    const after: { kind: string; record: unknown }[] = [];
    const report = await importFiles([memoryFile('records.ndjson', `${lines.join('\n')}\n`, 200)], {
      source: 'file',
      now: NOW,
      sink: async (records, deals) => {
        after.push(...records, ...deals.map((record) => ({ kind: 'deal', record })));
      },
    });
    expect(report.badRows).toBe(0);
    expect(report.files.map((f) => [f.name, f.kind, f.good])).toEqual([
      ['records.ndjson (accounts)', 'account', 3],
      ['records.ndjson (deals)', 'deal', 5],
      ['records.ndjson (contacts)', 'contact', 3],
      ['records.ndjson (touchpoints)', 'touchpoint', 3],
    ]);
    expect(sorted(after)).toEqual(sorted(before));
  });

  it('reports a line that is no record once, at its line, and imports the others', async () => {
    const text = [
      '{"kind":"account","record":{"id":"file:1","name":"Acme","domains":["acme.com"]}}',
      'not json',
      '{"id":"2","name":"Plain"}',
      '{"kind":"contact","record":{"id":"file:c1","accountId":"file:1","name":"Jane Doe"}}',
    ].join('\n');
    const { records, report } = await run([memoryFile('records.ndjson', text)]);
    expect(records.map((r) => [r.kind, r.record.id])).toEqual([
      ['account', 'file:1'],
      ['contact', 'file:c1'],
    ]);
    expect(report.problems.map((p) => [p.file, p.row, p.reason.replace(/ \(.*/, '')])).toEqual([
      ['records.ndjson (accounts)', 2, 'this line is not JSON'],
      ['records.ndjson (accounts)', 3, 'this line is not a Tierlens record'],
    ]);
  });

  it("imports a team feed's gzip shards as its writer wrote them, and says when one is damaged", async () => {
    const files = new Map<string, Uint8Array>();
    const writer = createFeedWriter({ shardSize: 100, write: async (name, bytes) => void files.set(name, bytes) });
    await writer.add(
      Array.from({ length: 250 }, (_, i) => ({
        kind: 'account' as const,
        record: buildAccount('feed', String(i), { name: `Company ${i}`, domains: [`c${i}.com`] }, NOW),
      })),
    );
    await writer.close();
    const [name, bytes] = [...files][0] ?? ['', new Uint8Array()];
    expect(name).toMatch(/^accounts-0001-[0-9a-f]{12}\.ndjson\.gz$/);
    const progress: number[] = [];
    const { records, report } = await run([memoryFile(name, bytes, 512)], {
      onProgress: (p) => void ('bytesRead' in p && progress.push(p.bytesRead)),
    });
    expect(report.badRows).toBe(0);
    expect(records.map((r) => r.record.id)).toEqual(Array.from({ length: 100 }, (_, i) => `file:feed:${i}`));
    // Progress counts the file's own (compressed) bytes, up to its size.
    expect(Math.max(...progress)).toBe(bytes.length);
    const damaged = await run([memoryFile(name, bytes.slice(0, bytes.length - 40), 512)]);
    expect(damaged.report.files[0]?.stopped).toMatch(/^the gzip file is damaged/);
  });

  it("imports another source's records (a feed's shard) under the file's source, their links kept", async () => {
    const text = [
      '{"kind":"account","record":{"id":"feed:9","name":"Globex","domains":["globex.de"]}}',
      '{"kind":"contact","record":{"id":"feed:c9","accountId":"feed:9","name":"Max Muster"}}',
    ].join('\n');
    const { records } = await run([memoryFile('accounts-0001.ndjson', text)]);
    expect(records.map((r) => [r.kind, r.record.id, 'accountId' in r.record ? r.record.accountId : undefined])).toEqual(
      [
        ['account', 'file:feed:9', undefined],
        ['contact', 'file:feed:c9', 'file:feed:9'],
      ],
    );
  });
});
