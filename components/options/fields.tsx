import { type ReactNode, useState } from 'react';
import { parseList } from './draft';
import { type Path, pathKey, useProblem } from './problems';

/** A labelled control: the label above it, or (in a table cell) only its aria-label. */
export function Field({
  label,
  hideLabel,
  unit,
  children,
}: {
  label: string;
  hideLabel?: boolean;
  unit?: string;
  children: ReactNode;
}) {
  const control = (
    <span className="field-control">
      {children}
      {unit && <span className="unit">{unit}</span>}
    </span>
  );
  if (hideLabel) return control;
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child passed in
    <label className="field">
      <span className="field-label">{label}</span>
      {control}
    </label>
  );
}

interface TextFieldProps {
  label: string;
  hideLabel?: boolean;
  value: string;
  onChange: (value: string) => void;
  path: Path;
  placeholder?: string;
  list?: string;
  className?: string;
}

/** A text input marked invalid when its path has a problem. */
export function TextField({ label, hideLabel, value, onChange, path, placeholder, list, className }: TextFieldProps) {
  const problem = useProblem(path);
  return (
    <Field label={label} hideLabel={hideLabel}>
      <input
        type="text"
        className={className}
        value={value}
        placeholder={placeholder}
        list={list}
        aria-label={hideLabel ? label : undefined}
        aria-invalid={problem ? true : undefined}
        title={problem}
        data-path={pathKey(path)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** Comma-separated values, kept as typed (a trailing comma survives) and reported as a list. */
export function ListField({
  label,
  hideLabel,
  values,
  onChange,
  path,
}: {
  label: string;
  hideLabel?: boolean;
  values: readonly string[];
  onChange: (values: string[]) => void;
  path: Path;
}) {
  const joined = values.join(', ');
  const [text, setText] = useState(joined);
  const [shown, setShown] = useState(joined);
  if (shown !== joined) {
    setShown(joined);
    if (parseList(text).join(', ') !== joined) setText(joined);
  }
  return (
    <TextField
      label={label}
      hideLabel={hideLabel}
      value={text}
      path={path}
      placeholder="comma-separated"
      className="wide"
      onChange={(t) => {
        const next = parseList(t);
        setText(t);
        setShown(next.join(', '));
        onChange(next);
      }}
    />
  );
}
