import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Milliseconds each of `iterations` calls of `fn` takes, after `warmup` untimed calls. */
export function timeEach(fn: () => unknown, iterations: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times = new Array<number>(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    times[i] = performance.now() - start;
  }
  return times;
}

/** Milliseconds one call of `fn` takes, with its result. */
export function timeOnce<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

/** The `p`-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;

/**
 * The V8 collector, so that heap figures count live data rather than garbage not yet collected.
 * `--expose-gc` cannot be passed through `tsx` from package.json, so it is switched on here.
 */
const gc: (() => void) | undefined = (() => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
})();

/** Heap used in MB, after a full collection when one can be forced. */
export function heapUsedMb(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
}

/** One line of the results: a figure, and the upper bound DESIGN.md sets for it, if any. */
export interface Row {
  what: string;
  measured: number;
  unit: string;
  /** Upper bound from DESIGN.md; undefined: no target, the row is information. */
  target?: number;
  /** Shown in the target column of a row without a target. */
  note?: string;
}

const fmt = (n: number): string =>
  n >= 100 ? Math.round(n).toLocaleString('en-US') : n >= 10 ? n.toFixed(1) : n.toFixed(3);

/** The results as a fixed-width table: what, measured, target, measured/target, PASS/OVER. */
export function table(rows: readonly Row[]): string {
  const cells = rows.map((r) =>
    r.target === undefined
      ? [r.what, `${fmt(r.measured)} ${r.unit}`, r.note ?? 'none in DESIGN.md', '—', 'info']
      : [
          r.what,
          `${fmt(r.measured)} ${r.unit}`,
          `≤ ${fmt(r.target)} ${r.unit}`,
          `${(r.measured / r.target).toFixed(2)}×`,
          r.measured <= r.target ? 'PASS' : 'OVER',
        ],
  );
  const head = ['what', 'measured', 'target', 'ratio', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join(' │ ')
      .trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line)].join('\n');
}
