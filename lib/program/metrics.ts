import type { Trend } from '../scoring/engagement';
import type { Settings, Tier } from '../settings/types';
import type { ScoreRow } from './score-row';

const DAY = 86_400_000;

/** The closed deals the outcomes count: those whose close date falls in `[from, to]` (epoch ms). */
export interface MetricsPeriod {
  from: number;
  to: number;
  /** How many months back from `to` it reaches, as the screen says it ("the last 12 months"). */
  months: number;
}

/** Outcomes are read over the last 12 months unless the user picks another period. */
export const DEFAULT_PERIOD_MONTHS = 12;

/** The last `months` calendar months up to `now`: from the same day and time `months` months before. */
export function lastMonths(now: number, months = DEFAULT_PERIOD_MONTHS): MetricsPeriod {
  const from = new Date(now);
  from.setMonth(from.getMonth() - months);
  return { from: from.getTime(), to: now, months };
}

export const TRENDS: readonly Trend[] = ['surging', 'steady', 'cooling', 'quiet'];

/** The figures of one group of accounts (a tier, an owner, or all of them). */
export interface GroupMetrics {
  /** `all`, `tier:1`…`tier:5`, `tier:untiered`, `owner:<name>`, `owner:` (no owner). */
  key: string;
  label: string;
  accounts: number;
  /**
   * Buyer roles mapped: over the accounts whose assigned tier requires roles, the roles required
   * (`required`, the sum of each account's `requiredRoles`) and those somebody holds (`held`:
   * required less missing). `share` = held / required, undefined when no role is required.
   * `fullyCovered`: accounts that require roles and miss none; `needRoles`: accounts that require any.
   */
  coverage: { required: number; held: number; share?: number; needRoles: number; fullyCovered: number };
  /** Contacts engaged: distinct contacts with a touchpoint over all contacts; `share` undefined without contacts. */
  contacts: { total: number; engaged: number; share?: number };
  /** Accounts per engagement level (index 0 is level 1) and per trend; touchpoints per week, summed (13 weeks, oldest first). */
  engagement: { levels: [number, number, number, number, number]; trends: Record<Trend, number>; weekly: number[] };
  /** Open opportunities now (whatever their expected close date): how many, and the sum of those with an amount. */
  pipeline: { open: number; amount: number; withoutAmount: number; accounts: number };
  /**
   * Deals closed in the period (close date within it; a closed deal without a close date is
   * counted in `undated` only). `winRate` = won / (won + lost), undefined when none closed.
   * `averageDeal` = mean amount of the won deals that have one (`wonWithAmount`), undefined without.
   * `velocityDays` = median, over the won deals, of the days from the cycle's start to the close
   * date (the mean of the two middle values for an even count); `velocityDeals` how many it is of.
   * The cycle starts at the earlier of the account's first touch (`firstTouchAt`) and the deal's
   * creation (`createdAt`), each counted only when not after the close: a deal opened before the
   * first recorded touchpoint was already under way then, and touchpoints after the win are not its
   * cycle. The account's first touch starts only its first cycle: a deal that follows another deal
   * of the account closed before it (a renewal, an upsell) starts at its own creation, and without
   * one is left out. A won deal with no start is left out of the median.
   */
  outcomes: {
    won: number;
    lost: number;
    winRate?: number;
    wonAmount: number;
    wonWithAmount: number;
    averageDeal?: number;
    velocityDays?: number;
    velocityDeals: number;
    undated: number;
  };
  /**
   * Account reviews kept: over the accounts with an assigned tier the settings define, each
   * against its own tier's `reviewEveryDays`: `onTime` reviewed at most that many days before
   * `now`, `overdue` reviewed longer ago, `never` without a review date. `oldest`/`latest`: the
   * earliest and latest last-review dates among them.
   */
  reviews: { tiered: number; onTime: number; overdue: number; never: number; oldest?: number; latest?: number };
}

/** One account in a tier's review list: when it was last reviewed (undefined: never). */
export interface ReviewEntry {
  id: string;
  name: string;
  lastReviewedAt?: number;
  overdue: boolean;
}

/** A tier's review cadence: its interval and the accounts longest without a review, never-reviewed first. */
export interface TierReviews {
  tier: Tier;
  label: string;
  everyDays: number;
  stalest: ReviewEntry[];
}

export interface Metrics {
  period: MetricsPeriod;
  all: GroupMetrics;
  /** Each tier the settings define (in order), any other tier the rows hold, then untiered. */
  byTier: GroupMetrics[];
  /** Each owner by name, then the accounts without an owner (when there are any). */
  byOwner: GroupMetrics[];
  reviews: TierReviews[];
}

/** How many accounts each tier's review list names. */
export const STALEST_SHOWN = 10;

/** The median of `values` (sorted in place): the middle one, or the mean of the two middle ones. */
export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}

/** The days from the cycle's start to the won deal's close (see `GroupMetrics.outcomes`), or undefined. */
export function cycleDays(firstTouchAt: number | undefined, createdAt: number | undefined, closedAt: number) {
  const starts = [firstTouchAt, createdAt].filter((t): t is number => t !== undefined && t <= closedAt);
  return starts.length ? (closedAt - Math.min(...starts)) / DAY : undefined;
}

/** A group being summed: the figures, and the cycle lengths its median is taken from. */
interface Acc {
  m: GroupMetrics;
  cycles: number[];
}

const emptyGroup = (key: string, label: string): Acc => ({
  m: {
    key,
    label,
    accounts: 0,
    coverage: { required: 0, held: 0, needRoles: 0, fullyCovered: 0 },
    contacts: { total: 0, engaged: 0 },
    engagement: { levels: [0, 0, 0, 0, 0], trends: { surging: 0, steady: 0, cooling: 0, quiet: 0 }, weekly: [] },
    pipeline: { open: 0, amount: 0, withoutAmount: 0, accounts: 0 },
    outcomes: { won: 0, lost: 0, wonAmount: 0, wonWithAmount: 0, velocityDeals: 0, undated: 0 },
    reviews: { tiered: 0, onTime: 0, overdue: 0, never: 0 },
  },
  cycles: [],
});

function add(acc: Acc, row: ScoreRow, everyDays: number | undefined, period: MetricsPeriod, now: number): void {
  const { m } = acc;
  m.accounts++;
  if (row.requiredRoles > 0) {
    const held = Math.max(0, row.requiredRoles - row.missingRoles.length);
    m.coverage.needRoles++;
    m.coverage.required += row.requiredRoles;
    m.coverage.held += held;
    if (held === row.requiredRoles) m.coverage.fullyCovered++;
  }
  m.contacts.total += row.contactCount;
  m.contacts.engaged += Math.min(row.engagedContacts, row.contactCount);
  const level = row.level - 1;
  m.engagement.levels[level] = (m.engagement.levels[level] ?? 0) + 1;
  m.engagement.trends[row.trend]++;
  row.weekly.forEach((n, i) => {
    m.engagement.weekly[i] = (m.engagement.weekly[i] ?? 0) + n;
  });

  let open = false;
  for (const o of row.opportunities ?? []) {
    if (o.status === 'open') {
      open = true;
      m.pipeline.open++;
      if (o.amount === undefined) m.pipeline.withoutAmount++;
      else m.pipeline.amount += o.amount;
      continue;
    }
    if (o.closedAt === undefined) {
      m.outcomes.undated++;
      continue;
    }
    if (o.closedAt < period.from || o.closedAt > period.to) continue;
    if (o.status === 'lost') {
      m.outcomes.lost++;
      continue;
    }
    m.outcomes.won++;
    if (o.amount !== undefined) {
      m.outcomes.wonWithAmount++;
      m.outcomes.wonAmount += o.amount;
    }
    // A deal after one the account already closed: the first touch ever is the earlier cycle's.
    const startBy = o.createdAt ?? o.closedAt;
    const repeat = (row.opportunities ?? []).some(
      (p) => p !== o && p.status !== 'open' && p.closedAt !== undefined && p.closedAt < startBy,
    );
    const days = cycleDays(repeat ? undefined : row.firstTouchAt, o.createdAt, o.closedAt);
    if (days !== undefined) acc.cycles.push(days);
  }
  if (open) m.pipeline.accounts++;

  if (everyDays !== undefined) {
    const r = m.reviews;
    const at = row.lastReviewedAt;
    r.tiered++;
    if (at === undefined) r.never++;
    else {
      if (now - at <= everyDays * DAY) r.onTime++;
      else r.overdue++;
      if (r.oldest === undefined || at < r.oldest) r.oldest = at;
      if (r.latest === undefined || at > r.latest) r.latest = at;
    }
  }
}

function finish({ m, cycles }: Acc): GroupMetrics {
  const { coverage, contacts, outcomes } = m;
  if (coverage.required > 0) coverage.share = coverage.held / coverage.required;
  if (contacts.total > 0) contacts.share = contacts.engaged / contacts.total;
  const closed = outcomes.won + outcomes.lost;
  if (closed > 0) outcomes.winRate = outcomes.won / closed;
  if (outcomes.wonWithAmount > 0) outcomes.averageDeal = outcomes.wonAmount / outcomes.wonWithAmount;
  outcomes.velocityDeals = cycles.length;
  const velocity = median(cycles);
  if (velocity !== undefined) outcomes.velocityDays = velocity;
  return m;
}

/** "Tier 1 Strategic", or "Tier 4" for a tier the settings no longer define. */
export const tierLabel = (tier: Tier, settings: Pick<Settings, 'tiers'>): string => {
  const name = settings.tiers.find((t) => t.tier === tier)?.name;
  return name ? `Tier ${tier} ${name}` : `Tier ${tier}`;
};

/**
 * The program's ABM metrics from the score rows: for all accounts, each tier (the assigned one)
 * and each owner, coverage, engagement, open pipeline, the outcomes of the deals closed in
 * `period` (by default the last 12 months up to `now`) and the account reviews kept against
 * each tier's cadence. Definitions: `GroupMetrics`.
 */
export function computeMetrics(
  rows: readonly ScoreRow[],
  settings: Pick<Settings, 'tiers'>,
  now: number,
  period: MetricsPeriod = lastMonths(now),
): Metrics {
  const every = new Map(settings.tiers.map((t) => [t.tier as Tier, t.reviewEveryDays]));
  const all = emptyGroup('all', 'All accounts');
  const tiers = new Map<Tier | 'untiered', Acc>();
  for (const t of [...settings.tiers].sort((a, b) => a.tier - b.tier)) {
    tiers.set(t.tier, emptyGroup(`tier:${t.tier}`, tierLabel(t.tier, settings)));
  }
  const owners = new Map<string, Acc>();
  const stale = new Map<Tier, ReviewEntry[]>();

  for (const row of rows) {
    const tier = row.assignedTier;
    const everyDays = tier === undefined ? undefined : every.get(tier);
    const tierKey = tier ?? 'untiered';
    let tierAcc = tiers.get(tierKey);
    if (!tierAcc) {
      tierAcc = emptyGroup(`tier:${tierKey}`, tier === undefined ? 'Untiered' : tierLabel(tier, settings));
      tiers.set(tierKey, tierAcc);
    }
    const owner = row.owner ?? '';
    let ownerAcc = owners.get(owner);
    if (!ownerAcc) {
      ownerAcc = emptyGroup(`owner:${owner}`, owner || 'No owner');
      owners.set(owner, ownerAcc);
    }
    for (const acc of [all, tierAcc, ownerAcc]) add(acc, row, everyDays, period, now);
    if (tier !== undefined && everyDays !== undefined) {
      const overdue = row.lastReviewedAt === undefined || now - row.lastReviewedAt > everyDays * DAY;
      const list = stale.get(tier) ?? [];
      list.push({ id: row.id, name: row.name, lastReviewedAt: row.lastReviewedAt, overdue });
      stale.set(tier, list);
    }
  }

  const untiered = tiers.get('untiered') ?? emptyGroup('tier:untiered', 'Untiered');
  tiers.delete('untiered');
  const byTier = [...tiers.entries()]
    .sort(([a], [b]) => (a as number) - (b as number))
    .map(([, acc]) => finish(acc))
    .concat(finish(untiered));
  const byOwner = [...owners.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([, acc]) => finish(acc));
  const reviews = [...settings.tiers]
    .sort((a, b) => a.tier - b.tier)
    .map((t) => ({
      tier: t.tier,
      label: tierLabel(t.tier, settings),
      everyDays: t.reviewEveryDays,
      stalest: (stale.get(t.tier) ?? [])
        .sort((a, b) => (a.lastReviewedAt ?? -Infinity) - (b.lastReviewedAt ?? -Infinity))
        .slice(0, STALEST_SHOWN),
    }));
  return { period, all: finish(all), byTier, byOwner, reviews };
}
