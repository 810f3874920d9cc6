import { useRef, useState } from 'react';
import { Section } from '@/components/shared/section';
import type { Settings } from '@/lib/settings/types';
import { parseSettingsJson, type SettingsProblem, validateSettings } from '@/lib/settings/validate';
import { ProblemList } from './problems';

type Message = { kind: 'done'; text: string } | { kind: 'problems'; text: string; problems: SettingsProblem[] };

/** Settings as a JSON file: exported from the form as it stands, imported into it (to be saved). */
export function ImportExport({ draft, onImport }: { draft: Settings; onImport: (settings: Settings) => void }) {
  const [message, setMessage] = useState<Message>();
  const fileInput = useRef<HTMLInputElement>(null);

  const exportJson = () => {
    const result = validateSettings(draft);
    if (!result.ok) {
      setMessage({ kind: 'problems', text: 'Fix these before exporting:', problems: result.problems });
      return;
    }
    const blob = new Blob([`${JSON.stringify(result.settings, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'tierlens-settings.json';
    link.click();
    // Revoked once the download has taken the blob.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ kind: 'done', text: 'Exported tierlens-settings.json.' });
  };

  const importFile = async (file: File) => {
    const result = parseSettingsJson(await file.text());
    if (result.ok) {
      onImport(result.settings);
      setMessage({ kind: 'done', text: `Imported ${file.name}: review it, then Save to apply.` });
    } else {
      setMessage({
        kind: 'problems',
        text: `${file.name} was not imported; nothing changed:`,
        problems: result.problems,
      });
    }
  };

  return (
    <Section title="Import and export">
      <p className="hint">
        Share the org's models as a JSON file. An imported file replaces the form; Save applies it.
      </p>
      <div className="field-row">
        <button type="button" className="secondary" onClick={exportJson}>
          Export settings
        </button>
        <button type="button" className="secondary" onClick={() => fileInput.current?.click()}>
          Import settings…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          aria-label="Settings file to import"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {message?.kind === 'done' && (
        <p className="notice notice-ok" role="status">
          {message.text}
        </p>
      )}
      {message?.kind === 'problems' && (
        <div className="notice notice-error" role="alert">
          <p>{message.text}</p>
          <ProblemList problems={message.problems} />
        </div>
      )}
    </Section>
  );
}
