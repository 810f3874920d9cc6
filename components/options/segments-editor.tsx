import { segmentLabel } from '@/lib/scoring/orchestration';
import type { GradeLetter, Orchestration, Segment } from '@/lib/settings/types';
import { uniqueId } from './draft';
import { TextField } from './fields';
import { NumberField } from './number-field';
import { pathKey, useProblem } from './problems';

const GRADES: GradeLetter[] = ['A', 'B', 'C', 'D', 'F'];

const KINDS: Record<Segment['kind'], string> = {
  top: 'Top N by fit rank',
  grades: 'Grades (worst case)',
  remaining: 'All the rest',
};

/** The segment as another kind, keeping its id (the programs' cells name it) and its name. */
function asKind(s: Segment, kind: Segment['kind']): Segment {
  const base = { id: s.id, name: s.name };
  if (kind === 'top') return { ...base, kind, count: s.kind === 'top' ? s.count : 20 };
  if (kind === 'grades') return { ...base, kind, grades: s.kind === 'grades' ? s.grades : ['A', 'B'] };
  return { ...base, kind };
}

/** The template's segments, in the order they are checked: each one's rule, name, place and removal. */
export function SegmentsEditor({
  orchestration: o,
  set,
}: {
  orchestration: Orchestration;
  set: (change: (o: Orchestration) => Orchestration) => void;
}) {
  const setSegment = (i: number, next: Segment) =>
    set((x) => ({ ...x, segments: x.segments.map((s, j) => (j === i ? next : s)) }));
  const move = (i: number, by: -1 | 1) =>
    set((x) => {
      const segments = [...x.segments];
      const [s] = segments.splice(i, 1);
      if (s) segments.splice(i + by, 0, s);
      return { ...x, segments };
    });
  // A segment's cells go with it: a cell naming no segment would be a problem to fix.
  const remove = (id: string) =>
    set((x) => ({
      ...x,
      segments: x.segments.filter((s) => s.id !== id),
      programs: x.programs.map((p) => {
        const { [id]: _gone, ...segments } = p.segments;
        return { ...p, segments };
      }),
    }));
  // Before a last "remaining", which would take every account the new segment should get.
  const add = () =>
    set((x) => {
      const segment: Segment = {
        kind: 'grades',
        id: uniqueId(
          'segment',
          x.segments.map((s) => s.id),
        ),
        grades: ['C'],
      };
      const at = x.segments.at(-1)?.kind === 'remaining' ? x.segments.length - 1 : x.segments.length;
      return { ...x, segments: [...x.segments.slice(0, at), segment, ...x.segments.slice(at)] };
    });

  return (
    <>
      <div className="tier-cards">
        {o.segments.map((s, i) => (
          <SegmentCard
            key={s.id}
            segment={s}
            index={i}
            last={i === o.segments.length - 1}
            onChange={(next) => setSegment(i, next)}
            onMove={(by) => move(i, by)}
            onRemove={() => remove(s.id)}
          />
        ))}
      </div>
      <button type="button" className="secondary" onClick={add}>
        Add segment
      </button>
    </>
  );
}

function SegmentCard({
  segment: s,
  index,
  last,
  onChange,
  onMove,
  onRemove,
}: {
  segment: Segment;
  index: number;
  last: boolean;
  onChange: (next: Segment) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const at = (...rest: string[]) => ['orchestration', 'segments', index, ...rest];
  const problem = useProblem(at());
  const gradesProblem = useProblem(at('grades'));
  return (
    <fieldset className="tier-card" aria-invalid={problem ? true : undefined} title={problem} data-path={pathKey(at())}>
      <legend>
        Segment {n}: {segmentLabel(s)}
      </legend>
      <div className="tier-fields">
        <label className="field">
          <span className="field-label">Takes</span>
          <select value={s.kind} onChange={(e) => onChange(asKind(s, e.target.value as Segment['kind']))}>
            {Object.entries(KINDS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {s.kind === 'top' && (
          <NumberField
            label="How many"
            unit="accounts"
            value={s.count}
            path={at('count')}
            onChange={(v) => onChange({ ...s, count: v ?? Number.NaN })}
          />
        )}
        <TextField
          label="Name"
          value={s.name ?? ''}
          placeholder={segmentLabel({ ...s, name: undefined })}
          path={at('name')}
          onChange={(name) => onChange({ ...s, name: name === '' ? undefined : name })}
        />
      </div>
      {s.kind === 'grades' && (
        <fieldset
          className="checks"
          aria-invalid={gradesProblem ? true : undefined}
          title={gradesProblem}
          data-path={pathKey(at('grades'))}
        >
          <legend>Worst-case grade is one of</legend>
          {GRADES.map((g) => (
            <label key={g} className="check">
              <input
                type="checkbox"
                checked={s.grades.includes(g)}
                onChange={(e) =>
                  onChange({
                    ...s,
                    grades: e.target.checked
                      ? GRADES.filter((x) => x === g || s.grades.includes(x))
                      : s.grades.filter((x) => x !== g),
                  })
                }
              />
              {g}
            </label>
          ))}
        </fieldset>
      )}
      <div className="field-row">
        <button
          type="button"
          className="secondary"
          aria-label={`Move segment ${n} up`}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          Move up
        </button>
        <button
          type="button"
          className="secondary"
          aria-label={`Move segment ${n} down`}
          disabled={last}
          onClick={() => onMove(1)}
        >
          Move down
        </button>
        <button type="button" className="remove" aria-label={`Remove segment ${n}`} onClick={onRemove}>
          ×
        </button>
      </div>
    </fieldset>
  );
}
