import { useEffect, useRef } from 'react';
import { Section } from '@/components/shared/section';
import type { ManagedModels } from '@/lib/settings/managed';
import type { WriteBack } from '@/lib/settings/types';
import type { EditorProps } from './draft';
import { TextField } from './fields';
import { ManagedByTeam } from './managed-by-team';

const PROPERTIES: { key: keyof WriteBack; label: string; hint: string }[] = [
  { key: 'tagsProperty', label: 'Tags property', hint: 'multi-line text or multiple checkboxes; tags joined by ;' },
  { key: 'proposalProperty', label: 'Tier proposal property', hint: 'single-line text: the latest proposal' },
  { key: 'notesProperty', label: 'Notes property', hint: 'multi-line text: one note a line, appended' },
  {
    key: 'opIdProperty',
    label: 'Op id property',
    hint: 'unique single-line text on companies and contacts: a retried create finds the first',
  },
];

/**
 * Who the user is (the rep owns the tier of their own accounts) and the HubSpot properties
 * for the edits HubSpot has no native field for. Saved with the other settings.
 */
export function YouAndWriteBack({ draft, update, managed }: EditorProps & { managed: ManagedModels | undefined }) {
  const anchor = useRef<HTMLDivElement>(null);
  // The side panel's "set your name in the settings" leads here.
  useEffect(() => {
    if (location.hash === '#you') anchor.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <div id="you" ref={anchor}>
      <Section title="Your name and write-back">
        <TextField
          label="Your name or email in the CRM"
          value={draft.me}
          path={['me']}
          placeholder="your name or email as HubSpot (or your CRM) shows owners"
          onChange={(me) => update((d) => ({ ...d, me }))}
        />
        <p className="hint">
          Your name or email as HubSpot, or your CRM, shows account owners. On the accounts you own (your name, case and
          accents ignored, or your email) you change the tier; on the others you propose one, with a reason, and the
          owner decides. HubSpot shows owners by name when its private app may read owners (scope
          crm.objects.owners.read); without it, owners are HubSpot owner ids (a number): enter yours.
        </p>
        <ManagedByTeam managed={managed} sections={['writeBack']}>
          <h3>HubSpot properties for what has no native field</h3>
          <p className="hint">
            Buyer roles, the tier and the target flag go to HubSpot's own fields. Tags, proposals and notes go to these
            company properties (internal names), which your HubSpot admin creates.
          </p>
          <div className="write-back-fields">
            {PROPERTIES.map((p) => (
              <div key={p.key}>
                <TextField
                  label={p.label}
                  value={draft.writeBack[p.key]}
                  path={['writeBack', p.key]}
                  onChange={(v) => update((d) => ({ ...d, writeBack: { ...d.writeBack, [p.key]: v } }))}
                />
                <span className="hint">{p.hint}</span>
              </div>
            ))}
          </div>
        </ManagedByTeam>
      </Section>
    </div>
  );
}
