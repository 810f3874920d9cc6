import type { FileProgress, PreviousProgress } from '@/lib/sync/file/types';

/**
 * The progress of a whole import: every file's rows and bytes added up (`totalBytes` unknown when
 * a file's size is; `file` the one being read), and in an import that adds to the previous one,
 * while it reads or keeps that one's records, how far it is with them (`phase`, `done`, `total`).
 */
export interface OverallProgress extends Omit<FileProgress, 'phase'>, Partial<Omit<PreviousProgress, 'phase'>> {
  phase?: FileProgress['phase'] | PreviousProgress['phase'];
}

/**
 * Adds up the importer's per-file progress (its counts and bytes restart with each file)
 * into the import's: `latest` holds each file's last report, `sizes` every file's size;
 * `previous`, the progress with the previous import's records while that is what goes on.
 */
export function overallProgress(
  latest: ReadonlyMap<string, FileProgress>,
  sizes: ReadonlyMap<string, number | undefined>,
  current: string,
  previous?: PreviousProgress,
): OverallProgress {
  let rows = 0;
  let goodRows = 0;
  let badRows = 0;
  let bytesRead = 0;
  for (const p of latest.values()) {
    rows += p.rows;
    goodRows += p.goodRows;
    badRows += p.badRows;
    bytesRead += p.bytesRead;
  }
  const known = [...sizes.values()];
  const totalBytes = known.every((s) => s !== undefined) ? known.reduce<number>((a, s) => a + (s ?? 0), 0) : undefined;
  const files: OverallProgress = { rows, goodRows, badRows, bytesRead, totalBytes, file: current };
  return previous ? { ...files, ...previous } : files;
}

/** How fast an import goes and how long it has left, from when it started. */
export interface ImportPace {
  /** Rows read per second so far; undefined in the first moments, when it says nothing yet. */
  rowsPerSecond?: number;
  /** Seconds left, from the share of bytes read; undefined while unknown. */
  secondsLeft?: number;
}

/** Below this much time a rate is noise. */
const MIN_ELAPSED_MS = 500;

/**
 * Rows per second is rows read over the time since the start. Time left assumes the rest of
 * the bytes go at the pace the read ones went (rows vary in length, bytes do not lie about how
 * much is left). `rowsNow`, when the page knows more rows than the last report said (the
 * database moves with every batch, reports come per chunk read), moves both on between reports:
 * the bytes read are estimated at the last report's bytes per row.
 */
export function importPace(progress: OverallProgress, startedAt: number, now: number, rowsNow = 0): ImportPace {
  const elapsed = now - startedAt;
  if (elapsed < MIN_ELAPSED_MS) return {};
  const rows = Math.max(progress.rows, rowsNow);
  const rowsPerSecond = (rows * 1000) / elapsed;
  const { totalBytes } = progress;
  const bytesRead =
    progress.rows > 0 && rows > progress.rows
      ? Math.min(totalBytes ?? Number.POSITIVE_INFINITY, (progress.bytesRead * rows) / progress.rows)
      : progress.bytesRead;
  if (totalBytes === undefined || bytesRead <= 0) return { rowsPerSecond };
  const left = Math.max(0, totalBytes - bytesRead);
  return { rowsPerSecond, secondsLeft: (elapsed / 1000) * (left / bytesRead) };
}

/** "8 s left", "about 2 min left", "almost done". */
export function timeLeftLabel(seconds: number | undefined): string | undefined {
  if (seconds === undefined) return undefined;
  if (seconds < 1) return 'almost done';
  if (seconds < 60) return `${Math.ceil(seconds)} s left`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${Math.round(seconds / 3600)} h left`;
}

/** "24,000 rows/s". */
export function rateLabel(rowsPerSecond: number | undefined): string | undefined {
  if (rowsPerSecond === undefined) return undefined;
  return `${Math.round(rowsPerSecond).toLocaleString('en-US')} rows/s`;
}

/** Lets through one call per `intervalMs` (and always the first): progress at ~10 a second. */
export function throttle(intervalMs: number, clock: () => number = Date.now): () => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const now = clock();
    if (now - last < intervalMs) return false;
    last = now;
    return true;
  };
}
