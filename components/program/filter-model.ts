import type { AccountFilter, AccountSort, SortKey } from '@/lib/program/query';
import type { ScoreRow } from '@/lib/program/score-row';
import type { Trend } from '@/lib/scoring/engagement';
import { segmentLabel } from '@/lib/scoring/orchestration';
import type { GradeLetter, Orchestration, Settings, Tier } from '@/lib/settings/types';

/** The filter fields the bar shows, besides the search. */
export type FilterKey = Exclude<keyof AccountFilter, 'search'>;

/** True when any filter or a search narrows the list. */
export function isFiltered(filter: AccountFilter): boolean {
  return Object.entries(filter).some(([key, value]) =>
    key === 'search' ? typeof value === 'string' && value.trim() !== '' : value !== undefined,
  );
}

/** The filter with one field set, or removed when `value` is undefined. */
export function withField<K extends keyof AccountFilter>(
  filter: AccountFilter,
  key: K,
  value: AccountFilter[K] | undefined,
): AccountFilter {
  const next = { ...filter };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** A <select>'s value ("" for any) as a tier filter. */
export const tierValue = (v: string): Tier | 'none' | undefined =>
  v === '' ? undefined : v === 'none' ? 'none' : (Number(v) as Tier);

export const gradeValue = (v: string): GradeLetter | 'none' | undefined =>
  v === '' ? undefined : (v as GradeLetter | 'none');

export const levelValue = (v: string): ScoreRow['level'] | undefined =>
  v === '' ? undefined : (Number(v) as ScoreRow['level']);

export const trendValue = (v: string): Trend | undefined => (v === '' ? undefined : (v as Trend));

/** "yes" / "no" / "" (any) as a flag filter. */
export const flagValue = (v: string): boolean | undefined => (v === '' ? undefined : v === 'yes');

/** A filter value as its <select>'s value. */
export const selectValue = (v: string | number | boolean | undefined): string =>
  v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);

/**
 * The org's orchestration template, when it orchestrates by grade (`orchestration.mode`, as the
 * side panel decides): only then do the accounts have a segment to show, filter and export.
 */
export const segmentTemplate = (settings: Pick<Settings, 'orchestration'>): Orchestration | undefined =>
  settings.orchestration.mode === 'grades' ? settings.orchestration : undefined;

/** An owner filter as its <select>'s value: "" any, "none" no owner, "owner:<name>" one owner. */
export const ownerSelectValue = (v: string | null | undefined): string =>
  v === undefined ? '' : v === null ? 'none' : `owner:${v}`;

export const ownerValue = (v: string): string | null | undefined =>
  v === 'none' ? null : v.startsWith('owner:') ? v.slice('owner:'.length) : undefined;

/**
 * A segment filter as its <select>'s value: "" any, "none" in no segment, "segment:<id>" one
 * segment (the ids are the org's own, so one could be called "none").
 */
export const segmentSelectValue = (v: string | null | undefined): string =>
  v === undefined ? '' : v === null ? 'none' : `segment:${v}`;

export const segmentValue = (v: string): string | null | undefined =>
  v === 'none' ? null : v.startsWith('segment:') ? v.slice('segment:'.length) : undefined;

/**
 * The segment filter's choices: each segment of the template, by the name the card gives it, and
 * "In no segment" when the template can leave an account out (it has no "remaining").
 */
export function segmentChoices(template: Pick<Orchestration, 'segments'>): { value: string; label: string }[] {
  const choices = template.segments.map((s) => ({ value: segmentSelectValue(s.id), label: segmentLabel(s) }));
  if (!template.segments.some((s) => s.kind === 'remaining')) {
    choices.push({ value: segmentSelectValue(null), label: 'In no segment' });
  }
  return choices;
}

/**
 * The filter as the list applies it: without a segment when the org does not orchestrate by grade,
 * since a segment chosen before would otherwise hide every account behind a control not shown.
 */
export const filterFor = (filter: AccountFilter, template: Orchestration | undefined): AccountFilter =>
  template || filter.segment === undefined ? filter : withField(filter, 'segment', undefined);

export const SORT_LABELS: Record<SortKey, string> = {
  engagement: 'Engagement',
  grade: 'Grade',
  due: 'Due date',
  name: 'Name',
};

/** The sort as a sentence for the reverse button: "highest first" or "lowest first". */
export function sortDirection(sort: AccountSort): string {
  const words: Record<SortKey, [string, string]> = {
    engagement: ['highest first', 'lowest first'],
    grade: ['best first', 'worst first'],
    due: ['soonest first', 'latest first'],
    name: ['A to Z', 'Z to A'],
  };
  const [forward, back] = words[sort.key];
  return sort.reversed ? back : forward;
}
