import { useState } from 'react';
import { type Cell, formatCell, parseCell } from './draft';
import { pathKey, useProblem } from './problems';

/**
 * A chart cell (commitments by tier, orchestration by segment): "✓" for yes, a cadence, or empty.
 * Uses the `cadences` datalist its chart declares.
 */
export function CellInput({
  label,
  value,
  path,
  onChange,
}: {
  label: string;
  value: Cell;
  path: (string | number)[];
  onChange: (cell: Cell) => void;
}) {
  const problem = useProblem(path);
  // The typed text is kept (a cadence may have spaces); it reads as the cell once the input is left.
  const [text, setText] = useState(() => formatCell(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (parseCell(text) !== value) setText(formatCell(value));
  }
  const state = value === undefined ? 'empty' : value === true ? 'committed' : 'cadence';
  return (
    <input
      type="text"
      className={`cell cell-${state}`}
      list="cadences"
      aria-label={label}
      aria-invalid={problem ? true : undefined}
      title={problem}
      data-path={pathKey(path)}
      value={text}
      onBlur={() => setText(formatCell(value))}
      onChange={(e) => {
        const cell = parseCell(e.target.value);
        setText(e.target.value);
        setShown(cell);
        onChange(cell);
      }}
    />
  );
}
