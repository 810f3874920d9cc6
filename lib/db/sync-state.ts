import type { Opportunity, SourceId } from './accounts';

/** Sources whose data arrives in generations (the demo and local rows live in the main database). */
export type SyncedSource = Extract<SourceId, 'file' | 'feed' | 'hubspot'>;
export const SYNCED_SOURCES: readonly SyncedSource[] = ['hubspot', 'feed', 'file'];

/** A full run in progress: the generation it is writing beside the visible one. */
export interface StagingRun {
  generation: number;
  startedAt: number;
  /** The source's name for the generation (a feed's `generation`). */
  label?: string;
}

/** What a source keeps about itself, per source (one row each). */
export interface SyncState {
  source: SourceId;
  /** In a generation's own database: where the run writing it reads its next page. */
  cursor?: string;
  /** The generation currently visible (0: none yet). */
  generation: number;
  /** The source's name for the visible generation (a feed's `generation`). */
  label?: string;
  /** Where the last complete run ended, for the next one (an ETag, a last-modified watermark). */
  checkpoint?: string;
  /** Epoch milliseconds when the visible generation became visible (the last full run's end). */
  generatedAt?: number;
  /** Epoch milliseconds of the last complete run (a feed answering "unchanged" counts). */
  lastSuccess?: number;
  /** Epoch milliseconds since when the source keeps failing (cleared by a success). */
  failingSince?: number;
  lastError?: { at: number; message: string };
  /** What the last complete run could not read, in plain words (not an error: the data is there). */
  notice?: string;
  /** When the next run is due (periodic, or a retry after an error). */
  nextRunAt?: number;
  /** A run writing beside the visible generation (a new one, or changes to apply); the visible one stays until it ends. */
  staging?: StagingRun;
  /**
   * In a generation's own database: the plan of the run writing into it, so that a run resumed
   * after the worker stopped reads what it started to read. Its `cursor` commits with each page.
   */
  plan?: unknown;
  /**
   * In an incremental run's own database: contacts (ids) the run found without any company, to
   * take out of the visible data when the changes apply. Other changes are rows of their own.
   */
  detachedContacts?: string[];
  /**
   * In an incremental run's own database: accounts (ids) and deals (`hubspot-deal:` ids) the
   * source deleted since the last run, to take out of the visible data when the changes apply.
   */
  removedAccounts?: string[];
  removedDeals?: string[];
  /**
   * In a run's own database: deals whose account no page has brought yet (a feed may list its
   * deals shard first). They join their accounts, or are reported left out, before the switch.
   */
  waitingDeals?: (Opportunity & { accountId: string })[];
  /** Rows in the visible generation. */
  accountCount?: number;
  contactCount?: number;
  touchpointCount?: number;
}

export const syncStateSchema = 'source';
