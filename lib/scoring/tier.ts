import type { Account } from '../db/accounts';
import type { GradeLetter, Settings, Tier, TierDefinition } from '../settings/types';
import type { EngagementResult } from './engagement';
import type { GradeResult } from './grade';
import type { Reason } from './reason';

const GRADE_RANK: Record<GradeLetter, number> = { A: 4, B: 3, C: 2, D: 1, F: 0 };

/** The assigned tier beside the tier the model recommends. */
export interface TierResult {
  assigned?: TierDefinition;
  recommended?: TierDefinition;
  /** `above`: the model recommends a more invested tier than assigned; `below`: a less invested one. */
  agreement: 'same' | 'above' | 'below' | 'untiered' | 'not-recommended';
  reasons: Reason[];
}

/** Recommends the most invested tier whose grade and engagement bars the account clears. */
export function recommendTier(
  account: Account,
  grade: GradeResult,
  engagement: EngagementResult,
  settings: Settings,
): TierResult {
  const tiers = [...settings.tiers].sort((a, b) => a.tier - b.tier);
  const assigned = tiers.find((t) => t.tier === account.assignedTier);
  const reasons: Reason[] = [];
  let recommended: TierDefinition | undefined;
  for (const t of tiers) {
    const gradeOk = GRADE_RANK[grade.letter] >= GRADE_RANK[t.minGrade];
    const engagementOk = engagement.score >= t.minEngagement;
    if (gradeOk && engagementOk) {
      recommended = t;
      reasons.push({
        label: `Tier ${t.tier} ${t.name}`,
        detail: `grade ${grade.letter} meets ${t.minGrade} or better; engagement ${engagement.score} meets ${t.minEngagement}+`,
        effect: 'match',
      });
      break;
    }
    reasons.push({
      label: `Not Tier ${t.tier} ${t.name}`,
      detail: gradeOk
        ? `engagement ${engagement.score} < ${t.minEngagement}`
        : `grade ${grade.letter} below ${t.minGrade}`,
      effect: 'miss',
    });
  }
  const agreement: TierResult['agreement'] = !recommended
    ? 'not-recommended'
    : !assigned
      ? 'untiered'
      : recommended.tier === assigned.tier
        ? 'same'
        : recommended.tier < assigned.tier
          ? 'above'
          : 'below';
  return { assigned, recommended, agreement, reasons };
}

/** The tier an account is worked at: the rep's choice when there is one. */
export function effectiveTier(result: TierResult): Tier | undefined {
  return result.assigned?.tier;
}
