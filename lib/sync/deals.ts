import type { Account, Opportunity } from '../db/accounts';
import { applyOpportunities } from './opportunities';
import type { DealRecord } from './records';

/** A deal record as its account keeps it: without the account id. */
export function opportunityOf(deal: DealRecord): Opportunity {
  const { accountId: _, ...opportunity } = deal;
  return opportunity;
}

/**
 * The account with `deals` merged into the deals it has, by deal id (a deal given here replaces
 * the account's deal of the same id, as a later row of a file does), and its open opportunity,
 * outcome and close date recomputed by lib/sync/opportunities.ts: the one rule HubSpot sync
 * uses too. A new object; the account given is not changed.
 */
export function mergeDeals(account: Account, deals: readonly DealRecord[]): Account {
  const byId = new Map<string, Opportunity>();
  for (const o of account.opportunities ?? []) byId.set(o.id, o);
  for (const d of deals) byId.set(d.id, opportunityOf(d));
  return applyOpportunities({ ...account }, [...byId.values()]);
}
