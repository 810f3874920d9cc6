import type { FileImportMode } from '@/lib/sync/import-run';

const STAYS = 'HubSpot, the team feed, the demo data and your edits stay.';

/**
 * What an import does to the previous file import: add to it (the default) or replace it. With
 * nothing imported from a file yet (`hasPrevious` false) there is nothing to choose, and the page
 * says why instead.
 */
export function ImportModeChoice({
  hasPrevious,
  mode,
  onChange,
  disabled,
}: {
  hasPrevious: boolean;
  mode: FileImportMode;
  onChange: (mode: FileImportMode) => void;
  disabled: boolean;
}) {
  if (!hasPrevious) {
    return (
      <p className="hint">
        Nothing is imported from a file yet: these files become the file import. A later import can add to it or replace
        it. {STAYS}
      </p>
    );
  }
  // The hint is beside the label, not in it: the radio's name is the choice, the hint its description.
  const option = (value: FileImportMode, label: string, hint: string) => (
    <div className="import-mode-option">
      <label>
        <input
          type="radio"
          name="import-mode"
          value={value}
          checked={mode === value}
          onChange={() => onChange(value)}
          aria-describedby={`import-mode-${value}-hint`}
        />{' '}
        {label}
      </label>
      <p className="hint" id={`import-mode-${value}-hint`}>
        {hint}
      </p>
    </div>
  );
  return (
    <fieldset className="import-mode" disabled={disabled}>
      <legend>What to do with the data imported before</legend>
      {option(
        'add',
        'Add to the imported data (rows with the same id are updated)',
        'A row whose id was imported before replaces that record whole: a column these files leave out or empty is not kept from it. Contacts and touchpoints may link to the accounts imported before.',
      )}
      {option(
        'replace',
        'Replace the imported data',
        "The accounts, contacts and touchpoints imported before are swapped for these files'.",
      )}
      <p className="hint">Either way the change shows in one step, once every row is read. {STAYS}</p>
    </fieldset>
  );
}
