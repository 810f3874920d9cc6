import { type ChangeEntry, sourceWho } from '../db/change-log';
import type { TierlensDB } from '../db/db';
import type { LocalEdit } from '../db/outbox';
import type { EditMark, ScoreChunk } from '../db/scores';
import type { Tier } from '../settings/types';
import type { ScoreRow } from './score-row';

/**
 * The tier and target changes a source brought (a HubSpot sync, a feed generation, a file import),
 * found by a full rescoring: each account's new row against its row in the visible run. A change
 * the user made is logged where it is made (lib/edits/record.ts), so a row whose newest tier (or
 * target) edit differs from the one its visible row reflected is not compared on that field; nor
 * is an account the visible run did not hold (a first load, a new source: arrivals, not changes).
 */
export interface SourceChange {
  kind: 'tier' | 'target';
  accountId: string;
  accountName: string;
  /** The source of the account (its id's prefix). */
  source: string;
  /** When the source's data arrived (its last complete sync or import). */
  at: number;
  before: Tier | boolean | null;
  after: Tier | boolean | null;
}

/** What a run found so far: the changes listed one by one, and how many more per source and kind. */
export interface FoundChanges {
  listed: SourceChange[];
  /** By `${source}|${kind}`: the changes past `MAX_LISTED`, and when the latest of them arrived. */
  more: Record<string, { count: number; at: number }>;
}

/** Changes a run lists one by one; past them, one summary entry per source and kind ("240 more tier changes from HubSpot"). */
export const MAX_LISTED = 100;

/** Each account's newest tier edit and newest target edit among `edits` (any state: a new edit is a new choice). */
export function editMarks(edits: readonly LocalEdit[]): Record<string, EditMark> {
  const newest = new Map<string, LocalEdit>();
  for (const e of edits) {
    if (e.kind !== 'tier' && e.kind !== 'target') continue;
    const key = `${e.accountId}\u0000${e.kind}`;
    const seen = newest.get(key);
    // Two edits of the same millisecond: the later stored wins, as in the overlay.
    if (!seen || e.createdAt >= seen.createdAt) newest.set(key, e);
  }
  const marks: Record<string, EditMark> = {};
  for (const e of newest.values()) {
    const mark = marks[e.accountId] ?? {};
    mark[e.kind as 'tier' | 'target'] = e.opId;
    marks[e.accountId] = mark;
  }
  return marks;
}

/** A visible row with the edits it reflected. */
export interface PreviousRow {
  row: ScoreRow;
  mark?: EditMark;
}

/**
 * The rows of run `run` for `ids`, a page of a full run: consecutive ids of one database, as the
 * run's own chunks hold them. So the chunks holding the first and the last id (two index reads)
 * bound the chunks to read, one key range; only ids not found there (an account new since, or
 * one a patch put in a chunk of its own) are looked up one by one on the index.
 */
export async function previousRows(
  main: TierlensDB,
  run: number,
  ids: readonly string[],
): Promise<Map<string, PreviousRow>> {
  const found = new Map<string, PreviousRow>();
  const keep = (chunks: readonly (ScoreChunk | undefined)[]) => {
    for (const chunk of chunks)
      for (const row of chunk?.rows ?? []) found.set(row.id, { row, mark: chunk?.marks?.[row.id] });
  };
  if (ids.length === 0) return found;
  const chunkOf = async (id: string) =>
    (await main.scoreChunks.where('ids').equals(id).primaryKeys()).find((key) => key[0] === run)?.[1];
  const [lo, hi] = await Promise.all([chunkOf(ids[0] as string), chunkOf(ids[ids.length - 1] as string)]);
  if (lo !== undefined && hi !== undefined && lo <= hi)
    keep(await main.scoreChunks.where(':id').between([run, lo], [run, hi], true, true).toArray());
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length === 0) return found;
  const keys = await main.scoreChunks.where('ids').anyOf(missing).primaryKeys();
  const wanted = new Map<number, [number, number]>();
  for (const key of keys)
    if (key[0] === run && (lo === undefined || hi === undefined || key[1] < lo || key[1] > hi)) wanted.set(key[1], key);
  keep((await main.scoreChunks.bulkGet([...wanted.values()])) as (ScoreChunk | undefined)[]);
  return found;
}

/** The tier and target changes between each account's visible row and its new one that no edit of the user explains. */
export function changesBetween(
  previous: ReadonlyMap<string, PreviousRow>,
  rows: readonly ScoreRow[],
  marks: Readonly<Record<string, EditMark>>,
  arrivedAt: (source: string) => number,
): SourceChange[] {
  const changes: SourceChange[] = [];
  for (const row of rows) {
    const was = previous.get(row.id);
    if (!was) continue;
    const mark = marks[row.id];
    const base = { accountId: row.id, accountName: row.name, source: row.source, at: arrivedAt(row.source) };
    const tierBefore = was.row.assignedTier ?? null;
    const tierAfter = row.assignedTier ?? null;
    if (tierBefore !== tierAfter && was.mark?.tier === mark?.tier) {
      changes.push({ ...base, kind: 'tier', before: tierBefore, after: tierAfter });
    }
    if (was.row.isTarget !== row.isTarget && was.mark?.target === mark?.target) {
      changes.push({ ...base, kind: 'target', before: was.row.isTarget, after: row.isTarget });
    }
  }
  return changes;
}

/** `found` with a page's `changes` added: listed up to `cap`, counted past it. */
export function addFound(
  found: FoundChanges | undefined,
  changes: readonly SourceChange[],
  cap = MAX_LISTED,
): FoundChanges {
  const listed = [...(found?.listed ?? [])];
  const more = { ...(found?.more ?? {}) };
  for (const change of changes) {
    if (listed.length < cap) {
      listed.push(change);
      continue;
    }
    const key = `${change.source}|${change.kind}`;
    const seen = more[key];
    more[key] = { count: (seen?.count ?? 0) + 1, at: Math.max(seen?.at ?? 0, change.at) };
  }
  return { listed, more };
}

/** The change log entries of what a run found: each listed change, then one summary per source and kind. */
export function foundEntries(found: FoundChanges | undefined): Omit<ChangeEntry, 'seq'>[] {
  if (!found) return [];
  const listed = found.listed.map(
    (c): Omit<ChangeEntry, 'seq'> => ({
      at: c.at,
      who: sourceWho(c.source),
      kind: c.kind,
      accountId: c.accountId,
      accountName: c.accountName,
      before: c.before,
      after: c.after,
      via: c.source as ChangeEntry['via'],
    }),
  );
  const summaries = Object.entries(found.more).map(([key, { count, at }]): Omit<ChangeEntry, 'seq'> => {
    const [source = '', kind] = key.split('|');
    return {
      at,
      who: sourceWho(source),
      kind: kind as 'tier' | 'target',
      before: null,
      after: null,
      via: source as ChangeEntry['via'],
      count,
    };
  });
  return [...listed, ...summaries];
}
