import { describe, expect, it } from 'vitest';
import type { DealRecord, SyncRecord } from '../records';
import { syncRecordSchema } from '../records';
import { detectKind, planColumns } from './columns';
import { importFiles } from './import';
import { fixtureFile, memoryFile } from './test-files';
import type { ImportFile } from './types';

const NOW = Date.UTC(2026, 0, 15);
const COMPANIES = 'id,name,domain\n1,Acme,acme.com\n2,Globex,globex.de\n';

async function run(files: ImportFile[]) {
  const records: SyncRecord[] = [];
  const deals: DealRecord[] = [];
  const report = await importFiles(files, {
    source: 'file',
    now: NOW,
    sink: async (batch, dealBatch) => {
      records.push(...batch);
      deals.push(...dealBatch);
    },
  });
  for (const record of deals) expect(syncRecordSchema.safeParse({ kind: 'deal', record }).success).toBe(true);
  return { report, records, deals };
}

const withCompanies = (deals: string, name = 'deals.csv') =>
  run([memoryFile(name, deals), memoryFile('c.csv', COMPANIES)]);

describe('a deals file', () => {
  it.each([
    [
      'a HubSpot deals export',
      ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Associated Company IDs'],
    ],
    ['HubSpot internal names', ['hs_object_id', 'dealname', 'dealstage', 'amount', 'closedate', 'hs_is_closed_won']],
    ['a Salesforce opportunities export', ['Id', 'Name', 'Amount', 'StageName', 'CloseDate', 'IsWon', 'AccountId']],
    ['a Salesforce opportunities report', ['Opportunity Name', 'Stage', 'Close Date', 'Account Name', 'Amount']],
    ['Tierlens’s own columns', ['dealId', 'dealName', 'amount', 'stage', 'status', 'closedAt', 'companyId']],
  ])('is recognised from %s', (_, headers) => {
    expect(detectKind(headers)).toBe('deal');
  });

  it.each([
    [
      'a HubSpot companies export with deal roll-ups',
      ['Record ID', 'Company name', 'Recent Deal Amount', 'Recent Deal Close Date', 'Close Date'],
    ],
    ['a HubSpot contacts export', ['Record ID', 'First Name', 'Last Name', 'Email', 'Associated Company IDs']],
    ['a Salesforce accounts export', ['Id', 'Name', 'Website', 'AnnualRevenue']],
  ])('is not %s', (_, headers) => {
    expect(detectKind(headers)).not.toBe('deal');
  });

  it('maps HubSpot’s deal columns and leaves the pipeline out with a note', () => {
    const { columns } = planColumns(['Deal Name', 'Pipeline', 'Is Closed Won', 'Associated Company'], 'deal');
    expect(columns.map((c) => c.field ?? c.note)).toEqual([
      'name',
      'a pipeline: deals are read by their stage, not imported',
      'isWon',
      'accountName',
    ]);
  });

  it.each([
    ['a won flag over the stage', 'Is Closed Won,Is Closed,Deal Stage', 'true,true,Negotiation', 'won'],
    ['closed and not won', 'Is Closed Won,Is Closed,Deal Stage', 'false,true,Negotiation', 'lost'],
    ['Salesforce: not closed', 'IsWon,IsClosed,StageName', 'false,false,Closed Won', 'open'],
    ['a status column', 'status,stage', 'lost,Whatever', 'lost'],
    ['the stage’s words', 'Deal Stage', 'Closed Lost', 'lost'],
    ['HubSpot’s internal stage', 'dealstage', 'closedwon', 'won'],
    ['any other stage', 'Deal Stage', 'Contract Sent', 'open'],
  ])('reads its status from %s', async (_, headers, cells, status) => {
    const { deals, report } = await withCompanies(`Deal Name,Associated Company IDs,${headers}\nD,1,${cells}\n`);
    expect(report.badRows).toBe(0);
    expect(deals[0]?.status).toBe(status);
  });

  it.each([
    ['1,200', ',', 1200],
    ['1.2M', ',', 1_200_000],
    ['1.200,50', ';', 1200.5],
  ])('reads the amount %j as a number', async (amount, delimiter, expected) => {
    const d = delimiter;
    const csv = `Deal Name${d}Associated Company IDs${d}Amount\nD${d}1${d}"${amount}"\n`;
    const { deals } = await withCompanies(csv);
    expect(deals[0]?.amount).toBe(expected);
  });

  it('reads close and create dates as the other kinds do', async () => {
    const { deals } = await withCompanies(
      'dealId,dealName,companyId,stage,closedAt,createdAt\n7,D,2,Closed Won,2025-03-14,2024-11-02T09:00:00Z\n',
    );
    expect(deals).toEqual([
      {
        id: 'file-deal:7',
        accountId: 'file:2',
        name: 'D',
        stage: 'Closed Won',
        status: 'won',
        closedAt: Date.UTC(2025, 2, 14),
        createdAt: Date.UTC(2024, 10, 2, 9),
      },
    ]);
  });

  it('links by company id first, then by the company’s name or domain, and reports what links to nothing', async () => {
    const csv = [
      'Deal ID,Deal Name,Associated Company IDs,Associated Company,Company Domain Name',
      'a,By id,2,Acme,',
      'b,By name,,Acme,',
      'c,By domain,,,globex.de',
      'd,Nowhere,,Umbrella,',
    ].join('\n');
    const { deals, report } = await withCompanies(csv);
    expect(deals.map((d) => [d.name, d.accountId])).toEqual([
      ['By id', 'file:2'],
      ['By name', 'file:1'],
      ['By domain', 'file:2'],
    ]);
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 5, severity: 'error', reason: 'no account of this import matches Umbrella' }),
    ]);
  });

  it('is not imported without accounts to keep its deals, and says why', async () => {
    const { deals, report } = await run([memoryFile('deals.csv', 'Deal Name,Associated Company IDs\nD,1\n')]);
    expect(deals).toEqual([]);
    expect(report.problems[0]?.reason).toMatch(/together with its accounts file/);
  });

  it('lands the good rows of the HubSpot fixture and lists the bad ones with row, column and reason', async () => {
    const { report, deals } = await run([fixtureFile('hubspot-deals.csv'), fixtureFile('hubspot-companies.csv')]);
    const file = report.files.find((f) => f.kind === 'deal');
    expect(file).toMatchObject({ rows: 7, good: 5, bad: 2, warnings: 1 });
    expect(report.counts).toMatchObject({ accounts: 3, deals: 5 });
    expect(file?.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [6, 'Associated Company IDs', 'error'],
      [7, 'Record ID', 'error'],
      [8, 'Amount', 'warning'],
    ]);
    expect(deals.find((d) => d.name === 'Globex - First order')).toMatchObject({
      accountId: 'file:5790939451',
      status: 'lost',
      amount: 30000,
    });
  });

  it('reports a duplicate deal id like any other kind', async () => {
    const { report, deals } = await withCompanies('dealId,dealName,companyId\n1,A,1\n1,B,1\n');
    expect(deals).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ row: 3, column: 'dealId', severity: 'error' });
  });
});
