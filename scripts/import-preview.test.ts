import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { syncRecordSchema } from '../lib/sync/records';
import { CliError, run } from './import-preview';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const fixture = (name: string) => join(ROOT, 'test/fixtures/imports', name);

interface Printed {
  files: {
    name: string;
    format: string;
    delimiter?: string;
    kind: string;
    mapping: Record<string, string | null>;
    good: number;
    bad: number;
    problems: { row: number; column?: string; reason: string }[];
  }[];
  totals: { accounts: number; contacts: number; touchpoints: number; badRows: number };
}

describe('npm run import-preview', () => {
  it('prints per file the format, kind, mapping, counts and first problems, then the totals', async () => {
    const printed: Printed = JSON.parse(await run([fixture('hubspot-contacts.csv'), fixture('hubspot-companies.csv')]));
    expect(printed.files.map((f) => [f.name, f.format, f.delimiter, f.kind, f.good, f.bad])).toEqual([
      ['hubspot-companies.csv', 'csv', ',', 'account', 3, 0],
      ['hubspot-contacts.csv', 'csv', ',', 'contact', 3, 1],
    ]);
    expect(printed.files[0]?.mapping).toMatchObject({
      'Record ID': 'id',
      'Company Domain Name': 'domain',
      'Ideal Customer Profile Tier': 'assignedTier',
      City: null,
    });
    expect(printed.files[1]?.problems).toContainEqual({
      row: 5,
      column: 'Associated Company IDs',
      reason: 'the company 999 is not among the accounts of this import',
      severity: 'error',
    });
    expect(printed.totals).toMatchObject({ accounts: 3, contacts: 3, touchpoints: 0, badRows: 1 });
  });

  it('writes every record with --out, one {"kind", "record"} a line, as the feed reads them', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'import-preview-')), 'records.ndjson');
    await run([fixture('salesforce-account.csv'), '--out', out, '--source', 'feed']);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.kind, l.record.id])).toEqual([
      ['account', 'feed:001Wj00000tQWvrAAG'],
      ['account', 'feed:001Wj00000tQWvsAAG'],
    ]);
    for (const line of lines) expect(syncRecordSchema.safeParse(line).success).toBe(true);
  });

  it.each([
    [[], 2, /no file given/],
    [['--source', 'crm', 'a.csv'], 2, /--source must be file or feed/],
    [['--bogus'], 2, /Unknown option/],
    [[fixture('does-not-exist.csv')], 1, /no such file/],
  ])('fails %j with exit code %d', async (argv, code, message) => {
    const error = await run(argv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('runs as a script with its exit code', { timeout: 30_000 }, async () => {
    const { stdout } = await promisify(execFile)(TSX, ['scripts/import-preview.ts', fixture('tab-separated.tsv')], {
      cwd: ROOT,
    });
    expect(JSON.parse(stdout).files[0]).toMatchObject({ delimiter: '\t', kind: 'account', good: 2 });
    const failed = await promisify(execFile)(TSX, ['scripts/import-preview.ts'], { cwd: ROOT }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringMatching(/usage: npm run import-preview/) });
  });
});
