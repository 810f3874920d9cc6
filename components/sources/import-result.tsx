import { count } from '@/components/shared/format';
import type { Problem } from '@/lib/sync/file/types';
import type { WireOutcome, WireReport } from './import-protocol';
import { addedSummary, holdings } from './status-words';

/** Bad rows and warnings listed on the page; the download has every kept bad row. */
const SHOWN = 100;

function download(csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'tierlens-bad-rows.csv';
  a.click();
  // The download has its own reference by the time the click returns; give it a moment anyway.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function ProblemTable({
  title,
  problems,
  total,
  several,
}: {
  title: string;
  problems: Problem[];
  total: number;
  several: boolean;
}) {
  const shown = problems.slice(0, SHOWN);
  return (
    <div className="import-problems">
      <h3>{title}</h3>
      <table className="grid bad-rows" aria-label={title}>
        <thead>
          <tr>
            {several && <th scope="col">File</th>}
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id; the list is never reordered
            <tr key={i}>
              {several && <td>{p.file}</td>}
              <td className="narrow">{p.row === 0 ? 'file' : p.row}</td>
              <td>{p.column ?? '—'}</td>
              <td>{p.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > shown.length && <p className="hint">and {count(total - shown.length)} more.</p>}
    </div>
  );
}

function Report({ report }: { report: WireReport }) {
  const several = report.files.length > 1;
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  const fileErrors = errors.filter((p) => p.row === 0).length;
  return (
    <>
      <ul className="import-files">
        {report.files.map((f) => (
          <li key={f.name}>
            <strong>{f.name}</strong>: {count(f.rows)} rows read, {count(f.good)} imported
            {f.bad > 0 && `, ${count(f.bad)} bad`}
            {f.stopped && <span className="warn"> — stopped: {f.stopped}</span>}
          </li>
        ))}
      </ul>
      {errors.length > 0 && (
        <ProblemTable
          title={`Bad rows, not imported (${count(report.badRows)})`}
          problems={errors}
          total={report.badRows + fileErrors}
          several={several}
        />
      )}
      {report.badRowsCsv && (
        <button type="button" className="secondary" onClick={() => download(report.badRowsCsv)}>
          Download bad rows (CSV)
        </button>
      )}
      {report.badRowsCapped && (
        <p className="hint">
          The download keeps the first 10,000 bad rows; fix those and import again to see the rest.
        </p>
      )}
      {warnings.length > 0 && (
        <ProblemTable
          title={`Warnings: imported without the value named (${count(report.warnings)})`}
          problems={warnings}
          total={report.warnings}
          several={several}
        />
      )}
    </>
  );
}

/** How the import ended: what it imported, or that nothing changed, and every bad row. */
export function ImportResult({ outcome }: { outcome: WireOutcome }) {
  return (
    <div className="import-result">
      {outcome.status === 'switched' && (
        <p className="notice notice-ok" role="status">
          {outcome.addedTo
            ? `${addedSummary(outcome.addedTo)} The file import now holds ${holdings(outcome.counts)}.`
            : outcome.replaced
              ? `Imported ${holdings(outcome.counts)}. They replace the previous file import.`
              : `Imported ${holdings(outcome.counts)}.`}
        </p>
      )}
      {outcome.status === 'cancelled' && (
        <p className="notice notice-warn" role="status">
          Import cancelled: nothing changed, the previous data is as it was.
        </p>
      )}
      {outcome.status === 'failed' && (
        <p className="notice notice-error" role="alert">
          {outcome.error}
        </p>
      )}
      {outcome.report && outcome.status !== 'cancelled' && <Report report={outcome.report} />}
    </div>
  );
}
