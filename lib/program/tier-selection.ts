import type { Tier } from '../settings/types';
import type { ScoreRow } from './score-row';

/**
 * Tier selection with a rep (DESIGN.md, "Reps select and own their accounts' tiers; marketing
 * recommends"): one tier at a time, most invested first. For each tier the rep sees marketing's
 * recommendation for their accounts and decides each line: accept it, keep the tier as it is,
 * or choose another tier. Accounts taken out of a tier are offered for the next one.
 */

/** Why an account is on a tier's list. */
export type LineKind =
  /** The model recommends this tier; the account is not in it. */
  | 'add'
  /** The account is in this tier; the model recommends another, or none. */
  | 'leave'
  /** The rep took it out of the tier before (or did not take it in): offered here instead. */
  | 'offered';

export interface SelectionLine {
  row: ScoreRow;
  kind: LineKind;
  /** The tier accepting the line gives: this tier for `add` and `offered`, the recommendation for `leave` (undefined: untiered). */
  proposed: Tier | undefined;
}

/**
 * The rep's decision on a line: the tier the account ends in (undefined: untiered), and how:
 * accepting the proposal, keeping the account where it is, or choosing a tier.
 */
export interface Decision {
  to: Tier | undefined;
  how: 'accept' | 'keep' | 'change';
}
export type Decisions = ReadonlyMap<string, Decision>;

/** The tier an account ends in: the rep's decision, else its assigned tier. */
export const decidedTier = (row: ScoreRow, decisions: Decisions): Tier | undefined => {
  const d = decisions.get(row.id);
  return d ? d.to : row.assignedTier;
};

/**
 * The list of `tier` for the rep's accounts (`mine`): the accounts the model recommends for it
 * and the accounts in it that it recommends elsewhere, and, offered on, those taken out of a
 * tier before it (kept out of its recommendation, or moved out of it) that no decision placed
 * in this tier or in one chosen by hand. `decidedBefore`: the accounts on the lists before.
 * Best fit first: the worst-case grade, then fit, then engagement.
 */
export function selectionLines(
  mine: readonly ScoreRow[],
  tier: Tier,
  decisions: Decisions,
  decidedBefore: ReadonlySet<string>,
): SelectionLine[] {
  const lines: SelectionLine[] = [];
  for (const row of mine) {
    const current = row.assignedTier;
    if (decidedBefore.has(row.id)) {
      const d = decisions.get(row.id);
      const out = d !== undefined && d.how !== 'change' && (d.to === undefined || d.to > tier);
      if (out) lines.push({ row, kind: 'offered', proposed: tier });
      continue;
    }
    if (row.recommendedTier === tier && current !== tier) lines.push({ row, kind: 'add', proposed: tier });
    else if (current === tier && row.recommendedTier !== tier) {
      lines.push({ row, kind: 'leave', proposed: row.recommendedTier });
    }
  }
  return lines.sort(byFit);
}

const GRADES = 'ABCDF';
const gradeRank = (r: ScoreRow) => (r.gradeWorst === null ? 5 : GRADES.indexOf(r.gradeWorst));
function byFit(a: SelectionLine, b: SelectionLine): number {
  return (
    gradeRank(a.row) - gradeRank(b.row) ||
    b.row.fit - a.row.fit ||
    b.row.engagement - a.row.engagement ||
    (a.row.name < b.row.name ? -1 : a.row.name > b.row.name ? 1 : 0)
  );
}

/** How full each tier is, org-wide and for the rep, with the decisions taken so far applied. */
export interface TierFill {
  tier: Tier;
  all: number;
  mine: number;
  capacity: number;
}

export function tierFill(
  rows: readonly ScoreRow[],
  owner: string,
  tiers: readonly { tier: Tier; capacity: number }[],
  decisions: Decisions,
): TierFill[] {
  const all = new Map<Tier, number>();
  const mine = new Map<Tier, number>();
  for (const row of rows) {
    const t = decidedTier(row, decisions);
    if (t === undefined) continue;
    all.set(t, (all.get(t) ?? 0) + 1);
    if (row.owner === owner) mine.set(t, (mine.get(t) ?? 0) + 1);
  }
  return tiers.map(({ tier, capacity }) => ({ tier, all: all.get(tier) ?? 0, mine: mine.get(tier) ?? 0, capacity }));
}

/** The tier changes the decisions make: only those that change an account's assigned tier. */
export function changesOf(
  rows: readonly ScoreRow[],
  decisions: Decisions,
): { row: ScoreRow; from: Tier | undefined; to: Tier | undefined }[] {
  const out: { row: ScoreRow; from: Tier | undefined; to: Tier | undefined }[] = [];
  for (const row of rows) {
    const d = decisions.get(row.id);
    if (d && d.to !== row.assignedTier) out.push({ row, from: row.assignedTier, to: d.to });
  }
  return out;
}
