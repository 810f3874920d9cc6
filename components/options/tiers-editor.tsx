import { Section } from '@/components/shared/section';
import { BUYING_ROLES, type BuyingRole } from '@/lib/db/contacts';
import { roleLabel } from '@/lib/scoring/roles';
import { PRESETS, type PresetId } from '@/lib/settings/presets';
import type { Settings, TierDefinition } from '@/lib/settings/types';
import type { EditorProps } from './draft';
import { TextField } from './fields';
import { NumberField } from './number-field';
import { pathKey, useProblem } from './problems';

const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;

/** The tier model (a preset to start from) and each tier's bars, SLA, review cadence and required roles. */
export function TiersEditor({ draft, update }: EditorProps) {
  const pick = (id: PresetId) => {
    const preset = PRESETS[id];
    const ok = window.confirm(
      `Replace the tiers and the commitments chart with "${preset.label}"? The ICP and the engagement model stay. Nothing is saved until you press Save.`,
    );
    if (!ok) return;
    update((d) => ({ ...d, tierModel: id, tiers: preset.settings.tiers, programs: preset.settings.programs }));
  };
  const setTier = (i: number, next: TierDefinition) =>
    update((d) => ({ ...d, tiers: d.tiers.map((t, j) => (j === i ? next : t)) }));

  return (
    <Section title="Tiers">
      <div className="field-row">
        <label className="field">
          <span className="field-label">Tier model</span>
          <select value={draft.tierModel} onChange={(e) => pick(e.target.value as PresetId)}>
            {Object.entries(PRESETS).map(([id, p]) => (
              <option key={id} value={id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint">
        Picking a model replaces the tiers and the commitments chart with its preset. The model recommends the most
        invested tier whose bars an account clears; the rep's assigned tier still counts.
      </p>
      <datalist id="motions">
        <option value="1:1" />
        <option value="1:few" />
        <option value="1:many" />
      </datalist>
      <div className="tier-cards">
        {draft.tiers.map((t, i) => (
          <TierCard key={t.tier} tier={t} index={i} criteria={draft.icp.criteria} onChange={(n) => setTier(i, n)} />
        ))}
      </div>
    </Section>
  );
}

function TierCard({
  tier: t,
  index,
  criteria,
  onChange,
}: {
  tier: TierDefinition;
  index: number;
  criteria: Settings['icp']['criteria'];
  onChange: (next: TierDefinition) => void;
}) {
  const at = (field: keyof TierDefinition) => ['tiers', index, field];
  const gradeProblem = useProblem(at('minGrade'));
  const criteriaProblem = useProblem(at('requiredCriteria'));
  // Filters naming a criterion that is gone stay visible, so that they can be unticked.
  const known = new Set(criteria.map((c) => c.id));
  const filters = [
    ...criteria.map((c) => ({ id: c.id, label: c.label || c.id })),
    ...t.requiredCriteria.filter((id) => !known.has(id)).map((id) => ({ id, label: `${id} (no such criterion)` })),
  ];
  const toggle = <T extends string>(list: readonly T[], item: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

  return (
    <fieldset className="tier-card">
      <legend>Tier {t.tier}</legend>
      <div className="tier-fields">
        <TextField label="Name" value={t.name} path={at('name')} onChange={(name) => onChange({ ...t, name })} />
        <TextField
          label="Motion"
          value={t.motion}
          path={at('motion')}
          list="motions"
          onChange={(motion) => onChange({ ...t, motion })}
        />
        <NumberField
          label="Capacity"
          unit="accounts"
          value={t.capacity}
          path={at('capacity')}
          onChange={(v) => onChange({ ...t, capacity: v ?? Number.NaN })}
        />
        <label className="field">
          <span className="field-label">Minimum grade</span>
          <select
            value={t.minGrade}
            aria-invalid={gradeProblem ? true : undefined}
            data-path={pathKey(at('minGrade'))}
            onChange={(e) => onChange({ ...t, minGrade: e.target.value as TierDefinition['minGrade'] })}
          >
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {g} or better
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="Minimum engagement"
          unit="/100"
          value={t.minEngagement}
          path={at('minEngagement')}
          onChange={(v) => onChange({ ...t, minEngagement: v ?? Number.NaN })}
        />
        <NumberField
          label="Response SLA"
          unit="business h"
          value={t.responseSlaHours}
          path={at('responseSlaHours')}
          onChange={(v) => onChange({ ...t, responseSlaHours: v ?? Number.NaN })}
        />
        <NumberField
          label="Review every"
          unit="days"
          value={t.reviewEveryDays}
          path={at('reviewEveryDays')}
          onChange={(v) => onChange({ ...t, reviewEveryDays: v ?? Number.NaN })}
        />
      </div>
      <fieldset
        className="checks"
        aria-invalid={criteriaProblem ? true : undefined}
        data-path={pathKey(at('requiredCriteria'))}
        title={criteriaProblem}
      >
        <legend>Must fully match (ICP filters)</legend>
        {filters.length === 0 && <span className="muted">No ICP criteria</span>}
        {filters.map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              checked={t.requiredCriteria.includes(c.id)}
              onChange={(e) => onChange({ ...t, requiredCriteria: toggle(t.requiredCriteria, c.id, e.target.checked) })}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      <fieldset className="checks">
        <legend>Buyer roles to map</legend>
        {BUYING_ROLES.map((role: BuyingRole) => (
          <label key={role} className="check">
            <input
              type="checkbox"
              checked={t.requiredRoles.includes(role)}
              onChange={(e) => onChange({ ...t, requiredRoles: toggle(t.requiredRoles, role, e.target.checked) })}
            />
            {roleLabel(role)}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
