import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Account } from './accounts';
import type { ChangeEntry } from './change-log';
import type { Contact } from './contacts';
import type { DealHome } from './deal-homes';
import type { LocalEdit } from './outbox';
import { declareVersions } from './schema';
import type { ScoreChunk, ScoresState } from './scores';
import type { SourceConfig } from './source-config';
import type { SyncState } from './sync-state';
import type { AccountTouchpoints } from './touchpoints';

export const DB_NAME = 'tierlens';

/** The extension's database. It lives in the extension origin: content scripts never open it. */
export class TierlensDB extends Dexie {
  accounts!: EntityTable<Account, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  /** Each account's touchpoints, in one row (schema v4). */
  accountTouchpoints!: EntityTable<AccountTouchpoints, 'accountId'>;
  outbox!: EntityTable<LocalEdit, 'opId'>;
  syncState!: EntityTable<SyncState, 'source'>;
  sourceConfig!: EntityTable<SourceConfig, 'source'>;
  /** The program view's derived score rows (schema v7), in chunks; main database only. */
  scoreChunks!: Table<ScoreChunk, [number, number]>;
  derived!: EntityTable<ScoresState, 'name'>;
  /** Every tier change, target designation and model change (schema v8); main database only. */
  changeLog!: EntityTable<ChangeEntry, 'seq'>;
  /** Which account holds each deal (schema v9); sources' generations only. */
  dealHomes!: EntityTable<DealHome, 'dealId'>;

  constructor(name = DB_NAME, options: { durability?: 'default' | 'strict' | 'relaxed' } = {}) {
    super(name, { chromeTransactionDurability: options.durability ?? 'default' });
    declareVersions(this);
  }
}

let instance: TierlensDB | undefined;
let strictInstance: TierlensDB | undefined;

/** The shared database of this context, opened on first use. */
export function getDb(): TierlensDB {
  instance ??= new TierlensDB();
  return instance;
}

/**
 * A second connection to the same database whose transactions commit with strict durability
 * (flushed to disk before they complete): for user edits and their outbox, which the UI confirms
 * only once they are safe. Bulk imports use the default connection, which is faster.
 */
export function getStrictDb(): TierlensDB {
  strictInstance ??= new TierlensDB(DB_NAME, { durability: 'strict' });
  return strictInstance;
}
