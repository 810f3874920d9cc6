/**
 * What an import would do with files: `npm run import-preview -- <file…> [--out <ndjson>]`
 * runs the options page's own importer (lib/sync/file/import.ts) on local files and prints,
 * as JSON, per file its format, delimiter, kind, column mapping, good and bad row counts and
 * first problems, then the totals. With `--out`, every record is written to an NDJSON file,
 * one `{"kind": …, "record": …}` a line, as a team feed's shards carry them: a deals file's rows
 * are `{"kind": "deal", "record": {…opportunity, "accountId"}}` lines after their accounts (the
 * import merges each into its account's `opportunities`; the account lines show them as the files had them). Exit codes: 0 the
 * files were read (bad rows are reported, not failures), 1 a file cannot be opened or
 * written, 2 bad arguments.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { importFiles } from '../lib/sync/file/import';
import type { ImportFile, ImportReport } from '../lib/sync/file/types';
import type { DealRecord, ImportRecord, SyncRecord } from '../lib/sync/records';

const USAGE = `usage: npm run import-preview -- <file…> [--out <ndjson>] [--source file|feed]

  <file…>   CSV (comma, semicolon or tab), JSON or NDJSON exports of accounts, contacts, touchpoints, deals
  --out     write every imported record to this NDJSON file, one {"kind", "record"} a line
            (deals as {"kind": "deal"} lines naming their accountId)
  --source  the source the ids are scoped to (default: file)

Prints the import report as JSON.`;

/** Problems printed per file; the report counts them all. */
const SHOWN_PROBLEMS = 20;

export class CliError extends Error {
  constructor(
    readonly code: 1 | 2,
    message: string,
  ) {
    super(message);
  }
}

function readArguments(argv: string[]): { files: string[]; out?: string; source: 'file' | 'feed'; help: boolean } {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: { out: { type: 'string' }; source: { type: 'string' }; help: { type: 'boolean'; short: 'h' } };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: argv,
      options: { out: { type: 'string' }, source: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliError(2, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { files: [], source: 'file', help: true };
  const source = values.source ?? 'file';
  if (source !== 'file' && source !== 'feed')
    throw new CliError(2, `--source must be file or feed, not ${JSON.stringify(source)}`);
  if (!positionals.length) throw new CliError(2, 'no file given');
  return { files: positionals, out: values.out, source, help: false };
}

/** A local file as the importer reads any file: a web ReadableStream, opened afresh on each call. */
function localFile(path: string): ImportFile {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new CliError(1, `cannot read ${path}: not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new CliError(1, `cannot read ${path}: ${reason}`);
  }
  return {
    name: basename(path),
    size,
    stream: () => Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
  };
}

/** The report as printed: JSON-ready, problems trimmed per file. */
function summary(report: ImportReport): unknown {
  return {
    files: report.files.map((f) => ({
      name: f.name,
      format: f.format,
      delimiter: f.delimiter,
      kind: f.kind,
      mapping: f.mapping,
      unmappedColumns: f.unmappedColumns,
      rows: f.rows,
      good: f.good,
      bad: f.bad,
      warnings: f.warnings,
      stopped: f.stopped,
      problems: f.problems
        .slice(0, SHOWN_PROBLEMS)
        .map(({ row, column, reason, severity }) => ({ row, column, reason, severity })),
    })),
    totals: {
      ...report.counts,
      badRows: report.badRows,
      warnings: report.warnings,
      badRowsCapped: report.badRowsCapped,
    },
  };
}

/** Runs the CLI on `argv`; returns what it prints. Throws CliError for exit codes 1 and 2. */
export async function run(argv: string[], now = Date.now()): Promise<string> {
  const args = readArguments(argv);
  if (args.help) return USAGE;
  const files = args.files.map(localFile);
  const out = args.out ? createWriteStream(args.out) : undefined;
  if (out) {
    await Promise.race([
      once(out, 'open'),
      once(out, 'error').then(([e]) =>
        Promise.reject(new CliError(1, `cannot write --out ${args.out}: ${(e as Error).message}`)),
      ),
    ]);
  }
  const sink = async (records: SyncRecord[], deals: DealRecord[]) => {
    if (!out) return;
    const lines: ImportRecord[] = [...records, ...deals.map((record) => ({ kind: 'deal' as const, record }))];
    // Waiting for 'drain' passes the file's backpressure on to the importer.
    if (!out.write(lines.map((r) => `${JSON.stringify(r)}\n`).join(''))) await once(out, 'drain');
  };
  const report = await importFiles(files, { source: args.source, now, sink });
  if (out) await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return JSON.stringify(summary(report), null, 2);
}

async function main(): Promise<void> {
  try {
    process.stdout.write(`${await run(process.argv.slice(2))}\n`);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    process.stderr.write(`import-preview: ${error.message}\n${error.code === 2 ? `\n${USAGE}\n` : ''}`);
    process.exitCode = error.code;
  }
}

// Run only as a script, so that the test can import run().
if (process.argv[1] && /import-preview\.ts$/.test(process.argv[1])) await main();
