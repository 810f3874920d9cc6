import { Dexie } from 'dexie';
import { pickMatch, type Resolution } from '../accounts/resolve';
import type { Account } from '../db/accounts';
import type { TierlensDB } from '../db/db';
import { type VisibleData, viewOf } from '../db/generations';
import type { LocalEdit } from '../db/outbox';
import type { SyncState } from '../db/sync-state';

/** What a page's keys found, and the data they were looked up in. */
export interface PageLookup {
  /** The databases the lookup read, as the sync states read with it make them visible. */
  view: VisibleData;
  /** The main database's sync states, read in the same round as the keys. */
  states: SyncState[];
  resolution: Resolution;
  /** The matched account's row, from the database that holds its source's rows. */
  account?: Account;
}

/**
 * The visible databases as the background last read them, per main database. In memory only:
 * a worker that the browser stopped starts again with none, and reads the sync states first.
 */
const known = new Map<TierlensDB, VisibleData>();

/** The generations the background believes visible (undefined: none cached, the next lookup reads them first). */
export function cachedGenerations(main: TierlensDB): VisibleData['visible'] | undefined {
  return known.get(main)?.visible;
}

/** Forgets the visible databases, after a generation switch or any other change to the sync states. */
export function forgetVisibleData(): void {
  known.clear();
}

const sameGenerations = (a: VisibleData['visible'], b: VisibleData['visible']): boolean => {
  const sources = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof VisibleData['visible']>;
  return [...sources].every((s) => a[s] === b[s]);
};

interface Round {
  states: SyncState[];
  /** Per database of the view (the main one first), the rows each key found, flattened. */
  rows: Account[][];
}

/**
 * The open IndexedDB connection under a Dexie database. A database closed in this context (a
 * generation dropped after a switch) is not opened again from here: the view that holds it is
 * stale. One that another context's deletion closed opens again, as Dexie's own reads would.
 */
async function connection(db: TierlensDB): Promise<IDBDatabase> {
  if (db.hasBeenClosed()) throw new Dexie.DatabaseClosedError(`${db.name} was closed`);
  if (!db.isOpen()) await db.open();
  return db.backendDB();
}

const result = <T>(request: IDBRequest<T>) =>
  new Promise<T>((done, fail) => {
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });

/**
 * One round of reads, all in parallel, one transaction per database: on the main one its sync
 * states and the keys, on each visible generation the keys; one index read per key (measured
 * faster than one `anyOf` cursor over all the keys, lib/accounts/resolve.ts). Straight on
 * IndexedDB, through Dexie's open connections: this is navigation → badge, and there each
 * transaction costs a round trip to the browser while it handles the navigation; through Dexie
 * (its transaction per read, or one explicit transaction) the worker's path to the badge took
 * about 1.5 ms longer in `npm run bench`'s conditions (p50 6.5–7.4 against 4.9–6.1 ms).
 */
async function readRound(view: VisibleData, keys: readonly string[]): Promise<Round> {
  const connections = await Promise.all(view.all.map(connection));
  const byKeys = (tx: IDBTransaction) => {
    const index = tx.objectStore('accounts').index('keys');
    return Promise.all(keys.map((key) => result<Account[]>(index.getAll(key)))).then((found) => found.flat());
  };
  const [main, ...generations] = connections.map((idb, i) =>
    idb.transaction(i === 0 ? ['syncState', 'accounts'] : ['accounts'], 'readonly'),
  ) as [IDBTransaction, ...IDBTransaction[]];
  const [states, ...rows] = await Promise.all([
    result<SyncState[]>(main.objectStore('syncState').getAll()),
    byKeys(main),
    ...generations.map(byKeys),
  ]);
  return { states, rows };
}

/** The user's edits of one account: one indexed read of the main database's outbox, as readRound reads. */
export async function editsOf(main: TierlensDB, accountId: string): Promise<LocalEdit[]> {
  const tx = (await connection(main)).transaction('outbox', 'readonly');
  return result<LocalEdit[]>(tx.objectStore('outbox').index('accountId').getAll(accountId));
}

/**
 * Resolves a page's keys as `resolvePageKeys` does (the keys it vouches for decide; what it
 * only claims is asked for when those find nothing), and brings the matched account's row, in
 * one round of indexed reads: the generations to read come from the background's memory, and
 * the sync states read in the same round vouch for them. When those say another generation is
 * visible now (a switch the background was not yet told of), the round's answer is dropped and
 * the keys are read again where the sync states point: an answer never comes from a generation
 * that the states read with it no longer show.
 */
export async function lookUpPage(
  main: TierlensDB,
  keys: { own: readonly string[]; claimed: readonly string[] },
): Promise<PageLookup> {
  const all = [...new Set([...keys.own, ...keys.claimed])];
  let view = known.get(main) ?? viewOf(main, await main.syncState.toArray());
  for (let attempt = 0; ; attempt++) {
    let round: Round;
    try {
      round = await readRound(view, all);
    } catch (error) {
      // A generation dropped in this context is closed (or a connection went): read the sync states afresh, once.
      known.delete(main);
      if (attempt > 0) throw error;
      view = viewOf(main, await main.syncState.toArray());
      continue;
    }
    const current = viewOf(main, round.states);
    if (!sameGenerations(current.visible, view.visible)) {
      known.delete(main);
      if (attempt >= 4) throw new Error('the visible data kept changing during the lookup');
      view = current;
      continue;
    }
    known.set(main, view);
    return { view, states: round.states, ...pick(view, round.rows, keys) };
  }
}

function pick(
  view: VisibleData,
  rows: Account[][],
  keys: { own: readonly string[]; claimed: readonly string[] },
): { resolution: Resolution; account?: Account } {
  const candidates = rows.flat();
  let resolution = pickMatch(keys.own, candidates);
  if (resolution.status === 'unknown' && keys.claimed.length > 0) {
    const claimed = pickMatch(keys.claimed, candidates);
    resolution =
      claimed.status === 'matched' ? { ...claimed, lowConfidence: true, pageClaim: true } : { status: 'unknown' };
  }
  if (resolution.status !== 'matched') return { resolution };
  const id = resolution.accountId;
  // The row from the database that holds the id's source, as `view.forId(id).accounts.get(id)` reads it.
  const home = view.all.indexOf(view.forId(id));
  return { resolution, account: rows[home]?.find((a) => a.id === id) };
}
