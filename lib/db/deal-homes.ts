import type { EntityTable } from 'dexie';
import type { Account } from './accounts';

/**
 * Which account of a generation holds a deal (schema v9), written with the accounts of each page
 * a source brings (writePage). An account row holds its deals, and a deal counts at one account
 * only (lib/sync/hubspot/deals.ts); when an incremental run brings a deal at another account,
 * this says which account to take it from. A row may outlive its deal's place (a deal that left
 * its account without going anywhere): it is only ever a hint, checked against that account's deals.
 */
export interface DealHome {
  dealId: string;
  accountId: string;
}

/** The deal homes' table: keyed by the deal's id. */
export const dealHomesSchema = 'dealId';

/** Records the home of every deal of `accounts`, inside the caller's read-write transaction on `table`. */
export async function putDealHomes(
  table: EntityTable<DealHome, 'dealId'>,
  accounts: readonly Pick<Account, 'id' | 'opportunities'>[],
): Promise<void> {
  const rows = accounts.flatMap((a) => (a.opportunities ?? []).map((o) => ({ dealId: o.id, accountId: a.id })));
  if (rows.length) await table.bulkPut(rows);
}
