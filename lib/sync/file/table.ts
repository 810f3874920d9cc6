import type { RecordKind } from '../records';
import { readCsv } from './csv';
import { readJson, readNdjson } from './json';
import { readText, type TextChunk } from './text';
import type { Delimiter, FileFormat } from './types';

/** One record of a file, as cells in the order of its headers. */
export interface RawRow {
  /** Where a spreadsheet (or an editor, for NDJSON) shows it: see Problem.row. */
  row: number;
  cells: string[];
  /** Set when the record itself is malformed (bad quotes, not JSON): the row is bad. */
  problem?: string;
}

/**
 * Records read so far. `headers` is the file's header row; JSON records may bring new keys,
 * which are appended, so `headers` only grows and a cell's index never changes meaning.
 */
export interface TableBatch {
  headers: readonly string[];
  rows: RawRow[];
  bytesRead: number;
  format: FileFormat;
  delimiter?: Delimiter;
  /** Set once the file has been found not to be UTF-8 and is read as Windows-1252 (readText). */
  encoding?: TextChunk['encoding'];
}

/** JSON or NDJSON by the first characters: `[` is JSON; `{` is NDJSON when its first line is a whole object. */
function sniffFormat(file: string, start: string): FileFormat {
  const name = file.replace(/\.gz$/i, '');
  const text = start.trimStart();
  if (/\.(ndjson|jsonl)$/i.test(name)) return 'ndjson';
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) {
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    try {
      JSON.parse(firstLine);
      return text.length > firstLine.length && text.slice(firstLine.length).trim() ? 'ndjson' : 'json';
    } catch {
      return 'json';
    }
  }
  return /\.json$/i.test(name) && !text ? 'json' : 'csv';
}

/** The format of a text by its first chunks, and those chunks (read enough to see a first NDJSON line). */
async function sniff(
  name: string,
  text: AsyncIterator<TextChunk>,
): Promise<{ first: TextChunk[]; format: FileFormat }> {
  const first: TextChunk[] = [];
  let seen = '';
  // Most files decide in their first chunk.
  for (let next = await text.next(); !next.done; next = await text.next()) {
    first.push(next.value);
    seen += next.value.text;
    if (seen.trim() && (/\n/.test(seen.trimStart()) || seen.length > 64 * 1024)) break;
  }
  return { first, format: sniffFormat(name, seen) };
}

/**
 * A file's format as readTable tells it, from its first characters only: a JSON file is not
 * parsed for it (readTable's first batch of one is the whole document).
 */
export async function tableFormat(
  name: string,
  stream: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): Promise<FileFormat> {
  const text = readText(stream, signal);
  try {
    return (await sniff(name, text)).format;
  } finally {
    await text.return(undefined);
  }
}

/** Replays the chunks already read before the rest of the stream. */
async function* replay(first: TextChunk[], rest: AsyncIterator<TextChunk>): AsyncGenerator<TextChunk> {
  yield* first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * The records of a file in any supported format, a batch per chunk read: the format is told
 * from the first characters (and `.ndjson`/`.jsonl` names), not trusted from the name alone,
 * since exports are often renamed.
 */
export async function* readTable(
  name: string,
  stream: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
  /** Of a file of Tierlens's own records, the kind to read (see readNdjson). */
  only?: RecordKind,
): AsyncGenerator<TableBatch> {
  const text = readText(stream, signal);
  const { first, format } = await sniff(name, text);
  let encoding: TextChunk['encoding'];
  const chunks = (async function* () {
    for await (const chunk of replay(first, text)) {
      encoding ??= chunk.encoding;
      yield chunk;
    }
  })();
  try {
    const reader =
      format === 'csv' ? readCsv(chunks) : format === 'ndjson' ? readNdjson(chunks, only) : readJson(chunks);
    for await (const batch of reader) yield encoding ? { ...batch, encoding } : batch;
  } finally {
    await text.return(undefined);
  }
}
