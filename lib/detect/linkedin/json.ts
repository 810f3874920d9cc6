import { queryEach } from '../dom';
import { boundedTexts, JSON_LD_LIMITS, PAGE_JSON_LIMITS } from '../json-text';

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

/** The most JSON-LD objects read from one page: a Person or an Organization is among the first few. */
const MAX_JSON_LD_ITEMS = 1000;
/** The most page-JSON entities read from one page: a logged-in page bootstraps a few hundred. */
const MAX_ENTITIES = 20_000;

/** Appends the objects among `values` to `into`, up to `max` in all (no spread: an array may be huge). */
function addRecords(into: JsonRecord[], values: readonly unknown[], max: number): void {
  for (const value of values) {
    if (into.length >= max) return;
    if (isRecord(value)) into.push(value);
  }
}

/**
 * Every object of the page's JSON-LD blocks, flattened: a top-level object, an array of them,
 * or a `@graph` (LinkedIn's public profiles put the `Person` in a graph beside the `WebPage`).
 * Blocks are read within JSON_LD_LIMITS.
 */
export function jsonLdItems(doc: Document, selectors: readonly string[]): JsonRecord[] {
  const items: JsonRecord[] = [];
  for (const text of boundedTexts(queryEach(doc, selectors), JSON_LD_LIMITS)) {
    const data = parseJson(text);
    for (const item of Array.isArray(data) ? data : [data]) {
      if (!isRecord(item)) continue;
      addRecords(items, Array.isArray(item['@graph']) ? item['@graph'] : [item], MAX_JSON_LD_ITEMS);
    }
  }
  return items;
}

/**
 * The `included` entities of the logged-in page JSON blocks whose text carries `marker`, the
 * blocks read within PAGE_JSON_LIMITS.
 */
export function pageJsonEntities(doc: Document, selectors: readonly string[], marker: string): JsonRecord[] {
  const entities: JsonRecord[] = [];
  for (const text of boundedTexts(queryEach(doc, selectors), PAGE_JSON_LIMITS)) {
    if (!text.includes(marker)) continue;
    const data = parseJson(text);
    addRecords(entities, isRecord(data) && Array.isArray(data.included) ? data.included : [data], MAX_ENTITIES);
  }
  return entities;
}
