import { useState } from 'react';
import { Section } from '@/components/shared/section';
import { BUYING_ROLES, type BuyingRole } from '@/lib/db/contacts';
import { suggestionSource, suggestRoles } from '@/lib/edits/suggest-roles';
import { roleLabel } from '@/lib/scoring/roles';
import type { RoleRule } from '@/lib/settings/types';
import type { EditorProps } from './draft';
import { ListField } from './fields';
import { pathKey, useProblem } from './problems';

/**
 * The job-title rules that suggest buyer roles: words → role, in order (a longer phrase of
 * another rule wins over a word inside it). Saved with the other settings.
 */
export function RoleRulesEditor({ draft, update }: EditorProps) {
  const setRule = (i: number, next: RoleRule) =>
    update((d) => ({ ...d, roleRules: d.roleRules.map((r, j) => (j === i ? next : r)) }));
  const remove = (i: number) => update((d) => ({ ...d, roleRules: d.roleRules.filter((_, j) => j !== i) }));
  const add = () => update((d) => ({ ...d, roleRules: [...d.roleRules, { words: [], role: 'INFLUENCER' }] }));
  return (
    <Section title="Role suggestions">
      <p className="hint">
        A contact whose job title holds a rule's words (whole words; case and accents ignored) gets that role suggested
        in the side panel, to confirm with one click: nothing is written without it. The markers reps type into names —
        (DM) decision maker, (EB) or (ES) executive sponsor, (CH) champion — are suggested too.
      </p>
      <div className="table-scroll">
        <table className="grid role-rules">
          <thead>
            <tr>
              <th>Words in the title</th>
              <th className="col-role">Suggests</th>
              <th className="narrow">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.roleRules.map((rule, i) => (
              <RuleRow
                // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; a row's fields follow its values
                key={i}
                rule={rule}
                index={i}
                onChange={(next) => setRule(i, next)}
                onRemove={() => remove(i)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="secondary" onClick={add}>
        Add rule
      </button>
      <TryTitle rules={draft.roleRules} />
    </Section>
  );
}

function RuleRow({
  rule,
  index,
  onChange,
  onRemove,
}: {
  rule: RoleRule;
  index: number;
  onChange: (next: RoleRule) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const rolePath = ['roleRules', index, 'role'];
  const problem = useProblem(rolePath);
  return (
    <tr>
      <td>
        <ListField
          hideLabel
          label={`Rule ${n} words`}
          values={rule.words}
          path={['roleRules', index, 'words']}
          onChange={(words) => onChange({ ...rule, words })}
        />
      </td>
      <td>
        <select
          aria-label={`Rule ${n} role`}
          value={rule.role}
          aria-invalid={problem ? true : undefined}
          data-path={pathKey(rolePath)}
          onChange={(e) => onChange({ ...rule, role: e.target.value as BuyingRole })}
        >
          {BUYING_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button type="button" className="remove" aria-label={`Remove rule ${n}`} onClick={onRemove}>
          ×
        </button>
      </td>
    </tr>
  );
}

/** A title to try the rules on, as they stand in the form. */
function TryTitle({ rules }: { rules: readonly RoleRule[] }) {
  const [title, setTitle] = useState('');
  const found = title.trim() ? suggestRoles({ title }, rules) : [];
  return (
    <div className="field-row">
      <label className="field">
        <span className="field-label">Try a title</span>
        <input
          type="text"
          value={title}
          placeholder="e.g. VP Finance (DM)"
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <p className="hint" role="status">
        {title.trim() === ''
          ? ''
          : found.length === 0
            ? 'No role suggested.'
            : found.map((s) => `${roleLabel(s.role)} (${suggestionSource(s)})`).join('; ')}
      </p>
    </div>
  );
}
