import { Dexie } from 'dexie';
import { TierlensDB } from './db';
import { SYNCED_SOURCES, type SyncedSource, type SyncState } from './sync-state';

/**
 * Each generation of a synced source (a HubSpot sync, a feed generation, a file import) is a
 * database of its own beside the main one. A run writes its generation without touching what
 * lookups read, and becomes visible when the main database's `syncState` row points at it — one
 * small transaction, so the panel and the badge see the old data or the new, never half. The old
 * generation is then deleted whole, which is far cheaper than deleting its rows.
 *
 * The main database keeps the demo rows and the accounts a user added (`local:`), the outbox,
 * the sync states and the sources' connections.
 */
const SEPARATOR = '~';

export function generationDbName(mainName: string, source: SyncedSource, generation: number): string {
  return `${mainName}${SEPARATOR}${source}${SEPARATOR}${generation}`;
}

/** The source and generation a database name stands for, when it is one of `mainName`'s generations. */
export function parseGenerationDbName(
  mainName: string,
  name: string,
): { source: SyncedSource; generation: number } | undefined {
  const prefix = `${mainName}${SEPARATOR}`;
  if (!name.startsWith(prefix)) return undefined;
  const [source, generation, ...rest] = name.slice(prefix.length).split(SEPARATOR);
  if (rest.length > 0 || !SYNCED_SOURCES.includes(source as SyncedSource) || !/^\d+$/.test(generation ?? '')) {
    return undefined;
  }
  return { source: source as SyncedSource, generation: Number(generation) };
}

const opened = new Map<string, TierlensDB>();

/** The database of one generation, opened once per context. */
export function generationDb(main: TierlensDB, source: SyncedSource, generation: number): TierlensDB {
  const name = generationDbName(main.name, source, generation);
  let db = opened.get(name);
  if (!db) {
    db = new TierlensDB(name);
    opened.set(name, db);
  }
  return db;
}

/** Deletes one generation's database (a replaced or rejected one). */
export async function dropGeneration(main: TierlensDB, source: SyncedSource, generation: number): Promise<void> {
  const name = generationDbName(main.name, source, generation);
  opened.get(name)?.close();
  opened.delete(name);
  await Dexie.delete(name);
}

/** The source an id belongs to: its prefix (`hubspot:123` → `hubspot`). */
export function sourceOfId(id: string): string {
  const colon = id.indexOf(':');
  return colon < 0 ? '' : id.slice(0, colon);
}

/** The databases lookups read: the main one and each synced source's visible generation. */
export interface VisibleData {
  main: TierlensDB;
  /** The main database first, then each visible generation. */
  all: TierlensDB[];
  /** The database that holds the rows with this id (an account's, or its contacts' and touchpoints'). */
  forId(id: string): TierlensDB;
  /** The visible generation of each synced source that has one. */
  visible: Partial<Record<SyncedSource, number>>;
}

/** The databases visible now, as the main database's sync states point at them. */
export async function dataView(main: TierlensDB): Promise<VisibleData> {
  return viewOf(main, await main.syncState.toArray());
}

/** The databases that `states` (the main database's sync states, as read) make visible. */
export function viewOf(main: TierlensDB, states: readonly SyncState[]): VisibleData {
  const visible: Partial<Record<SyncedSource, number>> = {};
  const bySource = new Map<string, TierlensDB>();
  for (const state of states) {
    const source = state.source as SyncedSource;
    if (!SYNCED_SOURCES.includes(source) || state.generation <= 0) continue;
    visible[source] = state.generation;
    bySource.set(source, generationDb(main, source, state.generation));
  }
  return {
    main,
    all: [main, ...bySource.values()],
    forId: (id) => bySource.get(sourceOfId(id)) ?? main,
    visible,
  };
}

/**
 * Deletes the generation databases that nothing points at: left by a run the browser stopped
 * before it could clean up, or by a rejected one. The visible and staging generations stay.
 */
export async function collectGenerations(main: TierlensDB): Promise<string[]> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return [];
  const states = await main.syncState.toArray();
  const keep = new Set<string>();
  for (const s of states) {
    const source = s.source as SyncedSource;
    if (!SYNCED_SOURCES.includes(source)) continue;
    if (s.generation > 0) keep.add(generationDbName(main.name, source, s.generation));
    if (s.staging) keep.add(generationDbName(main.name, source, s.staging.generation));
  }
  const dropped: string[] = [];
  for (const { name } of await indexedDB.databases()) {
    if (!name || keep.has(name)) continue;
    const parsed = parseGenerationDbName(main.name, name);
    if (!parsed) continue;
    await dropGeneration(main, parsed.source, parsed.generation);
    dropped.push(name);
  }
  return dropped;
}
