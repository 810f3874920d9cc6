import type { SyncState } from '../../db/sync-state';
import type { SyncRecord } from '../records';
import type { SourceAdapter, SyncPlan } from '../types';

/** What a run read, page by page, as the engine would see it (tests only). */
export interface TestRun {
  plan: SyncPlan;
  pages: SyncRecord[][];
  cursors: Array<string | undefined>;
  /** What the pages said the source deleted or detached, in the order read. */
  removed: { accounts: string[]; contacts: string[]; deals: string[] };
  checkpoint?: string;
}

/** Runs an adapter to the end like the engine: plan, pages until no cursor, finish (tests only). */
export async function runToEnd(
  adapter: SourceAdapter,
  state: SyncState | undefined,
  resume?: { plan: SyncPlan; cursor: string | undefined },
  maxPages = Number.POSITIVE_INFINITY,
): Promise<TestRun> {
  const signal = new AbortController().signal;
  const plan = resume?.plan ?? (await adapter.plan(state, signal));
  const pages: SyncRecord[][] = [];
  const cursors: Array<string | undefined> = [];
  const removed: TestRun['removed'] = { accounts: [], contacts: [], deals: [] };
  let cursor = resume?.cursor;
  do {
    if (pages.length >= maxPages) return { plan, pages, cursors, removed };
    const page = await adapter.readPage(plan, cursor, signal);
    pages.push(page.records);
    removed.accounts.push(...(page.removedAccounts ?? []));
    removed.contacts.push(...(page.detachedContacts ?? []));
    removed.deals.push(...(page.removedDeals ?? []));
    cursor = page.next;
    cursors.push(cursor);
  } while (cursor !== undefined);
  const records = pages.flat();
  const count = (kind: SyncRecord['kind']) => records.filter((r) => r.kind === kind).length;
  const result = await adapter.finish?.(
    plan,
    { accounts: count('account'), contacts: count('contact'), touchpoints: count('touchpoint') },
    signal,
  );
  return { plan, pages, cursors, removed, checkpoint: result?.checkpoint };
}

/** The ids of the records of one kind, in the order read. */
export function idsOf(records: readonly SyncRecord[], kind: SyncRecord['kind']): string[] {
  return records.filter((r) => r.kind === kind).map((r) => r.record.id);
}
