import type { BuyingRole, Contact } from '../db/contacts';
import type { FunnelStage, Touchpoint, TouchpointType } from '../db/touchpoints';
import type { Settings } from '../settings/types';
import type { Reason } from './reason';

export type Trend = 'surging' | 'steady' | 'cooling' | 'quiet';

/** How engaged an account is, and why. */
export interface EngagementResult {
  /** 0–100. */
  score: number;
  /** 1–5: 5 = contact now, 2 = needs nurturing. */
  level: 1 | 2 | 3 | 4 | 5;
  trend: Trend;
  /** Touchpoints in the last 7 days, and the weekly mean of the 21 days before. */
  lastWeek: number;
  weeklyMean: number;
  /** Distinct contacts with a touchpoint. */
  engagedContacts: number;
  /** Touchpoint counts per week, oldest first, the last 13 weeks. */
  weekly: number[];
  /** Epoch ms of the latest touchpoint. */
  lastTouchAt?: number;
  drivers: Reason[];
}

const DAY = 86_400_000;

export const TYPE_WEIGHTS: Record<TouchpointType, number> = {
  web_visit: 1,
  pricing_page_visit: 4,
  demo_page_visit: 4,
  email_open: 0.5,
  email_click: 2,
  ad_click: 1.5,
  content_download: 3,
  form_fill: 5,
  event_registered: 3,
  event_attended: 5,
  meeting: 8,
  demo_request: 10,
  sales_call: 6,
  reply: 6,
};

export const STAGE_MULTIPLIERS: Record<FunnelStage, number> = { TOFU: 1, MOFU: 1.5, BOFU: 2.5 };

/** Senior buyers count more; an anonymous touch (no known contact) counts least. */
const ROLE_MULTIPLIERS: Partial<Record<BuyingRole, number>> = {
  DECISION_MAKER: 2,
  EXECUTIVE_SPONSOR: 2,
  BUDGET_HOLDER: 1.8,
  CHAMPION: 1.6,
  INFLUENCER: 1.2,
  LEGAL_AND_COMPLIANCE: 1,
  END_USER: 1,
  OTHER: 1,
  BLOCKER: 0.8,
};
const KNOWN_CONTACT = 1;
const ANONYMOUS = 0.6;

/** Points per distinct engaged contact: many people engaging is a buying signal of its own. */
const BREADTH_POINTS = 4;
/** Raw points at which the score reaches 63 (1 − 1/e): sets how fast the squash saturates. */
const SATURATION = 60;

function roleMultiplier(contact: Contact | undefined): number {
  if (!contact) return ANONYMOUS;
  if (contact.buyingRoles.length === 0) return KNOWN_CONTACT;
  // A contact with several roles counts at their most senior one.
  return Math.max(...contact.buyingRoles.map((r) => ROLE_MULTIPLIERS[r] ?? KNOWN_CONTACT));
}

/** Level 1–5 from a 0–100 score. */
export function levelOf(score: number): EngagementResult['level'] {
  if (score >= 80) return 5;
  if (score >= 60) return 4;
  if (score >= 40) return 3;
  if (score >= 20) return 2;
  return 1;
}

/**
 * The engagement score: each touchpoint counts weight(type) × stage × role × 0.5^(age / half-life),
 * plus a breadth term for distinct engaged contacts, squashed to 0–100.
 */
export function scoreEngagement(
  touchpoints: readonly Touchpoint[],
  contacts: readonly Contact[],
  settings: Settings['engagement'],
  now: number,
): EngagementResult {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const byType = new Map<TouchpointType, number>();
  const engaged = new Set<string>();
  const weekly = new Array<number>(13).fill(0);
  let raw = 0;
  let lastWeek = 0;
  let before = 0;
  let lastTouchAt: number | undefined;
  for (const t of touchpoints) {
    const ageDays = Math.max(0, (now - t.at) / DAY);
    const points =
      TYPE_WEIGHTS[t.type] *
      STAGE_MULTIPLIERS[t.stage] *
      roleMultiplier(t.contactId ? byId.get(t.contactId) : undefined) *
      0.5 ** (ageDays / settings.halfLifeDays);
    raw += points;
    byType.set(t.type, (byType.get(t.type) ?? 0) + points);
    if (t.contactId) engaged.add(t.contactId);
    if (ageDays < 7) lastWeek++;
    else if (ageDays < 28) before++;
    const week = Math.floor(ageDays / 7);
    const slot = weekly.length - 1 - week;
    if (slot >= 0) weekly[slot] = (weekly[slot] ?? 0) + 1;
    if (lastTouchAt === undefined || t.at > lastTouchAt) lastTouchAt = t.at;
  }
  const breadth = engaged.size * BREADTH_POINTS;
  const total = raw + breadth;
  const score = Math.round(100 * (1 - Math.exp(-total / SATURATION)));
  const weeklyMean = before / 3;
  const trend: Trend =
    lastWeek === 0 && weeklyMean === 0
      ? 'quiet'
      : lastWeek >= 2 * Math.max(weeklyMean, 1)
        ? 'surging'
        : lastWeek <= weeklyMean / 2
          ? 'cooling'
          : 'steady';
  const drivers: Reason[] = [...byType.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([type, points]) => ({
      label: type.replace(/_/g, ' '),
      detail: `${Math.round((points / total) * 100)}% of the score`,
      points: Math.round(points),
    }));
  if (engaged.size > 0) {
    drivers.push({
      label: 'contacts engaged',
      detail: `${engaged.size} distinct, ${Math.round((breadth / total) * 100)}% of the score`,
      points: breadth,
    });
  }
  return {
    score,
    level: levelOf(score),
    trend,
    lastWeek,
    weeklyMean,
    engagedContacts: engaged.size,
    weekly,
    lastTouchAt,
    drivers,
  };
}
