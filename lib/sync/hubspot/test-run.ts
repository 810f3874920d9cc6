import type { SyncState } from '../../db/sync-state';
import type { SyncRecord } from '../records';
import type { SourceAdapter, SyncPlan } from '../types';

/** What a run read, page by page, as the engine would see it (tests only). */
export interface TestRun {
  plan: SyncPlan;
  pages: SyncRecord[][];
  cursors: Array<string | undefined>;
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
  let cursor = resume?.cursor;
  do {
    if (pages.length >= maxPages) return { plan, pages, cursors };
    const page = await adapter.readPage(plan, cursor, signal);
    pages.push(page.records);
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
  return { plan, pages, cursors, checkpoint: result?.checkpoint };
}

/** The ids of the records of one kind, in the order read. */
export function idsOf(records: readonly SyncRecord[], kind: SyncRecord['kind']): string[] {
  return records.filter((r) => r.kind === kind).map((r) => r.record.id);
}
