import Papa from 'papaparse';
import { type ChangeEntry, type ChangeKind, type Counts, sourceWho } from '../db/change-log';
import type { Settings } from '../settings/types';
import { SOURCE_LABELS } from '../sync/messages';
import { SECTION_LABELS } from './change-log-model';

/** A change log entry in words: "Tier of Acme: Tier 2 ABM Lite → Tier 1 Strategic". */
export interface ChangeWords {
  what: string;
  /** One line per change: "Tier 2 ABM Lite → Tier 1 Strategic", "ICP criteria · thresholds.A: 80 → 75". */
  changes: string[];
}

/** "Tier 1 Strategic" (the name from the settings in force), "Tier 4" when it has none, "untiered". */
export function tierName(tier: unknown, settings: Pick<Settings, 'tiers'> | undefined): string {
  if (typeof tier !== 'number') return 'untiered';
  const name = settings?.tiers.find((t) => t.tier === tier)?.name;
  return name ? `Tier ${tier} ${name}` : `Tier ${tier}`;
}

const targetWords = (v: unknown) => (v === true ? 'target account' : 'not a target');

/** A setting's value in a few words: lists joined, absent as "—". */
export function settingWords(v: unknown): string {
  if (v === undefined) return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : 'none';
  if (typeof v === 'string') return v === '' ? '""' : v;
  return String(v);
}

/** The section a flattened setting belongs to ("icp.thresholds.A" → ICP criteria), and the rest of its path. */
function sectionOf(path: string): { label: string; rest: string } {
  const key = path.split(/[.[]/, 1)[0] ?? path;
  const label = SECTION_LABELS.find((s) => (s.keys as readonly string[]).includes(key))?.label ?? key;
  // A section of one key drops the key ("icp.thresholds.A" → "thresholds.A"); others keep it.
  const single = SECTION_LABELS.find((s) => s.label === label)?.keys.length === 1;
  const rest = single ? path.slice(key.length).replace(/^\./, '') : path;
  return { label, rest: rest || key };
}

/** "from HubSpot", "from the team feed", "from the file import": where a source's changes came from. */
export function fromSource(source: string): string {
  return `from ${SOURCE_LABELS[source as keyof typeof SOURCE_LABELS] ?? sourceWho(source)}`;
}

/** "240 more tier changes from HubSpot": a rescoring's summary of the changes past those it lists. */
function summaryWords(entry: ChangeEntry & { count: number }): ChangeWords {
  const what = entry.kind === 'target' ? 'target designation' : 'tier';
  const changes = entry.count === 1 ? 'change' : 'changes';
  return {
    what: `${entry.count} more ${what} ${changes} ${fromSource(entry.via ?? entry.who)}`,
    changes: ['not listed one by one: the accounts view shows each account as it is now'],
  };
}

/** Why a person's tier or target change was made, when it answers something: an undo, a settled conflict. */
const reasonWords = (entry: ChangeEntry) => (entry.undoOf ? ' (undo)' : entry.settles ? ' (conflict settled)' : '');

/** The entry in words, tier names from `settings`; `name` is the account's name when the entry lacks it. */
export function changeWords(entry: ChangeEntry, settings?: Pick<Settings, 'tiers'>, name?: string): ChangeWords {
  if (entry.count !== undefined && entry.kind !== 'model') return summaryWords({ ...entry, count: entry.count });
  const account = entry.accountName ?? name ?? entry.accountId ?? 'an account';
  const reason = reasonWords(entry);
  if (entry.kind === 'tier') {
    return {
      what: `Tier of ${account}${reason}`,
      changes: [`${tierName(entry.before, settings)} → ${tierName(entry.after, settings)}`],
    };
  }
  if (entry.kind === 'target') {
    return {
      what: `Target designation of ${account}${reason}`,
      changes: [`${targetWords(entry.before)} → ${targetWords(entry.after)}`],
    };
  }
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes = paths.map((p) => {
    const { label, rest } = sectionOf(p);
    return `${label} · ${rest}: ${settingWords(before[p])} → ${settingWords(after[p])}`;
  });
  if (entry.moreChanges) changes.push(`and ${entry.moreChanges} more`);
  return { what: `Models: ${(entry.sections ?? []).join(', ') || 'no section'}`, changes };
}

/** The grade rows of an effect table, in letter order. */
export const GRADE_KEYS = ['A', 'B', 'C', 'D', 'F', 'ungraded'] as const;

/** The keys of both sides of a count table, tiers in number order and "none" last. */
export function countKeys(before: Counts, after: Counts): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.sort((a, b) => (a === 'none' ? 1 : b === 'none' ? -1 : a.localeCompare(b)));
}

/** "A 12 → 10, B 40 → 42": the rows whose count changed (all of them when none did). */
export function countsWords(before: Counts, after: Counts, keys: readonly string[], label = (k: string) => k): string {
  const changed = keys.filter((k) => (before[k] ?? 0) !== (after[k] ?? 0));
  if (changed.length === 0) return 'no change';
  return changed.map((k) => `${label(k)} ${before[k] ?? 0} → ${after[k] ?? 0}`).join(', ');
}

/** "2026-03-02 14:05", the user's local time. */
export function whenWords(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Who made the changes a filter keeps: people (edits, undos, settled conflicts, saved settings) or the sources' data. */
export type ChangeOrigin = 'people' | 'sources';

export const ORIGIN_WORDS: Record<ChangeOrigin, string> = { people: 'People', sources: 'Sources' };

/** Whether a source's data brought the change (a sync, a feed, a file import, and a feed's models), not a person. */
export function originOf(entry: ChangeEntry): ChangeOrigin {
  return entry.via !== undefined || entry.who === sourceWho('feed') ? 'sources' : 'people';
}

/** The effect in a line: "grades: A 12 → 10; recommended tiers: Tier 1 4 → 6". */
export function effectWords(entry: ChangeEntry): string {
  if (entry.effectPending) return 'counted when the rescoring under these models completes';
  const e = entry.effect;
  if (!e) return '';
  const tiers = countsWords(e.tiers.before, e.tiers.after, countKeys(e.tiers.before, e.tiers.after), (k) =>
    k === 'none' ? 'none' : `Tier ${k}`,
  );
  return `grades: ${countsWords(e.grades.before, e.grades.after, GRADE_KEYS)}; recommended tiers: ${tiers}`;
}

/** The kinds in words, for filters and the export. */
export const KIND_WORDS: Record<ChangeKind, string> = { tier: 'Tier', target: 'Target', model: 'Model' };

// As in the accounts export: a cell starting with = + - @ (or a tab or a carriage return) gets an
// apostrophe, so that a spreadsheet runs no formula a name or a setting brought in.
const FORMULA = /^[=+\-@\t\r]/;

export const CHANGE_CSV_FIELDS = ['When', 'Who', 'Kind', 'Account', 'Account id', 'What', 'Change', 'Effect'] as const;

/** The log (as shown: filtered, newest first) as CSV, with a byte-order mark for spreadsheets. */
export function changeLogCsv(
  entries: readonly ChangeEntry[],
  settings: Pick<Settings, 'tiers'> | undefined,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  const data = entries.map((e) => {
    const words = changeWords(e, settings, e.accountId ? names.get(e.accountId) : undefined);
    const effect = effectWords(e);
    return [
      whenWords(e.at),
      e.who,
      KIND_WORDS[e.kind],
      e.accountName ?? (e.accountId ? names.get(e.accountId) : undefined) ?? '',
      e.accountId ?? '',
      words.what,
      words.changes.join('\n'),
      effect,
    ];
  });
  const csv = Papa.unparse({ fields: [...CHANGE_CSV_FIELDS], data }, { escapeFormulae: FORMULA, newline: '\r\n' });
  return `\uFEFF${csv}\r\n`;
}
