import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FeedFiles, type FeedServer, startFeedServer } from '../../../test/support/feed-server';
import type { SyncState } from '../../db/sync-state';
import { DEFAULT_SETTINGS } from '../../settings/defaults';
import { SourceError } from '../errors';
import { buildAccount, type SyncRecord } from '../records';
import type { SourceAdapter, SyncPlan } from '../types';
import { createFeedSource, managedModels } from './source';
import { createFeedWriter } from './writer';

const NOW = Date.parse('2026-12-01T06:00:00Z');
const signal = new AbortController().signal;

const account = (n: number, fields: Record<string, unknown> = {}): SyncRecord => ({
  kind: 'account',
  record: {
    ...buildAccount('feed', String(n), { name: `Company ${n}`, employees: 100 + n, websites: [`c${n}.com`] }, NOW),
    ...fields,
  },
});
const contact = (n: number): SyncRecord => ({
  kind: 'contact',
  record: { id: `feed:c${n}`, accountId: `feed:${n}`, name: `Person ${n}`, buyingRoles: ['CHAMPION'], updatedAt: NOW },
});
const touchpoint = (n: number): SyncRecord => ({
  kind: 'touchpoint',
  record: { id: `feed:t${n}`, accountId: `feed:${n}`, type: 'web_visit', stage: 'TOFU', at: NOW },
});

/** 7 accounts, 3 contacts and 2 touchpoints, in shards of 3: accounts ×3, contacts ×1, touchpoints ×1. */
const RECORDS: SyncRecord[] = [
  ...Array.from({ length: 7 }, (_, i) => account(i + 1)),
  ...Array.from({ length: 3 }, (_, i) => contact(i + 1)),
  touchpoint(1),
  touchpoint(2),
];

/** A feed as build-feed writes it, through the same writer. */
async function feedFiles(options: { generation: string; gzip?: boolean; records?: SyncRecord[]; models?: unknown }) {
  const files: FeedFiles = {};
  const writer = createFeedWriter({
    shardSize: 3,
    gzip: options.gzip,
    write: async (name, bytes) => {
      files[name] = bytes;
    },
  });
  await writer.add(options.records ?? RECORDS);
  const shards = await writer.close();
  const manifest = {
    format: 'tierlens-feed',
    version: 1,
    generation: options.generation,
    createdAt: '2026-12-01T06:00:00Z',
    shards,
    models: options.models,
  };
  files['manifest.json'] = JSON.stringify(manifest);
  return { files, shards };
}

/** A shard written by hand (not through the writer), for the ones the writer would refuse to write. */
function handShard(path: string, lines: string[], gzip = false) {
  const text = Buffer.from(lines.map((l) => `${l}\n`).join(''));
  const bytes = gzip ? gzipSync(text) : text;
  return {
    bytes: new Uint8Array(bytes),
    entry: { path, records: lines.length, sha256: createHash('sha256').update(bytes).digest('hex'), gzip },
  };
}

function manifestWith(shards: unknown[], generation = 'g1') {
  return JSON.stringify({ format: 'tierlens-feed', version: 1, generation, createdAt: '2026-12-01T06:00:00Z', shards });
}

/** What the engine does with a plan: every page in order, from `cursor`. */
async function readAll(source: SourceAdapter, plan: SyncPlan, cursor?: string): Promise<SyncRecord[]> {
  const records: SyncRecord[] = [];
  let next = cursor;
  do {
    const page = await source.readPage(plan, next, signal);
    records.push(...page.records);
    next = page.next;
  } while (next !== undefined);
  return records;
}

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

let server: FeedServer;
let source: SourceAdapter;
beforeEach(async () => {
  server = await startFeedServer();
  source = createFeedSource({ manifestUrl: `${server.url}manifest.json`, now: () => NOW });
});
afterEach(() => server.close());

describe('a team feed, read through the real HTTP server', () => {
  it.each([
    ['gzip', true],
    ['plain', false],
  ])('reads every record of %s shards, one shard a page, as they were built', async (_name, gzip) => {
    const { files, shards } = await feedFiles({ generation: '2026-12-01T06:00Z', gzip });
    server.setFiles(files);
    const plan = await source.plan(undefined, signal);
    expect(plan).toMatchObject({ mode: 'full', label: '2026-12-01T06:00Z' });
    expect(shards.map((s) => s.records)).toEqual([3, 3, 1, 3, 2]);
    expect(await readAll(source, plan)).toEqual(RECORDS);
    expect(server.requests.filter((r) => r.path !== 'manifest.json')).toHaveLength(5);
  });

  it('asks for the manifest with the last ETag and reads nothing when the host answers 304', async () => {
    server.setFiles((await feedFiles({ generation: 'g1' })).files);
    const plan = await source.plan(undefined, signal);
    const { checkpoint } = (await source.finish?.(plan, { accounts: 7, contacts: 3, touchpoints: 2 }, signal)) ?? {};
    expect(checkpoint).toMatch(/^".+"$/);
    const state: SyncState = { source: 'feed', generation: 1, label: 'g1', checkpoint };
    expect(await source.plan(state, signal)).toEqual({ mode: 'unchanged' });
    expect(server.requests.at(-1)).toMatchObject({ path: 'manifest.json', status: 304 });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe(checkpoint);
  });

  it('reads nothing when the manifest changed but names the visible generation, and keeps its new ETag', async () => {
    server.setFiles((await feedFiles({ generation: 'g1' })).files);
    const state: SyncState = { source: 'feed', generation: 1, label: 'g1', checkpoint: '"an older upload"' };
    const plan = await source.plan(state, signal);
    expect(plan.mode).toBe('unchanged');
    // The ETag the server sent for the re-upload, so that the next run is a 304.
    const served = server.requests.at(-1);
    expect(served?.status).toBe(200);
    expect(plan.checkpoint).toMatch(/^"/);
    expect(plan.checkpoint).not.toBe('"an older upload"');
  });

  it('plans a full run for a new generation, with the models the team manages', async () => {
    const models = { programs: DEFAULT_SETTINGS.programs.slice(0, 2) };
    server.setFiles((await feedFiles({ generation: 'g2', models })).files);
    const plan = await source.plan({ source: 'feed', generation: 1, label: 'g1', checkpoint: '"g1"' }, signal);
    expect(plan).toMatchObject({ mode: 'full', label: 'g2' });
    expect(managedModels(plan)).toEqual(models);
  });

  it('resumes at shard k reading only shards k and after, from the plan the engine stored', async () => {
    const { files, shards } = await feedFiles({ generation: 'g1' });
    server.setFiles(files);
    const plan = JSON.parse(JSON.stringify(await source.plan(undefined, signal))) as SyncPlan;
    const records = await readAll(createFeedSource({ manifestUrl: `${server.url}manifest.json` }), plan, '3');
    expect(records).toEqual(RECORDS.slice(7));
    expect(server.requests.slice(1).map((r) => r.path)).toEqual(shards.slice(3).map((s) => s.path));
  });
});

describe('a feed that is not what its manifest says is rejected whole, in plain words', () => {
  it('rejects a shard whose bytes changed (its SHA-256)', async () => {
    const { files, shards } = await feedFiles({ generation: 'g1' });
    server.setFiles(files);
    server.faults.add(shards[0]?.path ?? '', { kind: 'corrupt' });
    const error = await failure(
      source.plan(undefined, signal).then((plan) => source.readPage(plan, undefined, signal)),
    );
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(
      `shard ${shards[0]?.path}: its SHA-256 is not the manifest's: the file changed after the manifest was written, or was corrupted`,
    );
  });

  it('says how to fix a host that serves gzip shards with Content-Encoding: gzip', async () => {
    const { files, shards } = await feedFiles({ generation: 'g1' });
    server.setFiles(files);
    server.faults.add(shards[0]?.path ?? '', { kind: 'content-encoding' });
    const error = await failure(
      source.plan(undefined, signal).then((plan) => source.readPage(plan, undefined, signal)),
    );
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('arrived already decompressed');
    expect(error.message).toContain('serve .gz shards as application/gzip without a Content-Encoding');
  });

  it('rejects a shard holding fewer records than the manifest says', async () => {
    const shard = handShard('accounts.ndjson', [JSON.stringify(account(1)), JSON.stringify(account(2))]);
    server.setFiles({
      'manifest.json': manifestWith([{ ...shard.entry, records: 3 }]),
      'accounts.ndjson': shard.bytes,
    });
    const error = await failure(
      source.plan(undefined, signal).then((plan) => source.readPage(plan, undefined, signal)),
    );
    expect(error).toMatchObject({
      retryable: false,
      message: 'shard accounts.ndjson: holds 2 records, but the manifest says 3',
    });
  });

  it('rejects a shard with rows that fail validation, counting them and naming the first', async () => {
    const lines = [account(1), account(2, { employees: 'many' }), account(3), account(4, { employees: 'some' })].map(
      (r) => JSON.stringify(r),
    );
    const shard = handShard('accounts-0002.ndjson.gz', lines, true);
    server.setFiles({ 'manifest.json': manifestWith([shard.entry]), 'accounts-0002.ndjson.gz': shard.bytes });
    const error = await failure(
      source.plan(undefined, signal).then((plan) => source.readPage(plan, undefined, signal)),
    );
    expect(error).toMatchObject({
      retryable: false,
      message: 'shard accounts-0002.ndjson.gz: 2 records fail validation, first at line 2: employees must be a number',
    });
  });

  it.each([
    [
      'an account of another source',
      JSON.stringify(account(1, { id: 'hubspot:1', source: 'hubspot' })),
      'line 1: source must be feed (is hubspot)',
    ],
    [
      'an id outside the feed',
      JSON.stringify(account(1, { id: 'hubspot:1' })),
      'line 1: id must start with feed: (is hubspot:1)',
    ],
    ['a line that is not JSON', '{"kind":"account",', 'line 1: is not JSON'],
    ['an unknown kind', '{"kind":"lead","record":{}}', 'line 1: kind must be account, contact, touchpoint or deal'],
  ])('rejects a shard with %s', async (_name, line, expected) => {
    const shard = handShard('a.ndjson', [line]);
    server.setFiles({ 'manifest.json': manifestWith([shard.entry]), 'a.ndjson': shard.bytes });
    const error = await failure(
      source.plan(undefined, signal).then((plan) => source.readPage(plan, undefined, signal)),
    );
    expect(error.message).toBe(`shard a.ndjson: 1 record fails validation, at ${expected}`);
  });

  it('reads CRLF line ends and no final newline, but not a blank line between records', async () => {
    const crlf = Buffer.from(`${JSON.stringify(account(1))}\r\n${JSON.stringify(account(2))}`);
    const blank = Buffer.from(`${JSON.stringify(account(1))}\n\n${JSON.stringify(account(2))}\n`);
    const entry = (path: string, bytes: Buffer) => ({
      path,
      records: 2,
      gzip: false,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    server.setFiles({
      'manifest.json': manifestWith([entry('crlf.ndjson', crlf), entry('blank.ndjson', blank)]),
      'crlf.ndjson': crlf,
      'blank.ndjson': blank,
    });
    const plan = await source.plan(undefined, signal);
    expect((await source.readPage(plan, '0', signal)).records).toEqual([account(1), account(2)]);
    const error = await failure(source.readPage(plan, '1', signal));
    expect(error.message).toBe('shard blank.ndjson: 1 record fails validation, at line 2: is blank');
  });

  it.each([
    [
      'a shard on another site',
      'https://evil.example/a.ndjson',
      'shard 1 (https://evil.example/a.ndjson): points to another site (https://evil.example): serve shards beside the manifest',
    ],
    ['a shard outside its folder', '../a.ndjson', "shard 1 (../a.ndjson): must stay in the manifest's folder (no ..)"],
  ])('rejects a manifest listing %s before reading anything', async (_name, path, expected) => {
    server.setFiles({ 'manifest.json': manifestWith([{ path, records: 1, gzip: false, sha256: 'a'.repeat(64) }]) });
    const error = await failure(source.plan(undefined, signal));
    expect(error).toMatchObject({
      retryable: false,
      message: `The feed manifest at ${server.url}manifest.json is not valid: ${expected}`,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('says when the manifest is not JSON, or not there', async () => {
    server.setFiles({ 'manifest.json': '<html>Welcome to nginx</html>' });
    expect((await failure(source.plan(undefined, signal))).message).toMatch(
      /^The feed manifest at .+ is not valid JSON/,
    );
    server.setFiles({});
    expect(await failure(source.plan(undefined, signal))).toMatchObject({
      retryable: false,
      status: 404,
      message: `The feed manifest was not found at ${server.url}manifest.json (HTTP 404)`,
    });
  });

  it('refuses a feed address over plain http to another machine', async () => {
    const remote = createFeedSource({ manifestUrl: 'http://cdn.example.com/manifest.json' });
    expect((await failure(remote.plan(undefined, signal))).message).toBe(
      'The feed address must be served over https (not http)',
    );
  });
});

describe('a host or network that fails for a while is retried by the engine', () => {
  it('reports 503 with Retry-After as retryable with the wait, and reads the shard on the next try', async () => {
    const { files, shards } = await feedFiles({ generation: 'g1' });
    server.setFiles(files);
    server.faults.add(shards[0]?.path ?? '', { kind: 'status', status: 503, retryAfter: '7' });
    const plan = await source.plan(undefined, signal);
    const error = await failure(source.readPage(plan, undefined, signal));
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 7000, status: 503 });
    expect((await source.readPage(plan, undefined, signal)).records).toEqual(RECORDS.slice(0, 3));
  });

  it('reports a 500 on the manifest as retryable', async () => {
    server.setFiles((await feedFiles({ generation: 'g1' })).files);
    server.faults.add('manifest.json', { kind: 'status', status: 500 });
    expect(await failure(source.plan(undefined, signal))).toMatchObject({ retryable: true, status: 500 });
    expect(await source.plan(undefined, signal)).toMatchObject({ mode: 'full' });
  });

  it.each([
    ['before the headers', 'before-headers' as const],
    ['half way through the shard', 'mid-body' as const],
  ])('reports a connection dropped %s as retryable', async (_name, when) => {
    const { files, shards } = await feedFiles({ generation: 'g1' });
    server.setFiles(files);
    const plan = await source.plan(undefined, signal);
    server.faults.add(shards[0]?.path ?? '', { kind: 'drop', when });
    expect((await failure(source.readPage(plan, undefined, signal))).retryable).toBe(true);
  });

  it('reports a shard gone from the host (404) as not retryable', async () => {
    const { files, shards } = await feedFiles({ generation: 'g1' });
    const path = shards[1]?.path ?? '';
    server.setFiles(Object.fromEntries(Object.entries(files).filter(([name]) => name !== path)));
    const plan = await source.plan(undefined, signal);
    expect(await failure(source.readPage(plan, '1', signal))).toMatchObject({
      retryable: false,
      message: `Shard ${path} was not found at ${server.url}${path} (HTTP 404)`,
    });
  });
});
