import { useState } from 'react';

const ACCEPT = '.csv,.tsv,.txt,.json,.ndjson,.jsonl';

/** Where files arrive: dropped on the zone, or picked with "Choose files". */
export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (files.length > 0 && !disabled) onFiles(files);
  };
  return (
    <fieldset
      className={`drop-zone${over ? ' drop-over' : ''}${disabled ? ' drop-disabled' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files);
      }}
    >
      <legend className="sr-only">Files to import</legend>
      <p>
        Drop CSV, TSV, JSON or NDJSON files here — accounts, contacts, touchpoints and deals, one file or several — or{' '}
        <label className="file-pick">
          Choose files
          <input
            type="file"
            multiple
            accept={ACCEPT}
            className="sr-only"
            disabled={disabled}
            onChange={(e) => {
              take(e.target.files);
              // The same file chosen again (after fixing it) is a new choice.
              e.target.value = '';
            }}
          />
        </label>
      </p>
      <p className="hint">
        HubSpot and Salesforce exports map by themselves; check the columns below before importing.
      </p>
    </fieldset>
  );
}
