import { SourceError } from '../errors';
import { parseDate } from '../normalise/date';
import type { HubSpotCursor, Phase } from './cursor';
import { MODIFIED_PROPERTY, PAGE_SIZE } from './properties';
import type { CrmObject } from './wire';

type SearchCursor = Extract<HubSpotCursor, { mode: 'search' }>;

/** The search API's result ceiling (§3): `after` past it is a 400. */
export const SEARCH_RESULT_CAP = 10_000;

/**
 * How many already-read records at the edge date a query re-reads rather than skips by offset:
 * a record at the edge modified again during the run leaves the edge and would shift the
 * offset; the overlap absorbs that, and the ids drop the re-read ones.
 */
const OVERLAP = PAGE_SIZE / 2;

/** The first search window of a phase: changed strictly after the watermark. */
export function firstWindow(phase: Phase, since: number): SearchCursor {
  return { v: 1, mode: 'search', phase, from: since, inclusive: false, ids: [] };
}

/**
 * The search request for a window. Every page restarts the query from the last modified date
 * seen, sorted ascending (§3 "incremental sync pattern"), and skips by offset only the records
 * already read at that exact date (less an overlap). So `after` never nears the 10,000 cap
 * unless that many records share one date, and records changing during the run cannot shift
 * offsets past unread ones.
 */
export function searchRequest(cursor: SearchCursor, properties: readonly string[], cap = SEARCH_RESULT_CAP) {
  const property = MODIFIED_PROPERTY[cursor.phase];
  const offset = Math.max(0, cursor.ids.length - OVERLAP);
  if (offset + PAGE_SIZE > cap)
    throw new SourceError(
      `More than ${cap - PAGE_SIZE} HubSpot ${cursor.phase} share one last-modified date, more than HubSpot's search can page through. A full sync reads them all.`,
      { retryable: false },
    );
  return {
    filterGroups: [
      {
        filters: [{ propertyName: property, operator: cursor.inclusive ? 'GTE' : 'GT', value: String(cursor.from) }],
      },
    ],
    sorts: [{ propertyName: property, direction: 'ASCENDING' }],
    properties,
    limit: PAGE_SIZE,
    ...(offset ? { after: String(offset) } : {}),
  };
}

/** The last-modified date of a search result (ISO or epoch ms, §6). */
export function modifiedAt(phase: Phase, o: CrmObject): number {
  const raw = o.properties[MODIFIED_PROPERTY[phase]] ?? o.properties.hs_lastmodifieddate;
  const at = raw ? parseDate(raw) : undefined;
  if (at === undefined)
    throw new SourceError(`HubSpot sent a ${phase} record without its last-modified date.`, { retryable: true });
  return at;
}

/**
 * The new records of a page (those not read before at the edge date), and the window that
 * continues after them: its edge moves to the page's last date, with the ids read at it.
 */
export function advanceWindow(
  cursor: SearchCursor,
  results: readonly CrmObject[],
): { fresh: CrmObject[]; next: SearchCursor } {
  const known = new Set(cursor.ids);
  const fresh: CrmObject[] = [];
  let { from, inclusive } = cursor;
  let ids = [...cursor.ids];
  for (const o of results) {
    if (known.has(o.id)) continue; // read on an earlier page at the same date: the tie-break by id
    known.add(o.id);
    fresh.push(o);
    const at = modifiedAt(cursor.phase, o);
    if (!inclusive || at > from) {
      // A later date: it becomes the edge, and only the records at it need remembering.
      from = at;
      inclusive = true;
      ids = [o.id];
    } else if (at === from) ids.push(o.id);
  }
  return { fresh, next: { ...cursor, from, inclusive, ids } };
}
