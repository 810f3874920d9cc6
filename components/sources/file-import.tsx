import { useState } from 'react';
import { Section } from '@/components/shared/section';
import type { FileImportMode } from '@/lib/sync/import-run';
import { DropZone } from './drop-zone';
import { FileMapping } from './file-mapping';
import { ImportModeChoice } from './import-mode';
import { ImportProgressView } from './import-progress-view';
import { ImportResult } from './import-result';
import { SourceStatus } from './source-status';
import { useFileImport } from './use-file-import';
import type { SourceView } from './use-sources';

/**
 * Importing files: choose or drop them, check what each holds and how its columns map, choose
 * whether they add to the previous file import or replace it, import in the worker with progress
 * and Cancel, then see what landed and every bad row.
 */
export function FileImport({ view, now }: { view: SourceView; now: number }) {
  const im = useFileImport();
  const [mode, setMode] = useState<FileImportMode>('add');
  const importing = im.phase.phase === 'importing';
  const ready = im.files.length > 0 && im.files.every((f) => f.preview?.kind && !f.error);
  // Only a file import that is visible can be added to; with none, an import is the first.
  const hasPrevious = (view.state?.generation ?? 0) > 0;
  const effectiveMode: FileImportMode = hasPrevious ? mode : 'replace';
  return (
    <Section title="Import a file">
      {view.state && <SourceStatus source="file" view={importing ? { ...view, staged: undefined } : view} now={now} />}
      <DropZone onFiles={im.choose} disabled={importing} />
      {im.notice && <p className="notice notice-warn">{im.notice}</p>}
      {im.files.map((f) => (
        <FileMapping
          key={f.file.name}
          chosen={f}
          disabled={importing}
          onKind={(kind) => im.setKind(f.file.name, kind)}
          onField={(index, field) => im.setField(f.file.name, index, field)}
        />
      ))}
      {im.files.length > 0 && (
        <div className="import-go">
          <ImportModeChoice hasPrevious={hasPrevious} mode={effectiveMode} onChange={setMode} disabled={importing} />
          <div className="source-actions">
            <button
              type="button"
              className="primary"
              onClick={() => void im.start(effectiveMode)}
              disabled={!ready || importing}
            >
              Import
            </button>
            {!importing && (
              <button type="button" className="secondary" onClick={im.clear}>
                Clear the list
              </button>
            )}
            {!ready && !importing && im.files.some((f) => f.preview && !f.preview.kind) && (
              <span className="muted">Say what each file holds first.</span>
            )}
          </div>
        </div>
      )}
      {im.phase.phase === 'importing' && (
        <ImportProgressView
          progress={im.phase.progress}
          written={view.staged && view.staged.accounts + view.staged.contacts + view.staged.touchpoints}
          startedAt={im.phase.startedAt}
          cancelling={im.phase.cancelling}
          onCancel={im.cancel}
        />
      )}
      {im.phase.phase === 'done' && <ImportResult outcome={im.phase.outcome} />}
      {im.phase.phase === 'error' && (
        <p className="notice notice-error" role="alert">
          The import stopped: {im.phase.error}. The previous data is as it was.
        </p>
      )}
    </Section>
  );
}
