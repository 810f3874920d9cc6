import { Section } from '@/components/shared/section';
import type { GradeLetter } from '@/lib/settings/types';
import type { EditorProps } from './draft';
import { NumberField } from './number-field';

type RuleKey = 'quietDays' | 'followUpWindowDays';

/** The knobs of the next-action rules. */
export function RulesEditor({ draft, update }: EditorProps) {
  const set = (key: RuleKey) => (v: number | undefined) =>
    update((d) => ({ ...d, rules: { ...d.rules, [key]: v ?? Number.NaN } }));
  return (
    <Section title="Rules">
      <div className="field-row">
        <NumberField
          label="Quiet after"
          unit="days without a touchpoint"
          value={draft.rules.quietDays}
          path={['rules', 'quietDays']}
          onChange={set('quietDays')}
        />
        <NumberField
          label="Follow up on a BOFU touchpoint for"
          unit="days"
          value={draft.rules.followUpWindowDays}
          path={['rules', 'followUpWindowDays']}
          onChange={set('followUpWindowDays')}
        />
        <label className="field">
          <span>A target keeps its designation down to grade</span>
          <select
            value={draft.rules.targetMinGrade}
            onChange={(e) =>
              update((d) => ({ ...d, rules: { ...d.rules, targetMinGrade: e.target.value as GradeLetter } }))
            }
          >
            {(['A', 'B', 'C', 'D'] as const).map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint">
        At the account review, a target that is quiet that long, or whose worst-case grade falls below that grade, is
        proposed to lose its designation. A target account quiet that long is also reviewed for demotion. A
        bottom-of-funnel touchpoint that recent still calls for a follow-up within the tier's SLA.
      </p>
    </Section>
  );
}
