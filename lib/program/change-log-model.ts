import type { AccountRows } from '../accounts/account-rows';
import { appendChange, type ChangeEntry, type Counts, type ModelEffect } from '../db/change-log';
import type { TierlensDB } from '../db/db';
import { previewSettings, type SettingsPreview } from '../scoring/preview';
import type { Settings } from '../settings/types';
import { logWithEffectDue } from './model-effects';

/**
 * The settings' sections in words, in the options page's order. `me` (the user's own name) and
 * `version` are not the org's models: changing them alone logs nothing.
 */
export const SECTION_LABELS: readonly { label: string; keys: readonly (keyof Settings)[] }[] = [
  { label: 'ICP criteria', keys: ['icp'] },
  { label: 'Tiers', keys: ['tierModel', 'tiers'] },
  { label: 'Commitments', keys: ['programs'] },
  { label: 'Orchestration', keys: ['orchestration'] },
  { label: 'Engagement model', keys: ['engagement'] },
  { label: 'Rules', keys: ['rules'] },
  { label: 'Buyer-role rules', keys: ['roleRules'] },
  { label: 'Sites', keys: ['adapters', 'platforms'] },
  { label: 'Write-back', keys: ['writeBack'] },
];

/** At most this many changed settings are kept per entry: the rest are counted (`moreChanges`). */
export const MAX_CHANGES = 40;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An array element's stable name: its id, its tier number, else its position. */
function keyOf(item: unknown, i: number): string {
  if (isObject(item)) {
    if (typeof item.id === 'string') return item.id;
    if (typeof item.tier === 'number') return String(item.tier);
  }
  return String(i);
}

/**
 * The settings as leaves, `{ "icp.thresholds.A": 80, "tiers[1].capacity": 25 }`: objects by
 * property, arrays of records by id (or tier), so that a reordering or an insertion names what
 * moved rather than every row after it; arrays of plain values are one leaf ("a, b").
 */
export function flatten(value: unknown, path = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (Array.isArray(value) && value.some((v) => isObject(v))) {
    value.forEach((item, i) => {
      flatten(item, `${path}[${keyOf(item, i)}]`, out);
    });
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else {
    out[path] = value;
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What differs between two settings: the sections in words and the changed leaves, before and after. */
export function settingsDiff(
  before: Settings,
  after: Settings,
): Pick<ChangeEntry, 'sections' | 'before' | 'after' | 'moreChanges'> {
  const sections: string[] = [];
  const was: Record<string, unknown> = {};
  const is: Record<string, unknown> = {};
  let changes = 0;
  for (const { label, keys } of SECTION_LABELS) {
    if (keys.every((k) => same(before[k], after[k]))) continue;
    sections.push(label);
    for (const key of keys) {
      const a = flatten(before[key], key);
      const b = flatten(after[key], key);
      for (const path of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (same(a[path], b[path])) continue;
        changes++;
        if (changes > MAX_CHANGES) continue;
        // A leaf only on one side was added or removed: it is absent from the other.
        if (path in a) was[path] = a[path];
        if (path in b) is[path] = b[path];
      }
    }
  }
  return { sections, before: was, after: is, ...(changes > MAX_CHANGES ? { moreChanges: changes - MAX_CHANGES } : {}) };
}

const gradeCounts = (p: SettingsPreview): Counts => ({ ...p.grades });
const tierCounts = (p: SettingsPreview): Counts => ({
  ...Object.fromEntries(p.tiers.map((t) => [String(t.tier), t.recommended])),
  none: p.notRecommended,
});

/** Counts per grade and per recommended tier of every account under the old and the new settings (the preview's scoring). */
export function modelEffect(rows: readonly AccountRows[], before: Settings, after: Settings, now: number): ModelEffect {
  const was = previewSettings(rows, before, now);
  const is = previewSettings(rows, after, now);
  return {
    accounts: is.accounts,
    grades: { before: gradeCounts(was), after: gradeCounts(is) },
    tiers: { before: tierCounts(was), after: tierCounts(is) },
  };
}

/**
 * The change log entry of a model change, or undefined when no model section changed (only the
 * user's name, say). `rows`: every account, for the effect; without them the effect is left out.
 */
export function modelChange(input: {
  before: Settings;
  after: Settings;
  who: string;
  now: number;
  rows?: readonly AccountRows[];
}): Omit<ChangeEntry, 'seq'> | undefined {
  const diff = settingsDiff(input.before, input.after);
  if (diff.sections?.length === 0) return undefined;
  return {
    at: input.now,
    who: input.who,
    kind: 'model',
    ...diff,
    ...(input.rows ? { effect: modelEffect(input.rows, input.before, input.after, input.now) } : {}),
  };
}

/**
 * Logs a model change in the main database; answers whether there was one to log. Without the
 * accounts (a team feed's change in the worker, the options page before it read them), the effect
 * is counted by the rescoring the change sets off, and filled in when its run switches.
 */
export async function logModelChange(db: TierlensDB, input: Parameters<typeof modelChange>[0]): Promise<boolean> {
  const entry = modelChange(input);
  if (!entry) return false;
  if (input.rows) await appendChange(db, entry);
  else await logWithEffectDue(db, entry, input.after);
  return true;
}
