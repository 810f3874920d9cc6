import type { Trend } from '../scoring/engagement';
import type { GradeLetter, Segment, Tier } from '../settings/types';
import type { ScoreRow } from './score-row';
import {
  NO_SEGMENT,
  type RankColumn,
  rankColumn,
  resegmentRows,
  type Segmentation,
  sameRankEntry,
  segmentRows,
} from './segments';

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
  /** The owner's name as shown; `null`: no owner (a CRM user may be called "none"). */
  owner?: string | null;
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
  /**
   * The segment of the orchestration template by grade, by its id; `null`: in no segment. Only an
   * index placed in the template (`withSegments`) has segments: any other matches nothing.
   */
  segment?: string | null;
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
  private readonly ownerIds: Map<string, number>;

  /** Empty columns for `n` rows, or a copy of `from` to write a few rows into. */
  constructor(n: number, from?: Columns) {
    const u8 = (a?: Uint8Array) => (a ? a.slice() : new Uint8Array(n));
    const f64 = (a?: Float64Array) => (a ? a.slice() : new Float64Array(n));
    this.assigned = u8(from?.assigned);
    this.recommended = u8(from?.recommended);
    this.grade = u8(from?.grade);
    this.uncertain = u8(from?.uncertain);
    this.level = u8(from?.level);
    this.trend = u8(from?.trend);
    this.target = u8(from?.target);
    this.missingRoles = u8(from?.missingRoles);
    this.engagement = u8(from?.engagement);
    this.followUpDue = f64(from?.followUpDue);
    this.nextDue = f64(from?.nextDue);
    this.owner = from ? from.owner.slice() : new Int32Array(n);
    this.owners = [...(from?.owners ?? [])];
    this.ownerIds = new Map(from?.ownerIds);
  }

  static of(rows: readonly ScoreRow[]): Columns {
    const c = new Columns(rows.length);
    for (let i = 0; i < rows.length; i++) c.write(i, rows[i] as ScoreRow);
    return c;
  }

  /** Row `i`'s fields, from its score row. */
  write(i: number, r: ScoreRow): void {
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
      o = this.ownerIds.get(r.owner) ?? this.owners.length;
      if (o === this.owners.length) {
        this.ownerIds.set(r.owner, o);
        this.owners.push(r.owner);
      }
    }
    this.owner[i] = o;
  }
}

/** The soonest and the latest due date of any row: the due order counts minutes from the first. */
function dueRange(c: Columns): { first: number; last: number } {
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (let i = 0; i < c.nextDue.length; i++) {
    const due = c.nextDue[i] as number;
    if (due < first) first = due;
    if (due > last) last = due;
  }
  return { first, last };
}

/**
 * Each order's key of a row, a non-negative integer, best first: the highest engagement (ties: the
 * better grade), the best grade (a certain letter before an uncertain one, ungraded last; ties:
 * the higher engagement), the soonest due action (none last; ties: the higher engagement).
 */
function rowKey(key: Exclude<SortKey, 'name'>, c: Columns, due = dueRange(c)): (i: number) => number {
  const gradeKey = (i: number) => (c.grade[i] as number) * 2 + (c.uncertain[i] as number);
  const cold = (i: number) => 100 - (c.engagement[i] as number);
  if (key === 'engagement') return (i) => cold(i) * 16 + gradeKey(i);
  if (key === 'grade') return (i) => gradeKey(i) * 128 + cold(i);
  const { first, last } = due;
  // Minutes after the soonest due date; no action sorts after the latest.
  const none = Number.isFinite(first) ? Math.floor((last - first) / 60_000) + 1 : 0;
  return (i) => {
    const at = c.nextDue[i] as number;
    return (Number.isNaN(at) ? none : Math.floor((at - first) / 60_000)) * 128 + cold(i);
  };
}

/** Every row's key of one order. */
function sortKeys(key: Exclude<SortKey, 'name'>, c: Columns): Float64Array {
  const keyOf = rowKey(key, c);
  const keys = new Float64Array(c.grade.length);
  for (let i = 0; i < keys.length; i++) keys[i] = keyOf(i);
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
 * `order` (sorted by the keys the rows had) with the rows `moved` taken out and put back at their
 * new keys, each found by a binary search: a few block copies, not a sort of 500,000 rows. Exact
 * when every other row keeps its key, as a full sort orders by key, then by position.
 */
function reinsert(order: Int32Array, keyOf: (i: number) => number, moved: readonly number[]): Int32Array {
  const before = (a: number, b: number) => {
    const d = keyOf(a) - keyOf(b);
    return d < 0 || (d === 0 && a < b);
  };
  const unique = [...new Set(moved)];
  // The order without the moved rows, copied block by block around their old places.
  const gaps = unique.map((i) => order.indexOf(i)).sort((a, b) => a - b);
  const rest = new Int32Array(order.length - gaps.length);
  let from = 0;
  let to = 0;
  for (const gap of gaps) {
    rest.set(order.subarray(from, gap), to);
    to += gap - from;
    from = gap + 1;
  }
  rest.set(order.subarray(from), to);
  // Each moved row before the first row of `rest` it sorts before.
  const placed = unique.sort((a, b) => (before(a, b) ? -1 : 1));
  const out = new Int32Array(order.length);
  from = 0;
  to = 0;
  for (const row of placed) {
    let lo = from;
    let hi = rest.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(rest[mid] as number, row)) lo = mid + 1;
      else hi = mid;
    }
    out.set(rest.subarray(from, lo), to);
    to += lo - from;
    out[to++] = row;
    from = lo;
  }
  out.set(rest.subarray(from), to);
  return out;
}

/** What an index and the indexes made from it share: built once, or patched for a few rows. */
interface Parts {
  columns: Columns;
  /** Every row's lower-cased name and domains, joined by \u0001, and where each row's starts. */
  text: string;
  starts: Int32Array;
  /** Each order, sorted on first use. */
  orders: Map<SortKey, Int32Array>;
  /** The rows' fit ranks, on first use by a template (fitRanks: 1–2 s at 500,000 rows). */
  ranks?: RankColumn;
  /** The last template placed over the rows, by its segments' JSON. */
  segmented?: { key: string; segmentation: Segmentation };
}

/** Rows whose search text is the same: the joined text of the index still holds. */
const searchText = (r: ScoreRow) =>
  `${r.name}\u0000${r.domain ?? ''}${r.moreDomains ? `\u0000${r.moreDomains.join('\u0000')}` : ''}`;
const sameText = (a: ScoreRow, b: ScoreRow) => a.id === b.id && searchText(a) === searchText(b);

/**
 * The score rows of all accounts, ready to filter and sort many times: typed columns built once,
 * each order sorted once on first use, and a query walks its order once, so that a keystroke
 * over 500,000 accounts costs one pass (DESIGN.md: filter and sort p95 ≤ 100 ms at 500k).
 */
export class AccountIndex {
  readonly rows: readonly ScoreRow[];
  private readonly parts: Parts;
  /** Each row's segment, in the index `withSegments` made (orchestration by grade). */
  private readonly segmentation?: Segmentation;

  constructor(rows: readonly ScoreRow[], shared?: { parts: Parts; segmentation?: Segmentation }) {
    this.rows = rows;
    this.parts = shared?.parts ?? AccountIndex.build(rows);
    this.segmentation = shared?.segmentation;
  }

  private static build(rows: readonly ScoreRow[]): Parts {
    const parts = rows.map((r) => searchText(r).toLowerCase().replaceAll('\u0001', ''));
    const starts = new Int32Array(rows.length + 1);
    let at = 0;
    for (let i = 0; i < parts.length; i++) {
      starts[i] = at;
      at += (parts[i] as string).length + 1;
    }
    starts[parts.length] = at;
    return { columns: Columns.of(rows), text: parts.join('\u0001'), starts, orders: new Map() };
  }

  get size(): number {
    return this.rows.length;
  }

  /** The owners named on the accounts, A to Z. */
  owners(): string[] {
    return [...this.parts.columns.owners].sort((a, b) => a.localeCompare(b));
  }

  /**
   * This index with every row placed in the orchestration template's segments, for the segment
   * filter and column. The fit ranks are computed once for these rows, whatever the template.
   */
  withSegments(orchestration: { readonly segments: readonly Segment[] }): AccountIndex {
    const { parts } = this;
    const key = JSON.stringify(orchestration.segments);
    if (parts.segmented?.key !== key) {
      parts.ranks ??= rankColumn(this.rows);
      parts.segmented = { key, segmentation: segmentRows(this.rows, parts.ranks, orchestration.segments) };
    }
    return new AccountIndex(this.rows, { parts, segmentation: parts.segmented.segmentation });
  }

  /** Each row's segment name (undefined: in none), when this index placed a template (`withSegments`). */
  segmentLabels(): ((row: number) => string | undefined) | undefined {
    const s = this.segmentation;
    if (!s) return undefined;
    return (row) => {
      const place = s.column[row];
      return place === undefined || place === NO_SEGMENT ? undefined : s.labels[place];
    };
  }

  /**
   * The index of `rows`: these rows with those at `changed` replaced by new rows of the same
   * accounts (an edit rescored in place). The columns are copied and the few rows written, each
   * sorted order keeps its sort with the changed rows merged back in, and the ranks stay when no
   * changed row could move one; any other change (rows added, removed, renamed) builds anew.
   */
  patched(rows: readonly ScoreRow[], changed: readonly number[]): AccountIndex {
    const old = this.rows;
    const inPlace = rows.length === old.length && changed.every((i) => old[i] && rows[i] && sameText(old[i], rows[i]));
    if (!inPlace) return this.again(new AccountIndex(rows));
    const before = this.parts;
    const columns = new Columns(rows.length, before.columns);
    for (const i of changed) columns.write(i, rows[i] as ScoreRow);
    const orders = new Map<SortKey, Int32Array>();
    const due = dueRange(columns);
    for (const [key, order] of before.orders) {
      if (key === 'name') orders.set(key, order);
      // The due order counts minutes from the soonest date: when that moves, every key does.
      else if (key !== 'due' || due.first === dueRange(before.columns).first) {
        orders.set(key, reinsert(order, rowKey(key, columns, due), changed));
      }
    }
    const parts: Parts = { columns, text: before.text, starts: before.starts, orders };
    if (before.ranks && changed.every((i) => sameRankEntry(old[i] as ScoreRow, rows[i] as ScoreRow))) {
      parts.ranks = before.ranks;
      if (before.segmented) {
        const segmentation = resegmentRows(before.segmented.segmentation, rows, before.ranks, changed);
        parts.segmented = { key: before.segmented.key, segmentation };
      }
    }
    return this.again(new AccountIndex(rows, { parts }));
  }

  /** `next` placed in this index's template, if it has one. */
  private again(next: AccountIndex): AccountIndex {
    return this.segmentation ? next.withSegments(this.segmentation) : next;
  }

  /** Sorts `key`'s order now if it is not yet (the view sorts the others while the user reads the first). */
  prepare(key: SortKey): void {
    this.order(key);
  }

  private order(key: SortKey): Int32Array {
    let order = this.parts.orders.get(key);
    if (!order) {
      order = key === 'name' ? this.byName() : orderBy(sortKeys(key, this.parts.columns));
      this.parts.orders.set(key, order);
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

  /** Which rows hold `search` in their name or one of their domains: one scan of the joined text. */
  private matching(search: string): Uint8Array {
    const hit = new Uint8Array(this.rows.length);
    const { text, starts } = this.parts;
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

  /** How many rows have no value for the order: no action due (`due`), or no grade (`grade`). */
  private withoutValue(key: SortKey): number {
    const c = this.parts.columns;
    let none = 0;
    if (key === 'due') for (let i = 0; i < c.nextDue.length; i++) none += Number.isNaN(c.nextDue[i] as number) ? 1 : 0;
    if (key === 'grade') for (let i = 0; i < c.grade.length; i++) none += c.grade[i] === 5 ? 1 : 0;
    return none;
  }

  /** The positions in `rows` of the accounts `filter` lets through, in `sort`'s order. */
  query(filter: AccountFilter, sort: AccountSort, now: number): Int32Array {
    const search = filter.search?.trim().toLowerCase().replaceAll('\u0001', '');
    const hit = search ? this.matching(search) : undefined;
    const keep = matcher(filter, this.parts.columns, now, this.segmentation);
    const order = this.order(sort.key);
    const out = new Int32Array(order.length);
    const n = order.length;
    // Reversed, the rows with a value come in reverse; those without (no action, ungraded),
    // which every order puts last, stay last: "latest first" is not "nothing due first".
    const valued = sort.reversed ? n - this.withoutValue(sort.key) : n;
    let count = 0;
    for (let k = 0; k < n; k++) {
      const i = order[sort.reversed && k < valued ? valued - 1 - k : k] as number;
      if (hit && hit[i] === 0) continue;
      if (keep(i)) out[count++] = i;
    }
    return out.subarray(0, count);
  }
}

/** The filter's tests (the search aside), over the columns, as one predicate with only the tests asked for. */
function matcher(
  f: AccountFilter,
  c: Columns,
  now: number,
  segmentation: Segmentation | undefined,
): (i: number) => boolean {
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
    const want = f.owner === null ? -1 : c.owners.indexOf(f.owner);
    // An owner no account names matches nothing.
    if (f.owner !== null && want < 0) return () => false;
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
  if (f.segment !== undefined) {
    // Without a template placed (the org does not orchestrate by grade), no account is in a segment.
    const want = f.segment === null ? NO_SEGMENT : (segmentation?.segments.findIndex((s) => s.id === f.segment) ?? -1);
    if (!segmentation || want < 0) return () => false;
    const column = segmentation.column;
    tests.push((i) => column[i] === want);
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0] as (i: number) => boolean;
  return (i) => {
    for (const test of tests) if (!test(i)) return false;
    return true;
  };
}
