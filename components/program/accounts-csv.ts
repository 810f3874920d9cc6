import Papa from 'papaparse';
import type { ScoreRow } from '@/lib/program/score-row';
import type { Settings, Tier } from '@/lib/settings/types';

/** The columns of the accounts export, in order. */
export const CSV_FIELDS = [
  'Name',
  'Domain',
  'Owner',
  'Target',
  'Assigned tier',
  'Recommended tier',
  'Grade',
  'Grade range',
  'Fit',
  'Engagement',
  'Level',
  'Trend',
  'Last touch',
  'Next action',
  'Next due',
  'Follow-up due',
  'Follow-up overdue',
  'Missing roles',
  'Contacts',
  'Lifecycle stage',
  'Account id',
] as const;

/** The column the export adds after `Fit` when the org orchestrates by grade. */
export const SEGMENT_FIELD = 'Segment';
const FIT_COLUMN = CSV_FIELDS.indexOf('Fit');

// Any cell starting with = + - @ (or a tab or a carriage return) is prefixed with an apostrophe,
// so that a spreadsheet opening the file runs no formula an account's name brought in. Papa's own
// `escapeFormulae: true` pattern ends in `.*$`, which misses a value with a line break in it.
const FORMULA = /^[=+\-@\t\r]/;

/** A local calendar day, as a spreadsheet reads it: "2026-03-02". */
export function localDay(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "Tier 1 Strategic", or "" for no tier. */
export function tierLabel(tier: Tier | undefined, settings: Pick<Settings, 'tiers'>): string {
  if (tier === undefined) return '';
  const name = settings.tiers.find((t) => t.tier === tier)?.name;
  return name ? `Tier ${tier} ${name}` : `Tier ${tier}`;
}

/** "B?" when the missing data could change the letter, "" ungraded. */
export function gradeMarkOf(row: Pick<ScoreRow, 'grade' | 'uncertain'>): string {
  if (row.grade === null) return '';
  return row.uncertain ? `${row.grade}?` : row.grade;
}

/** "A–D" when uncertain, "" otherwise. */
export function gradeRangeOf(row: Pick<ScoreRow, 'uncertain' | 'gradeBest' | 'gradeWorst'>): string {
  return row.uncertain && row.gradeBest && row.gradeWorst ? `${row.gradeBest}–${row.gradeWorst}` : '';
}

const day = (at: number | undefined) => (at === undefined ? '' : localDay(at));

/**
 * The accounts view as CSV: exactly the rows at `positions` (the filtered, sorted view), in
 * that order, with a byte-order mark so that spreadsheets read it as UTF-8. With `segmentOf`
 * (the org orchestrates by grade), a Segment column names each row's segment, empty for none.
 */
export function accountsCsv(
  rows: readonly ScoreRow[],
  positions: ArrayLike<number>,
  settings: Pick<Settings, 'tiers'>,
  now: number,
  segmentOf?: (row: number) => string | undefined,
): string {
  const data: (string | number)[][] = new Array(positions.length);
  for (let k = 0; k < positions.length; k++) {
    const at = positions[k] as number;
    const r = rows[at] as ScoreRow;
    const cells: (string | number)[] = [
      r.name,
      r.domain ?? '',
      r.owner ?? '',
      r.isTarget ? 'yes' : 'no',
      tierLabel(r.assignedTier, settings),
      tierLabel(r.recommendedTier, settings),
      gradeMarkOf(r),
      gradeRangeOf(r),
      r.fit,
      r.engagement,
      r.level,
      r.trend,
      day(r.lastTouchAt),
      r.nextAction ?? '',
      day(r.nextDue),
      day(r.followUpDue),
      r.followUpDue !== undefined && r.followUpDue < now ? 'yes' : 'no',
      r.missingRoles.join('; '),
      r.contactCount,
      r.lifecycleStage ?? '',
      r.id,
    ];
    if (segmentOf) cells.splice(FIT_COLUMN + 1, 0, segmentOf(at) ?? '');
    data[k] = cells;
  }
  const fields: string[] = [...CSV_FIELDS];
  if (segmentOf) fields.splice(FIT_COLUMN + 1, 0, SEGMENT_FIELD);
  const csv = Papa.unparse({ fields, data }, { escapeFormulae: FORMULA, newline: '\r\n' });
  return `\uFEFF${csv}\r\n`;
}

/** "tierlens-accounts-2026-03-02.csv", the day being the user's. */
export const csvFileName = (now: number): string => `tierlens-accounts-${localDay(now)}.csv`;

/** Downloads `csv` as `name` through a Blob URL, revoked once the download has started. */
export function downloadCsv(csv: string, name: string): void {
  downloadText(csv, name, 'text/csv');
}

/** Has the browser save `text` as a file named `name`. */
export function downloadText(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
