import { count } from '@/components/shared/format';
import { importPace, type OverallProgress, rateLabel, timeLeftLabel } from './progress-math';

/**
 * The import under way: a bar over the bytes read, rows, pace and time left, and Cancel.
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
  const pace = progress ? importPace(progress, startedAt, Date.now(), written) : {};
  const total = progress?.totalBytes;
  const read = Math.max(progress?.rows ?? 0, written ?? 0);
  const facts =
    progress || written
      ? [
          `${count(read)} rows read`,
          written !== undefined && written > 0 ? `${count(written)} written` : undefined,
          progress && progress.badRows > 0 ? `${count(progress.badRows)} bad` : undefined,
          rateLabel(pace.rowsPerSecond),
          timeLeftLabel(pace.secondsLeft),
        ].filter(Boolean)
      : ['Starting…'];
  return (
    <div className="import-progress">
      <progress
        aria-label="Import progress"
        max={total && total > 0 ? total : undefined}
        value={total && total > 0 ? Math.min(progress?.bytesRead ?? 0, total) : undefined}
      />
      <div className="import-progress-line">
        <span role="status">
          {cancelling ? 'Cancelling: the previous data stays as it was…' : facts.join(' · ')}
          {!cancelling && progress && <span className="muted"> — {progress.file}</span>}
        </span>
        <button type="button" className="secondary" onClick={onCancel} disabled={cancelling}>
          Cancel
        </button>
      </div>
    </div>
  );
}
