import type { GradeLetter, Orchestration, OrchestrationProgram, Segment } from '../settings/types';
import type { GradeResult } from './grade';
import type { Reason } from './reason';

/** An account's place among all the graded accounts by fit: 1 is the best. */
export interface FitRank {
  rank: number;
  /** How many accounts were ranked (every account with a grade). */
  of: number;
}

/** One account as the fit ranking reads it. */
export interface RankEntry {
  id: string;
  /** Breaks ties of letter and score, before the id. */
  name: string;
  /** The worst-case letter: nothing is promoted on data the account does not have. Null: not ranked. */
  gradeWorst: GradeLetter | null;
  /** 0–100. */
  fit: number;
}

export interface OrchestrationProgramResult {
  program: OrchestrationProgram;
  /** `yes`, or the cadence ("monthly"). */
  cadence: string;
}

/** Which segment of the orchestration template the account is in, what it gets, and why. */
export interface OrchestrationResult {
  /** The first segment that takes the account; none when no segment does (a template without "remaining"). */
  segment?: Segment;
  /** The segment's name as shown: its own, or its rule ("Top 20 accounts"). */
  label?: string;
  programs: OrchestrationProgramResult[];
  /** One reason per segment checked, in order, the one that took the account last. */
  reasons: Reason[];
  /**
   * The template ranks accounts and this account's rank is not known yet (no scores computed
   * yet): the segment is by grade only and may change once the rank is known.
   */
  rankUnknown: boolean;
}

const LETTERS: Record<GradeLetter, number> = { A: 0, B: 1, C: 2, D: 3, F: 4 };
const count = new Intl.NumberFormat('en-US');

/** ["A", "B", "C"] → "A, B and C". */
function lettersText(letters: readonly GradeLetter[]): string {
  const sorted = [...new Set(letters)].sort((a, b) => LETTERS[a] - LETTERS[b]);
  return sorted.length <= 1 ? (sorted[0] ?? '') : `${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`;
}

/** The segment as people name it: its own name, or its rule ("Top 20 accounts", "A and B", "Remaining"). */
export function segmentLabel(segment: Segment): string {
  if (segment.name) return segment.name;
  switch (segment.kind) {
    case 'top':
      return `Top ${count.format(segment.count)} accounts`;
    case 'grades':
      return lettersText(segment.grades);
    case 'remaining':
      return 'Remaining';
  }
}

/**
 * Every graded account's fit rank, in one sort: the worst-case letter first (an "A?" that could be
 * a C ranks as a C), then the fit score, then the name and the id, so that ties always fall the
 * same way. Accounts without a grade are not ranked. One sort, about 1–2 s for 500,000 accounts
 * on a busy 2-core machine: the panel runs it once per run of derived scores, not per account.
 */
export function fitRanks(entries: readonly RankEntry[]): Map<string, number> {
  // One numeric key per account (letter, then fit falling), so that most comparisons are a subtraction.
  const ranked: { key: number; name: string; id: string }[] = [];
  for (const e of entries) {
    if (e.gradeWorst !== null) ranked.push({ key: LETTERS[e.gradeWorst] * 1000 - e.fit, name: e.name, id: e.id });
  }
  ranked.sort(
    (a, b) =>
      a.key - b.key ||
      // Code-unit order, not the locale's: the same ranks in every browser.
      (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const ranks = new Map<string, number>();
  for (let i = 0; i < ranked.length; i++) ranks.set((ranked[i] as { id: string }).id, i + 1);
  return ranks;
}

/** "Grade B", or "Grade A? (worst case C)" when missing data could change the letter. */
function gradeText(grade: GradeResult): string {
  const worst = grade.range?.worst ?? grade.letter;
  return grade.uncertain
    ? `Grade ${grade.letter}? (worst case ${worst})`
    : `Grade ${grade.letter} (worst case ${worst})`;
}

/** Whether `segment` takes the account, and the reason either way. */
function check(
  segment: Segment,
  label: string,
  grade: GradeResult,
  rank: FitRank | undefined,
): { takes: boolean; unknown?: boolean; reason: Reason } {
  switch (segment.kind) {
    case 'top': {
      if (grade.letter === null) {
        return { takes: false, reason: { label, detail: 'not ranked: no grade', effect: 'miss' } };
      }
      if (!rank) {
        return {
          takes: false,
          unknown: true,
          reason: {
            label,
            detail: 'rank by fit not known yet: the scores are still being computed',
            effect: 'unknown',
          },
        };
      }
      const where = `rank ${count.format(rank.rank)} of ${count.format(rank.of)}`;
      const takes = rank.rank <= segment.count;
      const detail = takes ? `Top ${count.format(segment.count)} by fit: ${where}` : `${where} by fit`;
      return { takes, reason: { label, detail, effect: takes ? 'match' : 'miss' } };
    }
    case 'grades': {
      const worst = grade.range?.worst ?? grade.letter;
      if (grade.letter === null || worst === null) {
        return { takes: false, reason: { label, detail: 'no grade: no data for the ICP criteria', effect: 'miss' } };
      }
      const takes = segment.grades.includes(worst);
      const detail = takes ? gradeText(grade) : `${gradeText(grade)}: not ${lettersText(segment.grades)}`;
      return { takes, reason: { label, detail, effect: takes ? 'match' : 'miss' } };
    }
    case 'remaining':
      return { takes: true, reason: { label, detail: 'in no segment before it', effect: 'match' } };
  }
}

/**
 * The account's segment in the orchestration template and the programs it gets, with a reason
 * for each segment checked. Segments are checked in order; the first that takes the account is
 * its segment. Grades are read at their worst case, and a rank that is not known yet takes the
 * account into no top segment (it is placed by grade only, and says so).
 */
export function orchestrationFor(
  grade: GradeResult,
  rank: FitRank | undefined,
  orchestration: Orchestration,
): OrchestrationResult {
  const reasons: Reason[] = [];
  let rankUnknown = false;
  for (const segment of orchestration.segments) {
    const label = segmentLabel(segment);
    const result = check(segment, label, grade, rank);
    reasons.push(result.reason);
    if (result.unknown) rankUnknown = true;
    if (!result.takes) continue;
    const programs = orchestration.programs.flatMap((program) => {
      const cell = program.segments[segment.id];
      return cell === undefined ? [] : [{ program, cadence: cell === true ? 'yes' : cell }];
    });
    return { segment, label, programs, reasons, rankUnknown };
  }
  return { programs: [], reasons, rankUnknown };
}
