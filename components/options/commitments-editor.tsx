import { Section } from '@/components/shared/section';
import type { Program, TierDefinition } from '@/lib/settings/types';
import { CellInput } from './cell-input';
import { type EditorProps, uniqueId } from './draft';
import { TextField } from './fields';

type TierKey = keyof Program['tiers'];

/** The program commitments chart: one row per program, one column per tier of the model. */
export function CommitmentsEditor({ draft, update }: EditorProps) {
  const tiers = [...draft.tiers].sort((a, b) => a.tier - b.tier);
  const setProgram = (i: number, next: Program) =>
    update((d) => ({ ...d, programs: d.programs.map((p, j) => (j === i ? next : p)) }));
  const add = () =>
    update((d) => ({
      ...d,
      programs: [
        ...d.programs,
        {
          id: uniqueId(
            'program',
            d.programs.map((p) => p.id),
          ),
          name: '',
          owner: '',
          tiers: {},
        },
      ],
    }));
  const remove = (id: string) => update((d) => ({ ...d, programs: d.programs.filter((p) => p.id !== id) }));

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
      <div className="table-scroll">
        <table className="grid chart">
          <thead>
            <tr>
              <th>Program</th>
              <th className="col-owner">Owner</th>
              {tiers.map((t) => (
                <th key={t.tier} className="cell-head" title={t.name}>
                  Tier {t.tier}
                  <span className="muted">{t.name}</span>
                </th>
              ))}
              <th className="narrow">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.programs.map((p, i) => (
              <ProgramRow
                key={p.id}
                program={p}
                index={i}
                tiers={tiers}
                onChange={(next) => setProgram(i, next)}
                onRemove={() => remove(p.id)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="secondary" onClick={add}>
        Add program
      </button>
    </Section>
  );
}

function ProgramRow({
  program: p,
  index,
  tiers,
  onChange,
  onRemove,
}: {
  program: Program;
  index: number;
  tiers: readonly TierDefinition[];
  onChange: (next: Program) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const at = (...rest: string[]) => ['programs', index, ...rest];
  return (
    <tr>
      <td>
        <TextField
          hideLabel
          label={`Program ${n} name`}
          value={p.name}
          path={at('name')}
          className="wide"
          onChange={(name) => onChange({ ...p, name })}
        />
      </td>
      <td>
        <TextField
          hideLabel
          label={`Program ${n} owner`}
          value={p.owner}
          path={at('owner')}
          onChange={(owner) => onChange({ ...p, owner })}
        />
      </td>
      {tiers.map((t) => {
        const key = String(t.tier) as TierKey;
        return (
          <td key={t.tier} className="center">
            <CellInput
              label={`${p.name.trim() || `Program ${n}`}: Tier ${t.tier}`}
              value={p.tiers[key]}
              path={at('tiers', key)}
              onChange={(cell) => {
                const tiersNext = { ...p.tiers };
                if (cell === undefined) delete tiersNext[key];
                else tiersNext[key] = cell;
                onChange({ ...p, tiers: tiersNext });
              }}
            />
          </td>
        );
      })}
      <td>
        <button type="button" className="remove" aria-label={`Remove program ${n}`} onClick={onRemove}>
          ×
        </button>
      </td>
    </tr>
  );
}
