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
 */
export async function* readNdjson(chunks: AsyncIterable<TextChunk>): AsyncGenerator<TableBatch> {
  const columns = new Columns();
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
      try {
        rows.push(columns.row(line, JSON.parse(text)));
      } catch (error) {
        rows.push({ row: line, cells: [], problem: `this line is not JSON (${(error as Error).message})` });
      }
    }
    return rows;
  }
}

/**
 * A JSON document: an array of records, or `{results: […]}` as HubSpot's API answers. JSON is
 * parsed whole, so it is read up to MAX_JSON_CHARS; larger exports belong in NDJSON.
 */
export async function* readJson(chunks: AsyncIterable<TextChunk>): AsyncGenerator<TableBatch> {
  let text = '';
  let bytesRead = 0;
  for await (const chunk of chunks) {
    text += chunk.text;
    bytesRead = chunk.bytesRead;
    if (text.length > MAX_JSON_CHARS)
      throw new FileStop('JSON files over 64 MB are not read: export NDJSON (one record a line) instead');
  }
  if (!text.trim()) throw new FileStop('the file is empty');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new FileStop(`the file is not valid JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.results) ? doc.results : undefined;
  if (!items) throw new FileStop('the JSON is neither a list of records nor {"results": [...]}');
  const columns = new Columns();
  const rows = items.map((item, i) => columns.row(i + 1, item));
  yield { headers: columns.headers, rows, bytesRead, format: 'json' };
}
