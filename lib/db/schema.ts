import type { Dexie, Transaction } from 'dexie';
import { accountsSchema, accountsSchemaV1, accountsSchemaV2 } from './accounts';
import { contactsSchema } from './contacts';
import { outboxSchema } from './outbox';
import { sourceConfigSchema } from './source-config';
import { syncStateSchema } from './sync-state';
import {
  accountTouchpointsSchema,
  byAccount,
  mergeTouchpoints,
  type Touchpoint,
  touchpointsSchema,
} from './touchpoints';

/** One step of the schema: its stores and, from version 2 on, how to upgrade the rows before it. */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every version of the schema, oldest first. Never edit a released entry: append a new one,
 * with its fixture and test in migrations.test.ts.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      accounts: accountsSchemaV1,
      contacts: contactsSchema,
      touchpoints: touchpointsSchema,
      outbox: outboxSchema,
      syncState: syncStateSchema,
    },
  },
  // v2: an index on the outcome, so that calibrating on won/lost accounts reads only those.
  { version: 2, stores: { accounts: accountsSchemaV2 } },
  // v3: how each source is connected (the feed address, the HubSpot token), out of content scripts' reach.
  { version: 3, stores: { sourceConfig: sourceConfigSchema } },
  // v4: an account's touchpoints in one row (writing a record costs the same, whatever its size),
  // and no index on the name or the source, which nothing queried: an account writes 2 entries fewer.
  {
    version: 4,
    stores: { accounts: accountsSchema, accountTouchpoints: accountTouchpointsSchema },
    upgrade: async (tx) => {
      const touchpoints: Touchpoint[] = await tx.table('touchpoints').toArray();
      const rows = [...byAccount(touchpoints)].map(([accountId, items]) => ({
        accountId,
        items: mergeTouchpoints([], items),
      }));
      await tx.table('accountTouchpoints').bulkPut(rows);
    },
  },
  // v5: the one-row-per-touchpoint table, moved in v4, goes.
  { version: 5, stores: { touchpoints: null } },
];

/** Declares the versions up to `upTo` (all by default) on a Dexie instance. */
export function declareVersions(db: Dexie, upTo = Number.POSITIVE_INFINITY): void {
  for (const step of SCHEMA_VERSIONS) {
    if (step.version > upTo) break;
    const v = db.version(step.version).stores(step.stores);
    if (step.upgrade) v.upgrade(step.upgrade);
  }
}
