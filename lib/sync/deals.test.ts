import { describe, expect, it } from 'vitest';
import { mergeDeals } from './deals';
import { buildAccount, type DealRecord } from './records';

const account = buildAccount('file', '1', { name: 'Acme' }, 0);
const deal = (id: string, over: Partial<DealRecord>): DealRecord => ({
  id: `file-deal:${id}`,
  accountId: 'file:1',
  name: `Deal ${id}`,
  status: 'open',
  ...over,
});

describe('deals merged into their account', () => {
  it('sets the largest open deal and the latest closed deal’s outcome, as HubSpot sync does', () => {
    const merged = mergeDeals(account, [
      deal('1', { amount: 100, stage: 'Qualified' }),
      deal('2', { amount: 900, stage: 'Contract Sent' }),
      deal('3', { status: 'won', closedAt: 10 }),
      deal('4', { status: 'lost', closedAt: 20 }),
    ]);
    expect(merged.openOpportunity).toEqual({ name: 'Deal 2', amount: 900, stage: 'Contract Sent' });
    expect(merged).toMatchObject({ outcome: 'lost', closedAt: 20 });
    expect(merged.opportunities?.map((o) => o.id)).toEqual([
      'file-deal:1',
      'file-deal:2',
      'file-deal:3',
      'file-deal:4',
    ]);
    expect(merged.opportunities?.[0]).not.toHaveProperty('accountId');
    expect(account.opportunities).toBeUndefined();
  });

  it('replaces a deal it had by id, keeping the others', () => {
    const first = mergeDeals(account, [deal('1', { amount: 100 }), deal('2', { amount: 50 })]);
    const again = mergeDeals(first, [deal('1', { status: 'won', closedAt: 5 })]);
    expect(again.opportunities).toHaveLength(2);
    expect(again).toMatchObject({ outcome: 'won', closedAt: 5, openOpportunity: { name: 'Deal 2', amount: 50 } });
  });
});
