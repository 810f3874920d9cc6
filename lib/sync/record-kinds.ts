import type { RecordKind } from './records';

/**
 * Each kind's plural, as feed shards are named ("accounts-0001-….ndjson.gz") and imports name a
 * kind's part of a file. A module of its own: records.ts brings zod, which pages need not load for words.
 */
export const RECORD_KIND_PLURALS: Record<RecordKind, string> = {
  account: 'accounts',
  contact: 'contacts',
  touchpoint: 'touchpoints',
  deal: 'deals',
};
