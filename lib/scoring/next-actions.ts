import type { Account } from '../db/accounts';
import { FOLLOW_UP_TYPES, type Touchpoint } from '../db/touchpoints';
import type { Settings } from '../settings/types';
import { addBusinessHours, describeBusinessHours } from './business-time';
import type { CommitmentsResult } from './commitments';
import type { EngagementResult } from './engagement';
import type { GradeResult } from './grade';
import { gradeWords, listWords } from './grade-words';
import type { OrchestrationResult } from './orchestration';
import { type RoleCoverage, roleLabel } from './roles';
import type { TierResult } from './tier';

/** Something someone should do about the account, and why it is there. */
export interface NextAction {
  id: string;
  title: string;
  why: string;
  owner: string;
  /** Epoch ms. */
  due: number;
  /** 1 is the most urgent. */
  priority: 1 | 2 | 3;
}

export interface ActionInputs {
  account: Account;
  touchpoints: readonly Touchpoint[];
  grade: GradeResult;
  engagement: EngagementResult;
  tier: TierResult;
  roles: RoleCoverage;
  commitments: CommitmentsResult;
  /** The account's segment, when the org orchestrates by grade: its programs replace the tier's. */
  orchestration?: OrchestrationResult;
  settings: Settings;
  now: number;
}

const DAY = 86_400_000;
/** An account review this close shows as an action, so that it can be prepared. */
const REVIEW_NOTICE_DAYS = 14;

// One formatter for all: building one per call cost half of rescoring 100,000 accounts.
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const fmtDate = (ms: number) => dayMonth.format(ms);

/**
 * The engagement a follow-up is due on, if sales has not answered it yet: as the account
 * review's SLA counts (lib/program/sla.ts), the first bottom-of-funnel touch after the last
 * sales touch (a call, a meeting) opens it and starts the clock, the touches after it join it,
 * and the next sales touch answers them all. It calls for a follow-up while its latest touch
 * is at most `windowDays` old. Without one, a surge this week does, from its first touch since
 * the last sales touch; a surge that sales already answered calls for nothing.
 */
function openFollowUp(
  touchpoints: readonly Touchpoint[],
  engagement: EngagementResult,
  now: number,
  windowDays: number,
): { from: number; trigger: string } | undefined {
  let answeredAt = Number.NEGATIVE_INFINITY;
  for (const t of touchpoints) if (FOLLOW_UP_TYPES.has(t.type) && t.at <= now) answeredAt = Math.max(answeredAt, t.at);
  const since = touchpoints.filter((t) => t.at > answeredAt && t.at <= now && !FOLLOW_UP_TYPES.has(t.type));
  const bofu = since.filter((t) => t.stage === 'BOFU').sort((a, b) => a.at - b.at);
  const first = bofu[0];
  const latest = bofu[bofu.length - 1];
  if (first && latest && now - latest.at <= windowDays * DAY) {
    const more = bofu.length > 1 ? ` (and ${bofu.length - 1} more since, the latest on ${fmtDate(latest.at)})` : '';
    return {
      from: first.at,
      trigger: `${first.type.replace(/_/g, ' ')} on ${fmtDate(first.at)}${more}, not answered by a sales call or meeting yet`,
    };
  }
  if (engagement.trend !== 'surging') return undefined;
  const surge = `surge: ${engagement.lastWeek} touchpoints this week vs ${engagement.weeklyMean.toFixed(1)} a week before`;
  const thisWeek = since.filter((t) => now - t.at < 7 * DAY);
  // A surge seen only in the counts (touchpoints not given): from now.
  if (!touchpoints.length) return { from: now, trigger: surge };
  if (!thisWeek.length) return undefined;
  return { from: Math.min(...thisWeek.map((t) => t.at)), trigger: surge };
}

/** The next actions for an account, most urgent first. */
export function nextActions(input: ActionInputs): NextAction[] {
  const { account, touchpoints, grade, engagement, tier, roles, commitments, orchestration, settings, now } = input;
  const owner = account.owner ?? 'Account owner';
  const { quietDays: QUIET_DAYS, followUpWindowDays: FOLLOW_UP_WINDOW_DAYS } = settings.rules;
  const slaTier = tier.assigned ?? settings.tiers[settings.tiers.length - 1];
  const actions: NextAction[] = [];

  const followUp = openFollowUp(touchpoints, engagement, now, FOLLOW_UP_WINDOW_DAYS);
  if (slaTier && followUp) {
    const due = addBusinessHours(followUp.from, slaTier.responseSlaHours);
    actions.push({
      id: 'follow-up',
      title: 'Follow up on recent engagement',
      why: `${followUp.trigger}; Tier ${slaTier.tier} response SLA is ${describeBusinessHours(slaTier.responseSlaHours)}${due < now ? ' (overdue)' : ''}`,
      owner,
      due,
      priority: 1,
    });
  }

  for (const role of roles.missing) {
    actions.push({
      id: `map-role:${role}`,
      title: `Map the ${roleLabel(role).toLowerCase()}`,
      why: `Tier ${tier.assigned?.tier} requires a ${roleLabel(role).toLowerCase()}; nobody at ${account.name} holds that role yet`,
      owner,
      due: now + 5 * DAY,
      priority: 2,
    });
  }

  // The tier the missing data could justify, when it is above the recommended one.
  const possible = tier.possible;
  const lowConfidence = grade.confidence < settings.icp.minConfidence;
  if (grade.missing.length > 0 && (grade.letter === null || grade.uncertain || lowConfidence || possible)) {
    const because: string[] = [];
    if (grade.letter === null) because.push('no ICP data at all: the account cannot be graded');
    else {
      if (grade.uncertain) because.push(`grade ${gradeWords(grade)}`);
      if (lowConfidence) {
        because.push(`the grade rests on ${Math.round(grade.confidence * 100)}% of the ICP's weight`);
      }
      if (possible) {
        because.push(
          `Tier ${possible.tier.tier} ${possible.tier.name} needs ${listWords(possible.unknown)}: never recommended on missing data`,
        );
      }
    }
    actions.push({
      id: 'data-gap',
      title: `Fill in ${grade.missing.join(', ').toLowerCase()}`,
      why: because.join('; '),
      owner: 'Marketing ops',
      due: now + 7 * DAY,
      priority: 3,
    });
  }

  // A good fit whatever the missing data: orchestration by grade reads the worst case.
  const worst = grade.range?.worst;
  if ((worst === 'A' || worst === 'B') && engagement.level <= 2) {
    // Orchestration by grade: what the account's segment gets; else what its tier is committed.
    const programs = (orchestration ? orchestration.programs : commitments.programs)
      .slice(0, 3)
      .map((c) => c.program.name.toLowerCase());
    const whose = orchestration?.label ? `${orchestration.label} gets` : 'committed';
    actions.push({
      id: 'warm-up',
      title: 'Warm up a good-fit account',
      why: `grade ${gradeWords(grade)} but engagement ${engagement.score} (level ${engagement.level})${programs.length ? `; ${whose}: ${programs.join(', ')}` : ''}`,
      owner: 'Marketing',
      due: now + 7 * DAY,
      priority: 2,
    });
  }

  const rec = tier.recommended;
  const held = possible ? `; not Tier ${possible.tier.tier}: ${listWords(possible.unknown)} unknown` : '';
  if (rec && (tier.agreement === 'above' || (tier.agreement === 'untiered' && engagement.level >= 4))) {
    actions.push({
      id: 'promote',
      title: `Propose Tier ${rec.tier} ${rec.name}`,
      why: tier.assigned
        ? `the model recommends Tier ${rec.tier} ${rec.name} over the assigned Tier ${tier.assigned.tier}: grade ${gradeWords(grade)}, engagement ${engagement.score}${held}`
        : `untiered but engaged (${engagement.score}) with grade ${gradeWords(grade)}${held}`,
      owner,
      due: now + 14 * DAY,
      priority: 2,
    });
  }
  const disagrees = tier.agreement === 'below' || tier.agreement === 'not-recommended';
  // Nor a demotion on missing data: when the data could justify the assigned tier, filling it
  // in (the data gap above) comes before a review.
  const couldHold = possible !== undefined && tier.assigned !== undefined && possible.tier.tier <= tier.assigned.tier;
  if (tier.assigned && disagrees && grade.letter !== null && !couldHold) {
    actions.push({
      id: 'review-tier',
      title: `Review Tier ${tier.assigned.tier} at the next account review`,
      why: rec
        ? `the model recommends Tier ${rec.tier} ${rec.name}: grade ${gradeWords(grade)}, engagement ${engagement.score}${held}`
        : `grade ${gradeWords(grade)} and engagement ${engagement.score} clear no tier's bar${held}`,
      owner,
      due: now + 14 * DAY,
      priority: 3,
    });
  }

  const quietDays =
    engagement.lastTouchAt === undefined ? Number.POSITIVE_INFINITY : (now - engagement.lastTouchAt) / DAY;
  if (account.isTarget && quietDays >= QUIET_DAYS) {
    actions.push({
      id: 'demotion-review',
      title: 'Review for demotion',
      why: engagement.lastTouchAt
        ? `no touchpoint since ${fmtDate(engagement.lastTouchAt)} (${Math.floor(quietDays)} days)`
        : `a target account with no touchpoint in ${QUIET_DAYS} days`,
      owner,
      due: now + 7 * DAY,
      priority: 3,
    });
  }

  const assigned = tier.assigned;
  if (assigned) {
    const due = account.lastReviewedAt === undefined ? now : account.lastReviewedAt + assigned.reviewEveryDays * DAY;
    if (due - now <= REVIEW_NOTICE_DAYS * DAY) {
      actions.push({
        id: 'account-review',
        title: `Tier ${assigned.tier} account review`,
        why:
          account.lastReviewedAt === undefined
            ? `never reviewed; Tier ${assigned.tier} is reviewed every ${assigned.reviewEveryDays} days`
            : `last reviewed ${fmtDate(account.lastReviewedAt)}; Tier ${assigned.tier} is reviewed every ${assigned.reviewEveryDays} days`,
        owner: 'Marketing + Sales',
        due,
        priority: 3,
      });
    }
  }

  return actions.sort((a, b) => a.priority - b.priority || a.due - b.due);
}
