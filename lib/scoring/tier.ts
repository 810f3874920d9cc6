import type { Account } from '../db/accounts';
import type { GradeLetter, Settings, TierDefinition } from '../settings/types';
import type { EngagementResult } from './engagement';
import type { GradeResult } from './grade';
import { dataWord, listWords } from './grade-words';
import type { Reason } from './reason';

const GRADE_RANK: Record<GradeLetter, number> = { A: 4, B: 3, C: 2, D: 1, F: 0 };

/** Whether grade `letter` is `min` or better. */
export const gradeAtLeast = (letter: GradeLetter, min: GradeLetter): boolean => GRADE_RANK[letter] >= GRADE_RANK[min];

/** The assigned tier beside the tier the model recommends. */
export interface TierResult {
  assigned?: TierDefinition;
  /** Recommended on the worst case over the unknown criteria: never on data the account does not have. */
  recommended?: TierDefinition;
  /**
   * The most invested tier the missing data could justify, when it is above the recommended one,
   * with the data that would have to match ("revenue", "technologies"): "Tier 2, not Tier 1:
   * revenue unknown".
   */
  possible?: { tier: TierDefinition; unknown: string[] };
  /** `above`: the model recommends a more invested tier than assigned; `below`: a less invested one. */
  agreement: 'same' | 'above' | 'below' | 'untiered' | 'not-recommended';
  /** One reason per tier examined, most invested first, down to the recommended one. */
  reasons: Reason[];
}

/** One thing that keeps an account out of a tier; `unknown` words when only missing data does. */
interface Shortfall {
  text: string;
  unknown?: string[];
}

/** What keeps an account out of a tier; empty when it qualifies. */
function shortfalls(
  t: TierDefinition,
  grade: GradeResult,
  engagement: EngagementResult,
  criteria: Settings['icp']['criteria'],
): Shortfall[] {
  const out: Shortfall[] = [];
  const r = grade.range;
  if (grade.letter === null || !r) out.push({ text: 'no grade: no ICP data' });
  else if (gradeAtLeast(r.worst, t.minGrade)) {
    // Clears the bar whatever the missing data turns out to be.
  } else if (gradeAtLeast(r.best, t.minGrade)) {
    out.push({
      text: `grade could be ${r.best}–${r.worst} (${t.minGrade} or better needed): ${listWords(r.unknown)} unknown`,
      unknown: r.unknown,
    });
  } else if (grade.uncertain) out.push({ text: `grade ${r.best} at best, below ${t.minGrade}` });
  else out.push({ text: `grade ${r.worst} below ${t.minGrade}` });
  if (engagement.score < t.minEngagement) out.push({ text: `engagement ${engagement.score} < ${t.minEngagement}` });
  for (const id of t.requiredCriteria) {
    const criterion = criteria.find((c) => c.id === id);
    const label = (criterion?.label ?? id).toLowerCase();
    const credit = grade.credits[id];
    if (credit === null || credit === undefined) {
      out.push({ text: `${label}: no data`, unknown: [criterion ? dataWord(criterion) : id] });
    } else if (credit < 1) out.push({ text: `${label} not matched` });
  }
  return out;
}

/**
 * Recommends the most invested tier whose bars the account clears: its minimum grade and
 * engagement and, on the ICP ladder, the ICP criteria it must fully match. The grade bar is
 * cleared on the grade's worst case, and a filter without data is not matched: the model never
 * promotes on data the account does not have, and says which tier that data could justify.
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
  let possible: TierResult['possible'];
  for (const t of tiers) {
    const missing = shortfalls(t, grade, engagement, settings.icp.criteria);
    if (missing.length === 0) {
      recommended = t;
      const filters = t.requiredCriteria.length
        ? `; matches ${t.requiredCriteria.map((id) => settings.icp.criteria.find((c) => c.id === id)?.label.toLowerCase() ?? id).join(', ')}`
        : '';
      const worst = grade.uncertain ? `${grade.range?.worst} at worst` : grade.letter;
      const above = possible
        ? `; not Tier ${possible.tier.tier} ${possible.tier.name}: ${listWords(possible.unknown)} unknown`
        : '';
      reasons.push({
        label: `Tier ${t.tier} ${t.name}`,
        detail: `grade ${worst} (${t.minGrade} or better), engagement ${engagement.score} (${t.minEngagement}+)${filters}${above}`,
        effect: 'match',
      });
      break;
    }
    // Kept out by missing data alone: neither a match nor a miss.
    const onlyUnknown = missing.every((s) => s.unknown);
    if (onlyUnknown && !possible)
      possible = { tier: t, unknown: [...new Set(missing.flatMap((s) => s.unknown ?? []))] };
    reasons.push({
      label: `Not Tier ${t.tier} ${t.name}`,
      detail: missing.map((s) => s.text).join('; '),
      effect: onlyUnknown ? 'unknown' : 'miss',
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
  return { assigned, recommended, ...(possible ? { possible } : {}), agreement, reasons };
}
