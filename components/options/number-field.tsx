import { useState } from 'react';
import { Field } from './fields';
import { type Path, pathKey, useProblem } from './problems';

interface NumberFieldProps {
  label: string;
  /** Label for assistive technology only (a table cell whose column says what it is). */
  hideLabel?: boolean;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  /** Where the value lives in the settings, for its validation problems. */
  path: Path;
  /** Empty text means "no value" rather than a missing number. */
  optional?: boolean;
  /** The value is shown multiplied by this: 100 shows a share as a percentage. */
  scale?: number;
  unit?: string;
  placeholder?: string;
}

const format = (value: number | undefined, scale: number) =>
  value === undefined || Number.isNaN(value) ? '' : String(Number((value * scale).toPrecision(12)));

/**
 * A number input that keeps what was typed. Text that is not a number is reported as NaN, never
 * coerced, so that validation names it ("must be a number") and nothing is saved.
 */
export function NumberField({
  label,
  hideLabel,
  value,
  onChange,
  path,
  optional = false,
  scale = 1,
  unit,
  placeholder,
}: NumberFieldProps) {
  const parse = (t: string): number | undefined => {
    if (t.trim() === '') return optional ? undefined : Number.NaN;
    return Number(t) / scale;
  };
  const [text, setText] = useState(() => format(value, scale));
  const [shown, setShown] = useState(value);
  // The value changed from outside (a preset, an import, Discard): show it, unless the text already says it.
  if (!Object.is(shown, value)) {
    setShown(value);
    if (!Object.is(parse(text), value)) setText(format(value, scale));
  }
  const problem = useProblem(path);
  const unreadable = text.trim() !== '' && Number.isNaN(Number(text));
  const input = (
    <input
      type="text"
      inputMode="decimal"
      className="num"
      value={text}
      placeholder={placeholder}
      aria-label={hideLabel ? label : undefined}
      aria-invalid={problem || unreadable ? true : undefined}
      title={problem ?? (unreadable ? 'not a number' : undefined)}
      data-path={pathKey(path)}
      onChange={(e) => {
        const next = parse(e.target.value);
        setText(e.target.value);
        setShown(next);
        onChange(next);
      }}
    />
  );
  return (
    <Field label={label} hideLabel={hideLabel} unit={unit}>
      {input}
    </Field>
  );
}
