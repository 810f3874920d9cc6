import type { Account } from '../db/accounts';
import type { GradeLetter, Settings, TierDefinition } from '../settings/types';
import type { EngagementResult } from './engagement';
import type { GradeResult } from './grade';
import type { Reason } from './reason';

const GRADE_RANK: Record<GradeLetter, number> = { A: 4, B: 3, C: 2, D: 1, F: 0 };

/** Whether grade `letter` is `min` or better. */
export const gradeAtLeast = (letter: GradeLetter, min: GradeLetter): boolean => GRADE_RANK[letter] >= GRADE_RANK[min];

/** The assigned tier beside the tier the model recommends. */
export interface TierResult {
  assigned?: TierDefinition;
  recommended?: TierDefinition;
  /** `above`: the model recommends a more invested tier than assigned; `below`: a less invested one. */
  agreement: 'same' | 'above' | 'below' | 'untiered' | 'not-recommended';
  /** One reason per tier examined, most invested first, down to the recommended one. */
  reasons: Reason[];
}

/** What keeps an account out of a tier; empty when it qualifies. */
function shortfalls(
  t: TierDefinition,
  grade: GradeResult,
  engagement: EngagementResult,
  criteria: Settings['icp']['criteria'],
): string[] {
  const out: string[] = [];
  if (grade.letter === null) out.push('no grade: no ICP data');
  else if (!gradeAtLeast(grade.letter, t.minGrade)) out.push(`grade ${grade.letter} below ${t.minGrade}`);
  if (engagement.score < t.minEngagement) out.push(`engagement ${engagement.score} < ${t.minEngagement}`);
  for (const id of t.requiredCriteria) {
    const label = criteria.find((c) => c.id === id)?.label ?? id;
    const credit = grade.credits[id];
    if (credit === null || credit === undefined) out.push(`${label.toLowerCase()}: no data`);
    else if (credit < 1) out.push(`${label.toLowerCase()} not matched`);
  }
  return out;
}

/**
 * Recommends the most invested tier whose bars the account clears: its minimum grade and
 * engagement and, on the ICP ladder, the ICP criteria it must fully match.
 */
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
    const missing = shortfalls(t, grade, engagement, settings.icp.criteria);
    if (missing.length === 0) {
      recommended = t;
      const filters = t.requiredCriteria.length
        ? `; matches ${t.requiredCriteria.map((id) => settings.icp.criteria.find((c) => c.id === id)?.label.toLowerCase() ?? id).join(', ')}`
        : '';
      reasons.push({
        label: `Tier ${t.tier} ${t.name}`,
        detail: `grade ${grade.letter} (${t.minGrade} or better), engagement ${engagement.score} (${t.minEngagement}+)${filters}`,
        effect: 'match',
      });
      break;
    }
    reasons.push({ label: `Not Tier ${t.tier} ${t.name}`, detail: missing.join('; '), effect: 'miss' });
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
