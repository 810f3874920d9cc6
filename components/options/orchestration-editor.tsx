import { Section } from '@/components/shared/section';
import { segmentLabel } from '@/lib/scoring/orchestration';
import { ORCHESTRATION_PRESET } from '@/lib/settings/presets';
import type { Orchestration, OrchestrationProgram } from '@/lib/settings/types';
import { CellInput } from './cell-input';
import type { EditorProps } from './draft';
import { uniqueId } from './draft';
import { TextField } from './fields';
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
  const setProgram = (i: number, next: OrchestrationProgram) =>
    set((x) => ({ ...x, programs: x.programs.map((p, j) => (j === i ? next : p)) }));
  const add = () =>
    set((x) => ({
      ...x,
      programs: [
        ...x.programs,
        {
          id: uniqueId(
            'program',
            x.programs.map((p) => p.id),
          ),
          name: '',
          owner: '',
          segments: {},
        },
      ],
    }));
  const remove = (id: string) => set((x) => ({ ...x, programs: x.programs.filter((p) => p.id !== id) }));

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
      <div className="table-scroll">
        <table className="grid chart">
          <thead>
            <tr>
              <th>Program</th>
              <th className="col-owner">Owner</th>
              {o.segments.map((s) => (
                <th key={s.id} className="cell-head">
                  {segmentLabel(s)}
                </th>
              ))}
              <th className="narrow">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {o.programs.map((p, i) => (
              <ProgramRow
                key={p.id}
                program={p}
                index={i}
                orchestration={o}
                onChange={(next) => setProgram(i, next)}
                onRemove={() => remove(p.id)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="secondary" onClick={add}>
        Add orchestrated program
      </button>
    </Section>
  );
}

function ProgramRow({
  program: p,
  index,
  orchestration,
  onChange,
  onRemove,
}: {
  program: OrchestrationProgram;
  index: number;
  orchestration: Orchestration;
  onChange: (next: OrchestrationProgram) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const at = (...rest: string[]) => ['orchestration', 'programs', index, ...rest];
  // Labels unlike the commitments chart's ("Program 1 name"), so that neither finds the other's inputs.
  return (
    <tr>
      <td>
        <TextField
          hideLabel
          label={`Orchestration row ${n} name`}
          value={p.name}
          path={at('name')}
          className="wide"
          onChange={(name) => onChange({ ...p, name })}
        />
      </td>
      <td>
        <TextField
          hideLabel
          label={`Orchestration row ${n} owner`}
          value={p.owner}
          path={at('owner')}
          onChange={(owner) => onChange({ ...p, owner })}
        />
      </td>
      {orchestration.segments.map((s) => (
        <td key={s.id} className="center">
          <CellInput
            label={`${p.name.trim() || `Orchestration row ${n}`}: ${segmentLabel(s)}`}
            value={p.segments[s.id]}
            path={at('segments', s.id)}
            onChange={(cell) => {
              const segments = { ...p.segments };
              if (cell === undefined) delete segments[s.id];
              else segments[s.id] = cell;
              onChange({ ...p, segments });
            }}
          />
        </td>
      ))}
      <td>
        <button type="button" className="remove" aria-label={`Remove orchestration row ${n}`} onClick={onRemove}>
          ×
        </button>
      </td>
    </tr>
  );
}
