import type { RecordKind } from '../records';
import { envelopeOf } from './envelope';
import { MAX_JSON_CHARS, MAX_RECORD_CHARS } from './limits';
import type { RawRow, TableBatch } from './table';
import { FileStop, type TextChunk } from './text';

/** A JSON value as a cell: lists joined by `;` (how multi-select cells are written), objects as JSON. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map(cell).join(';');
  return JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A HubSpot API object (`{id, properties, associations}`, section 2 of the reference) as the
 * columns of its export: its properties, `hs_object_id` from `id`, and the company
 * associations of a contact as `associatedcompanyid` (the primary) and "Associated Company IDs".
 */
function flattenHubSpot(item: Record<string, unknown>, properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...properties };
  if (out.hs_object_id == null && item.id != null) out.hs_object_id = item.id;
  const companies =
    isObject(item.associations) && isObject(item.associations.companies)
      ? item.associations.companies.results
      : undefined;
  if (Array.isArray(companies)) {
    const ids = [...new Set(companies.filter(isObject).map((c) => String(c.id)))];
    const primary = companies.find((c) => isObject(c) && c.type === 'contact_to_company');
    if (out.associatedcompanyid == null && isObject(primary)) out.associatedcompanyid = primary.id;
    if (ids.length) out['Associated Company IDs'] = ids.join(';');
  }
  return out;
}

/** Turns JSON records into rows against a header list that grows with each new key. */
class Columns {
  readonly headers: string[] = [];
  private readonly index = new Map<string, number>();

  row(row: number, item: unknown): RawRow {
    if (!isObject(item)) return { row, cells: [], problem: 'this record is not a JSON object' };
    const flat = isObject(item.properties) ? flattenHubSpot(item, item.properties) : item;
    const cells: string[] = new Array(this.headers.length).fill('');
    for (const [key, value] of Object.entries(flat)) {
      let at = this.index.get(key);
      if (at === undefined) {
        at = this.headers.push(key) - 1;
        this.index.set(key, at);
      }
      cells[at] = cell(value);
    }
    return { row, cells };
  }
}

/**
 * NDJSON records, one JSON object a line, streaming: a line that is not JSON is a bad row (its
 * line number as the row), blank lines are skipped, a line past MAX_RECORD_CHARS stops the file.
 *
 * A file of Tierlens's own records (`{"kind": …, "record": {…}}` a line, see envelope.ts), as its
 * first record tells, gives the records of one kind: `only`, else its first record's; the lines
 * of other kinds are left for the read of theirs. A line that is no such record is a bad row of
 * the first record's kind, so that it is reported once.
 */
export async function* readNdjson(chunks: AsyncIterable<TextChunk>, only?: RecordKind): AsyncGenerator<TableBatch> {
  const columns = new Columns();
  /** Set by the first record: whether the file is of Tierlens's records, and the kind it starts with. */
  let first: { kind?: RecordKind } | undefined;
  let kind = only;
  let pending = '';
  let line = 0;
  let bytesRead = 0;
  for await (const chunk of chunks) {
    pending += chunk.text;
    bytesRead = chunk.bytesRead;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    if (pending.length > MAX_RECORD_CHARS)
      throw new FileStop(`line ${line + lines.length + 1} is longer than 1 MB`, line + lines.length + 1);
    // No whole line yet (a record longer than a chunk): nothing to tell, not even its keys.
    if (lines.length) yield { headers: columns.headers, rows: parseLines(lines), bytesRead, format: 'ndjson' };
  }
  const last = parseLines([pending]);
  if (line === 1 && !last.length) throw new FileStop('the file is empty');
  yield { headers: columns.headers, rows: last, bytesRead, format: 'ndjson' };

  function parseLines(texts: string[]): RawRow[] {
    const rows: RawRow[] = [];
    for (const text of texts) {
      line += 1;
      if (!text.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        if (!first?.kind || kind === first.kind)
          rows.push({ row: line, cells: [], problem: `this line is not JSON (${(error as Error).message})` });
        continue;
      }
      if (!first) {
        first = { kind: envelopeOf(value)?.kind };
        kind ??= first.kind;
      }
      if (!first.kind) {
        rows.push(columns.row(line, value));
        continue;
      }
      const envelope = envelopeOf(value);
      if (envelope) {
        if (envelope.kind === kind) rows.push(columns.row(line, envelope.record));
      } else if (kind === first.kind) {
        rows.push({
          row: line,
          cells: [],
          problem: 'this line is not a Tierlens record ({"kind": …, "record": {…}}), as the lines before it are',
        });
      }
    }
    return rows;
  }
}

/**
 * A JSON document: an array of records, or `{results: […]}` as HubSpot's API answers. An array
 * streams: each record is parsed on its own as soon as it is whole (JsonArrayReader), so a file of
 * any size is read in the memory of a chunk and a record, and a broken record is a bad row while
 * the ones around it are read. An object is parsed whole (an API page is small), up to
 * MAX_JSON_CHARS.
 */
export async function* readJson(chunks: AsyncIterable<TextChunk>): AsyncGenerator<TableBatch> {
  const iterator = chunks[Symbol.asyncIterator]();
  let text = '';
  let bytesRead = 0;
  let done = false;
  // The first character that is not white space tells an array from an object.
  while (!done && !text.trim()) {
    const next = await iterator.next();
    done = next.done === true;
    if (!done) {
      text += next.value.text;
      bytesRead = next.value.bytesRead;
    }
  }
  if (!text.trim()) throw new FileStop('the file is empty');
  if (text.trimStart().startsWith('[')) {
    const columns = new Columns();
    const reader = new JsonArrayReader();
    for (;;) {
      const rows = reader
        .read(text, done)
        .map(({ record, value, problem }) =>
          problem ? { row: record, cells: [], problem } : columns.row(record, value),
        );
      text = '';
      yield { headers: columns.headers, rows, bytesRead, format: 'json' };
      if (reader.stop) throw reader.stop;
      if (done) return;
      const next = await iterator.next();
      done = next.done === true;
      if (!done) {
        text = next.value.text;
        bytesRead = next.value.bytesRead;
      }
    }
  }
  for (let next = done ? undefined : await iterator.next(); next && !next.done; next = await iterator.next()) {
    text += next.value.text;
    bytesRead = next.value.bytesRead;
    if (text.length > MAX_JSON_CHARS)
      throw new FileStop(
        'JSON documents over 64 MB that are not a list of records are not read: export a list ([…]) or NDJSON (one record a line) instead',
      );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new FileStop(`the file is not valid JSON: ${(error as Error).message}`);
  }
  const items = isObject(doc) && Array.isArray(doc.results) ? doc.results : undefined;
  if (!items) throw new FileStop('the JSON is neither a list of records nor {"results": [...]}');
  const columns = new Columns();
  const rows = items.map((item, i) => columns.row(i + 1, item));
  yield { headers: columns.headers, rows, bytesRead, format: 'json' };
}

/** A record of a JSON list as JsonArrayReader finds it: its position from 1, and its value or why it has none. */
interface ListItem {
  record: number;
  value?: unknown;
  problem?: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * The records of a JSON list (`[{…}, {…}]`) from its text piece by piece: it follows strings
 * and nesting to find where each record ends, and gives each to JSON.parse alone. What is not
 * JSON inside a record makes that record a bad row; a list that is not closed, or text after
 * it, stops the file once the records before are read, and so does a record over
 * MAX_RECORD_CHARS (most likely a bracket never closed).
 */
export class JsonArrayReader {
  /** Text of the record being read, kept from earlier pieces. */
  private pending = '';
  private opened = false;
  private closed = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private record = 0;
  /** Set when the file cannot be read on: the records before it are read, then it stops the file. */
  stop: FileStop | undefined;

  read(piece: string, final: boolean): ListItem[] {
    const items: ListItem[] = [];
    if (this.closed) {
      if (piece.trim()) this.stop ??= new FileStop('the file goes on after its list of records ends', this.record);
      return items;
    }
    const text = this.pending + piece;
    // Where the current record starts in `text` (-1: between records), and how far `text` was scanned.
    let start = this.pending ? 0 : -1;
    let i = this.pending.length;
    this.pending = '';
    if (!this.opened) {
      const at = text.search(/\S/);
      if (at < 0) return items;
      i = at + 1;
      this.opened = true;
    }
    const end = (at: number) => {
      this.record += 1;
      const body = text.slice(start, at).trim();
      if (!body) {
        items.push({
          record: this.record,
          problem: 'an empty place between two commas, or between a comma and "]" (not valid JSON): nothing to read',
        });
      } else {
        try {
          items.push({ record: this.record, value: JSON.parse(body) });
        } catch (error) {
          items.push({ record: this.record, problem: `this record is not valid JSON (${(error as Error).message})` });
        }
      }
      start = -1;
    };
    for (; i < text.length && !this.closed; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      if (this.depth === 0 && c === COMMA) {
        if (start < 0) start = i;
        end(i);
        continue;
      }
      if (this.depth === 0 && c === CLOSE_BRACKET) {
        // `[]` and the last record; a comma before `]` leaves nothing to read, which JSON forbids.
        if (start >= 0 || this.record > 0) {
          if (start < 0) start = i;
          end(i);
        }
        this.closed = true;
        const after = text.slice(i + 1).trim();
        if (after)
          this.stop = new FileStop(
            `the file goes on after its list of records ends (record ${this.record}): ${JSON.stringify(after.slice(0, 20))}…`,
            this.record,
          );
        break;
      }
      if (start < 0) start = i;
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth += 1;
      // A closing bracket too many stays in its record, which JSON.parse then refuses: the next records are read.
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && this.depth > 0) this.depth -= 1;
    }
    if (this.closed) return items;
    if (start >= 0) {
      this.pending = text.slice(start);
      if (this.pending.length > MAX_RECORD_CHARS)
        this.stop = new FileStop(
          `record ${this.record + 1} is longer than 1 MB: a bracket or quote that is never closed`,
          this.record + 1,
        );
    }
    if (final)
      this.stop ??= new FileStop(
        `the file ends before its list of records is closed with "]": it may be cut short; ${this.record} records were read`,
        this.record + 1,
      );
    return items;
  }
}
