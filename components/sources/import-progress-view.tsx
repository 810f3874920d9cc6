import { count } from '@/components/shared/format';
import { importPace, type OverallProgress, rateLabel, timeLeftLabel } from './progress-math';

/** While an import that adds works on the previous import's records: what it does, and how far it is. */
function previousWork(progress: OverallProgress): string | undefined {
  if (progress.phase !== 'linking' && progress.phase !== 'keeping') return undefined;
  const done = count(progress.done ?? 0);
  const of = progress.total !== undefined ? ` of ${count(Math.max(progress.total, progress.done ?? 0))}` : '';
  if (progress.phase === 'linking') {
    const [records, linked] = progress.records === 'contacts' ? ['contacts', 'touchpoints'] : ['accounts', 'contacts'];
    return `Reading the ${records} imported before (to link ${linked} to them): ${done}${of}`;
  }
  return `Keeping the records imported before: ${done}${of}`;
}

/**
 * The import under way: a bar over the bytes read, rows, pace and time left, and Cancel. An
 * import that adds to the previous one also reads that one's accounts (to link to) and copies
 * its records: the bar and the words follow those records then.
 * `written` is what the staging generation holds, live from the database: the importer reports
 * progress per chunk it reads, the database moves with every batch it writes.
 */
export function ImportProgressView({
  progress,
  written,
  startedAt,
  cancelling,
  onCancel,
}: {
  progress?: OverallProgress;
  written?: number;
  startedAt: number;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const previous = progress && previousWork(progress);
  const pace = progress && !previous ? importPace(progress, startedAt, Date.now(), written) : {};
  const read = Math.max(progress?.rows ?? 0, written ?? 0);
  const facts =
    progress || written
      ? [
          previous,
          `${count(read)} rows read`,
          written !== undefined && written > 0 && !previous ? `${count(written)} written` : undefined,
          progress && progress.badRows > 0 ? `${count(progress.badRows)} bad` : undefined,
          rateLabel(pace.rowsPerSecond),
          timeLeftLabel(pace.secondsLeft),
        ].filter(Boolean)
      : ['Starting…'];
  const [value, total] = previous
    ? [progress?.done ?? 0, progress?.total]
    : [progress?.bytesRead ?? 0, progress?.totalBytes];
  return (
    <div className="import-progress">
      <progress
        aria-label="Import progress"
        max={total && total > 0 ? total : undefined}
        value={total && total > 0 ? Math.min(value, total) : undefined}
      />
      <div className="import-progress-line">
        <span role="status">
          {cancelling ? 'Cancelling: the previous data stays as it was…' : facts.join(' · ')}
          {!cancelling && progress && !previous && <span className="muted"> — {progress.file}</span>}
        </span>
        <button type="button" className="secondary" onClick={onCancel} disabled={cancelling}>
          Cancel
        </button>
      </div>
    </div>
  );
}
