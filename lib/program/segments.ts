import type { GradeResult } from '../scoring/grade';
import { fitRanks, orchestrationFor, segmentLabel } from '../scoring/orchestration';
import type { GradeLetter, Orchestration, Segment } from '../settings/types';
import type { ScoreRow } from './score-row';

/** A row that no segment of the template takes (a template without "remaining"). */
export const NO_SEGMENT = 0xffff;

/** Every row's fit rank among the graded rows (0: not ranked, no grade), and how many are ranked. */
export interface RankColumn {
  rank: Uint32Array;
  of: number;
}

/** The org's orchestration template placed over the rows: one typed column, scanned like the other filters. */
export interface Segmentation {
  segments: readonly Segment[];
  /** Each segment's name as people say it (segmentLabel), in template order. */
  labels: readonly string[];
  /** Per row: its segment's place in `segments`, or NO_SEGMENT. */
  column: Uint16Array;
}

/**
 * Every row's fit rank, in the one sort the side panel also runs (fitRanks over the same rows):
 * about 1–2 s at 500,000 rows, so the index computes it once per run of rows, not per template.
 */
export function rankColumn(rows: readonly ScoreRow[]): RankColumn {
  const ranks = fitRanks(rows);
  const rank = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) rank[i] = ranks.get((rows[i] as ScoreRow).id) ?? 0;
  return { rank, of: ranks.size };
}

/** The row's place in the fit ranking is decided by these fields alone: a change elsewhere moves no rank. */
export const sameRankEntry = (a: ScoreRow, b: ScoreRow): boolean =>
  a.id === b.id && a.name === b.name && a.gradeWorst === b.gradeWorst && a.fit === b.fit;

const LETTER_CODE: Record<GradeLetter, number> = { A: 0, B: 1, C: 2, D: 3, F: 4 };
const code = (letter: GradeLetter | null) => (letter === null ? 5 : LETTER_CODE[letter]);

/**
 * The row's grade as a GradeResult, for orchestrationFor: the row keeps the letter, its worst and
 * best case, the certainty and the fit, which is what the template reads (the worst case, as the
 * panel's card does); the criteria's credits and reasons are not kept in a row and not read.
 */
function gradeOfRow(row: ScoreRow): GradeResult {
  const range =
    row.grade === null || row.gradeWorst === null
      ? null
      : {
          worst: row.gradeWorst,
          best: row.gradeBest ?? row.gradeWorst,
          worstScore: row.fit,
          bestScore: row.fit,
          unknown: [],
        };
  return {
    letter: row.grade,
    score: row.fit,
    range,
    uncertain: row.uncertain,
    confidence: 1,
    missing: [],
    credits: {},
    reasons: [],
  };
}

/**
 * Places one row (with its rank, 0: none) in the template, by the panel's own rules
 * (orchestrationFor), asked once per distinct grade and rank band rather than once per row: a top
 * segment only compares the rank with its count, so ranks between the same two counts fall alike.
 * That keeps 500,000 rows to a few hundred calls that each build their reasons.
 */
function segmentPlacer(segments: readonly Segment[], of: number): (row: ScoreRow, rank: number) => number {
  // The programs do not place anyone: the segments alone, as the panel's template would check them.
  const template: Orchestration = { mode: 'grades', segments: [...segments], programs: [] };
  const counts = [...new Set(template.segments.flatMap((s) => (s.kind === 'top' ? [s.count] : [])))].sort(
    (a, b) => a - b,
  );
  const bands = counts.length + 2;
  const band = (rank: number) => {
    if (rank === 0) return 0;
    let b = 1;
    for (const c of counts) if (c < rank) b++;
    return b;
  };
  const memo = new Map<number, number>();
  return (row, rank) => {
    const fit = Math.max(0, Math.min(100, Math.round(row.fit)));
    const key =
      ((((code(row.grade) * 6 + code(row.gradeWorst)) * 6 + code(row.gradeBest)) * 2 + (row.uncertain ? 1 : 0)) * 101 +
        fit) *
        bands +
      band(rank);
    let place = memo.get(key);
    if (place === undefined) {
      const result = orchestrationFor(gradeOfRow(row), rank === 0 ? undefined : { rank, of }, template);
      place = result.segment ? template.segments.indexOf(result.segment) : NO_SEGMENT;
      memo.set(key, place);
    }
    return place;
  };
}

/** Every row's segment in the template's `segments`, with the ranks computed for these rows. */
export function segmentRows(rows: readonly ScoreRow[], ranks: RankColumn, segments: readonly Segment[]): Segmentation {
  const place = segmentPlacer(segments, ranks.of);
  const column = new Uint16Array(rows.length);
  for (let i = 0; i < rows.length; i++) column[i] = place(rows[i] as ScoreRow, ranks.rank[i] as number);
  return { segments, labels: segments.map(segmentLabel), column };
}

/**
 * `before` with the rows at `changed` placed again, when no rank moved (the ranks are the same
 * column): the edited rows only, not 500,000.
 */
export function resegmentRows(
  before: Segmentation,
  rows: readonly ScoreRow[],
  ranks: RankColumn,
  changed: readonly number[],
): Segmentation {
  const place = segmentPlacer(before.segments, ranks.of);
  const column = before.column.slice();
  for (const i of changed) column[i] = place(rows[i] as ScoreRow, ranks.rank[i] as number);
  return { ...before, column };
}
