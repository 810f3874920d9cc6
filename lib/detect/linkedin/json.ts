import { queryAll } from '../dom';

/** A plain JSON object. */
export type JsonRecord = Record<string, unknown>;

/** Whether a parsed JSON value is an object (not null, not an array). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses JSON, or undefined for text that is not JSON (truncated pages, odd markup). */
export function parseJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A string field, or undefined when the field is missing or of another type. */
export function stringField(record: JsonRecord, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Every object of the page's JSON-LD blocks, flattened: a top-level object, an array of them,
 * or a `@graph` (LinkedIn's public profiles put the `Person` in a graph beside the `WebPage`).
 */
export function jsonLdItems(doc: Document, selectors: readonly string[]): JsonRecord[] {
  const items: JsonRecord[] = [];
  for (const script of queryAll(doc, selectors)) {
    const data = parseJson(script.textContent);
    for (const item of Array.isArray(data) ? data : [data]) {
      if (!isRecord(item)) continue;
      if (Array.isArray(item['@graph'])) items.push(...item['@graph'].filter(isRecord));
      else items.push(item);
    }
  }
  return items;
}

/** The `included` entities of the logged-in page JSON blocks whose text carries `marker`. */
export function pageJsonEntities(doc: Document, selectors: readonly string[], marker: string): JsonRecord[] {
  const entities: JsonRecord[] = [];
  for (const code of queryAll(doc, selectors)) {
    const text = code.textContent ?? '';
    if (!text.includes(marker)) continue;
    const data = parseJson(text);
    const included = isRecord(data) && Array.isArray(data.included) ? data.included : [data];
    entities.push(...included.filter(isRecord));
  }
  return entities;
}
