import { useState } from 'react';
import { Section } from '@/components/shared/section';
import { ADAPTER_LABELS, type AdapterId } from '@/lib/settings/adapters';
import type { EditorProps } from './draft';

/** Switches each site adapter on or off: if LinkedIn changes a page, the org can stop reading it at once. */
export function AdaptersEditor({ draft, update }: EditorProps) {
  const ids = Object.keys(ADAPTER_LABELS) as AdapterId[];
  return (
    <Section title="Site adapters">
      <p className="hint">
        Which pages Tierlens reads. Switching one off takes effect at once on every open tab, without an update.
      </p>
      <div className="checks">
        {ids.map((id) => (
          <label key={id} className="check">
            <input
              type="checkbox"
              checked={draft.adapters[id]}
              onChange={(e) => {
                const on = e.target.checked;
                update((d) => ({ ...d, adapters: { ...d.adapters, [id]: on } }));
              }}
            />{' '}
            {ADAPTER_LABELS[id]}
          </label>
        ))}
      </div>
      <PlatformsField draft={draft} update={update} />
    </Section>
  );
}

/** The platforms list, one domain a line, kept as typed while editing. */
function PlatformsField({ draft, update }: EditorProps) {
  const [text, setText] = useState(draft.platforms.join('\n'));
  return (
    <label className="field">
      <span className="field-label">Platforms: sites that host many companies' pages (one domain a line)</span>
      <textarea
        rows={6}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const platforms = e.target.value.split(/[\s,]+/).filter(Boolean);
          update((d) => ({ ...d, platforms }));
        }}
      />
      <span className="hint">
        On these sites the domain names no company (github.com/acme is Acme's, not GitHub's).
      </span>
    </label>
  );
}
