import { describe, expect, it } from 'vitest';
import type { Account } from '../../db/accounts';
import type { SyncRecord } from '../records';
import { syncRecordSchema } from '../records';
import { importFiles } from './import';
import { memoryFile } from './test-files';

const NOW = Date.UTC(2026, 0, 15);

async function importCsv(csv: string) {
  const records: SyncRecord[] = [];
  const report = await importFiles([memoryFile('accounts.csv', csv)], {
    source: 'file',
    now: NOW,
    sink: async (batch) => {
      records.push(...batch);
    },
  });
  const accounts = records.filter((r) => r.kind === 'account').map((r) => r.record as Account);
  for (const record of records) expect(syncRecordSchema.safeParse(record).success).toBe(true);
  return { report, accounts };
}

describe('the close date of an outcome in an accounts file', () => {
  it.each([
    ['HubSpot’s label', 'Close Date', '2025-03-14 10:00', Date.UTC(2025, 2, 14, 10)],
    ['HubSpot’s internal name', 'closedate', '2025-03-14T10:00:00.000Z', Date.UTC(2025, 2, 14, 10)],
    ['HubSpot’s company roll-up', 'Recent Deal Close Date', '2025-03-14', Date.UTC(2025, 2, 14)],
    ['HubSpot’s company roll-up, internal name', 'recent_deal_close_date', '1741946400000', Date.UTC(2025, 2, 14, 10)],
    ['Salesforce’s API name', 'CloseDate', '2025-03-14', Date.UTC(2025, 2, 14)],
    ['Tierlens’s own column', 'closedAt', '2025-03-14T11:00:00+01:00', Date.UTC(2025, 2, 14, 10)],
  ])('is read from %s %j into closedAt', async (_, header, cell, closedAt) => {
    const { accounts, report } = await importCsv(
      `id,name,domain,outcome,${header}\n1,Acme,acme.com,Closed Won,${cell}\n`,
    );
    expect(report.warnings).toBe(0);
    expect(accounts).toEqual([expect.objectContaining({ id: 'file:1', outcome: 'won', closedAt })]);
  });

  it('leaves an empty close date out, not undefined', async () => {
    const { accounts } = await importCsv('id,name,domain,outcome,Close Date\n1,Acme,acme.com,lost,\n');
    expect(accounts[0]?.outcome).toBe('lost');
    expect(Object.hasOwn(accounts[0] ?? {}, 'closedAt')).toBe(false);
  });

  it('warns about a close date it cannot read and imports the row without it', async () => {
    const { accounts, report } = await importCsv('id,name,domain,outcome,Close Date\n1,Acme,acme.com,won,14/03/2025\n');
    expect(accounts).toHaveLength(1);
    expect(accounts[0]?.closedAt).toBeUndefined();
    expect(report.files[0]?.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Close Date',
        severity: 'warning',
        reason: expect.stringMatching(/date/),
      }),
    ]);
  });
});
