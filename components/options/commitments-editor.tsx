import { Section } from '@/components/shared/section';
import type { EditorProps } from './draft';
import { ProgramChart } from './program-chart';

/** The program commitments chart: one row per program, one column per tier of the model. */
export function CommitmentsEditor({ draft, update }: EditorProps) {
  const tiers = [...draft.tiers].sort((a, b) => a.tier - b.tier);
  return (
    <Section title="Program commitments">
      <p className="hint">
        What marketing commits for each tier. In a tier's cell: ✓ (or x) for committed, a cadence such as “monthly”, or
        nothing.
      </p>
      <datalist id="cadences">
        <option value="✓" />
        <option value="weekly" />
        <option value="monthly" />
        <option value="quarterly" />
      </datalist>
      <ProgramChart
        programs={draft.programs}
        setPrograms={(change) => update((d) => ({ ...d, programs: change(d.programs) }))}
        blank={(id) => ({ id, name: '', owner: '', tiers: {} })}
        addLabel="Add program"
        cellsIn="tiers"
        noun="Program"
        path={['programs']}
        columns={tiers.map((t) => ({
          key: String(t.tier),
          head: (
            <>
              Tier {t.tier}
              <span className="muted">{t.name}</span>
            </>
          ),
          title: t.name,
          label: `Tier ${t.tier}`,
        }))}
      />
    </Section>
  );
}
