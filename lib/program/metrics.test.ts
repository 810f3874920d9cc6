import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { computeMetrics, cycleDays, lastMonths, median } from './metrics';
import type { ScoreRow } from './score-row';
import { scoreRow } from './test-rows';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 2, 12);
const ago = (days: number) => NOW - days * DAY;
type Deal = NonNullable<ScoreRow['opportunities']>[number];

let n = 0;
/** A Tier 2 account at level 3, steady, with no roles required, no contacts and no deals, unless told. */
const row = (over: Partial<ScoreRow>): ScoreRow =>
  scoreRow({
    id: `file:${++n}`,
    name: `Account ${n}`,
    recommendedTier: undefined,
    weekly: [],
    contactCount: 0,
    ...over,
  });
const metricsOf = (rows: ScoreRow[]) => computeMetrics(rows, DEFAULT_SETTINGS, NOW);
const won = (amount: number | undefined, closedDaysAgo: number, createdDaysAgo?: number): Deal => ({
  status: 'won',
  ...(amount === undefined ? {} : { amount }),
  closedAt: ago(closedDaysAgo),
  ...(createdDaysAgo === undefined ? {} : { createdAt: ago(createdDaysAgo) }),
});
const lost = (closedDaysAgo: number): Deal => ({ status: 'lost', amount: 9_999, closedAt: ago(closedDaysAgo) });

describe('coverage: required roles held over required roles, and contacts engaged', () => {
  it.each([
    {
      case: 'every account holds its roles',
      accounts: [
        { required: 4, missing: 0 },
        { required: 2, missing: 0 },
      ],
      held: 6,
      required: 6,
      share: 1,
      fully: 2,
    },
    {
      case: 'one of four missing on one account, both missing on the other',
      accounts: [
        { required: 4, missing: 1 },
        { required: 2, missing: 2 },
      ],
      held: 3,
      required: 6,
      share: 0.5,
      fully: 0,
    },
    {
      case: 'an untiered account requires nothing and is not counted',
      accounts: [
        { required: 2, missing: 1 },
        { required: 0, missing: 0 },
      ],
      held: 1,
      required: 2,
      share: 0.5,
      fully: 0,
    },
    { case: 'no account requires roles', accounts: [{ required: 0, missing: 0 }], held: 0, required: 0, fully: 0 },
  ])('$case: $held of $required held', ({ accounts, held, required, share, fully }) => {
    const rows = accounts.map((a) =>
      row({ requiredRoles: a.required, missingRoles: Array(a.missing).fill('CHAMPION') as ScoreRow['missingRoles'] }),
    );
    const { coverage } = metricsOf(rows).all;
    expect(coverage).toMatchObject({ held, required, fullyCovered: fully });
    expect(coverage.share).toBe(share);
  });

  it.each([
    { contacts: [5, 3], engaged: [2, 1], share: 3 / 8 },
    { contacts: [0, 0], engaged: [0, 0], share: undefined },
  ])('contacts $engaged engaged of $contacts: $share', ({ contacts, engaged, share }) => {
    const rows = contacts.map((c, i) => row({ contactCount: c, engagedContacts: engaged[i] as number }));
    expect(metricsOf(rows).all.contacts.share).toBe(share);
  });
});

describe('win rate: won / (won + lost) over the deals closed in the period', () => {
  it.each([
    { case: '3 won, 1 lost', deals: [won(1, 10), won(1, 20), won(1, 30), lost(40)], winRate: 0.75 },
    { case: 'only lost', deals: [lost(10), lost(20)], winRate: 0 },
    {
      case: 'none closed (open only): undefined, never 0%',
      deals: [{ status: 'open', amount: 5 } as Deal],
      winRate: undefined,
    },
    { case: 'no deals at all', deals: [], winRate: undefined },
    { case: 'closed before the last 12 months: not counted', deals: [won(1, 400), lost(10)], winRate: 0 },
    {
      case: 'a won deal without a close date is undated, not counted',
      deals: [{ status: 'won' } as Deal, lost(5)],
      winRate: 0,
    },
  ])('$case → $winRate', ({ deals, winRate }) => {
    const { outcomes } = metricsOf([row({ opportunities: deals })]).all;
    expect(outcomes.winRate).toBe(winRate);
  });

  it('counts per tier: Tier 1 wins, Tier 2 has nothing closed', () => {
    const m = metricsOf([
      row({ assignedTier: 1, opportunities: [won(100, 5), lost(6)] }),
      row({ assignedTier: 2, opportunities: [{ status: 'open', amount: 50 }] }),
    ]);
    expect(m.byTier.map((g) => [g.label, g.outcomes.winRate])).toEqual([
      ['Tier 1 Strategic', 0.5],
      ['Tier 2 ABM Lite', undefined],
      ['Tier 3 Programmatic', undefined],
      ['Untiered', undefined],
    ]);
  });
});

describe('average deal size: mean amount of the won deals with an amount', () => {
  it.each([
    { deals: [won(100_000, 5), won(50_000, 6)], average: 75_000 },
    { deals: [won(100_000, 5), won(undefined, 6)], average: 100_000 },
    { deals: [won(undefined, 5), lost(6)], average: undefined },
    { deals: [won(30_000, 5), lost(6)], average: 30_000 },
  ])('$deals.length deals → $average', ({ deals, average }) => {
    expect(metricsOf([row({ opportunities: deals })]).all.outcomes.averageDeal).toBe(average);
  });
});

describe('open pipeline: open deals and the sum of their amounts', () => {
  it('sums the open amounts, counts the ones without, ignores closed deals', () => {
    const m = metricsOf([
      row({ opportunities: [{ status: 'open', amount: 40_000 }, { status: 'open' }, won(10, 5)] }),
      row({ opportunities: [{ status: 'open', amount: 60_000 }] }),
      row({}),
    ]);
    expect(m.all.pipeline).toEqual({ open: 3, amount: 100_000, withoutAmount: 1, accounts: 2 });
  });
});

describe('velocity: median days from the first touch (or the deal created earlier) to the win', () => {
  it.each([
    { case: 'first touch 90 days before the win', firstTouch: 100, created: undefined, closed: 10, days: 90 },
    { case: 'deal created before the first touch', firstTouch: 50, created: 80, closed: 10, days: 70 },
    { case: 'deal created after the first touch', firstTouch: 80, created: 50, closed: 10, days: 70 },
    { case: 'no touch: from the deal created', firstTouch: undefined, created: 40, closed: 10, days: 30 },
    { case: 'first touch after the win only: from the deal', firstTouch: 5, created: 40, closed: 10, days: 30 },
    { case: 'neither start: not measured', firstTouch: undefined, created: undefined, closed: 10, days: undefined },
  ])('$case → $days', ({ firstTouch, created, closed, days }) => {
    const ms = (d: number | undefined) => (d === undefined ? undefined : ago(d));
    expect(cycleDays(ms(firstTouch), ms(created), ago(closed))).toBe(days);
  });

  it.each([
    { values: [30], median: 30 },
    { values: [90, 30, 60], median: 60 },
    { values: [10, 40, 20, 100], median: 30 },
    { values: [], median: undefined },
  ])('median of $values is $median', ({ values, median: expected }) => {
    expect(median([...values])).toBe(expected);
  });

  it('takes the median over the won deals of a group (an even count: the mean of the middle two)', () => {
    const m = metricsOf([
      row({ firstTouchAt: ago(110), opportunities: [won(1, 10)] }), // 100 days
      row({ firstTouchAt: ago(40), opportunities: [won(1, 20)] }), // 20 days
      row({ firstTouchAt: ago(70), opportunities: [won(1, 10), lost(5)] }), // 60 days; the lost deal has no cycle
      row({ firstTouchAt: ago(60), opportunities: [won(1, 20, 90)] }), // created earlier: 70 days
      row({ opportunities: [won(1, 5)] }), // no start: left out
    ]);
    expect(m.all.outcomes).toMatchObject({ won: 5, lost: 1, velocityDays: 65, velocityDeals: 4 });
  });
});

describe("velocity of an account's later deals (a renewal, an upsell)", () => {
  it.each([
    {
      case: 'a renewal created 60 days before its win, after a first deal won 400 days ago',
      // The first win is out of the period measured; the renewal is in it.
      deals: [won(1, 400, 500), won(1, 10, 70)],
      days: [60],
    },
    {
      case: 'a deal after a lost one: from its own creation',
      deals: [lost(300), won(1, 10, 40)],
      days: [30],
    },
    {
      case: 'a later deal with no creation date: left out',
      deals: [won(1, 400, 500), won(1, 10)],
      days: [],
    },
    {
      case: 'two deals under way together: both from the first touch',
      deals: [won(1, 20, 200), won(1, 10, 150)],
      days: [580, 570],
    },
  ])('$case', ({ deals, days }) => {
    // The account's first touch, 590 days ago, began its first cycle only.
    const m = metricsOf([row({ firstTouchAt: ago(590), opportunities: deals })]);
    expect(m.all.outcomes.velocityDeals).toBe(days.length);
    expect(m.all.outcomes.velocityDays).toBe(median([...days]));
  });
});

describe('engagement: accounts per level and per trend', () => {
  it('counts each level 1–5 and each trend', () => {
    const m = metricsOf([
      row({ level: 5, trend: 'surging', weekly: [1, 2] }),
      row({ level: 5, trend: 'steady', weekly: [0, 3] }),
      row({ level: 2, trend: 'quiet', weekly: [] }),
    ]);
    expect(m.all.engagement.levels).toEqual([0, 1, 0, 0, 2]);
    expect(m.all.engagement.trends).toEqual({ surging: 1, steady: 1, cooling: 0, quiet: 1 });
    expect(m.all.engagement.weekly).toEqual([1, 5]);
  });
});

describe('account reviews kept: within the tier’s interval (T1 30 days, T2/T3 91) of now', () => {
  it.each([
    { tier: 1 as const, reviewed: 29, kept: 'onTime' },
    { tier: 1 as const, reviewed: 30, kept: 'onTime' },
    { tier: 1 as const, reviewed: 31, kept: 'overdue' },
    { tier: 2 as const, reviewed: 60, kept: 'onTime' },
    { tier: 3 as const, reviewed: 92, kept: 'overdue' },
    { tier: 2 as const, reviewed: undefined, kept: 'never' },
  ])('Tier $tier reviewed $reviewed days ago: $kept', ({ tier, reviewed, kept }) => {
    const m = metricsOf([
      row({ assignedTier: tier, lastReviewedAt: reviewed === undefined ? undefined : ago(reviewed) }),
    ]);
    const group = m.byTier.find((g) => g.key === `tier:${tier}`);
    expect(group?.reviews).toMatchObject({ tiered: 1, [kept]: 1 });
  });

  it('gives each tier its oldest and latest review and its accounts longest without one, never first', () => {
    const m = metricsOf([
      row({ name: 'Recent', assignedTier: 1, owner: 'Ann', lastReviewedAt: ago(3) }),
      row({ name: 'Old', assignedTier: 1, owner: 'Bob', lastReviewedAt: ago(45) }),
      row({ name: 'Never', assignedTier: 1, owner: 'Ann' }),
      row({ name: 'Untiered', assignedTier: undefined, lastReviewedAt: ago(400) }),
    ]);
    const t1 = m.byTier[0];
    expect(t1?.reviews).toEqual({ tiered: 3, onTime: 1, overdue: 1, never: 1, oldest: ago(45), latest: ago(3) });
    expect(m.reviews[0]?.stalest.map((e) => [e.name, e.overdue])).toEqual([
      ['Never', true],
      ['Old', true],
      ['Recent', false],
    ]);
    // Untiered accounts have no cadence; by owner, each account is held to its own tier's.
    expect(m.all.reviews.tiered).toBe(3);
    expect(m.byOwner.map((g) => [g.label, g.reviews.onTime, g.reviews.never])).toEqual([
      ['Ann', 1, 1],
      ['Bob', 0, 0],
      ['No owner', 0, 0],
    ]);
  });
});

describe('the period and the groups', () => {
  it('reads outcomes over the last 12 months by default', () => {
    expect(lastMonths(Date.UTC(2026, 2, 2, 12))).toMatchObject({ months: 12, to: Date.UTC(2026, 2, 2, 12) });
    expect(new Date(lastMonths(NOW).from).getFullYear()).toBe(2025);
  });

  it('groups by owner by name, the accounts without an owner last', () => {
    const m = metricsOf([row({ owner: 'Zoë' }), row({}), row({ owner: 'Ann' }), row({ owner: 'Zoë' })]);
    expect(m.byOwner.map((g) => [g.label, g.accounts])).toEqual([
      ['Ann', 1],
      ['Zoë', 2],
      ['No owner', 1],
    ]);
    expect(m.all.accounts).toBe(4);
  });

  it('keeps a tier the settings no longer define as its own group', () => {
    const m = metricsOf([row({ assignedTier: 4 })]);
    expect(m.byTier.map((g) => g.label)).toEqual([
      'Tier 1 Strategic',
      'Tier 2 ABM Lite',
      'Tier 3 Programmatic',
      'Tier 4',
      'Untiered',
    ]);
  });
});
