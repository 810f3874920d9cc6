import type { Trend } from '../scoring/engagement';
import type { GradeLetter, Tier } from '../settings/types';
import type { ScoreRow } from './score-row';

/** What the accounts view shows: every field optional, an absent one does not filter. */
export interface AccountFilter {
  /** Part of the name or the domain, any case. */
  search?: string;
  /** `none`: untiered. */
  assignedTier?: Tier | 'none';
  /** `none`: the model recommends no tier. */
  recommendedTier?: Tier | 'none';
  /** The letter shown (its worst and best case aside); `none`: no ICP data at all. */
  grade?: GradeLetter | 'none';
  /** Only grades the missing data could change ("B?"), or only certain ones. */
  uncertain?: boolean;
  level?: ScoreRow['level'];
  trend?: Trend;
  /** The owner's name as shown; `none`: no owner. */
  owner?: string;
  target?: boolean;
  /**
   * The model's recommendation is not the assigned tier: a tiered account recommended another tier
   * or none, or an untiered one recommended a tier.
   */
  disagreement?: boolean;
  /** The response-SLA follow-up is past due. */
  overdue?: boolean;
  /** The assigned tier requires a buyer role nobody holds. */
  missingRoles?: boolean;
}

export type SortKey = 'engagement' | 'grade' | 'due' | 'name';

export interface AccountSort {
  key: SortKey;
  /** Most first: the highest engagement, the best grade, the soonest due, A to Z; `true` reverses. */
  reversed?: boolean;
}

const GRADE_RANK: Record<GradeLetter, number> = { A: 0, B: 1, C: 2, D: 3, F: 4 };
const TRENDS: readonly Trend[] = ['surging', 'steady', 'cooling', 'quiet'];
/** Rows up to this many sort as packed numbers (key × SLOTS + position): exact in a double for keys below 2^32. */
const SLOTS = 2 ** 21;

/**
 * The rows' filterable fields as typed columns, one entry per row: a query reads these, not the
 * row objects, so that a pass over 500,000 accounts stays within the processor's caches.
 */
class Columns {
  /** 0: untiered, else the tier. */
  readonly assigned: Uint8Array;
  readonly recommended: Uint8Array;
  /** 0–4 for A–F, 5: ungraded. */
  readonly grade: Uint8Array;
  readonly uncertain: Uint8Array;
  readonly level: Uint8Array;
  readonly trend: Uint8Array;
  readonly target: Uint8Array;
  readonly missingRoles: Uint8Array;
  readonly engagement: Uint8Array;
  /** Epoch ms; NaN: none. */
  readonly followUpDue: Float64Array;
  readonly nextDue: Float64Array;
  /** Position in `owners`; -1: no owner. */
  readonly owner: Int32Array;
  readonly owners: string[];

  constructor(rows: readonly ScoreRow[]) {
    const n = rows.length;
    this.assigned = new Uint8Array(n);
    this.recommended = new Uint8Array(n);
    this.grade = new Uint8Array(n);
    this.uncertain = new Uint8Array(n);
    this.level = new Uint8Array(n);
    this.trend = new Uint8Array(n);
    this.target = new Uint8Array(n);
    this.missingRoles = new Uint8Array(n);
    this.engagement = new Uint8Array(n);
    this.followUpDue = new Float64Array(n);
    this.nextDue = new Float64Array(n);
    this.owner = new Int32Array(n);
    const owners = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const r = rows[i] as ScoreRow;
      this.assigned[i] = r.assignedTier ?? 0;
      this.recommended[i] = r.recommendedTier ?? 0;
      this.grade[i] = r.grade === null ? 5 : GRADE_RANK[r.grade];
      this.uncertain[i] = r.uncertain ? 1 : 0;
      this.level[i] = r.level;
      this.trend[i] = TRENDS.indexOf(r.trend);
      this.target[i] = r.isTarget ? 1 : 0;
      this.missingRoles[i] = r.missingRoles.length > 0 ? 1 : 0;
      this.engagement[i] = Math.max(0, Math.min(100, r.engagement));
      this.followUpDue[i] = r.followUpDue ?? Number.NaN;
      this.nextDue[i] = r.nextDue ?? Number.NaN;
      let o = -1;
      if (r.owner !== undefined) {
        o = owners.get(r.owner) ?? owners.size;
        if (o === owners.size) owners.set(r.owner, o);
      }
      this.owner[i] = o;
    }
    this.owners = [...owners.keys()];
  }
}

/**
 * Each order's key per row, a non-negative integer, best first: the highest engagement (ties: the
 * better grade), the best grade (a certain letter before an uncertain one, ungraded last; ties:
 * the higher engagement), the soonest due action (none last; ties: the higher engagement).
 */
function sortKeys(key: Exclude<SortKey, 'name'>, c: Columns): Float64Array {
  const n = c.grade.length;
  const keys = new Float64Array(n);
  const gradeKey = (i: number) => (c.grade[i] as number) * 2 + (c.uncertain[i] as number);
  const cold = (i: number) => 100 - (c.engagement[i] as number);
  if (key === 'engagement') for (let i = 0; i < n; i++) keys[i] = cold(i) * 16 + gradeKey(i);
  else if (key === 'grade') for (let i = 0; i < n; i++) keys[i] = gradeKey(i) * 128 + cold(i);
  else {
    let first = Number.POSITIVE_INFINITY;
    let last = 0;
    for (let i = 0; i < n; i++) {
      const due = c.nextDue[i] as number;
      if (due < first) first = due;
      if (due > last) last = due;
    }
    // Minutes after the soonest due date; no action sorts after the latest.
    const none = Number.isFinite(first) ? Math.floor((last - first) / 60_000) + 1 : 0;
    for (let i = 0; i < n; i++) {
      const due = c.nextDue[i] as number;
      keys[i] = (Number.isNaN(due) ? none : Math.floor((due - first) / 60_000)) * 128 + cold(i);
    }
  }
  return keys;
}

/** Positions ordered by `keys`, ties in row order. */
function orderBy(keys: Float64Array): Int32Array {
  const n = keys.length;
  if (n < SLOTS) {
    // One native numeric sort of packed (key, position) numbers: no comparator call per pair.
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (keys[i] as number) * SLOTS + i;
    packed.sort();
    return Int32Array.from(packed, (v) => v % SLOTS);
  }
  return Int32Array.from(keys, (_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
}

/**
 * The score rows of all accounts, ready to filter and sort many times: typed columns built once,
 * each order sorted once on first use, and a query walks its order once, so that a keystroke
 * over 500,000 accounts costs one pass (DESIGN.md: filter and sort p95 ≤ 100 ms at 500k).
 */
export class AccountIndex {
  readonly rows: readonly ScoreRow[];
  private readonly columns: Columns;
  /** Every row's lower-cased name and domain, joined by \u0001, and where each row's starts. */
  private readonly text: string;
  private readonly starts: Int32Array;
  private readonly orders = new Map<SortKey, Int32Array>();

  constructor(rows: readonly ScoreRow[]) {
    this.rows = rows;
    this.columns = new Columns(rows);
    const parts = rows.map((r) => `${r.name}\u0000${r.domain ?? ''}`.toLowerCase().replaceAll('\u0001', ''));
    this.starts = new Int32Array(rows.length + 1);
    let at = 0;
    for (let i = 0; i < parts.length; i++) {
      this.starts[i] = at;
      at += (parts[i] as string).length + 1;
    }
    this.starts[parts.length] = at;
    this.text = parts.join('\u0001');
  }

  get size(): number {
    return this.rows.length;
  }

  /** The owners named on the accounts, A to Z. */
  owners(): string[] {
    return [...this.columns.owners].sort((a, b) => a.localeCompare(b));
  }

  /** Sorts `key`'s order now if it is not yet (the view sorts the others while the user reads the first). */
  prepare(key: SortKey): void {
    this.order(key);
  }

  private order(key: SortKey): Int32Array {
    let order = this.orders.get(key);
    if (!order) {
      order = key === 'name' ? this.byName() : orderBy(sortKeys(key, this.columns));
      this.orders.set(key, order);
    }
    return order;
  }

  /** A to Z, names in any case together ("acme" beside "Acme"); ties in row order. */
  private byName(): Int32Array {
    const names = this.rows.map((r) => r.name.toLowerCase());
    return Int32Array.from(names, (_, i) => i).sort((a, b) => {
      const x = names[a] as string;
      const y = names[b] as string;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  }

  /** Which rows hold `search` in their name or domain: one scan of the joined text. */
  private matching(search: string): Uint8Array {
    const hit = new Uint8Array(this.rows.length);
    const { text, starts } = this;
    let from = 0;
    for (;;) {
      const at = text.indexOf(search, from);
      if (at < 0) break;
      // The row whose text holds `at`: the last start at or before it.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] as number) <= at) lo = mid;
        else hi = mid - 1;
      }
      hit[lo] = 1;
      from = starts[lo + 1] as number;
    }
    return hit;
  }

  /** The positions in `rows` of the accounts `filter` lets through, in `sort`'s order. */
  query(filter: AccountFilter, sort: AccountSort, now: number): Int32Array {
    const search = filter.search?.trim().toLowerCase().replaceAll('\u0001', '');
    const hit = search ? this.matching(search) : undefined;
    const keep = matcher(filter, this.columns, now);
    const order = this.order(sort.key);
    const out = new Int32Array(order.length);
    const n = order.length;
    let count = 0;
    for (let k = 0; k < n; k++) {
      const i = order[sort.reversed ? n - 1 - k : k] as number;
      if (hit && hit[i] === 0) continue;
      if (keep(i)) out[count++] = i;
    }
    return out.subarray(0, count);
  }
}

/** The filter's tests (the search aside), over the columns, as one predicate with only the tests asked for. */
function matcher(f: AccountFilter, c: Columns, now: number): (i: number) => boolean {
  const tests: ((i: number) => boolean)[] = [];
  const tier = (want: Tier | 'none') => (want === 'none' ? 0 : want);
  if (f.assignedTier !== undefined) {
    const want = tier(f.assignedTier);
    tests.push((i) => c.assigned[i] === want);
  }
  if (f.recommendedTier !== undefined) {
    const want = tier(f.recommendedTier);
    tests.push((i) => c.recommended[i] === want);
  }
  if (f.grade !== undefined) {
    const want = f.grade === 'none' ? 5 : GRADE_RANK[f.grade];
    tests.push((i) => c.grade[i] === want);
  }
  if (f.uncertain !== undefined) {
    const want = f.uncertain ? 1 : 0;
    tests.push((i) => c.uncertain[i] === want);
  }
  if (f.level !== undefined) {
    const want = f.level;
    tests.push((i) => c.level[i] === want);
  }
  if (f.trend !== undefined) {
    const want = TRENDS.indexOf(f.trend);
    tests.push((i) => c.trend[i] === want);
  }
  if (f.owner !== undefined) {
    const want = f.owner === 'none' ? -1 : c.owners.indexOf(f.owner);
    // An owner no account names matches nothing.
    if (f.owner !== 'none' && want < 0) return () => false;
    tests.push((i) => c.owner[i] === want);
  }
  if (f.target !== undefined) {
    const want = f.target ? 1 : 0;
    tests.push((i) => c.target[i] === want);
  }
  if (f.disagreement !== undefined) {
    const want = f.disagreement;
    tests.push((i) => (c.recommended[i] !== c.assigned[i]) === want);
  }
  if (f.overdue !== undefined) {
    const want = f.overdue;
    // NaN (no follow-up) is never before now.
    tests.push((i) => (c.followUpDue[i] as number) < now === want);
  }
  if (f.missingRoles !== undefined) {
    const want = f.missingRoles ? 1 : 0;
    tests.push((i) => c.missingRoles[i] === want);
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0] as (i: number) => boolean;
  return (i) => {
    for (const test of tests) if (!test(i)) return false;
    return true;
  };
}
