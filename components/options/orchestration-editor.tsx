import { Section } from '@/components/shared/section';
import { segmentLabel } from '@/lib/scoring/orchestration';
import { ORCHESTRATION_PRESET } from '@/lib/settings/presets';
import type { Orchestration } from '@/lib/settings/types';
import type { EditorProps } from './draft';
import { ProgramChart } from './program-chart';
import { SegmentsEditor } from './segments-editor';

/**
 * What each account gets: the commitments chart by tier, or the orchestration template by grade
 * (its segments, in order, and a programs × segments chart with an owner per program).
 */
export function OrchestrationEditor({ draft, update }: EditorProps) {
  const o = draft.orchestration;
  const set = (change: (o: Orchestration) => Orchestration) =>
    update((d) => ({ ...d, orchestration: change(d.orchestration) }));
  const pickPreset = () => {
    const ok = window.confirm(
      `Replace the orchestration template with "${ORCHESTRATION_PRESET.label}" and orchestrate by grade? The tiers and the commitments chart stay. Nothing is saved until you press Save.`,
    );
    if (ok) set(() => structuredClone(ORCHESTRATION_PRESET.settings.orchestration));
  };
  return (
    <Section title="Orchestration by grade">
      <fieldset className="checks">
        <legend>What each account gets</legend>
        {(
          [
            ['tiers', 'Commitments by tier (the chart above)'],
            ['grades', 'Orchestration by grade (the template below)'],
          ] as const
        ).map(([mode, label]) => (
          <label key={mode} className="check">
            <input
              type="radio"
              name="orchestration-mode"
              checked={o.mode === mode}
              onChange={() => set((x) => ({ ...x, mode }))}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <p className="hint">
        Segments are checked in order; an account is in the first that takes it. Grades are read at their worst case (an
        “A?” that could be a C is a C), and the top accounts are ranked by that letter, then by fit score.
      </p>
      <button type="button" className="secondary" onClick={pickPreset}>
        Use the preset “Orchestration by grade”
      </button>
      <SegmentsEditor orchestration={o} set={set} />
      <ProgramChart
        programs={o.programs}
        setPrograms={(change) => set((x) => ({ ...x, programs: change(x.programs) }))}
        blank={(id) => ({ id, name: '', owner: '', segments: {} })}
        addLabel="Add orchestrated program"
        cellsIn="segments"
        // Labels unlike the commitments chart's ("Program 1 name"), so that neither finds the other's inputs.
        noun="Orchestration row"
        path={['orchestration', 'programs']}
        columns={o.segments.map((s) => ({ key: s.id, head: segmentLabel(s), label: segmentLabel(s) }))}
      />
    </Section>
  );
}
