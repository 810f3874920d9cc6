import { Section } from '@/components/shared/section';
import type { IcpCriterion, Settings } from '@/lib/settings/types';
import { CriterionRow } from './criterion-row';
import { type EditorProps, uniqueId } from './draft';
import { NumberField } from './number-field';

type Icp = Settings['icp'];

/** The ICP: weighted criteria (a table), the score each grade starts at, and the confidence bar. */
export function IcpEditor({ draft, update }: EditorProps) {
  const { criteria, thresholds, minConfidence } = draft.icp;
  const setIcp = (change: (icp: Icp) => Icp) => update((d) => ({ ...d, icp: change(d.icp) }));
  const setCriterion = (i: number, next: IcpCriterion) =>
    setIcp((icp) => ({ ...icp, criteria: icp.criteria.map((c, j) => (j === i ? next : c)) }));
  const add = () =>
    setIcp((icp) => ({
      ...icp,
      criteria: [
        ...icp.criteria,
        {
          kind: 'in_set',
          id: uniqueId(
            'criterion',
            icp.criteria.map((c) => c.id),
          ),
          label: '',
          field: 'industry',
          values: [],
          weight: 10,
          disqualifying: false,
        },
      ],
    }));
  // A removed criterion can no longer be a tier's filter.
  const remove = (id: string) =>
    update((d) => ({
      ...d,
      icp: { ...d.icp, criteria: d.icp.criteria.filter((c) => c.id !== id) },
      tiers: d.tiers.map((t) => ({ ...t, requiredCriteria: t.requiredCriteria.filter((r) => r !== id) })),
    }));
  const total = criteria.reduce((sum, c) => sum + (Number.isFinite(c.weight) ? c.weight : 0), 0);

  return (
    <Section title="ICP criteria and grades">
      <p className="hint">
        The fit score (0–100) is the weight an account earns over the weight of the criteria it has data for; weights
        now total {total}. A disqualifying criterion that fails makes the account an F.
      </p>
      <table className="grid">
        <thead>
          <tr>
            <th className="col-label">Label</th>
            <th className="col-field">Field</th>
            <th>Matches</th>
            <th className="narrow">Weight</th>
            <th className="narrow">Disqualifies</th>
            <th className="narrow">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c, i) => (
            <CriterionRow
              key={c.id}
              criterion={c}
              n={i + 1}
              onChange={(next) => setCriterion(i, next)}
              onRemove={() => remove(c.id)}
            />
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={add}>
        Add criterion
      </button>
      <div className="field-row">
        {(['A', 'B', 'C', 'D'] as const).map((g) => (
          <NumberField
            key={g}
            label={`${g} from`}
            unit="/100"
            value={thresholds[g]}
            path={['icp', 'thresholds', g]}
            onChange={(v) => setIcp((icp) => ({ ...icp, thresholds: { ...icp.thresholds, [g]: v ?? Number.NaN } }))}
          />
        ))}
        <NumberField
          label="Minimum confidence"
          unit="%"
          scale={100}
          value={minConfidence}
          path={['icp', 'minConfidence']}
          onChange={(v) => setIcp((icp) => ({ ...icp, minConfidence: v ?? Number.NaN }))}
        />
      </div>
      <p className="hint">
        A score under D's bar is an F. A grade the missing data could change shows as uncertain (“B?”, with the range it
        could take), and its tier is recommended on the worst case. With data for less than the minimum confidence's
        share of the weight, the panel says low confidence and asks for the missing data.
      </p>
    </Section>
  );
}
