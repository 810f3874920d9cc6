import type { IcpCriterion, Program, Settings } from '@/lib/settings/types';

/** What a commitments-chart cell holds: committed (`true`), a cadence, or nothing. */
export type Cell = Program['tiers'][keyof Program['tiers']];

/** What a person may type for "committed". */
const COMMITTED = new Set(['✓', '✔', 'x', 'yes']);

/** A cell as text: "✓" for committed, the cadence, or "" when not committed. */
export function formatCell(cell: Cell): string {
  return cell === true ? '✓' : (cell ?? '');
}

/** Typed cell text: empty is not committed, "✓" (or x, yes) is committed, any other text is a cadence. */
export function parseCell(text: string): Cell {
  const t = text.trim();
  if (t === '') return undefined;
  return COMMITTED.has(t.toLowerCase()) ? true : t;
}

/** `${prefix}-1`, `${prefix}-2`…: the first one no existing id takes. */
export function uniqueId(prefix: string, taken: Iterable<string>): string {
  const ids = new Set(taken);
  let n = 1;
  while (ids.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** "pricing_page_visit" → "Pricing page visit". */
export function humanize(key: string): string {
  const words = key.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Account fields an ICP criterion can test; the field decides the kind of test. */
export const CRITERION_FIELDS = {
  industry: { kind: 'in_set', label: 'Industry' },
  country: { kind: 'in_set', label: 'Country' },
  employees: { kind: 'range', label: 'Employees' },
  revenue: { kind: 'range', label: 'Revenue ($)' },
  technologies: { kind: 'includes_any', label: 'Technologies' },
} as const satisfies Record<IcpCriterion['field'], { kind: IcpCriterion['kind']; label: string }>;

export type CriterionField = keyof typeof CRITERION_FIELDS;

/** The criterion tested on another field: values survive between list kinds, bounds within ranges. */
export function withField(c: IcpCriterion, field: CriterionField): IcpCriterion {
  const base = { id: c.id, label: c.label, weight: c.weight, disqualifying: c.disqualifying };
  const values = c.kind === 'range' ? [] : c.values;
  switch (field) {
    case 'industry':
    case 'country':
      return { ...base, kind: 'in_set', field, values };
    case 'technologies':
      return { ...base, kind: 'includes_any', field, values };
    case 'employees':
    case 'revenue':
      return c.kind === 'range' ? { ...c, field } : { ...base, kind: 'range', field };
  }
}

/** "Software, IT Services," → ["Software", "IT Services"]: blank entries are dropped. */
export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** What every editor gets: the draft, and a way to change it from its latest state. */
export interface EditorProps {
  draft: Settings;
  update: (change: (draft: Settings) => Settings) => void;
}
