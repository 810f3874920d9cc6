import { money } from '@/components/shared/format';
import type { IcpCriterion } from '@/lib/settings/types';
import { CRITERION_FIELDS, type CriterionField, withField } from './draft';
import { ListField, TextField } from './fields';
import { NumberField } from './number-field';
import { pathKey, useProblem } from './problems';

/** One ICP criterion as a table row: the inputs its kind needs (a list of values, or a range). */
export function CriterionRow({
  criterion: c,
  n,
  onChange,
  onRemove,
}: {
  criterion: IcpCriterion;
  n: number;
  onChange: (next: IcpCriterion) => void;
  onRemove: () => void;
}) {
  const at = (field: string) => ['icp', 'criteria', n - 1, field];
  const fieldProblem = useProblem(at('field'));
  return (
    <tr>
      <td>
        <TextField
          hideLabel
          label={`Criterion ${n} label`}
          value={c.label}
          path={at('label')}
          onChange={(label) => onChange({ ...c, label })}
        />
      </td>
      <td>
        <select
          aria-label={`Criterion ${n} field`}
          value={c.field}
          aria-invalid={fieldProblem ? true : undefined}
          data-path={pathKey(at('field'))}
          onChange={(e) => onChange(withField(c, e.target.value as CriterionField))}
        >
          {Object.entries(CRITERION_FIELDS).map(([field, { label }]) => (
            <option key={field} value={field}>
              {label}
            </option>
          ))}
        </select>
      </td>
      <td>
        {c.kind === 'range' ? (
          <span className="range">
            <NumberField
              hideLabel
              optional
              label={`Criterion ${n} minimum`}
              placeholder="no minimum"
              value={c.min}
              path={at('min')}
              onChange={(min) => onChange({ ...c, min })}
            />
            <span className="muted">to</span>
            <NumberField
              hideLabel
              optional
              label={`Criterion ${n} maximum`}
              placeholder="no maximum"
              value={c.max}
              path={at('max')}
              onChange={(max) => onChange({ ...c, max })}
            />
            {c.field === 'revenue' && <span className="muted range-hint">{rangeHint(c.min, c.max)}</span>}
          </span>
        ) : (
          <ListField
            hideLabel
            label={`Criterion ${n} values`}
            values={c.values}
            path={at('values')}
            onChange={(values) => onChange({ ...c, values })}
          />
        )}
      </td>
      <td>
        <NumberField
          hideLabel
          label={`Criterion ${n} weight`}
          value={c.weight}
          path={at('weight')}
          onChange={(weight) => onChange({ ...c, weight: weight ?? Number.NaN })}
        />
      </td>
      <td className="center">
        <input
          type="checkbox"
          aria-label={`Criterion ${n} disqualifies`}
          title="An account that fails this criterion is graded F"
          checked={c.disqualifying}
          onChange={(e) => onChange({ ...c, disqualifying: e.target.checked })}
        />
      </td>
      <td>
        <button type="button" className="remove" aria-label={`Remove criterion ${n}`} onClick={onRemove}>
          ×
        </button>
      </td>
    </tr>
  );
}

/** "$20M – $300B", for reading large revenue figures at a glance. */
function rangeHint(min: number | undefined, max: number | undefined): string {
  const show = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '…' : money(v));
  return `${show(min)} – ${show(max)}`;
}
