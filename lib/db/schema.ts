import type { Dexie, Transaction } from 'dexie';
import { accountsSchema, accountsSchemaV1 } from './accounts';
import { contactsSchema } from './contacts';
import { outboxSchema } from './outbox';
import { sourceConfigSchema } from './source-config';
import { syncStateSchema } from './sync-state';
import { touchpointsSchema } from './touchpoints';

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
  { version: 2, stores: { accounts: accountsSchema } },
  // v3: how each source is connected (the feed address, the HubSpot token), out of content scripts' reach.
  { version: 3, stores: { sourceConfig: sourceConfigSchema } },
];

/** Declares the versions up to `upTo` (all by default) on a Dexie instance. */
export function declareVersions(db: Dexie, upTo = Number.POSITIVE_INFINITY): void {
  for (const step of SCHEMA_VERSIONS) {
    if (step.version > upTo) break;
    const v = db.version(step.version).stores(step.stores);
    if (step.upgrade) v.upgrade(step.upgrade);
  }
}
