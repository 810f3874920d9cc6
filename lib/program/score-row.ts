import type { Opportunity, SourceId } from '../db/accounts';
import type { BuyingRole } from '../db/contacts';
import type { AccountView } from '../scoring/account-view';
import type { Trend } from '../scoring/engagement';
import type { TierResult } from '../scoring/tier';
import type { GradeLetter, Tier } from '../settings/types';

/**
 * One account's scores as the program view lists them: what the accounts view filters and sorts
 * on, kept ready by the background (lib/program/rescore.ts) so that a list of 500,000 accounts
 * never scores anything while the user types. Derived only: the account's own data stays in its
 * source's rows, and a row is recomputed whenever they, the user's edits or the models change.
 */
export interface ScoreRow {
  id: string;
  name: string;
  /** The first of the account's registrable domains. */
  domain?: string;
  /** Its other domains, when it has more than one: the accounts view finds it by any. */
  moreDomains?: string[];
  source: SourceId;
  owner?: string;
  /** The owner's id and email in the source, as the account holds them: who may change the tier (lib/edits/tier-owner.ts). */
  ownerId?: string;
  ownerEmail?: string;
  isTarget: boolean;
  /** The tier the rep (or the CRM) assigned, with the user's edits applied. */
  assignedTier?: Tier;
  /** The model's recommendation, on the worst case over the unknown criteria. */
  recommendedTier?: Tier;
  agreement: TierResult['agreement'];
  /** A–F, or null when the account has data for none of the ICP's criteria. */
  grade: GradeLetter | null;
  /** Worst and best letter over the unknown criteria (equal to `grade` when nothing is unknown). */
  gradeWorst: GradeLetter | null;
  gradeBest: GradeLetter | null;
  /** The missing data could change the letter ("B?"). */
  uncertain: boolean;
  /** 0–100 over the criteria with data. */
  fit: number;
  /** 0–100. */
  engagement: number;
  level: 1 | 2 | 3 | 4 | 5;
  trend: Trend;
  /** Touchpoints per week, oldest first, the last 13 weeks: the row's sparkline. */
  weekly: number[];
  lastTouchAt?: number;
  /** The earliest due date of the account's next actions. */
  nextDue?: number;
  /** The most urgent next action's title. */
  nextAction?: string;
  actionCount: number;
  /** When the response-SLA follow-up is due, if one is open: past `now` it is overdue. */
  followUpDue?: number;
  /** Buyer roles the assigned tier requires and nobody holds. */
  missingRoles: BuyingRole[];
  contactCount: number;
  /** Distinct contacts with a touchpoint. */
  engagedContacts: number;
  /** How many buyer roles the assigned tier requires (those held: this less `missingRoles`). */
  requiredRoles: number;
  /** The account's first touchpoint: where pipeline velocity (first touch to close) starts. */
  firstTouchAt?: number;
  /** The account's deals, as far as the program's metrics read them (pipeline, win rate, deal size, velocity). */
  opportunities?: Pick<Opportunity, 'status' | 'amount' | 'createdAt' | 'closedAt'>[];
  lifecycleStage?: string;
  lastReviewedAt?: number;
}

/**
 * The shape of the rows: a release that changes what a row holds changes this, and the rows
 * stored by the one before are derived again (it is part of the rescoring's basis).
 */
export const SCORE_ROW_VERSION = 3;

/**
 * The scored account (lib/scoring/account-view.ts) as one row of the program view;
 * `firstTouchAt`: its earliest touchpoint, which the view does not keep.
 */
export function scoreRowOf(view: AccountView, firstTouchAt?: number): ScoreRow {
  const { account, grade, tier, engagement, roles, actions } = view;
  let nextDue: number | undefined;
  let next: AccountView['actions'][number] | undefined;
  for (const action of actions) {
    if (nextDue === undefined || action.due < nextDue) nextDue = action.due;
    if (!next || action.priority < next.priority) next = action;
  }
  return {
    id: account.id,
    name: account.name,
    domain: account.domains[0],
    ...(account.domains.length > 1 ? { moreDomains: account.domains.slice(1) } : {}),
    source: account.source,
    owner: account.owner,
    ownerId: account.ownerId,
    ownerEmail: account.ownerEmail,
    isTarget: account.isTarget,
    assignedTier: tier.assigned?.tier,
    recommendedTier: tier.recommended?.tier,
    agreement: tier.agreement,
    grade: grade.letter,
    gradeWorst: grade.range?.worst ?? grade.letter,
    gradeBest: grade.range?.best ?? grade.letter,
    uncertain: grade.uncertain,
    fit: Math.round(grade.score),
    engagement: Math.round(engagement.score),
    level: engagement.level,
    trend: engagement.trend,
    weekly: engagement.weekly,
    lastTouchAt: engagement.lastTouchAt,
    nextDue,
    nextAction: next?.title,
    actionCount: actions.length,
    followUpDue: actions.find((a) => a.id === 'follow-up')?.due,
    missingRoles: roles.missing,
    contactCount: view.contactCount,
    engagedContacts: engagement.engagedContacts,
    requiredRoles: roles.required.length,
    ...(firstTouchAt === undefined ? {} : { firstTouchAt }),
    ...(account.opportunities?.length
      ? {
          opportunities: account.opportunities.map(({ status, amount, createdAt, closedAt }) => ({
            status,
            ...(amount === undefined ? {} : { amount }),
            ...(createdAt === undefined ? {} : { createdAt }),
            ...(closedAt === undefined ? {} : { closedAt }),
          })),
        }
      : {}),
    lifecycleStage: account.lifecycleStage,
    lastReviewedAt: account.lastReviewedAt,
  };
}
