import type { z } from 'zod';
import { SourceError } from '../errors';
import { type ImportRecord, syncRecordSchema } from '../records';
import { readCapped } from './http';
import { FEED_LIMITS } from './limits';
import type { ShardEntry } from './manifest';

/**
 * Turns a shard's bytes, as served, into its records, or rejects the shard whole with the first
 * problem: a hash that is not the manifest's, bytes that are not gzip, UTF-8 or NDJSON, a row
 * that fails validation, or a record count that is not the manifest's. Any of these means the
 * file is not what the team published, so no record of it is trusted.
 */
export async function decodeShard(bytes: Uint8Array, shard: ShardEntry): Promise<ImportRecord[]> {
  const fail = (problem: string) => new SourceError(`shard ${shard.path}: ${problem}`, { retryable: false });
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if ((await sha256Hex(bytes)) !== shard.sha256.toLowerCase()) {
    if (shard.gzip && !gzipped && bytes.length > 0) {
      throw fail(
        'arrived already decompressed, so its SHA-256 cannot be checked: the host sends it with ' +
          '"Content-Encoding: gzip"; serve .gz shards as application/gzip without a Content-Encoding',
      );
    }
    throw fail("its SHA-256 is not the manifest's: the file changed after the manifest was written, or was corrupted");
  }
  if (shard.gzip && !gzipped) throw fail('is not gzip, but the manifest says it is');
  const text = decodeText(shard.gzip ? await gunzip(bytes, fail) : bytes, fail);
  const records = parseLines(text, shard, fail);
  if (records.length !== shard.records) {
    throw fail(`holds ${records.length} records, but the manifest says ${shard.records}`);
  }
  return records;
}

/** The SHA-256 of `bytes` in lower-case hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function gunzip(bytes: Uint8Array, fail: (problem: string) => SourceError): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  // Capped while inflating: a small gzip can expand to gigabytes.
  return readCapped(stream, FEED_LIMITS.shardBytes, {
    tooBig: () => fail(`is more than ${FEED_LIMITS.shardBytes / 1024 / 1024} MB once decompressed: split it`),
    broken: (error) => fail(`is not valid gzip (${(error as Error).message})`),
  });
}

function decodeText(bytes: Uint8Array, fail: (problem: string) => SourceError): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail('is not UTF-8 text');
  }
}

/**
 * NDJSON, one record a line. CRLF line ends and one final newline are tolerated; a blank line
 * elsewhere is a bad row, so that line numbers and the count stay what the producer wrote.
 */
function parseLines(text: string, shard: ShardEntry, fail: (problem: string) => SourceError): ImportRecord[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const records: ImportRecord[] = [];
  let bad = 0;
  let first: string | undefined;
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const problem = lineProblem(i === 0 ? line.replace(/^\uFEFF/, '') : line, shard, records);
    if (problem === undefined) return;
    bad += 1;
    first ??= `line ${i + 1}: ${problem}`;
  });
  if (bad > 0) {
    const rows = bad === 1 ? '1 record fails validation, at' : `${bad} records fail validation, first at`;
    throw fail(`${rows} ${first}`);
  }
  return records;
}

/** What is wrong with one line, or undefined once its record is pushed onto `into`. */
function lineProblem(line: string, shard: ShardEntry, into: ImportRecord[]): string | undefined {
  if (line.trim() === '') return 'is blank';
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'is not JSON';
  }
  const parsed = syncRecordSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return issueText(parsed.error.issues[0]);
  const item = parsed.data as ImportRecord;
  if (shard.kinds && !shard.kinds.includes(item.kind)) {
    return `is a ${item.kind}, but the manifest lists this shard for ${shard.kinds.join(', ')}`;
  }
  const problem = feedRecordProblem(item);
  if (problem) return problem;
  into.push(item);
  return undefined;
}

/** A feed's records are the feed's: every id in the `feed:` namespace, every account from source `feed`. */
export function feedRecordProblem(item: ImportRecord): string | undefined {
  const r = item.record;
  if (item.kind === 'account' && item.record.source !== 'feed') return `source must be feed (is ${item.record.source})`;
  const ids: [string, string | undefined][] = [['id', r.id]];
  if (item.kind !== 'account') ids.push(['accountId', item.record.accountId]);
  if (item.kind === 'touchpoint') ids.push(['contactId', item.record.contactId]);
  for (const [field, value] of ids) {
    if (value !== undefined && !value.startsWith('feed:'))
      return `${field} must start with feed: (is ${value.slice(0, 60)})`;
  }
  return undefined;
}

/** A zod issue as a reader of the export would say it: "employees must be a number". */
function issueText(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'is not a record';
  const [head, ...rest] = issue.path;
  const inRecord = head === 'record' ? rest : issue.path;
  const field = inRecord.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
  if (issue.path[0] === 'kind') return 'kind must be account, contact, touchpoint or deal';
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) message = 'is missing';
    else if (issue.expected === 'number') message = 'must be a number';
    else if (issue.expected === 'string') message = 'must be text';
    else if (issue.expected === 'boolean') message = 'must be true or false';
  } else if (issue.code === 'unrecognized_keys') {
    message = `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  }
  return field ? `${field} ${message}` : message;
}
