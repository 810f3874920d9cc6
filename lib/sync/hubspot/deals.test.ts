import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../db/accounts';
import { applyOpportunities, statusFromStage, summariseOpportunities } from '../opportunities';
import { accountRecordSchema } from '../records';
import { companyToAccount } from './companies';
import { type DealStages, dealHome, dealToOpportunity, stageStatus } from './deals';
import type { CrmObject } from './wire';

const NOW = Date.UTC(2026, 2, 2);
const STAGES: DealStages = {
  contractsent: { label: 'Contract Sent', status: 'open' },
  closedwon: { label: 'Closed Won', status: 'won' },
  closedlost: { label: 'Closed Lost', status: 'lost' },
};
const deal = (id: string, properties: Record<string, string | null>): CrmObject => ({ id, properties });

describe('stageStatus: what a pipeline stage means for its deals', () => {
  it.each([
    [{ isClosed: 'false', probability: '0.9' }, 'open'],
    [{ isClosed: 'true', probability: '1.0' }, 'won'],
    [{ isClosed: 'true', probability: '0.0' }, 'lost'],
    [{ isClosed: 'true', probability: '0.5' }, 'lost'],
    [{ probability: '1.0' }, 'open'],
    [undefined, 'open'],
  ] as const)('%j → %s', (metadata, status) => {
    expect(stageStatus(metadata)).toBe(status);
  });
});

describe('statusFromStage: stage words where no flag says', () => {
  it.each([
    ['Closed Won', 'won'],
    ['closedwon', 'won'],
    ['CLOSED_WON', 'won'],
    ['Closed Lost', 'lost'],
    ['closedlost', 'lost'],
    ['Negotiation/Review', 'open'],
    [undefined, 'open'],
  ] as const)('%s → %s', (stage, status) => {
    expect(statusFromStage(stage)).toBe(status);
  });
});

describe('dealHome: the one company a deal counts at', () => {
  it.each([
    ['no company', [], undefined],
    ['its only company', [{ id: '7', primary: false }], '7'],
    [
      'its primary company, whatever the order',
      [
        { id: '3', primary: false },
        { id: '9', primary: true },
      ],
      '9',
    ],
    [
      'without a primary, the first by id as a number',
      [
        { id: '900', primary: false },
        { id: '1000', primary: false },
        { id: '95', primary: false },
      ],
      '95',
    ],
    [
      'ids past 2^53 compared exactly',
      [
        { id: '9007199254740993', primary: false },
        { id: '9007199254740992', primary: false },
      ],
      '9007199254740992',
    ],
  ])('%s', (_, companies, home) => {
    expect(dealHome(companies)).toBe(home);
  });
});

describe('dealToOpportunity', () => {
  it('labels the stage from the pipeline, parses the amount string and the dates', () => {
    const o = dealToOpportunity(
      deal('12345678903', {
        dealname: 'Annual Contract - ACME Corp',
        amount: '75000',
        dealstage: 'contractsent',
        pipeline: 'default',
        closedate: '2025-12-31T00:00:00.000Z',
        createdate: '2025-08-01T10:00:00.000Z',
      }),
      STAGES,
    );
    expect(o).toEqual({
      id: 'hubspot-deal:12345678903',
      name: 'Annual Contract - ACME Corp',
      amount: 75_000,
      stage: 'Contract Sent',
      status: 'open',
      createdAt: Date.UTC(2025, 7, 1, 10),
      closedAt: Date.UTC(2025, 11, 31),
    });
  });

  it('falls back to hs_is_closed_won / hs_is_closed, then to the stage id, for a stage the pipelines did not name', () => {
    expect(
      dealToOpportunity(deal('1', { dealstage: '999', hs_is_closed_won: 'true', hs_is_closed: 'true' }), {}).status,
    ).toBe('won');
    expect(
      dealToOpportunity(deal('2', { dealstage: '999', hs_is_closed_won: 'false', hs_is_closed: 'true' }), {}).status,
    ).toBe('lost');
    expect(dealToOpportunity(deal('3', { dealstage: '999', hs_is_closed: 'false' }), {}).status).toBe('open');
    expect(dealToOpportunity(deal('4', { dealstage: 'closedlost' }), {})).toMatchObject({
      status: 'lost',
      stage: 'closedlost',
    });
  });

  it('names a deal without a name by its id, and leaves out an empty or null amount', () => {
    const o = dealToOpportunity(deal('7', { amount: null, dealname: '' }), STAGES);
    expect(o).toEqual({ id: 'hubspot-deal:7', name: 'HubSpot deal 7', status: 'open' });
  });
});

describe('an account with its deals', () => {
  const opp = (o: Partial<Opportunity> & Pick<Opportunity, 'id' | 'status'>): Opportunity => ({ name: o.id, ...o });
  const deals = [
    opp({ id: 'hubspot-deal:1', status: 'open', amount: 20_000, stage: 'Contract Sent' }),
    opp({ id: 'hubspot-deal:2', status: 'open', amount: 90_000, stage: 'Qualified to Buy' }),
    opp({ id: 'hubspot-deal:3', status: 'won', amount: 50_000, closedAt: Date.UTC(2025, 5, 1) }),
    opp({ id: 'hubspot-deal:4', status: 'lost', amount: 10_000, closedAt: Date.UTC(2025, 9, 1) }),
  ];

  it('has the largest open deal as its open opportunity, and the latest closed deal as its outcome', () => {
    expect(summariseOpportunities(deals)).toEqual({
      openOpportunity: { name: 'hubspot-deal:2', amount: 90_000, stage: 'Qualified to Buy' },
      outcome: 'lost',
      closedAt: Date.UTC(2025, 9, 1),
    });
  });

  it('from HubSpot: a valid account record, its deals sorted by id, no outcome without a closed deal', () => {
    const company: CrmObject = { id: '42', properties: { name: 'Acme', hs_lastmodifieddate: '2026-01-01T00:00:00Z' } };
    const account = companyToAccount(company, NOW, undefined, undefined, [...deals].reverse());
    expect(account.opportunities?.map((o) => o.id)).toEqual(deals.map((o) => o.id));
    expect(account).toMatchObject({ outcome: 'lost', openOpportunity: { amount: 90_000 } });
    expect(accountRecordSchema.safeParse(account).success).toBe(true);
    const openOnly = companyToAccount(company, NOW, undefined, undefined, deals.slice(0, 2));
    expect(openOnly.outcome).toBeUndefined();
    expect(openOnly.closedAt).toBeUndefined();
    const none = companyToAccount(company, NOW, undefined, undefined, []);
    expect(none).not.toHaveProperty('opportunities');
    expect(none).not.toHaveProperty('openOpportunity');
  });

  it('replaces what an earlier read of the deals said', () => {
    const account = applyOpportunities({ outcome: 'won' as const, closedAt: 5 }, deals.slice(0, 1));
    expect(account).toEqual({
      opportunities: deals.slice(0, 1),
      openOpportunity: { name: 'hubspot-deal:1', amount: 20_000, stage: 'Contract Sent' },
    });
  });
});
