import type { Account } from '../db/accounts';
import type { GradeLetter, IcpCriterion, Settings } from '../settings/types';
import { dataWord } from './grade-words';
import type { Reason } from './reason';

/**
 * What the criteria without data could make of the grade: each of them a miss (worst case) or
 * a full match (best case). The grade on known data always lies between the two.
 */
export interface GradeRange {
  /** Every unknown criterion a miss; F when one of them is a hard disqualifier. */
  worst: GradeLetter;
  /** 0–100 with every unknown criterion a miss (a disqualifier's F aside). */
  worstScore: number;
  /** Every unknown criterion a full match. */
  best: GradeLetter;
  bestScore: number;
  /** The data without which the criteria are unknown, in plain words ("revenue", "technologies"). */
  unknown: string[];
}

/** How well an account fits the Ideal Customer Profile. */
export interface GradeResult {
  /** A–F, or null when the account has data for none of the criteria: no grade beats a wrong one. */
  letter: GradeLetter | null;
  /** 0–100 over the criteria the account has data for. */
  score: number;
  /** The worst and best case over the unknown criteria; null without a letter. */
  range: GradeRange | null;
  /**
   * The missing data could change the letter (worst and best case differ): shown as "B?", and
   * nothing is promoted on it: the tier recommendation and the orchestration read the worst case.
   */
  uncertain: boolean;
  /** 0–1: the share of the criteria's weight for which the account has data. */
  confidence: number;
  /** Criteria without data, so that filling them becomes an action. */
  missing: string[];
  /** Per criterion id, its credit 0–1, or null without data: the ICP ladder's filters read these. */
  credits: Record<string, number | null>;
  reasons: Reason[];
}

/** Share of a range's width, outside each edge, that still earns partial credit. */
const EDGE_TOLERANCE = 0.25;

const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});

const count = new Intl.NumberFormat('en-US');

/** Revenue as "$2.6B", headcounts as "7,600". */
function formatAmount(field: 'employees' | 'revenue', n: number): string {
  return field === 'revenue' ? usd.format(n) : count.format(n);
}

/** Credit 0–1 of one criterion, or undefined when the account has no data for it. */
function credit(criterion: IcpCriterion, account: Account): { value: number; shown: string } | undefined {
  switch (criterion.kind) {
    case 'in_set': {
      const v = account[criterion.field];
      if (!v) return undefined;
      const hit = criterion.values.some((x) => x.toLowerCase() === v.toLowerCase());
      return { value: hit ? 1 : 0, shown: v };
    }
    case 'range': {
      const v = account[criterion.field];
      if (v === undefined || Number.isNaN(v)) return undefined;
      const min = criterion.min ?? 0;
      const max = criterion.max ?? Number.POSITIVE_INFINITY;
      const shown = formatAmount(criterion.field, v);
      if (v >= min && v <= max) return { value: 1, shown };
      // Partial credit fades linearly over a band outside each edge, proportional to the edge.
      const edge = v < min ? min : max;
      const band = edge * EDGE_TOLERANCE;
      const distance = Math.abs(v - edge);
      return { value: band > 0 ? Math.max(0, 1 - distance / band) : 0, shown };
    }
    case 'includes_any': {
      const v = account.technologies;
      if (!v || v.length === 0) return undefined;
      const wanted = new Set(criterion.values.map((x) => x.toLowerCase()));
      const hits = v.filter((t) => wanted.has(t.toLowerCase()));
      return { value: hits.length > 0 ? 1 : 0, shown: hits.length ? hits.join(', ') : v.join(', ') };
    }
  }
}

function wantedText(criterion: IcpCriterion): string {
  if (criterion.kind === 'range') {
    const fmt = (n?: number) => (n === undefined ? '…' : formatAmount(criterion.field, n));
    return `${fmt(criterion.min)}–${fmt(criterion.max)}`;
  }
  return criterion.values.join(', ');
}

/** The letter a score earns under the org's thresholds; below D's is F. */
function letterFor(score: number, t: Settings['icp']['thresholds']): GradeLetter {
  return score >= t.A ? 'A' : score >= t.B ? 'B' : score >= t.C ? 'C' : score >= t.D ? 'D' : 'F';
}

/**
 * Grades an account A–F against the org's ICP, with one reason per criterion and the range the
 * criteria without data leave open.
 */
export function gradeAccount(account: Account, icp: Settings['icp']): GradeResult {
  const reasons: Reason[] = [];
  const missing: string[] = [];
  const unknown = new Set<string>();
  const credits: Record<string, number | null> = {};
  let totalWeight = 0;
  let knownWeight = 0;
  let earned = 0;
  let disqualified = false;
  /** An unknown hard disqualifier: were it a miss, the account would be an F. */
  let mayDisqualify = false;
  for (const criterion of icp.criteria) {
    totalWeight += criterion.weight;
    const c = credit(criterion, account);
    credits[criterion.id] = c ? c.value : null;
    if (!c) {
      missing.push(criterion.label);
      // A criterion that weighs nothing and cannot disqualify changes no case: not worth naming.
      if (criterion.weight > 0 || criterion.disqualifying) unknown.add(dataWord(criterion));
      if (criterion.disqualifying) mayDisqualify = true;
      reasons.push({ label: criterion.label, detail: `no data (wanted ${wantedText(criterion)})`, effect: 'unknown' });
      continue;
    }
    knownWeight += criterion.weight;
    earned += criterion.weight * c.value;
    const points = Math.round(criterion.weight * c.value);
    if (c.value === 0 && criterion.disqualifying) {
      disqualified = true;
      reasons.push({ label: criterion.label, detail: `${c.shown}: hard disqualifier`, effect: 'disqualifies' });
    } else {
      const effect = c.value === 1 ? 'match' : c.value > 0 ? 'partial' : 'miss';
      reasons.push({ label: criterion.label, detail: `${c.shown} (wanted ${wantedText(criterion)})`, effect, points });
    }
  }
  const score = knownWeight > 0 ? Math.round((earned / knownWeight) * 100) : 0;
  const t = icp.thresholds;
  const letter: GradeLetter | null = disqualified ? 'F' : knownWeight === 0 ? null : letterFor(score, t);
  const confidence = totalWeight > 0 ? knownWeight / totalWeight : 0;
  let range: GradeRange | null = null;
  if (letter !== null) {
    // Over all the weight: the unknown criteria's weight earns nothing (worst) or everything (best).
    // (No weight at all: only a weightless disqualifier graded the account, an F either way.)
    const overAll = (points: number) => (totalWeight > 0 ? Math.round((points / totalWeight) * 100) : score);
    const worstScore = overAll(earned);
    const bestScore = overAll(earned + totalWeight - knownWeight);
    range = {
      // A known disqualifier is F whatever the unknowns; an unknown one may yet be.
      worst: disqualified || mayDisqualify ? 'F' : letterFor(worstScore, t),
      worstScore,
      best: disqualified ? 'F' : letterFor(bestScore, t),
      bestScore,
      unknown: [...unknown],
    };
  }
  const uncertain = range !== null && range.worst !== range.best;
  return { letter, score, range, uncertain, confidence, missing, credits, reasons };
}
