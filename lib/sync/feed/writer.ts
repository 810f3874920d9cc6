import { RECORD_KIND_PLURALS } from '../record-kinds';
import { type ImportRecord, type RecordKind, syncRecordSchema } from '../records';
import { FEED_LIMITS } from './limits';
import type { ShardEntry } from './manifest';
import { feedRecordProblem, sha256Hex } from './shard';

/** build-feed's default records per shard: a few MB gzip, quick to fetch and verify. */
export const DEFAULT_SHARD_SIZE = 50_000;

export interface FeedWriterOptions {
  /** Records per shard at most (a shard is also cut before it would pass the size cap). */
  shardSize?: number;
  /** Gzip the shards (default). */
  gzip?: boolean;
  /** Stores one finished shard under its file name (beside the manifest). */
  write: (name: string, bytes: Uint8Array) => Promise<void>;
}

export interface FeedWriter {
  /** Adds records; full shards are written as they fill. */
  add(records: readonly ImportRecord[]): Promise<void>;
  /** Writes the last shards and returns every shard's manifest entry, accounts first. */
  close(): Promise<ShardEntry[]>;
}

/** Deals right after accounts: a deal merges into its account, which must be written first. */
const KIND_ORDER: RecordKind[] = ['account', 'deal', 'contact', 'touchpoint'];

/**
 * Writes a feed's shards: one kind per shard, NDJSON, gzip by default. A shard's name carries
 * its SHA-256 (`accounts-0001-3f2a9c41d0be.ndjson.gz`): a name always means the same bytes, so
 * hosts and CDNs may cache shards for good and a client mid-sync of the previous generation
 * never meets a new file under an old name. Runs in Node and in browsers (Web Crypto, CompressionStream).
 */
export function createFeedWriter(options: FeedWriterOptions): FeedWriter {
  const shardSize = options.shardSize ?? DEFAULT_SHARD_SIZE;
  const gzip = options.gzip ?? true;
  if (!Number.isInteger(shardSize) || shardSize < 1 || shardSize > FEED_LIMITS.recordsPerShard) {
    throw new RangeError(`shard size must be a whole number from 1 to ${FEED_LIMITS.recordsPerShard}`);
  }
  const encoder = new TextEncoder();
  const open = new Map<RecordKind, { lines: string[]; bytes: number }>();
  const sequence = new Map<RecordKind, number>();
  const written: (ShardEntry & { kind: RecordKind; seq: number })[] = [];

  const flush = async (kind: RecordKind) => {
    const buffer = open.get(kind);
    if (!buffer || buffer.lines.length === 0) return;
    open.delete(kind);
    const seq = (sequence.get(kind) ?? 0) + 1;
    sequence.set(kind, seq);
    const text = encoder.encode(buffer.lines.join(''));
    const bytes = gzip ? await compress(text) : text;
    const sha256 = await sha256Hex(bytes);
    const path = `${RECORD_KIND_PLURALS[kind]}-${String(seq).padStart(4, '0')}-${sha256.slice(0, 12)}.ndjson${gzip ? '.gz' : ''}`;
    await options.write(path, bytes);
    written.push({ path, records: buffer.lines.length, sha256, gzip, kinds: [kind], kind, seq });
  };

  return {
    async add(records) {
      for (const item of records) {
        const line = `${JSON.stringify(checked(item))}\n`;
        const size = encoder.encode(line).byteLength;
        let buffer = open.get(item.kind);
        // Cut before the cap: a reader refuses a shard over it.
        if (buffer && buffer.bytes + size > FEED_LIMITS.shardBytes) {
          await flush(item.kind);
          buffer = undefined;
        }
        if (!buffer) {
          buffer = { lines: [], bytes: 0 };
          open.set(item.kind, buffer);
        }
        buffer.lines.push(line);
        buffer.bytes += size;
        if (buffer.lines.length >= shardSize) await flush(item.kind);
      }
    },
    async close() {
      for (const kind of KIND_ORDER) await flush(kind);
      return written
        .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.seq - b.seq)
        .map(({ kind: _kind, seq: _seq, ...entry }) => entry);
    },
  };
}

/** A record exactly as a reader will check it: a build must not publish a shard every client rejects. */
function checked(item: ImportRecord): ImportRecord {
  const parsed = syncRecordSchema.safeParse(item);
  const problem = parsed.success ? feedRecordProblem(item) : parsed.error.issues[0]?.message;
  if (problem) throw new Error(`${item.kind} ${item.record.id}: ${problem}`);
  return item;
}

async function compress(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
