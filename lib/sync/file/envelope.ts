import { RECORD_KIND_PLURALS } from '../record-kinds';
import type { RecordKind } from '../records';
import { MAX_RECORD_CHARS } from './limits';
import { FileStop, readText } from './text';
import type { ImportFile } from './types';

/** A record as Tierlens writes it, one a line (`import-preview --out`, a team feed's shards). */
export interface Envelope {
  kind: RecordKind;
  record: Record<string, unknown>;
}

/** `{"kind": …, "record": {…}}` and nothing else, its kind one Tierlens has: the record; else undefined. */
export function envelopeOf(value: unknown): Envelope | undefined {
  if (!isObject(value) || Object.keys(value).length !== 2) return undefined;
  const { kind, record } = value;
  const known = typeof kind === 'string' && Object.hasOwn(RECORD_KIND_PLURALS, kind);
  return known && isObject(record) ? { kind: kind as RecordKind, record } : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The start of a line as Tierlens's writers begin it: enough to count a line's kind without parsing it. */
const LINE = /^\s*\{\s*"kind"\s*:\s*"(account|contact|touchpoint|deal)"\s*,\s*"record"\s*:/;

/**
 * How many records of each kind a file of Tierlens's own records holds, in the order the kinds
 * first appear; undefined for any other file, which its first line tells (CSV, a plain NDJSON or
 * JSON export, or no text). Such a file may hold every kind (import-preview writes accounts,
 * deals, contacts and touchpoints in one): the import reads it once per kind, as if each were
 * a file of its own. The count reads every line's start only.
 */
export async function envelopeKinds(
  file: ImportFile,
  signal?: AbortSignal,
): Promise<Map<RecordKind, number> | undefined> {
  const text = readText(file.stream(), signal);
  const counts = new Map<RecordKind, number>();
  let started = false;
  let pending = '';
  /** Counts one line; false when the file turns out to be no file of records. */
  const count = (line: string): boolean => {
    const kind = LINE.exec(line)?.[1] as RecordKind | undefined;
    if (!started) {
      if (!line.trim()) return true;
      if (!kind) return false;
      started = true;
    }
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    return true;
  };
  try {
    for await (const chunk of text) {
      pending += chunk.text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (!count(line)) return undefined;
      // A first line this long is no record of ours (and a later one is the import's to report).
      if (pending.length > MAX_RECORD_CHARS && !started) return undefined;
      if (pending.length > MAX_RECORD_CHARS) pending = pending.slice(-256);
    }
    if (!count(pending)) return undefined;
  } catch (error) {
    // Text that stops being readable (a damaged gzip): the kinds seen so far are read, and each
    // read reports the stop. A file that is no text at all is no file of records: its import says why.
    if (error instanceof FileStop) return started ? counts : undefined;
    throw error;
  } finally {
    await text.return(undefined);
  }
  return started ? counts : undefined;
}
