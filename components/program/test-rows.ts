import type { ScoreRow } from '@/lib/program/score-row';

/** A score row for tests: a certain B, Tier 2 assigned and recommended, nothing due. */
export function scoreRow(over: Partial<ScoreRow> & Pick<ScoreRow, 'id' | 'name'>): ScoreRow {
  return {
    source: 'file',
    isTarget: false,
    assignedTier: 2,
    recommendedTier: 2,
    agreement: 'same',
    grade: 'B',
    gradeWorst: 'B',
    gradeBest: 'B',
    uncertain: false,
    fit: 70,
    engagement: 40,
    level: 3,
    trend: 'steady',
    weekly: [0, 0, 1, 0, 2, 0, 0, 1, 0, 0, 3, 0, 1],
    actionCount: 0,
    missingRoles: [],
    contactCount: 2,
    engagedContacts: 0,
    requiredRoles: 0,
    ...over,
  };
}
