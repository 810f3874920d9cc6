/**
 * The demo accounts' deals, consistent with what the demo already says of each account: a won
 * or lost account has that deal, closed at its `closedAt` (and now and then an older closed deal
 * before it), an account with an open opportunity has that open deal, so that the fields that
 * follow from deals (lib/sync/opportunities.ts) are exactly the account's own. Drawn from a
 * stream of their own per account (the seed and the account's position), so that adding them
 * changes nothing else the demo draws: the calibration data stays as it was.
 */
import type { Account, Opportunity } from '../db/accounts';
import { createRng } from './random';

const DAY = 86_400_000;

/** Amounts (thousands of USD) by tier, as the open opportunities draw them. */
function amountRange(tier: Account['assignedTier']): [number, number] {
  return tier === 1 ? [100, 600] : tier === 2 ? [40, 200] : [10, 80];
}

/** Sets `account.opportunities` from its outcome and open opportunity; an account with neither has none. */
export function addDemoOpportunities(seed: number, index: number, account: Account, now: number): void {
  const rng = createRng((seed * 1_000_003 + index * 7919) >>> 0);
  const [lo, hi] = amountRange(account.assignedTier);
  const deals: Opportunity[] = [];
  const id = (n: number) => `demo-deal:${index + 1}-${n}`;
  if (account.outcome && account.closedAt !== undefined) {
    const won = account.outcome === 'won';
    deals.push({
      id: id(1),
      name: `${account.name} - New business`,
      amount: rng.int(lo, hi) * 1000,
      stage: won ? 'Closed Won' : 'Closed Lost',
      status: account.outcome,
      createdAt: account.closedAt - Math.floor(rng.float(30, 120) * DAY),
      closedAt: account.closedAt,
    });
    // An earlier deal, lost a year or more before: history, never the latest.
    if (rng.chance(0.2)) {
      const closedAt = account.closedAt - Math.floor(rng.float(365, 540) * DAY);
      deals.push({
        id: id(2),
        name: `${account.name} - Pilot`,
        amount: rng.int(lo, Math.max(lo, Math.floor(hi / 2))) * 1000,
        stage: 'Closed Lost',
        status: 'lost',
        createdAt: closedAt - Math.floor(rng.float(20, 90) * DAY),
        closedAt,
      });
    }
  }
  const open = account.openOpportunity;
  if (open) {
    const deal: Opportunity = {
      id: id(3),
      name: open.name,
      status: 'open',
      createdAt: now - Math.floor(rng.float(5, 90) * DAY),
      closedAt: now + Math.floor(rng.float(10, 120) * DAY),
    };
    if (open.amount !== undefined) deal.amount = open.amount;
    if (open.stage !== undefined) deal.stage = open.stage;
    deals.push(deal);
  }
  if (deals.length) account.opportunities = deals.sort((a, b) => (a.id < b.id ? -1 : 1));
}
