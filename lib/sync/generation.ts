import type { Account } from '../db/accounts';
import type { Contact } from '../db/contacts';
import type { TierlensDB } from '../db/db';
import { putDealHomes } from '../db/deal-homes';
import { dropGeneration, generationDb } from '../db/generations';
import type { SyncedSource, SyncState } from '../db/sync-state';
import { type AccountTouchpoints, byAccount, putTouchpoints, touchpointsOf } from '../db/touchpoints';
import { mergeDeals } from './deals';
import { applyOpportunities } from './opportunities';
import type { DealRecord, SyncRecord } from './records';
import type { RecordCounts } from './types';

/** A generation being written beside the visible one. */
export interface StagedGeneration {
  source: SyncedSource;
  generation: number;
  db: TierlensDB;
  /** Where the next page starts; `undefined` before the first. */
  cursor: string | undefined;
  plan: unknown;
  counts: RecordCounts;
}

const ZERO: RecordCounts = { accounts: 0, contacts: 0, touchpoints: 0 };

/** Opens a new generation for `source` beside the visible one, and marks it as the run in progress. */
export async function beginGeneration(
  main: TierlensDB,
  source: SyncedSource,
  options: { plan: unknown; label?: string; now: number },
): Promise<StagedGeneration> {
  const previous = await main.syncState.get(source);
  // A rejected or abandoned run may have left a higher number behind: never reuse one.
  const generation = Math.max(previous?.generation ?? 0, previous?.staging?.generation ?? 0) + 1;
  if (previous?.staging) await dropGeneration(main, source, previous.staging.generation);
  // The pointer first, then the database: a worker starting meanwhile deletes every generation
  // database that nothing points at, and must not take this one for a leftover.
  await main.syncState.put({
    ...(previous ?? { source, generation: 0 }),
    staging: { generation, startedAt: options.now, label: options.label },
  });
  const db = generationDb(main, source, generation);
  await db.syncState.put({ source, generation, plan: options.plan, label: options.label, ...countFields(ZERO) });
  return { source, generation, db, cursor: undefined, plan: options.plan, counts: { ...ZERO } };
}

/** The run a stopped worker left: its generation, plan and the cursor its last page committed. */
export async function resumeGeneration(main: TierlensDB, source: SyncedSource): Promise<StagedGeneration | undefined> {
  const state = await main.syncState.get(source);
  if (!state?.staging) return undefined;
  const db = generationDb(main, source, state.staging.generation);
  const meta = await db.syncState.get(source);
  if (!meta) return undefined;
  return {
    source,
    generation: state.staging.generation,
    db,
    cursor: meta.cursor,
    plan: meta.plan,
    counts: {
      accounts: meta.accountCount ?? 0,
      contacts: meta.contactCount ?? 0,
      touchpoints: meta.touchpointCount ?? 0,
    },
  };
}

function countFields(c: RecordCounts): Pick<SyncState, 'accountCount' | 'contactCount' | 'touchpointCount'> {
  return { accountCount: c.accounts, contactCount: c.contacts, touchpointCount: c.touchpoints };
}

/** Splits records by table, stamping accounts with the generation that writes them. */
export function byTable(records: readonly SyncRecord[], generation: number) {
  const accounts = [];
  const contacts = [];
  const touchpoints = [];
  for (const r of records) {
    if (r.kind === 'account') accounts.push({ ...r.record, generation });
    else if (r.kind === 'contact') contacts.push(r.record);
    else touchpoints.push(r.record);
  }
  return { accounts, contacts, touchpoints };
}

/**
 * Writes one page of records into a generation together with the cursor after it, in one
 * transaction: a worker stopped at any moment leaves either the page and its cursor or neither,
 * so the resumed run neither skips nor repeats a page. `deals` merge into their accounts, which
 * earlier pages (or this one) wrote; `onOrphanDeals` receives those whose account the
 * generation does not hold (an import that adds to a previous one merges them into its
 * accounts as it keeps them); without it they wait in the run's state for a later page's
 * accounts (settleWaitingDeals), so that a feed may list its deals shard first.
 */
export async function writePage(
  staged: Pick<StagedGeneration, 'db' | 'source' | 'generation'> & { counts?: RecordCounts },
  records: readonly SyncRecord[],
  next: string | undefined,
  options: {
    deals?: readonly DealRecord[];
    onOrphanDeals?: (deals: DealRecord[]) => void;
    /** Contacts an incremental run found without any company (SourcePage.detachedContacts). */
    detachedContacts?: readonly string[];
    /** Accounts and deals the source deleted (SourcePage.removedAccounts, removedDeals). */
    removedAccounts?: readonly string[];
    removedDeals?: readonly string[];
  } = {},
): Promise<RecordCounts> {
  const { db, source } = staged;
  const rows = byTable(records, staged.generation);
  return db.transaction(
    'rw',
    [db.accounts, db.contacts, db.accountTouchpoints, db.syncState, db.dealHomes],
    async () => {
      const meta = await db.syncState.get(source);
      const detached = nextDetached(meta?.detachedContacts, rows.contacts, options.detachedContacts);
      let waiting: DealRecord[] | undefined;
      if (rows.accounts.length) await db.accounts.bulkPut(rows.accounts);
      // Where the page's accounts hold their deals, for an incremental run's applyChanges. Deals
      // merged on their own (files' and feeds' deal rows) need none: those sources never run one.
      await putDealHomes(db.dealHomes, rows.accounts);
      if (options.deals?.length) {
        const orphans = await mergeIntoAccounts(db, options.deals);
        if (orphans.length && options.onOrphanDeals) options.onOrphanDeals(orphans);
        else if (orphans.length) waiting = [...(meta?.waitingDeals ?? []), ...orphans];
      }
      if (rows.contacts.length) await db.contacts.bulkPut(rows.contacts);
      // A contact an earlier page of this run brought with a company, and this one without.
      if (options.detachedContacts?.length) await db.contacts.bulkDelete([...options.detachedContacts]);
      const newTouchpoints = await putTouchpoints(db.accountTouchpoints, rows.touchpoints);
      const counts = {
        accounts: (meta?.accountCount ?? 0) + rows.accounts.length,
        contacts: (meta?.contactCount ?? 0) + rows.contacts.length,
        // Exact: touchpoints are merged into their account's row, which says how many were new.
        touchpoints: (meta?.touchpointCount ?? 0) + newTouchpoints,
      };
      await db.syncState.put({
        ...(meta ?? { source, generation: staged.generation }),
        cursor: next,
        ...countFields(counts),
        ...(detached ? { detachedContacts: detached } : {}),
        ...withAdded('removedAccounts', meta?.removedAccounts, options.removedAccounts),
        ...withAdded('removedDeals', meta?.removedDeals, options.removedDeals),
        ...(waiting ? { waitingDeals: waiting } : {}),
      });
      return counts;
    },
  );
}

/**
 * Merges deals into their accounts in `db`, inside the caller's read-write transaction; answers
 * the deals whose account `db` does not hold.
 */
async function mergeIntoAccounts(db: TierlensDB, deals: readonly DealRecord[]): Promise<DealRecord[]> {
  const dealsOf = byAccount(deals);
  const ids = [...dealsOf.keys()];
  const accounts = await db.accounts.bulkGet(ids);
  const merged = [];
  const orphans: DealRecord[] = [];
  for (let i = 0; i < ids.length; i++) {
    const account = accounts[i];
    const own = dealsOf.get(ids[i] as string) ?? [];
    if (account) merged.push(mergeDeals(account, own));
    else orphans.push(...own);
  }
  if (merged.length) await db.accounts.bulkPut(merged);
  return orphans;
}

/** Deals left out of a run because the run holds no account of theirs, and a few of their ids. */
export interface LeftOutDeals {
  count: number;
  examples: string[];
}

/**
 * At the end of a run, before it becomes visible: merges the deals that waited for their
 * accounts (written by later pages) into them, and answers those whose account never came.
 * Those are left out, and said so: before, a feed's deal naming an account the feed does not
 * hold vanished without a word.
 */
export async function settleWaitingDeals(
  staged: Pick<StagedGeneration, 'db' | 'source'>,
): Promise<LeftOutDeals | undefined> {
  const { db, source } = staged;
  return db.transaction('rw', [db.accounts, db.syncState], async () => {
    const meta = await db.syncState.get(source);
    const waiting = meta?.waitingDeals;
    if (!meta || !waiting?.length) return undefined;
    const left = await mergeIntoAccounts(db, waiting);
    const { waitingDeals: _, ...rest } = meta;
    await db.syncState.put(rest);
    return left.length ? { count: left.length, examples: left.slice(0, 3).map((d) => d.id) } : undefined;
  });
}

/**
 * The contacts a staged incremental run has found without a company so far, after a page: the
 * earlier ones and the page's, less those the page brought back with a company (a contact read
 * twice in one run counts as it was read last). Undefined when there are none to keep.
 */
function nextDetached(
  before: readonly string[] | undefined,
  contacts: readonly { id: string }[],
  detached: readonly string[] | undefined,
): string[] | undefined {
  if (!before?.length && !detached?.length) return undefined;
  const ids = new Set(before);
  for (const c of contacts) ids.delete(c.id);
  for (const id of detached ?? []) ids.add(id);
  return [...ids];
}

/** `{ [field]: before ∪ added }`, or nothing when both are empty (the field then stays as it was). */
function withAdded<K extends string>(
  field: K,
  before: readonly string[] | undefined,
  added: readonly string[] | undefined,
): Partial<Record<K, string[]>> {
  if (!added?.length) return {};
  return { [field]: [...new Set([...(before ?? []), ...added])] } as Partial<Record<K, string[]>>;
}

/**
 * The rows a generation holds, counted (a page may have updated rows it already had). Touchpoints
 * are the count its pages kept, exact since they merge by id: counting them would read every row.
 */
export async function countRows(db: TierlensDB, source: SyncedSource): Promise<RecordCounts> {
  const [accounts, contacts, meta] = await Promise.all([
    db.accounts.count(),
    db.contacts.count(),
    db.syncState.get(source),
  ]);
  return { accounts, contacts, touchpoints: meta?.touchpointCount ?? 0 };
}

/**
 * Makes a staged generation the visible one, in one transaction on the main database, then
 * deletes the generation it replaces. `checkpoint` is what the source's next run starts from.
 */
export async function switchGeneration(
  main: TierlensDB,
  staged: StagedGeneration,
  options: { now: number; checkpoint?: string; notice?: string; label?: string; counts?: RecordCounts },
): Promise<RecordCounts> {
  // Counting a large generation takes seconds; a source that knows its counts (no id twice) says them.
  const counts = options.counts ?? (await countRows(staged.db, staged.source));
  const replaced = await main.transaction('rw', main.syncState, async () => {
    const state = await main.syncState.get(staged.source);
    if (state?.staging?.generation !== staged.generation) {
      throw new Error(`${staged.source}: generation ${staged.generation} is no longer the run in progress`);
    }
    await main.syncState.put({
      ...state,
      generation: staged.generation,
      label: options.label ?? state.staging.label,
      checkpoint: options.checkpoint,
      notice: options.notice,
      lastSuccess: options.now,
      generatedAt: options.now,
      lastError: undefined,
      failingSince: undefined,
      staging: undefined,
      cursor: undefined,
      ...countFields(counts),
    });
    return state.generation;
  });
  if (replaced > 0 && replaced !== staged.generation) await dropGeneration(main, staged.source, replaced);
  return counts;
}

/**
 * Applies an incremental run's changes (staged beside the visible data like a full run's pages)
 * to the visible generation in one transaction, then records the checkpoint and drops the staging
 * database. Re-applying after a stop between the two is harmless: the rows are put by id.
 */
export async function applyChanges(
  main: TierlensDB,
  staged: StagedGeneration,
  options: { now: number; checkpoint?: string; notice?: string },
): Promise<{ generation: number; counts: RecordCounts; changed: number }> {
  const visible = (await main.syncState.get(staged.source))?.generation ?? 0;
  if (visible <= 0) throw new Error(`${staged.source}: no visible generation to apply changes to`);
  const target = generationDb(main, staged.source, visible);
  const [accounts, contacts, touchpoints, stagedMeta] = await Promise.all([
    staged.db.accounts.toArray(),
    staged.db.contacts.toArray(),
    staged.db.accountTouchpoints.toArray().then((rows) => rows.flatMap(touchpointsOf)),
    staged.db.syncState.get(staged.source),
  ]);
  const detached = stagedMeta?.detachedContacts ?? [];
  let left = 0;
  let moved = 0;
  let removed = { rows: 0, touchpoints: 0 };
  await target.transaction(
    'rw',
    [target.accounts, target.contacts, target.accountTouchpoints, target.syncState, target.dealHomes],
    async () => {
      moved = await takeMovedDeals(target, accounts, visible);
      if (accounts.length) await target.accounts.bulkPut(accounts.map((a) => ({ ...a, generation: visible })));
      left = await takeLeavers(target, contacts, detached);
      if (detached.length) await target.contacts.bulkDelete([...detached]);
      if (contacts.length) await target.contacts.bulkPut(contacts);
      const newTouchpoints = await putTouchpoints(target.accountTouchpoints, touchpoints);
      // Last: what the source deleted goes even if a page of this run brought it before it was deleted.
      removed = await takeRemoved(target, stagedMeta?.removedAccounts ?? [], stagedMeta?.removedDeals ?? [], visible);
      const meta = await target.syncState.get(staged.source);
      if (meta)
        await target.syncState.put({
          ...meta,
          touchpointCount: Math.max(0, (meta.touchpointCount ?? 0) + newTouchpoints - left - removed.touchpoints),
        });
    },
  );
  const counts = await countRows(target, staged.source);
  await main.transaction('rw', main.syncState, async () => {
    const state = await main.syncState.get(staged.source);
    if (!state) return;
    await main.syncState.put({
      ...state,
      checkpoint: options.checkpoint,
      notice: options.notice,
      lastSuccess: options.now,
      lastError: undefined,
      failingSince: undefined,
      staging: undefined,
      ...countFields(counts),
    });
  });
  await dropGeneration(main, staged.source, staged.generation);
  return {
    generation: visible,
    counts,
    changed: accounts.length + contacts.length + touchpoints.length + detached.length + left + moved + removed.rows,
  };
}

/**
 * Takes the deals that `incoming` accounts now hold out of the accounts of `target` that held
 * them before (a deal moved to another company, which an incremental run reads again with the
 * deal, not the company it left), inside the caller's transaction; then records the deals' new
 * homes. Answers how many accounts gave up a deal.
 */
async function takeMovedDeals(target: TierlensDB, incoming: readonly Account[], generation: number): Promise<number> {
  const owner = new Map<string, string>();
  for (const a of incoming) for (const o of a.opportunities ?? []) owner.set(o.id, a.id);
  if (!owner.size) return 0;
  const dealIds = [...owner.keys()];
  const homes = await target.dealHomes.bulkGet(dealIds);
  const rewritten = new Set(incoming.map((a) => a.id));
  const lost = new Map<string, Set<string>>();
  homes.forEach((home, i) => {
    const dealId = dealIds[i] as string;
    if (!home || home.accountId === owner.get(dealId) || rewritten.has(home.accountId)) return;
    const deals = lost.get(home.accountId) ?? new Set<string>();
    lost.set(home.accountId, deals.add(dealId));
  });
  const changed = await dropDeals(target, lost, generation);
  await putDealHomes(target.dealHomes, incoming);
  return changed;
}

/**
 * Takes deals (by account id, the deals' ids) out of the accounts of `target` that hold them,
 * inside the caller's transaction, recomputing each account's opportunity and outcome. Answers
 * how many accounts changed: a deal a home names but its account no longer holds changes nothing.
 */
async function dropDeals(target: TierlensDB, lost: ReadonlyMap<string, ReadonlySet<string>>, generation: number) {
  if (!lost.size) return 0;
  const holders = await target.accounts.bulkGet([...lost.keys()]);
  const rows = [];
  for (const holder of holders) {
    const gone = holder && lost.get(holder.id);
    const kept = holder?.opportunities?.filter((o) => !gone?.has(o.id));
    if (!holder || !kept || kept.length === holder.opportunities?.length) continue;
    rows.push({ ...applyOpportunities({ ...holder }, kept), generation });
  }
  if (rows.length) await target.accounts.bulkPut(rows);
  return rows.length;
}

/**
 * Takes what the source deleted out of `target`, inside the caller's transaction: each deleted
 * account with its contacts, its activity and its deals' homes, and each deleted deal from the
 * account its home names. Ids `target` does not hold are skipped (deleted before they were
 * synced, or already taken). Answers the rows taken or changed, and the touchpoints taken.
 */
async function takeRemoved(
  target: TierlensDB,
  accountIds: readonly string[],
  dealIds: readonly string[],
  generation: number,
): Promise<{ rows: number; touchpoints: number }> {
  let rows = 0;
  let touchpoints = 0;
  const present = accountIds.length
    ? (await target.accounts.bulkGet([...accountIds])).filter((a) => a !== undefined)
    : [];
  if (present.length) {
    const ids = present.map((a) => a.id);
    const contactIds = await target.contacts.where('accountId').anyOf(ids).primaryKeys();
    for (const row of await target.accountTouchpoints.bulkGet(ids)) touchpoints += row?.items.length ?? 0;
    await target.contacts.bulkDelete(contactIds);
    await target.accountTouchpoints.bulkDelete(ids);
    await target.dealHomes.bulkDelete(present.flatMap((a) => (a.opportunities ?? []).map((o) => o.id)));
    await target.accounts.bulkDelete(ids);
    rows += ids.length + contactIds.length;
  }
  if (dealIds.length) {
    const homes = await target.dealHomes.bulkGet([...dealIds]);
    const lost = new Map<string, Set<string>>();
    for (const home of homes) {
      if (!home) continue;
      const deals = lost.get(home.accountId) ?? new Set<string>();
      lost.set(home.accountId, deals.add(home.dealId));
    }
    rows += await dropDeals(target, lost, generation);
    await target.dealHomes.bulkDelete([...dealIds]);
  }
  return { rows, touchpoints };
}

/**
 * Takes a contact's own touchpoints out of the account it left, inside the caller's transaction
 * on `target`: a contact that moved to another company (it comes with a new account) or lost its
 * company (`detached`). Its activity belongs to where it works now; the incoming page brings
 * that account's copy. Without this the old account kept the activity (and the engagement) of
 * someone gone until the weekly full sync. Answers how many touchpoints were taken out.
 */
async function takeLeavers(
  target: TierlensDB,
  contacts: readonly Contact[],
  detached: readonly string[],
): Promise<number> {
  const now = new Map<string, string | undefined>();
  for (const c of contacts) now.set(c.id, c.accountId);
  for (const id of detached) now.set(id, undefined);
  if (!now.size) return 0;
  const ids = [...now.keys()];
  const stored = await target.contacts.bulkGet(ids);
  const leaversByAccount = new Map<string, Set<string>>();
  stored.forEach((before, i) => {
    if (!before || before.accountId === now.get(ids[i] as string)) return;
    const set = leaversByAccount.get(before.accountId) ?? new Set<string>();
    set.add(before.id);
    leaversByAccount.set(before.accountId, set);
  });
  if (!leaversByAccount.size) return 0;
  const accountIds = [...leaversByAccount.keys()];
  const rows = await target.accountTouchpoints.bulkGet(accountIds);
  let taken = 0;
  const kept: AccountTouchpoints[] = [];
  rows.forEach((row, i) => {
    if (!row) return;
    const leavers = leaversByAccount.get(accountIds[i] as string) as Set<string>;
    const items = row.items.filter((t) => t.contactId === undefined || !leavers.has(t.contactId));
    if (items.length === row.items.length) return;
    taken += row.items.length - items.length;
    kept.push({ accountId: row.accountId, items });
  });
  if (kept.length) await target.accountTouchpoints.bulkPut(kept);
  return taken;
}

/** Gives up a staged generation (rejected, cancelled, or out of space): the visible data stays as it was. */
export async function abandonGeneration(main: TierlensDB, source: SyncedSource, generation: number): Promise<void> {
  await main.transaction('rw', main.syncState, async () => {
    const state = await main.syncState.get(source);
    if (state?.staging?.generation === generation) await main.syncState.put({ ...state, staging: undefined });
  });
  await dropGeneration(main, source, generation);
}

/** Records a failed run's error on the source, keeping everything visible as it was. */
export async function recordError(
  main: TierlensDB,
  source: SyncedSource,
  message: string,
  now: number,
  nextRunAt?: number,
): Promise<void> {
  await main.transaction('rw', main.syncState, async () => {
    const state = (await main.syncState.get(source)) ?? { source, generation: 0 };
    await main.syncState.put({
      ...state,
      lastError: { at: now, message },
      failingSince: state.failingSince ?? now,
      nextRunAt: nextRunAt ?? state.nextRunAt,
    });
  });
}
