import { Section } from '@/components/shared/section';
import { BUYING_ROLES } from '@/lib/db/contacts';
import { TOUCHPOINT_TYPES } from '@/lib/db/touchpoints';
import { roleLabel } from '@/lib/scoring/roles';
import type { EngagementModel } from '@/lib/settings/types';
import { type EditorProps, humanize } from './draft';
import { NumberField } from './number-field';

type NumericKey = {
  [K in keyof EngagementModel]: EngagementModel[K] extends number ? K : never;
}[keyof EngagementModel];
type TableKey = 'typeWeights' | 'stageMultipliers' | 'roleMultipliers';

const STAGES = ['TOFU', 'MOFU', 'BOFU'] as const;
const STAGE_NAMES = { TOFU: 'Top of funnel (TOFU)', MOFU: 'Middle of funnel (MOFU)', BOFU: 'Bottom of funnel (BOFU)' };

/**
 * The engagement model: each touchpoint counts weight(type) × stage × role × 0.5^(age / half-life),
 * plus points per engaged contact, squashed to 0–100.
 */
export function EngagementEditor({ draft, update }: EditorProps) {
  const m = draft.engagement;
  const set = (change: (m: EngagementModel) => EngagementModel) =>
    update((d) => ({ ...d, engagement: change(d.engagement) }));
  const setNumber = (key: NumericKey) => (v: number | undefined) => set((e) => ({ ...e, [key]: v ?? Number.NaN }));
  const setIn = (table: TableKey, key: string) => (v: number | undefined) =>
    set((e) => ({ ...e, [table]: { ...e[table], [key]: v ?? Number.NaN } }));
  const num = (key: NumericKey, label: string, unit?: string) => (
    <NumberField label={label} unit={unit} value={m[key]} path={['engagement', key]} onChange={setNumber(key)} />
  );

  return (
    <Section title="Engagement">
      <p className="hint">
        Each touchpoint counts its type's weight × its stage's multiplier × the contact's role multiplier, halved every
        half-life; each engaged contact adds breadth points. The total is squashed to 0–100.
      </p>
      <div className="field-row">
        <label className="field">
          <span className="field-label">Mode</span>
          <select
            value={m.mode}
            onChange={(e) => set((x) => ({ ...x, mode: e.target.value as EngagementModel['mode'] }))}
          >
            <option value="default">Weighted formula</option>
            <option value="calibrated">Calibrated on won and lost accounts</option>
          </select>
        </label>
        {num('halfLifeDays', 'Half-life', 'days')}
        {num('breadthPoints', 'Breadth points', 'per contact')}
        {num('saturation', 'Saturation', 'raw points at 63')}
        {num('surgeRatio', 'Surging at', '× the weekly mean')}
      </div>
      <h3>Touchpoint weights</h3>
      <div className="field-grid">
        {TOUCHPOINT_TYPES.map((type) => (
          <NumberField
            key={type}
            label={humanize(type)}
            value={m.typeWeights[type]}
            path={['engagement', 'typeWeights', type]}
            onChange={setIn('typeWeights', type)}
          />
        ))}
      </div>
      <h3>Stage multipliers</h3>
      <div className="field-grid">
        {STAGES.map((stage) => (
          <NumberField
            key={stage}
            label={STAGE_NAMES[stage]}
            unit="×"
            value={m.stageMultipliers[stage]}
            path={['engagement', 'stageMultipliers', stage]}
            onChange={setIn('stageMultipliers', stage)}
          />
        ))}
      </div>
      <h3>Who engaged: multipliers</h3>
      <div className="field-grid">
        {BUYING_ROLES.map((role) => (
          <NumberField
            key={role}
            label={roleLabel(role)}
            unit="×"
            value={m.roleMultipliers[role]}
            path={['engagement', 'roleMultipliers', role]}
            onChange={setIn('roleMultipliers', role)}
          />
        ))}
        {num('knownContactMultiplier', 'Known contact, no role', '×')}
        {num('anonymousMultiplier', 'Anonymous visitor', '×')}
      </div>
    </Section>
  );
}
