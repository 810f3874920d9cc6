import { FIELDS } from '@/lib/sync/file/fields';
import type { Problem } from '@/lib/sync/file/types';
import { RECORD_KIND_PLURALS } from '@/lib/sync/record-kinds';
import type { RecordKind } from '@/lib/sync/records';
import type { ChosenFile } from './use-file-import';

const FORMATS = { csv: 'CSV', json: 'JSON', ndjson: 'NDJSON' } as const;
const DELIMITERS = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;
const KINDS: Record<RecordKind, string> = {
  account: 'Accounts',
  contact: 'Contacts',
  touchpoint: 'Touchpoints',
  deal: 'Deals',
};
const SHOWN_PROBLEMS = 20;

/** Where a problem is, as a spreadsheet shows it: "Row 4, Domain" or "The file". */
export function problemPlace(p: Pick<Problem, 'row' | 'column'>): string {
  const where = p.row === 0 ? 'The file' : `Row ${p.row}`;
  return p.column ? `${where}, ${p.column}` : where;
}

const sizeLabel = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1 << 20
      ? `${Math.round(bytes / 1024)} kB`
      : `${(bytes / (1 << 20)).toFixed(1)} MB`;

/** One chosen file: what it looks like, and which field each of its columns fills (the user may change both). */
export function FileMapping({
  chosen,
  disabled,
  onKind,
  onField,
}: {
  chosen: ChosenFile;
  disabled: boolean;
  onKind: (kind: RecordKind) => void;
  onField: (index: number, field: string | null) => void;
}) {
  const { file, preview, error, mapping } = chosen;
  const headers = preview?.columns.map((c) => c.header) ?? [];
  const repeated = (h: string) => headers.filter((x) => x === h).length > 1;
  return (
    <section className="import-file" aria-label={`File ${file.name}`}>
      <header className="import-file-head">
        <strong className="import-file-name">{file.name}</strong>
        <span className="muted">{sizeLabel(file.size)}</span>
        {preview && (
          <span className="muted">
            {FORMATS[preview.format]}
            {preview.delimiter && `, ${DELIMITERS[preview.delimiter]}-separated`}
          </span>
        )}
        {preview?.records && (
          <span>
            Tierlens records:{' '}
            {preview.records.map((r) => `${r.count.toLocaleString('en')} ${RECORD_KIND_PLURALS[r.kind]}`).join(', ')}
          </span>
        )}
        {preview && !preview.records && (
          <label className="field-control">
            <span className="field-label">Holds</span>
            <select
              aria-label={`Kind of records in ${file.name}`}
              value={preview.kind ?? ''}
              disabled={disabled}
              onChange={(e) => onKind(e.target.value as RecordKind)}
              aria-invalid={preview.kind ? undefined : true}
            >
              {!preview.kind && <option value="">Choose…</option>}
              {Object.entries(KINDS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {!preview && !error && <p className="muted">Reading the first rows…</p>}
      {error && (
        <p className="notice notice-error" role="alert">
          Could not read this file: {error}
        </p>
      )}
      {preview?.records && (
        <p className="muted">
          Records as Tierlens writes them (import-preview --out, a team feed's shards): each kind is imported as it is,
          with no columns to map.
        </p>
      )}
      {preview?.kind && !preview.records && preview.columns.length > 0 && (
        <div className="table-scroll">
          <table className="grid mapping">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Imported as</th>
                <th scope="col">Sample values</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((c) => {
                const key = String(c.index);
                const changed = Object.hasOwn(mapping, key);
                const field = changed ? mapping[key] : c.field;
                const label = repeated(c.header) ? `${c.header} (column ${c.index + 1})` : c.header;
                return (
                  <tr key={c.index} className={field ? undefined : 'unmapped'}>
                    <th scope="row" className="mapping-header">
                      {c.header || <span className="muted">(no header)</span>}
                    </th>
                    <td className="mapping-field">
                      <select
                        aria-label={`Field for ${label}`}
                        value={field ?? ''}
                        disabled={disabled}
                        onChange={(e) => onField(c.index, e.target.value || null)}
                      >
                        <option value="">Not imported</option>
                        {Object.keys(FIELDS[preview.kind ?? 'account']).map((f) => (
                          <option key={f} value={f}>
                            {f}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <ul className="samples" aria-label={`Samples of ${label}`}>
                        {c.samples.map((s, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: samples repeat; their place is their identity
                          <li key={i} title={s}>
                            {s}
                          </li>
                        ))}
                      </ul>
                      {!changed && c.note && <div className="mapping-note">{c.note}</div>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {preview && preview.problems.length > 0 && (
        <ul className="problem-list import-problems" aria-label={`Problems in the first rows of ${file.name}`}>
          {preview.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id; the list is never reordered
            <li key={i} className={p.severity}>
              <strong>{problemPlace(p)}</strong>: {p.reason}
            </li>
          ))}
          {preview.problems.length > SHOWN_PROBLEMS && (
            <li className="muted">and {preview.problems.length - SHOWN_PROBLEMS} more in the first rows</li>
          )}
        </ul>
      )}
    </section>
  );
}
