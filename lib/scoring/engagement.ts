import type { Contact } from '../db/contacts';
import type { Touchpoint, TouchpointType } from '../db/touchpoints';
import type { EngagementModel } from '../settings/types';
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
  /** Set in calibrated mode: the fitted model's win probability sets the level. */
  calibrated?: {
    probability: number;
    learntFrom: number;
    heldOut: number;
    /** Outcomes left out of the fit for want of a close date. */
    undated: number;
    auc: number;
    defaultAuc: number;
    drivers: Reason[];
  };
}

const DAY = 86_400_000;

/** How much a touch by `contact` counts: the most senior of their roles, or known/anonymous. */
export function roleMultiplier(contact: Contact | undefined, model: EngagementModel): number {
  if (!contact) return model.anonymousMultiplier;
  if (contact.buyingRoles.length === 0) return model.knownContactMultiplier;
  // A contact with several roles counts at their most senior one.
  return Math.max(...contact.buyingRoles.map((r) => model.roleMultipliers[r] ?? model.knownContactMultiplier));
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
  model: EngagementModel,
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
      (model.typeWeights[t.type] ?? 0) *
      model.stageMultipliers[t.stage] *
      roleMultiplier(t.contactId ? byId.get(t.contactId) : undefined, model) *
      0.5 ** (ageDays / model.halfLifeDays);
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
  const breadth = engaged.size * model.breadthPoints;
  const total = raw + breadth;
  const score = Math.round(100 * (1 - Math.exp(-total / model.saturation)));
  const weeklyMean = before / 3;
  const trend: Trend =
    lastWeek === 0 && weeklyMean === 0
      ? 'quiet'
      : lastWeek >= model.surgeRatio * Math.max(weeklyMean, 1)
        ? 'surging'
        : lastWeek <= weeklyMean / 2
          ? 'cooling'
          : 'steady';
  // Touchpoints can all be worth 0 points (a type weighted 0, a date so old the decay underflows).
  const share = (points: number): number => (total > 0 ? Math.round((points / total) * 100) : 0);
  const drivers: Reason[] = [...byType.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([type, points]) => ({
      label: type.replace(/_/g, ' '),
      detail: `${share(points)}% of the score`,
      points: Math.round(points),
    }));
  if (engaged.size > 0) {
    drivers.push({
      label: 'contacts engaged',
      detail: `${engaged.size} distinct, ${share(breadth)}% of the score`,
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
