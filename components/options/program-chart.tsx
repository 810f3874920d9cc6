import type { ReactNode } from 'react';
import { CellInput } from './cell-input';
import { type Cell, uniqueId } from './draft';
import { TextField } from './fields';

type Cells = Partial<Record<string, Cell>>;
/** What every row of a chart has: a program with a name, an owner, and its cells under `K`. */
type ChartProgram<K extends string> = { id: string; name: string; owner: string } & Record<K, Cells>;

/** A column of a chart: its key in a program's cells, its head, and the words its cells are named by. */
export type ChartColumn = { key: string; head: ReactNode; title?: string; label: string };

/** How a chart reads and writes its programs and names their inputs. */
type ChartProps<K extends string> = {
  /** The field of a program that holds its cells by column key. */
  cellsIn: K;
  columns: readonly ChartColumn[];
  /** What a row is called in its inputs' labels: "Program" gives "Program 1 name" and "Remove program 1". */
  noun: string;
  /** Where the programs stand in the settings, for the problems found there. */
  path: (string | number)[];
};

/**
 * A programs × columns chart (commitments by tier, orchestration by segment): one row per
 * program with its name, owner and a cell per column, a button to remove it, and one to add a row.
 */
export function ProgramChart<K extends string, P extends ChartProgram<K>>({
  programs,
  setPrograms,
  blank,
  addLabel,
  ...chart
}: ChartProps<K> & {
  programs: readonly P[];
  setPrograms: (change: (programs: readonly P[]) => P[]) => void;
  /** A new, empty program with this id. */
  blank: (id: string) => P;
  addLabel: string;
}) {
  const setProgram = (i: number, next: P) => setPrograms((ps) => ps.map((p, j) => (j === i ? next : p)));
  const add = () =>
    setPrograms((ps) => [
      ...ps,
      blank(
        uniqueId(
          'program',
          ps.map((p) => p.id),
        ),
      ),
    ]);
  const remove = (id: string) => setPrograms((ps) => ps.filter((p) => p.id !== id));

  return (
    <>
      <div className="table-scroll">
        <table className="grid chart">
          <thead>
            <tr>
              <th>Program</th>
              <th className="col-owner">Owner</th>
              {chart.columns.map((c) => (
                <th key={c.key} className="cell-head" title={c.title}>
                  {c.head}
                </th>
              ))}
              <th className="narrow">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {programs.map((p, i) => (
              <ProgramRow
                key={p.id}
                {...chart}
                program={p}
                index={i}
                onChange={(next) => setProgram(i, next)}
                onRemove={() => remove(p.id)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="secondary" onClick={add}>
        {addLabel}
      </button>
    </>
  );
}

function ProgramRow<K extends string, P extends ChartProgram<K>>({
  program: p,
  index,
  cellsIn,
  columns,
  noun,
  path,
  onChange,
  onRemove,
}: ChartProps<K> & {
  program: P;
  index: number;
  onChange: (next: P) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const at = (...rest: string[]) => [...path, index, ...rest];
  const cells: Cells = p[cellsIn];
  return (
    <tr>
      <td>
        <TextField
          hideLabel
          label={`${noun} ${n} name`}
          value={p.name}
          path={at('name')}
          className="wide"
          onChange={(name) => onChange({ ...p, name })}
        />
      </td>
      <td>
        <TextField
          hideLabel
          label={`${noun} ${n} owner`}
          value={p.owner}
          path={at('owner')}
          onChange={(owner) => onChange({ ...p, owner })}
        />
      </td>
      {columns.map((c) => (
        <td key={c.key} className="center">
          <CellInput
            label={`${p.name.trim() || `${noun} ${n}`}: ${c.label}`}
            value={cells[c.key]}
            path={at(cellsIn, c.key)}
            onChange={(cell) => {
              const next = { ...cells };
              if (cell === undefined) delete next[c.key];
              else next[c.key] = cell;
              onChange({ ...p, [cellsIn]: next });
            }}
          />
        </td>
      ))}
      <td>
        <button type="button" className="remove" aria-label={`Remove ${noun.toLowerCase()} ${n}`} onClick={onRemove}>
          ×
        </button>
      </td>
    </tr>
  );
}
