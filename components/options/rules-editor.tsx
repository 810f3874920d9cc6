import { Section } from '@/components/shared/section';
import type { Settings } from '@/lib/settings/types';
import type { EditorProps } from './draft';
import { NumberField } from './number-field';

type RuleKey = keyof Settings['rules'];

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
      </div>
      <p className="hint">
        A target account quiet that long is reviewed for demotion. A bottom-of-funnel touchpoint that recent still calls
        for a follow-up within the tier's SLA.
      </p>
    </Section>
  );
}
