import type { SyncedSource, SyncState } from '../db/sync-state';
import type { DealRecord, SyncRecord } from './records';

export { SYNCED_SOURCES, type SyncedSource } from '../db/sync-state';

/**
 * What one run of a source will do, decided before it reads a page:
 * - `full`: a new generation, written beside the visible one and switched to at the end;
 * - `incremental`: changed records upserted into the visible generation, a page at a time;
 * - `unchanged`: nothing to read (a feed answered 304).
 * `data` is the source's own JSON (a feed's manifest, HubSpot's watermark): the engine stores it
 * with the run, so a run resumed after the worker stopped reads the same plan.
 */
export interface SyncPlan {
  mode: 'full' | 'incremental' | 'unchanged';
  /** A name for the generation the source gives it (the feed's `generation`), shown to users. */
  label?: string;
  data?: unknown;
  /** For an `unchanged` plan: a new checkpoint all the same (a feed re-uploaded under a new ETag). */
  checkpoint?: string;
}

/** One page of records, and where the next page starts (`undefined`: this was the last). */
export interface SourcePage {
  records: SyncRecord[];
  /** Deals (a team feed's deal shards): merged into their accounts, which earlier pages brought. */
  deals?: DealRecord[];
  /**
   * An incremental page's contacts (ids) that no longer have any company: the visible data
   * drops them, and their activity with them. A full run simply leaves such contacts out.
   */
  detachedContacts?: string[];
  /**
   * An incremental page's accounts (ids) that the source deleted: the visible data drops them
   * with their contacts, activity and deals. Deleted contacts come as `detachedContacts`.
   */
  removedAccounts?: string[];
  /** An incremental page's deals (opportunity ids) that the source deleted: their accounts drop them. */
  removedDeals?: string[];
  next?: string;
}

/** What the source keeps for its next run once this one switched (an ETag, a last-modified watermark). */
export interface RunResult {
  checkpoint?: string;
  /**
   * What a run that succeeded could not read, in words for the source's status (HubSpot: owner
   * names without the owners scope). Shown until a run ends without one.
   */
  notice?: string;
}

/**
 * A source is an adapter: it knows how to read pages of records and where it stopped. The engine
 * (lib/sync/engine.ts) owns generations, the atomic switch, retries, resumption and progress.
 * Errors a source throws: `SourceError` (lib/sync/errors.ts) says whether a retry can help.
 */
export interface SourceAdapter {
  readonly source: SyncedSource;
  /** Decides what this run does, given the visible state (its checkpoint says where the last run ended). */
  plan(state: SyncState | undefined, signal: AbortSignal): Promise<SyncPlan>;
  /** Reads the page that starts at `cursor` (`undefined`: the first page of the plan). */
  readPage(plan: SyncPlan, cursor: string | undefined, signal: AbortSignal): Promise<SourcePage>;
  /** Called once every page is in, before the switch: verify the whole (throw to reject it), name the checkpoint. */
  finish?(plan: SyncPlan, counts: RecordCounts, signal: AbortSignal): Promise<RunResult>;
}

export interface RecordCounts {
  accounts: number;
  contacts: number;
  touchpoints: number;
}
