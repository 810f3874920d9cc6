import { useEffect, useState } from 'react';
import { getDb } from '@/lib/db/db';
import { collectEditsExport } from '@/lib/edits/export';

interface Exported {
  name: string;
  of: 'companies' | 'contacts';
  rows: number;
  url: string;
}

const RECORDS = { companies: ['company', 'companies'], contacts: ['contact', 'contacts'] } as const;

type State =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; files: Exported[]; missing: number }
  | { kind: 'error'; message: string };

const download = (name: string, url: string) => {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
};

/**
 * "Export edits as CSV": the edits' final values in the files a CRM importer reads (companies
 * and contacts to update, those to create), downloaded at once and kept as links on the page.
 */
export function EditsExport() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const files = state.kind === 'done' ? state.files : undefined;
  // The links' blobs live until the next export or until the page goes.
  useEffect(
    () => () => {
      for (const f of files ?? []) URL.revokeObjectURL(f.url);
    },
    [files],
  );

  const run = async () => {
    setState({ kind: 'working' });
    try {
      const { files: built, missing } = await collectEditsExport(getDb());
      const exported = built.map((f) => ({
        name: f.name,
        of: f.of,
        rows: f.rows,
        url: URL.createObjectURL(new Blob([f.csv], { type: 'text/csv;charset=utf-8' })),
      }));
      for (const f of exported) download(f.name, f.url);
      setState({ kind: 'done', files: exported, missing });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <div className="edits-export">
      <div className="field-row">
        <button type="button" className="secondary" disabled={state.kind === 'working'} onClick={run}>
          Export edits as CSV
        </button>
        <span className="hint">
          For a CRM's importer (HubSpot's labels): companies and contacts to update by Record ID, and those to create.
        </span>
      </div>
      <div role="status">
        {state.kind === 'done' &&
          (state.files.length === 0 ? (
            <p className="muted">No edits to export.</p>
          ) : (
            <ul className="export-files">
              {state.files.map((f) => (
                <li key={f.name}>
                  <a href={f.url} download={f.name}>
                    {f.name}
                  </a>{' '}
                  <span className="muted">
                    {f.rows} {RECORDS[f.of][f.rows === 1 ? 0 : 1]}
                  </span>
                </li>
              ))}
            </ul>
          ))}
        {state.kind === 'done' && state.missing > 0 && (
          <p className="hint">
            {state.missing} account{state.missing === 1 ? ' is' : 's are'} no longer in your data: left out.
          </p>
        )}
      </div>
      {state.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          Could not export: {state.message}
        </p>
      )}
    </div>
  );
}
