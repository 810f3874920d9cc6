import type { Account } from '../db/accounts';
import type { Contact } from '../db/contacts';
import type { Touchpoint } from '../db/touchpoints';
import type { Settings } from '../settings/types';
import { type CalibratedModel, scoreCalibrated } from './calibration';
import { type CommitmentsResult, commitmentsFor } from './commitments';
import { type EngagementResult, scoreEngagement } from './engagement';
import { type GradeResult, gradeAccount } from './grade';
import { type NextAction, nextActions } from './next-actions';
import { type FitRank, type OrchestrationResult, orchestrationFor } from './orchestration';
import { type RoleCoverage, roleCoverage } from './roles';
import { recommendTier, type TierResult } from './tier';

/** Everything the side panel shows about one account: the one interface the UI depends on. */
export interface AccountView {
  account: Account;
  grade: GradeResult;
  /**
   * The grade rests on less of the ICP's weight than the org's minimum confidence. (Whether the
   * missing data could change the letter is `grade.uncertain`.)
   */
  lowConfidence: boolean;
  tier: TierResult;
  engagement: EngagementResult;
  roles: RoleCoverage;
  commitments: CommitmentsResult;
  /** The account's segment and programs, when the org orchestrates by grade (`orchestration.mode`). */
  orchestration?: OrchestrationResult;
  actions: NextAction[];
  contactCount: number;
  /** How full the assigned tier is across all accounts, when the caller counted it. */
  tierUse?: { assigned: number; capacity: number; overCapacity: boolean };
  computedAt: number;
}

/** Facts about all the accounts that one account's view shows. */
export interface PortfolioContext {
  /** Accounts assigned to this account's tier, this one included. */
  assignedInTier?: number;
  /** The engagement model fitted on won/lost outcomes, used when the settings ask for it. */
  calibration?: CalibratedModel;
  /** The account's fit rank among all graded accounts, when it is known (orchestration by grade). */
  fitRank?: FitRank;
}

/** All scores of one account: a pure function of its data, the org's settings and the time. */
export function scoreAccount(
  account: Account,
  contacts: readonly Contact[],
  touchpoints: readonly Touchpoint[],
  settings: Settings,
  now: number,
  portfolio: PortfolioContext = {},
): AccountView {
  const grade = gradeAccount(account, settings.icp);
  let engagement = scoreEngagement(touchpoints, contacts, settings.engagement, now);
  const model = portfolio.calibration;
  if (settings.engagement.mode === 'calibrated' && model) {
    const c = scoreCalibrated(model, touchpoints, contacts, settings.engagement, now);
    const { learntFrom, heldOut, undated, auc, defaultAuc } = model;
    engagement = {
      ...engagement,
      level: c.level,
      calibrated: { probability: c.probability, learntFrom, heldOut, undated, auc, defaultAuc, drivers: c.drivers },
    };
  }
  const tier = recommendTier(account, grade, engagement, settings);
  const roles = roleCoverage(contacts, tier.assigned);
  const commitments = commitmentsFor(tier.assigned?.tier, settings);
  const orchestration =
    settings.orchestration.mode === 'grades'
      ? orchestrationFor(grade, portfolio.fitRank, settings.orchestration)
      : undefined;
  const actions = nextActions({
    account,
    touchpoints,
    grade,
    engagement,
    tier,
    roles,
    commitments,
    orchestration,
    settings,
    now,
  });
  return {
    account,
    grade,
    lowConfidence: grade.confidence < settings.icp.minConfidence,
    tier,
    engagement,
    roles,
    commitments,
    ...(orchestration ? { orchestration } : {}),
    actions,
    contactCount: contacts.length,
    ...tierUseOf(tier, portfolio.assignedInTier),
    computedAt: now,
  };
}

/** How full the account's assigned tier is, when the caller counted its accounts: "Tier 1 holds 31 of 25". */
function tierUseOf(tier: TierResult, assigned: number | undefined): Pick<AccountView, 'tierUse'> {
  if (!tier.assigned || assigned === undefined) return {};
  const { capacity } = tier.assigned;
  return { tierUse: { assigned, capacity, overCapacity: assigned > capacity } };
}
