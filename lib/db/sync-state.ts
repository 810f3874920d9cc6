import type { SourceId } from './accounts';

/** Progress of one source's sync. */
export interface SyncState {
  source: SourceId;
  /** Where the next page of work starts (source-specific: an `after` token, an ETag…). */
  cursor?: string;
  /** The generation currently visible. */
  generation: number;
  /** Epoch milliseconds of the last complete sync. */
  lastSuccess?: number;
  lastError?: { at: number; message: string };
  /** Rows in the visible generation. */
  accountCount?: number;
}

export const syncStateSchema = 'source';
