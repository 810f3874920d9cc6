import type { Account, Opportunity, OpportunityStatus } from '../db/accounts';

/** What an account's deals say about it: the fields that follow from them. */
export type OpportunitySummary = Pick<Account, 'openOpportunity' | 'outcome' | 'closedAt'>;

/** Deals an account keeps at most (the schema's cap): the latest ones, by close or creation date. */
export const MAX_OPPORTUNITIES = 500;

/**
 * The account fields its deals decide: `openOpportunity` is the largest open deal (by amount;
 * a deal without one counts as 0, the first of equals wins), `outcome` and `closedAt` the
 * latest closed deal's (by close date; one without a date counts as the earliest). A single
 * rule for every source, so that the calibrated engagement model (lib/background/calibrate.ts)
 * reads the same outcome whichever source brought the deals. No deals: all three undefined.
 */
export function summariseOpportunities(opportunities: readonly Opportunity[]): OpportunitySummary {
  let open: Opportunity | undefined;
  let closed: Opportunity | undefined;
  for (const o of opportunities) {
    if (o.status === 'open') {
      if (!open || (o.amount ?? 0) > (open.amount ?? 0)) open = o;
    } else if (!closed || (o.closedAt ?? -1) > (closed.closedAt ?? -1)) closed = o;
  }
  const summary: OpportunitySummary = {};
  if (open) {
    summary.openOpportunity = { name: open.name };
    if (open.amount !== undefined) summary.openOpportunity.amount = open.amount;
    if (open.stage !== undefined) summary.openOpportunity.stage = open.stage;
  }
  if (closed) {
    summary.outcome = closed.status === 'won' ? 'won' : 'lost';
    if (closed.closedAt !== undefined) summary.closedAt = closed.closedAt;
  }
  return summary;
}

/**
 * Sets an account's deals and the fields that follow from them (see summariseOpportunities),
 * in place. None (an empty list) leaves the account without deals, open opportunity or outcome:
 * the source knows its deals, and it has none. Sorted by id, so that every read of the same
 * deals stores the same row; above MAX_OPPORTUNITIES the latest are kept.
 */
export function applyOpportunities<T extends Partial<Account>>(account: T, opportunities: readonly Opportunity[]): T {
  let kept = [...opportunities];
  if (kept.length > MAX_OPPORTUNITIES)
    kept = kept
      .sort((a, b) => (b.closedAt ?? b.createdAt ?? 0) - (a.closedAt ?? a.createdAt ?? 0))
      .slice(0, MAX_OPPORTUNITIES);
  kept.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const summary = summariseOpportunities(kept);
  delete account.openOpportunity;
  delete account.outcome;
  delete account.closedAt;
  delete account.opportunities;
  if (kept.length) account.opportunities = kept;
  Object.assign(account, summary);
  return account;
}

/**
 * A deal's status from its stage's words, where the source gives no flag: "Closed Won" and
 * HubSpot's internal `closedwon` are won, "Closed Lost" and `closedlost` lost, anything else
 * open. Case, spaces, `-` and `_` do not count ("closed-won", "CLOSED_WON").
 */
export function statusFromStage(stage: string | undefined): OpportunityStatus {
  const folded = (stage ?? '').toLowerCase().replace(/[\s_-]+/g, '');
  if (folded === 'closedwon' || folded === 'won') return 'won';
  if (folded === 'closedlost' || folded === 'lost') return 'lost';
  return 'open';
}
