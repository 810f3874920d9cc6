import type { Tier } from '../settings/types';
import type { ScoreRow } from './score-row';

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

/**
 * One of Dana's HubSpot accounts named by its id, `assigned` → `recommended`: a certain B with
 * no weekly history and no contacts, unless `over` says otherwise.
 */
export function rowOf(
  id: string,
  assigned: Tier | undefined,
  recommended: Tier | undefined,
  over: Partial<ScoreRow> = {},
): ScoreRow {
  return scoreRow({
    id,
    name: id,
    source: 'hubspot',
    owner: 'Dana',
    assignedTier: assigned,
    recommendedTier: recommended,
    weekly: [],
    contactCount: 0,
    ...over,
  });
}
