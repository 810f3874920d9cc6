import type { IcpCriterion } from '../settings/types';
import type { GradeResult } from './grade';

/** The account data each criterion reads, as a rep would name it when filling it in. */
const DATA_WORDS: Record<IcpCriterion['field'], string> = {
  industry: 'industry',
  employees: 'headcount',
  revenue: 'revenue',
  country: 'country',
  technologies: 'technologies',
};

/** The data a criterion reads, in plain words: "revenue", "technologies". */
export const dataWord = (criterion: IcpCriterion): string => DATA_WORDS[criterion.field];

/** "revenue", "revenue and technologies", "industry, revenue and technologies". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The grade as the badge and the panel show it: "B", "B?" when the missing data could change it, null ungraded. */
export function gradeMark(grade: GradeResult): string | null {
  if (grade.letter === null) return null;
  return grade.uncertain ? `${grade.letter}?` : grade.letter;
}

/** "could be A–D: revenue and technologies unknown", or '' when the missing data cannot change the letter. */
export function rangeText(grade: GradeResult): string {
  const r = grade.range;
  if (!grade.uncertain || !r) return '';
  return `could be ${r.best}–${r.worst}: ${listWords(r.unknown)} unknown`;
}

/**
 * The grade with its range for a sentence: "A", "B? (could be A–D: revenue unknown)",
 * "not graded (no ICP data)".
 */
export function gradeWords(grade: GradeResult): string {
  const mark = gradeMark(grade);
  if (mark === null) return 'not graded (no ICP data)';
  return grade.uncertain ? `${mark} (${rangeText(grade)})` : mark;
}
