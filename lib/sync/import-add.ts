import type { Table } from 'dexie';
import type { TierlensDB } from '../db/db';
import { byAccount, mergeTouchpoints, touchpointsOf } from '../db/touchpoints';
import { mergeDeals } from './deals';
import type { ImportIndex } from './file/linker';
import type { PreviousImport, PreviousProgress } from './file/types';
import type { StagedGeneration } from './generation';
import type { DealRecord } from './records';
import type { RecordCounts } from './types';

/**
 * Accounts and contacts read from the previous generation at a time: one quick read, a few MB.
 * The previous import may hold 500,000 accounts; it is never in memory whole.
 */
const PAGE = 2_000;
/** A touchpoints row holds an account's whole history (up to thousands): fewer rows at a time. */
const TOUCHPOINT_PAGE = 250;

/**
 * The rows of `table` in primary-key order, `size` at a time. Each page is its own read from the
 * key after the last one (no offset, which IndexedDB would walk from the start every time).
 */
export async function* pagesByKey<T, Insert>(
  table: Table<T, string, Insert>,
  keyOf: (row: T) => string,
  size: number,
): AsyncGenerator<T[]> {
  let last: string | undefined;
  for (;;) {
    const from = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
    const page = await from.limit(size).toArray();
    if (page.length > 0) yield page;
    if (page.length < size) return;
    last = keyOf(page[page.length - 1] as T);
  }
}

/**
 * `pages`, with the next page read while the caller handles the current one: the previous
 * generation is read while the new one is written, instead of taking turns.
 */
async function* readingAhead<T>(pages: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = pages.next();
  for (;;) {
    const current = await next;
    if (current.done) return;
    next = pages.next();
    // Awaited at the next turn; until then (the caller may stop) its failure is not unhandled.
    next.catch(() => {});
    yield current.value;
  }
}

/**
 * The previous import as the importer links to it: its accounts (id, domains, name key) and
 * contacts (id, email), read a page at a time from its generation, with progress.
 */
export function previousImport(
  previous: TierlensDB,
  totals: RecordCounts,
  onProgress?: (progress: PreviousProgress) => void,
): PreviousImport {
  return {
    async *accounts() {
      let done = 0;
      onProgress?.({ phase: 'linking', records: 'accounts', done, total: totals.accounts });
      for await (const page of readingAhead(pagesByKey(previous.accounts, (a) => a.id, PAGE))) {
        yield page.map((a) => ({ id: a.id, domains: a.domains, nameKey: a.keys.find((k) => k.startsWith('name:')) }));
        done += page.length;
        onProgress?.({ phase: 'linking', records: 'accounts', done, total: totals.accounts });
      }
    },
    async *contacts() {
      let done = 0;
      onProgress?.({ phase: 'linking', records: 'contacts', done, total: totals.contacts });
      for await (const page of readingAhead(pagesByKey(previous.contacts, (c) => c.id, PAGE))) {
        yield page.map((c) => ({ id: c.id, email: c.email }));
        done += page.length;
        onProgress?.({ phase: 'linking', records: 'contacts', done, total: totals.contacts });
      }
    },
  };
}

/** What keeping the previous import did: its rows copied into the new generation, and those the files updated. */
export interface KeptRows {
  kept: RecordCounts;
  updated: RecordCounts;
}

/**
 * Copies into the staged generation the previous generation's rows that the files did not
 * update (`index` holds every id the files brought), a page at a time: accounts restamped with
 * the new generation, contacts as they are, and each account's touchpoints merged by id with
 * the files' (a touchpoint of the files wins). `deals` are the files' deals of previous accounts
 * that no file replaced (a deals file added on its own): merged into those accounts' deals by id,
 * a deal of the files replacing the one it had, as the files' contacts replace theirs. Undefined when `signal` stopped it: the staged
 * generation is then half-copied, and the caller abandons it.
 */
export async function keepPrevious(
  previous: TierlensDB,
  staged: Pick<StagedGeneration, 'db' | 'generation'>,
  index: ImportIndex,
  options: {
    signal?: AbortSignal;
    total?: number;
    onProgress?: (progress: PreviousProgress) => void;
    deals?: readonly DealRecord[];
  },
): Promise<KeptRows | undefined> {
  const { db, generation } = staged;
  const deals = byAccount(options.deals ?? []);
  const kept: RecordCounts = { accounts: 0, contacts: 0, touchpoints: 0 };
  const updated: RecordCounts = { accounts: 0, contacts: 0, touchpoints: 0 };
  let done = 0;
  const progress = () => options.onProgress?.({ phase: 'keeping', done, total: options.total });
  progress();

  for await (const page of readingAhead(pagesByKey(previous.accounts, (a) => a.id, PAGE))) {
    if (options.signal?.aborted) return undefined;
    const rows = page
      .filter((a) => !index.has('account', a.id))
      .map((a) => {
        const own = deals.get(a.id);
        return own ? { ...mergeDeals(a, own), generation } : { ...a, generation };
      });
    if (rows.length) await db.accounts.bulkPut(rows);
    kept.accounts += rows.length;
    updated.accounts += page.length - rows.length;
    done += page.length;
    progress();
  }

  for await (const page of readingAhead(pagesByKey(previous.contacts, (c) => c.id, PAGE))) {
    if (options.signal?.aborted) return undefined;
    const rows = page.filter((c) => !index.has('contact', c.id));
    if (rows.length) await db.contacts.bulkPut(rows);
    kept.contacts += rows.length;
    updated.contacts += page.length - rows.length;
    done += page.length;
    progress();
  }

  const touchpointPages = pagesByKey(previous.accountTouchpoints, (r) => r.accountId, TOUCHPOINT_PAGE);
  for await (const page of readingAhead(touchpointPages)) {
    if (options.signal?.aborted) return undefined;
    const rows = page.map((row) => ({
      accountId: row.accountId,
      items: row.items.filter((t) => !index.has('touchpoint', t.id)),
    }));
    for (let i = 0; i < page.length; i++) {
      const before = page[i]?.items.length ?? 0;
      const after = rows[i]?.items.length ?? 0;
      kept.touchpoints += after;
      updated.touchpoints += before - after;
      done += before;
    }
    await db.transaction('rw', db.accountTouchpoints, async () => {
      const mine = await db.accountTouchpoints.bulkGet(rows.map((r) => r.accountId));
      const merged = [];
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        if (!row?.items.length) continue;
        const own = mine[i];
        merged.push(own ? { accountId: row.accountId, items: mergeTouchpoints(row.items, touchpointsOf(own)) } : row);
      }
      if (merged.length) await db.accountTouchpoints.bulkPut(merged);
    });
    progress();
  }
  return { kept, updated };
}
