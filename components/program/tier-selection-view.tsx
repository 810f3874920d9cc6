import { useMemo, useState } from 'react';
import { count } from '@/components/shared/format';
import { notifyEditsChanged } from '@/components/shared/use-edit-actions';
import { useSettings } from '@/components/shared/use-settings';
import { getStrictDb } from '@/lib/db/db';
import { tierRight } from '@/lib/edits/tier-owner';
import { type AppliedTiers, applyTierChanges } from '@/lib/program/apply-tiers';
import {
  changesOf,
  type Decision,
  type SelectionLine,
  selectionLines,
  type TierFill,
  tierFill,
} from '@/lib/program/tier-selection';
import type { Settings, Tier } from '@/lib/settings/types';
import { TierChip } from './account-row';
import { gradeMarkOf, tierLabel } from './accounts-csv';
import { NoOwners, ownerOfMe, RepPicker } from './rep-picker';
import { gradeTitle } from './row-words';
import { ScoresStatus } from './scores-status';
import { type RowPlace, SelectionBody, VIRTUAL_FROM } from './selection-body';
import { useScores } from './use-scores';

const KIND_WORDS: Record<SelectionLine['kind'], (tier: Tier, line: SelectionLine) => string> = {
  add: (tier) => `Recommended for Tier ${tier}`,
  leave: (tier, line) =>
    line.proposed === undefined
      ? `Recommended out of Tier ${tier}: no tier fits`
      : `Recommended for Tier ${line.proposed}: leaves Tier ${tier}`,
  offered: (tier) => `Taken out of a tier above: offered for Tier ${tier}`,
};

/** Each tier's fill, the rep's share, and capacity: "Tier 1 Strategic: 23 of 25 (Dana 4)". */
function Capacity({ fills, settings, rep }: { fills: TierFill[]; settings: Settings; rep: string }) {
  return (
    <ul className="tier-capacity" aria-label="Tier capacity with the decisions so far">
      {fills.map((f) => (
        <li key={f.tier} className={f.all > f.capacity ? 'over' : undefined}>
          <TierChip tier={f.tier} settings={settings} empty="" />
          <span>
            <b>{count(f.all)}</b> of {count(f.capacity)}
            <span className="muted">
              {' '}
              · {rep} {count(f.mine)}
            </span>
            {f.all > f.capacity && <span className="warn"> · {count(f.all - f.capacity)} over capacity</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** One line: the account, why it is here, and the rep's choice (accept, keep, another tier). */
function LineRow({
  line,
  tier,
  decision,
  settings,
  onDecide,
  place,
  total,
}: {
  line: SelectionLine;
  tier: Tier;
  decision: Decision | undefined;
  settings: Settings;
  onDecide: (d: Decision | undefined) => void;
  place: RowPlace;
  /** How many lines the table has, when it renders only some (aria-rowindex then tells where a row is). */
  total?: number;
}) {
  const { row } = line;
  const name = `decision-${row.id}`;
  const choice = decision?.how;
  return (
    <tr
      data-account-id={row.id}
      data-index={place.index}
      ref={place.measure}
      aria-rowindex={total === undefined ? undefined : place.index + 2}
    >
      <th scope="row">
        <span className="row-name">{row.name}</span>
        {row.domain && <span className="row-sub muted">{row.domain}</span>}
      </th>
      <td title={gradeTitle(row)}>{gradeMarkOf(row)}</td>
      <td>{row.engagement}</td>
      <td>{KIND_WORDS[line.kind](tier, line)}</td>
      <td>
        <TierChip tier={row.assignedTier} settings={settings} empty="Untiered" />
      </td>
      <td>
        <fieldset className="decision" aria-label={`Decision for ${row.name}`}>
          <label>
            <input
              type="radio"
              name={name}
              checked={choice === 'accept'}
              onChange={() => onDecide({ to: line.proposed, how: 'accept' })}
            />
            Accept: {tierLabel(line.proposed, settings) || 'untiered'}
          </label>
          <label>
            <input
              type="radio"
              name={name}
              checked={choice === 'keep'}
              onChange={() => onDecide({ to: row.assignedTier, how: 'keep' })}
            />
            Keep
          </label>
          <select
            aria-label={`Another tier for ${row.name}`}
            value={choice === 'change' ? String(decision?.to ?? '') : 'choose'}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'choose') onDecide(undefined);
              else onDecide({ to: v === '' ? undefined : (Number(v) as Tier), how: 'change' });
            }}
          >
            <option value="choose">Another tier…</option>
            {settings.tiers.map((t) => (
              <option key={t.tier} value={t.tier}>
                {tierLabel(t.tier, settings)}
              </option>
            ))}
            <option value="">Untiered</option>
          </select>
        </fieldset>
      </td>
    </tr>
  );
}

/**
 * Tier selection with a rep: marketing's recommendation for the rep's accounts, one tier at a
 * time, most invested first; the rep accepts a list whole, keeps accounts where they are, or
 * chooses another tier. Accounts taken out of a tier are offered for the next. Applying a
 * tier's decisions records them through the write path (tier changes, or tier proposals where
 * the user is not the owner) and goes on to the next tier; capacity stays in sight.
 */
export function TierSelectionView() {
  const settings = useSettings();
  const { rows, index, loaded, state, readState } = useScores();
  const owners = useMemo(() => index.owners(), [index]);
  const me = settings?.me;
  const [chosenRep, setRep] = useState<string>();
  const rep = chosenRep ?? ownerOfMe(me, rows) ?? owners[0];
  const [step, setStep] = useState(0);
  const [decisions, setDecisions] = useState<Map<string, Decision>>(new Map());
  const [before, setBefore] = useState<Set<string>>(new Set());
  const [applied, setApplied] = useState<(AppliedTiers & { tier: Tier })[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const mine = useMemo(() => rows.filter((r) => r.owner === rep), [rows, rep]);
  const tiers = useMemo(() => [...(settings?.tiers ?? [])].sort((a, b) => a.tier - b.tier), [settings]);
  const tier = tiers[step]?.tier;
  const lines = useMemo(
    () => (tier === undefined ? [] : selectionLines(mine, tier, decisions, before)),
    [mine, tier, decisions, before],
  );
  const fills = useMemo(() => tierFill(rows, rep ?? '', tiers, decisions), [rows, rep, tiers, decisions]);

  if (!settings || !loaded) return <p className="muted accounts-state">Loading…</p>;
  if (rows.length === 0 || !rep) return <NoOwners>Tier selection works on each rep’s accounts</NoOwners>;

  const startOver = (nextRep: string) => {
    setRep(nextRep);
    setStep(0);
    setDecisions(new Map());
    setBefore(new Set());
    setApplied([]);
    setError(undefined);
  };
  const decide = (id: string, d: Decision | undefined) =>
    setDecisions((prev) => {
      const next = new Map(prev);
      if (d) next.set(id, d);
      else next.delete(id);
      return next;
    });
  const acceptAll = () =>
    setDecisions((prev) => {
      const next = new Map(prev);
      for (const l of lines) next.set(l.row.id, { to: l.proposed, how: 'accept' });
      return next;
    });
  const proposesOnly = mine.some((r) => tierRight(me, r).may === 'propose');
  const undecided = lines.filter((l) => !decisions.has(l.row.id));

  const applyStep = async () => {
    if (tier === undefined) return;
    setBusy(true);
    setError(undefined);
    // Lines left undecided stay as they are.
    const settled = new Map(decisions);
    for (const l of undecided) settled.set(l.row.id, { to: l.row.assignedTier, how: 'keep' });
    const ids = new Set(lines.map((l) => l.row.id));
    const changes = changesOf(
      mine.filter((r) => ids.has(r.id)),
      settled,
    );
    try {
      const result = await applyTierChanges(
        getStrictDb(),
        changes,
        me,
        `Tier selection with ${rep}: marketing recommends Tier ${tier}`,
        Date.now(),
      );
      notifyEditsChanged();
      setApplied((a) => [...a, { ...result, tier }]);
      setDecisions(settled);
      setBefore((b) => new Set([...b, ...ids]));
      setStep((s) => s + 1);
    } catch (e) {
      setError(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tier-selection">
      <header className="accounts-head">
        <div className="accounts-title">
          <h1>Tier selection</h1>
          <ScoresStatus state={state} shownAt={readState?.at} />
        </div>
        <RepPicker rep={rep} owners={owners} onChange={startOver} />
      </header>
      <Capacity fills={fills} settings={settings} rep={rep} />
      {proposesOnly && (
        <p className="notice">
          {me ? `You (${me}) are not ${rep}` : 'Your name is not set on the options page'}: your decisions on {rep}’s
          accounts go to {rep} as tier proposals, and the tiers stay as they are until {rep} changes them.
        </p>
      )}
      <ol className="selection-steps" aria-label="Tiers">
        {tiers.map((t, i) => (
          <li key={t.tier} aria-current={i === step ? 'step' : undefined} className={i < step ? 'done' : undefined}>
            {tierLabel(t.tier, settings)}
          </li>
        ))}
      </ol>
      {applied.length > 0 && (
        <ul className="selection-applied" role="status">
          {applied.map((a) => (
            <li key={a.tier}>
              Tier {a.tier}: {count(a.changed)} tier {a.changed === 1 ? 'change' : 'changes'} recorded
              {a.proposed > 0 && `, ${count(a.proposed)} ${a.proposed === 1 ? 'proposal' : 'proposals'} to ${rep}`}
            </li>
          ))}
        </ul>
      )}
      {tier === undefined ? (
        <div className="accounts-state">
          <h2>Tier selection with {rep} is done</h2>
          <p className="muted">
            The tier changes show in the panel and on the badges, and go back to the CRM where it takes them.
          </p>
          <button type="button" className="secondary" onClick={() => startOver(rep)}>
            Start again
          </button>
        </div>
      ) : (
        <section aria-label={`Tier ${tier} for ${rep}`}>
          <div className="selection-tools">
            <p>
              <b>{count(lines.length)}</b> of {rep}’s {count(mine.length)} accounts to decide for{' '}
              {tierLabel(tier, settings)}
              {undecided.length > 0 && lines.length > 0 && (
                <span className="muted"> · {count(undecided.length)} undecided stay as they are</span>
              )}
            </p>
            <button type="button" className="secondary" onClick={acceptAll} disabled={lines.length === 0 || busy}>
              Accept all {count(lines.length)}
            </button>
            <button type="button" onClick={applyStep} disabled={busy}>
              {step + 1 < tiers.length ? `Apply and go on to Tier ${tiers[step + 1]?.tier}` : 'Apply and finish'}
            </button>
          </div>
          {error && (
            <p className="warn" role="alert">
              {error}
            </p>
          )}
          {lines.length === 0 ? (
            <p className="muted accounts-state">
              The model agrees with {rep}’s Tier {tier} as it is: nothing to decide.
            </p>
          ) : (
            <table
              className="selection-table"
              aria-rowcount={lines.length >= VIRTUAL_FROM ? lines.length + 1 : undefined}
            >
              <thead>
                <tr aria-rowindex={lines.length >= VIRTUAL_FROM ? 1 : undefined}>
                  <th scope="col">Account</th>
                  <th scope="col">Grade</th>
                  <th scope="col">Engagement</th>
                  <th scope="col">Why</th>
                  <th scope="col">Now</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <SelectionBody
                lines={lines}
                columns={6}
                scroller=".tier-selection"
                row={(l, place) => (
                  <LineRow
                    key={l.row.id}
                    line={l}
                    tier={tier}
                    decision={decisions.get(l.row.id)}
                    settings={settings}
                    onDecide={(d) => decide(l.row.id, d)}
                    place={place}
                    total={lines.length >= VIRTUAL_FROM ? lines.length : undefined}
                  />
                )}
              />
            </table>
          )}
        </section>
      )}
    </div>
  );
}
