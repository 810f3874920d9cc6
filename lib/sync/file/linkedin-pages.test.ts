import { describe, expect, it } from 'vitest';
import type { Account } from '../../db/accounts';
import type { SyncRecord } from '../records';
import { syncRecordSchema } from '../records';
import { fieldForHeader } from './fields';
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
  return { report, records, accounts };
}

describe('showcase and school pages in an accounts file', () => {
  it.each([
    ['LinkedIn Showcase Page', 'linkedinShowcase'],
    ['LinkedIn Showcase Pages', 'linkedinShowcase'],
    ['linkedinShowcases', 'linkedinShowcase'],
    ['LinkedIn School Page', 'linkedinSchool'],
    ['linkedin_school_page', 'linkedinSchool'],
  ])('maps the header %j to %s', (header, field) => {
    expect(fieldForHeader('account', header)).toBe(field);
  });

  it('gives an account its showcase and school pages as keys of their own, beside its company page', async () => {
    const csv = [
      'Record ID,Company name,Company Domain Name,LinkedIn Company Page,LinkedIn Showcase Page,LinkedIn School Page',
      '7,Acme,acme.com,https://www.linkedin.com/company/acme/,https://www.linkedin.com/showcase/acme-cloud/,linkedin.com/school/acme-academy',
    ].join('\n');
    const { accounts, report } = await importCsv(csv);
    expect(report.problems).toEqual([]);
    expect(accounts).toEqual([
      expect.objectContaining({
        id: 'file:7',
        linkedinSlugs: ['acme'],
        linkedinShowcases: ['acme-cloud'],
        linkedinSchools: ['acme-academy'],
        keys: ['li:acme', 'li-showcase:acme-cloud', 'li-school:acme-academy', 'dom:acme.com', 'name:acme'],
      }),
    ]);
  });

  it('reads a showcase or school URL in the LinkedIn column as that page, never as the company’s li: key', async () => {
    const csv = [
      'id,name,LinkedIn URL',
      '1,Acme Cloud,https://www.linkedin.com/showcase/acme/',
      '2,Acme Academy,https://uk.linkedin.com/school/Acme/people/',
    ].join('\n');
    const { accounts, report } = await importCsv(csv);
    expect(report.problems).toEqual([]);
    expect(accounts.map((a) => [a.id, a.keys, a.linkedinSlugs])).toEqual([
      ['file:1', ['li-showcase:acme', 'name:acme cloud'], []],
      ['file:2', ['li-school:acme', 'name:acme academy'], []],
    ]);
    for (const a of accounts) expect(a.keys).not.toContain('li:acme');
  });

  it('takes a bare slug, and several pages joined by ; in one cell', async () => {
    const csv =
      'id,name,LinkedIn Showcase Page\n1,Microsoft,microsoft-azure; https://www.linkedin.com/showcase/Microsoft-365/\n';
    const { accounts } = await importCsv(csv);
    expect(accounts[0]?.linkedinShowcases).toEqual(['microsoft-azure', 'microsoft-365']);
    expect(accounts[0]?.keys).toEqual(['li-showcase:microsoft-azure', 'li-showcase:microsoft-365', 'name:microsoft']);
  });

  it('warns about a value in the showcase column that is another kind of page, and leaves it out', async () => {
    const csv = 'id,name,LinkedIn Showcase Page\n1,Acme,https://www.linkedin.com/company/acme/\n';
    const { accounts, report } = await importCsv(csv);
    expect(accounts[0]?.keys).toEqual(['name:acme']);
    expect(accounts[0]).not.toHaveProperty('linkedinShowcases');
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        row: 2,
        column: 'LinkedIn Showcase Page',
        severity: 'warning',
        reason: expect.stringMatching(/is not a LinkedIn showcase page: left out/),
      }),
    );
  });

  it('names an account that has only a showcase page by it, when the file has no id column', async () => {
    const csv = 'LinkedIn Showcase Page\nhttps://www.linkedin.com/showcase/acme-cloud/\n';
    const { accounts } = await importCsv(csv);
    expect(accounts.map((a) => [a.id, a.name, a.keys])).toEqual([
      ['file:li-showcase:acme-cloud', 'acme-cloud', ['li-showcase:acme-cloud', 'name:acme cloud']],
    ]);
  });

  it('writes records the feed and import-preview schema accepts, and accounts without such pages as before', async () => {
    const csv = 'id,name,domain,LinkedIn Showcase Page\n1,Acme,acme.com,acme-cloud\n2,Globex,globex.com,\n';
    const { records, accounts } = await importCsv(csv);
    for (const r of records) expect(syncRecordSchema.safeParse(r).success).toBe(true);
    expect(accounts[1]).not.toHaveProperty('linkedinShowcases');
    expect(accounts[1]).not.toHaveProperty('linkedinSchools');
  });
});
