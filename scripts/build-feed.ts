/**
 * `npm run build-feed -- <export files…> --out <dir> [--shard-size 50000] [--models models.json]
 * [--no-gzip] [--generation <name>]`: a team feed from CRM exports (CSV, JSON, NDJSON), read by
 * the importer's own code, as a team's scheduled job runs it. Exit codes: 0 built (bad rows are
 * reported, not fatal), 1 an input could not be read (nothing is published), 2 bad arguments.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type ManagedModels, managedModelsSchema } from '../lib/settings/managed';
import { validateSettings } from '../lib/settings/validate';
import { FEED_LIMITS } from '../lib/sync/feed/limits';
import { buildManifest, modelsProblems } from '../lib/sync/feed/manifest';
import { createFeedWriter, DEFAULT_SHARD_SIZE } from '../lib/sync/feed/writer';
import type { ImportFile, ImportReport } from '../lib/sync/file/types';
import type { DealRecord, SyncRecord } from '../lib/sync/records';

const USAGE = `usage: npm run build-feed -- <export files…> --out <dir> [--shard-size ${DEFAULT_SHARD_SIZE}] [--models models.json] [--no-gzip] [--generation <name>]`;
/** Problems printed in the summary; the report counts them all. */
const SHOWN_PROBLEMS = 10;

export interface BuildFeedIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  now: () => Date;
}

type Importer = (
  files: ImportFile[],
  options: { source: 'feed'; now: number; sink: (records: SyncRecord[], deals?: DealRecord[]) => Promise<void> },
) => Promise<ImportReport>;

interface Args {
  inputs: string[];
  out: string;
  shardSize: number;
  gzip: boolean;
  generation?: string;
  models?: string;
}

/** Builds a feed as the command line asks; returns the exit code. */
export async function buildFeed(argv: string[], io: BuildFeedIo, importer?: Importer): Promise<number> {
  const args = parse(argv);
  if (typeof args === 'string') {
    io.stderr(`build-feed: ${args}`);
    io.stderr(USAGE);
    return 2;
  }
  const unreadable = await unreadableInputs(args.inputs);
  if (unreadable.length > 0) {
    for (const line of unreadable) io.stderr(`build-feed: ${line}`);
    return 1;
  }
  const models = args.models ? await readModels(args.models) : undefined;
  if (typeof models === 'string') {
    io.stderr(`build-feed: ${models}`);
    return 1;
  }
  const now = io.now();
  await mkdir(args.out, { recursive: true });
  // A shard's name is its content hash: write under a temporary name, rename when complete.
  const writer = createFeedWriter({
    shardSize: args.shardSize,
    gzip: args.gzip,
    write: (name, bytes) => writeAtomically(join(args.out, name), bytes),
  });
  const importFiles: Importer = importer ?? (await import('../lib/sync/file/import')).importFiles;
  const report = await importFiles(args.inputs.map(importFile), {
    source: 'feed',
    now: now.getTime(),
    // Deals as lines of their own, in deal shards the feed applies right after the accounts.
    sink: (records, deals = []) =>
      writer.add(deals.length ? [...records, ...deals.map((record) => ({ kind: 'deal' as const, record }))] : records),
  });
  const stopped = report.files.filter((f) => f.stopped);
  if (stopped.length > 0) {
    for (const f of stopped) io.stderr(`build-feed: could not read ${f.name} to its end: ${f.stopped}`);
    io.stderr('build-feed: nothing published (manifest.json not written)');
    return 1;
  }
  const total = report.counts.accounts + report.counts.contacts + report.counts.touchpoints;
  if (total === 0) {
    printProblems(report, io.stderr);
    // An empty feed would empty every rep's accounts: an export that went wrong, not a feed.
    io.stderr('build-feed: no valid record in the exports; nothing published (manifest.json not written)');
    return 1;
  }
  const shards = await writer.close();
  const generation = args.generation ?? `${now.toISOString().slice(0, 19)}Z`;
  const manifest = buildManifest({ generation, createdAt: now, shards, models });
  // Last, and atomically: a host must never serve a manifest that points at missing shards.
  await writeAtomically(
    join(args.out, 'manifest.json'),
    new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
  );
  const { accounts, contacts, touchpoints } = report.counts;
  io.stdout(`Feed generation ${generation} in ${resolve(args.out)}`);
  io.stdout(`  ${accounts} accounts, ${contacts} contacts, ${touchpoints} touchpoints in ${shards.length} shards`);
  if (models) io.stdout(`  models managed by the feed: ${Object.keys(models).join(', ')}`);
  printProblems(report, io.stdout);
  return 0;
}

/** Bad rows (skipped) and warnings (the row imported without a value), each with the first few. */
function printProblems(report: ImportReport, print: (line: string) => void): void {
  const groups = [
    { count: report.badRows, severity: 'error', title: 'bad rows skipped' },
    { count: report.warnings, severity: 'warning', title: 'values left out' },
  ] as const;
  for (const { count, severity, title } of groups) {
    if (count === 0) continue;
    print(`  ${count} ${title}; the first:`);
    for (const p of report.problems.filter((p) => p.severity === severity).slice(0, SHOWN_PROBLEMS)) {
      print(`    ${p.file} row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.reason}`);
    }
  }
}

function parse(argv: string[]): Args | string {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'shard-size': { type: 'string' },
        models: { type: 'string' },
        'no-gzip': { type: 'boolean' },
        generation: { type: 'string' },
      },
    }));
  } catch (error) {
    return (error as Error).message;
  }
  if (positionals.length === 0) return 'name at least one export file';
  if (typeof values.out !== 'string' || values.out === '') return '--out <dir> is required';
  const shardSize = values['shard-size'] === undefined ? DEFAULT_SHARD_SIZE : Number(values['shard-size']);
  if (!Number.isInteger(shardSize) || shardSize < 1 || shardSize > FEED_LIMITS.recordsPerShard) {
    return `--shard-size must be a whole number from 1 to ${FEED_LIMITS.recordsPerShard}`;
  }
  const generation = typeof values.generation === 'string' ? values.generation : undefined;
  if (generation !== undefined && (generation.trim() === '' || generation.length > 100)) {
    return '--generation must be a name of 1 to 100 characters';
  }
  const models = typeof values.models === 'string' ? values.models : undefined;
  return { inputs: positionals, out: values.out, shardSize, gzip: values['no-gzip'] !== true, generation, models };
}

async function unreadableInputs(paths: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => error.code ?? 'unreadable');
    if (typeof info === 'string') problems.push(`cannot read ${path} (${info})`);
    else if (!info.isFile()) problems.push(`${path} is not a file`);
  }
  return problems;
}

/**
 * The models the feed manages: either only the sections to manage, or a whole settings export
 * from the options page (any version, migrated), which then manages every section.
 */
async function readModels(path: string): Promise<ManagedModels | string> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return `cannot read the models in ${path}: ${(error as Error).message}`;
  }
  if (typeof json === 'object' && json !== null && 'version' in json) {
    const result = validateSettings(json);
    if (!result.ok)
      return `the settings in ${path} are not valid: ${result.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`;
    const { version: _version, ...sections } = result.settings;
    json = sections;
  }
  const parsed = managedModelsSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return parsed.data;
  return `the models in ${path} are not valid: ${modelsProblems(parsed.error).join('; ')}`;
}

function importFile(path: string): ImportFile {
  return { name: path, stream: () => Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array> };
}

async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const io: BuildFeedIo = { stdout: console.log, stderr: console.error, now: () => new Date() };
  buildFeed(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`build-feed: ${(error as Error).stack ?? error}`);
      process.exit(1);
    },
  );
}
