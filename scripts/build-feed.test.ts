import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../lib/settings/defaults';
import { createFeedSource, managedModels } from '../lib/sync/feed/source';
import type { ImportReport } from '../lib/sync/file/types';
import { buildAccount, type SyncRecord } from '../lib/sync/records';
import type { SyncPlan } from '../lib/sync/types';
import { startFeedServer } from '../test/support/feed-server';
import { type BuildFeedIo, buildFeed } from './build-feed';

const NOW = new Date('2026-12-01T06:00:00Z');
const signal = new AbortController().signal;

let dir: string;
let out: string;
let io: BuildFeedIo & { lines: string[]; errors: string[] };
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'build-feed-'));
  out = join(dir, 'feed');
  const lines: string[] = [];
  const errors: string[] = [];
  io = { lines, errors, stdout: (l) => lines.push(l), stderr: (l) => errors.push(l), now: () => NOW };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const ACCOUNTS_CSV = [
  'id,name,domain,employees,country,tier',
  '1,Acme Corp,acme.com,1200,US,1',
  '2,Globex,globex.io,lots,DE,2',
  '3,Initech,initech.com,300,GB,',
  '4,Umbrella,umbrella.co.uk,5000,GB,3',
  '5,Hooli,hooli.xyz,80,US,',
  '6,,,40,US,',
].join('\n');
const CONTACTS_CSV = [
  'id,name,accountId,Buying Role',
  '10,Ada Lovelace,1,DECISION_MAKER;CHAMPION',
  '11,Alan Turing,4,',
].join('\n');

async function write(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

/** Serves the built folder and reads the feed back the way the extension does. */
async function readBack(folder: string): Promise<{ plan: SyncPlan; records: SyncRecord[] }> {
  const server = await startFeedServer({ dir: folder });
  try {
    const source = createFeedSource({ manifestUrl: `${server.url}manifest.json` });
    const plan = await source.plan(undefined, signal);
    const records: SyncRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await source.readPage(plan, cursor, signal);
      records.push(...page.records);
      cursor = page.next;
    } while (cursor !== undefined);
    return { plan, records };
  } finally {
    await server.close();
  }
}

describe('npm run build-feed, from CRM exports to a feed the extension reads', () => {
  it('builds shards of N records from CSV exports, skipping bad rows and reporting them and the values left out', async () => {
    const files = [await write('companies.csv', ACCOUNTS_CSV), await write('contacts.csv', CONTACTS_CSV)];
    expect(await buildFeed([...files, '--out', out, '--shard-size', '2'], io)).toBe(0);
    const { plan, records } = await readBack(out);
    expect(plan).toMatchObject({ mode: 'full', label: '2026-12-01T06:00:00Z' });
    const accounts = records.filter((r) => r.kind === 'account').map((r) => r.record);
    expect(accounts.map((a) => [a.id, a.name, a.employees])).toEqual([
      ['feed:1', 'Acme Corp', 1200],
      ['feed:2', 'Globex', undefined],
      ['feed:3', 'Initech', 300],
      ['feed:4', 'Umbrella', 5000],
      ['feed:5', 'Hooli', 80],
    ]);
    expect(accounts[0]).toMatchObject({ source: 'feed', domains: ['acme.com'], assignedTier: 1 });
    expect(records.filter((r) => r.kind === 'contact').map((r) => r.record)).toEqual([
      expect.objectContaining({ id: 'feed:10', accountId: 'feed:1', buyingRoles: ['DECISION_MAKER', 'CHAMPION'] }),
      expect.objectContaining({ id: 'feed:11', accountId: 'feed:4' }),
    ]);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.shards.map((s: { records: number }) => s.records)).toEqual([2, 2, 1, 2]);
    expect(io.lines.join('\n')).toContain('5 accounts, 2 contacts, 0 touchpoints in 4 shards');
    const summary = io.lines.join('\n');
    expect(summary).toMatch(/1 bad rows skipped; the first:\n.*companies\.csv row 7, name: the company has no name/);
    expect(summary).toMatch(/1 values left out; the first:\n.*companies\.csv row 3, employees: /);
  });

  it('lists each shard with the record count and SHA-256 of the file as written, and leaves no temporary file', async () => {
    expect(await buildFeed([await write('companies.csv', ACCOUNTS_CSV), '--out', out, '--no-gzip'], io)).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'tierlens-feed', version: 1, createdAt: NOW.toISOString() });
    for (const shard of manifest.shards) {
      const bytes = await readFile(join(out, shard.path));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(shard.sha256);
      expect(bytes.toString('utf8').trim().split('\n')).toHaveLength(shard.records);
    }
    expect((await readdir(out)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('gzips shards by default and carries the models the team manages', async () => {
    const models = await write(
      'models.json',
      JSON.stringify({ programs: DEFAULT_SETTINGS.programs, rules: DEFAULT_SETTINGS.rules }),
    );
    const args = [
      await write('companies.csv', ACCOUNTS_CSV),
      '--out',
      out,
      '--models',
      models,
      '--generation',
      'nightly-42',
    ];
    expect(await buildFeed(args, io)).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    const shard = manifest.shards[0];
    expect(shard).toMatchObject({
      gzip: true,
      path: expect.stringMatching(/^accounts-0001-[0-9a-f]{12}\.ndjson\.gz$/),
    });
    expect(
      gunzipSync(await readFile(join(out, shard.path)))
        .toString('utf8')
        .split('\n')[0],
    ).toContain('"kind":"account"');
    const { plan } = await readBack(out);
    expect(plan.label).toBe('nightly-42');
    expect(managedModels(plan)).toEqual({ programs: DEFAULT_SETTINGS.programs, rules: DEFAULT_SETTINGS.rules });
  });

  it('writes the records its importer hands over, cutting shards by kind', async () => {
    const records: SyncRecord[] = [1, 2, 3].map((n) => ({
      kind: 'account',
      record: buildAccount('feed', String(n), { name: `Company ${n}` }, NOW.getTime()),
    }));
    const importer = async (_files: unknown, options: { sink: (r: SyncRecord[]) => Promise<void> }) => {
      await options.sink(records);
      return {
        files: [],
        counts: { accounts: 3, contacts: 0, touchpoints: 0 },
        badRows: 0,
        problems: [],
      } as unknown as ImportReport;
    };
    expect(await buildFeed([await write('any.csv', 'x'), '--out', out, '--shard-size', '2'], io, importer)).toBe(0);
    expect((await readBack(out)).records).toEqual(records);
  });
});

describe('npm run build-feed refuses what it cannot publish', () => {
  it.each([
    ['no --out', ['a.csv'], '--out <dir> is required'],
    ['no export file', ['--out', 'x'], 'name at least one export file'],
    [
      'a shard size that is not a count',
      ['a.csv', '--out', 'x', '--shard-size', 'big'],
      '--shard-size must be a whole number from 1 to 250000',
    ],
    ['an unknown option', ['a.csv', '--out', 'x', '--shards', '3'], "Unknown option '--shards'"],
  ])('exits 2 on %s, with the usage', async (_name, argv, expected) => {
    expect(await buildFeed(argv, io)).toBe(2);
    expect(io.errors[0]).toContain(expected);
    expect(io.errors[1]).toMatch(/^usage: npm run build-feed/);
  });

  it('exits 1 on an export it cannot read, and publishes nothing', async () => {
    expect(await buildFeed([join(dir, 'missing.csv'), '--out', out], io)).toBe(1);
    expect(io.errors).toEqual([`build-feed: cannot read ${join(dir, 'missing.csv')} (ENOENT)`]);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('exits 1 on models that are not valid, saying where', async () => {
    const models = await write(
      'models.json',
      JSON.stringify({ icp: { ...DEFAULT_SETTINGS.icp, thresholds: { A: 1, B: 2, C: 3, D: 4 } } }),
    );
    expect(await buildFeed([await write('companies.csv', ACCOUNTS_CSV), '--out', out, '--models', models], io)).toBe(1);
    expect(io.errors[0]).toContain('models › ICP › grade thresholds: must fall from A to D');
  });

  it('exits 1 when no row of the exports is valid, rather than publish an empty feed', async () => {
    const bad = await write('companies.csv', 'id,name,employees\n1,,40\n');
    expect(await buildFeed([bad, '--out', out], io)).toBe(1);
    expect(io.errors.at(-1)).toBe(
      'build-feed: no valid record in the exports; nothing published (manifest.json not written)',
    );
  });
});
