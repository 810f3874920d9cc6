import { type ReactNode, useMemo, useState } from 'react';
import { useSettings } from '@/components/shared/use-settings';
import { computeMetrics, DEFAULT_PERIOD_MONTHS, lastMonths } from '@/lib/program/metrics';
import { type Grouping, MetricsTables } from './metrics-tables';
import { ScoresStatus } from './scores-status';
import { useScores } from './use-scores';
import './metrics.css';

const PERIODS = [3, 6, DEFAULT_PERIOD_MONTHS, 24] as const;

/**
 * Whether the program works: coverage, engagement, pipeline, outcomes and account reviews, by
 * tier or by owner, from the score rows the background keeps ready (lib/program/metrics.ts).
 */
export function MetricsView() {
  const settings = useSettings();
  const { rows, loaded, state, readState } = useScores();
  const [by, setBy] = useState<Grouping>('tier');
  const [months, setMonths] = useState<number>(DEFAULT_PERIOD_MONTHS);
  // "Now" is when the rows were read: the figures are as of the scores, and stay put while shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the time is taken again with each read of the rows
  const now = useMemo(() => Date.now(), [rows]);
  const metrics = useMemo(
    () => (settings ? computeMetrics(rows, settings, now, lastMonths(now, months)) : undefined),
    [rows, settings, now, months],
  );

  let body: ReactNode;
  if (!metrics || !loaded) body = <p className="muted accounts-state">Loading…</p>;
  else if (rows.length === 0) {
    body = (
      <div className="accounts-state">
        <h2>No scored accounts yet</h2>
        <p className="muted">The metrics show once accounts are imported or synced and scored.</p>
      </div>
    );
  } else body = <MetricsTables metrics={metrics} by={by} />;

  return (
    <div className="metrics">
      <header className="accounts-head">
        <div className="accounts-title">
          <h1>Metrics</h1>
          <ScoresStatus state={state} shownAt={rows.length > 0 ? readState?.at : undefined} />
        </div>
        <div className="accounts-tools">
          <fieldset className="metrics-grouping">
            <legend className="sr-only">Group the metrics</legend>
            {(['tier', 'owner'] as const).map((g) => (
              <label key={g}>
                <input type="radio" name="metrics-grouping" value={g} checked={by === g} onChange={() => setBy(g)} /> By{' '}
                {g}
              </label>
            ))}
          </fieldset>
          <label>
            Outcomes over{' '}
            <select value={months} onChange={(e) => setMonths(Number(e.target.value))}>
              {PERIODS.map((m) => (
                <option key={m} value={m}>
                  the last {m} months
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {body}
    </div>
  );
}
