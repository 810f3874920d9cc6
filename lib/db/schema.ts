import type { Dexie, Transaction } from 'dexie';
import { accountsSchema, accountsSchemaV1, accountsSchemaV2, accountsSchemaV4 } from './accounts';
import { changeLogSchema } from './change-log';
import { contactsSchema } from './contacts';
import { dealHomesSchema } from './deal-homes';
import { outboxSchema, outboxSchemaV1 } from './outbox';
import { derivedSchema, scoreChunksSchema } from './scores';
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
      outbox: outboxSchemaV1,
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
    stores: { accounts: accountsSchemaV4, accountTouchpoints: accountTouchpointsSchema },
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
  // v6: the write path. Edits name the account they are about (indexed), kinds name whole
  // values (`tags`, `buying_roles`), and accounts index their tags for suggestions.
  {
    version: 6,
    stores: { accounts: accountsSchema, outbox: outboxSchema },
    upgrade: async (tx) => {
      const renamed: Record<string, string> = { tag: 'tags', buying_role: 'buying_roles' };
      // A contact's edit is about the contact's account, when this database holds the contact.
      const contacts = new Map<string, string>(
        (await tx.table('contacts').toArray()).map((c: { id: string; accountId: string }) => [c.id, c.accountId]),
      );
      await tx
        .table('outbox')
        .toCollection()
        .modify((edit: Record<string, unknown>) => {
          edit.kind = renamed[String(edit.kind)] ?? edit.kind;
          edit.accountId ??= contacts.get(String(edit.entityId)) ?? edit.entityId;
        });
    },
  },
  // v7: the program view's derived scores, one chunk of rows per record, and the state of their runs.
  { version: 7, stores: { scoreChunks: scoreChunksSchema, derived: derivedSchema } },
  // v8: the change log: every tier change, target designation and model change, appended in order.
  { version: 8, stores: { changeLog: changeLogSchema } },
  // v9: which account holds each deal, so that a deal moved to another company leaves the old one.
  // A new table, filled as generations are written: opening a large database builds no index.
  { version: 9, stores: { dealHomes: dealHomesSchema } },
];

/** Declares the versions up to `upTo` (all by default) on a Dexie instance. */
export function declareVersions(db: Dexie, upTo = Number.POSITIVE_INFINITY): void {
  for (const step of SCHEMA_VERSIONS) {
    if (step.version > upTo) break;
    const v = db.version(step.version).stores(step.stores);
    if (step.upgrade) v.upgrade(step.upgrade);
  }
}
