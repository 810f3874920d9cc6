import type { ScoreRow } from '@/lib/program/score-row';
import type { Trend } from '@/lib/scoring/engagement';

/** Engagement levels as the card names them. */
export const LEVEL_WORDS = ['', 'cold', 'needs nurturing', 'warming', 'engaged', 'contact now'] as const;

/** The trend as a mark and a word, as the card's engagement section shows it. */
export const TREND_MARKS: Record<Trend, string> = {
  surging: '▲ surging',
  steady: '► steady',
  cooling: '▼ cooling',
  quiet: '· quiet',
};

/** The grade's tooltip: "Grade B, fit 72/100", "B? could be A–D: missing data could change it". */
export function gradeTitle(row: Pick<ScoreRow, 'grade' | 'uncertain' | 'gradeBest' | 'gradeWorst' | 'fit'>): string {
  if (row.grade === null) return 'Not graded: no ICP data';
  if (row.uncertain && row.gradeBest && row.gradeWorst) {
    return `Grade ${row.grade}?, could be ${row.gradeBest}–${row.gradeWorst}: missing data could change it (fit ${row.fit}/100 on known data)`;
  }
  return `Grade ${row.grade}, fit ${row.fit}/100`;
}

/** The follow-up of the response SLA is past due. */
export const followUpOverdue = (row: Pick<ScoreRow, 'followUpDue'>, now: number): boolean =>
  row.followUpDue !== undefined && row.followUpDue < now;

/** What the segment cell says of an account no segment of the template takes (one without "remaining"). */
export const NO_SEGMENT_WORDS = 'no segment';
