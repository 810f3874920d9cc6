import { sourceTitle } from '@/components/shared/format';
import { holdings, lastErrorLabel, lastSuccessLabel, nextRunLabel, stagingLabel } from './status-words';
import type { SourceView } from './use-sources';

/**
 * One source's status: what it holds, when it last succeeded, when it runs next, the run in
 * progress, what the last run could not read (a notice) and the last error. `now` comes from
 * the page's clock, so the times move on.
 */
export function SourceStatus({ source, view, now }: { source: string; view: SourceView; now: number }) {
  const { state, staged, connection } = view;
  const held = holdings({
    accounts: state?.accountCount,
    contacts: state?.contactCount,
    touchpoints: state?.touchpointCount,
  });
  const facts = [
    lastSuccessLabel(source, state?.lastSuccess, now),
    state?.label && source === 'feed' ? `generation ${state.label}` : undefined,
    connection && state?.nextRunAt !== undefined && !state.staging ? nextRunLabel(state.nextRunAt, now) : undefined,
  ].filter(Boolean);
  return (
    <div className="source-status" data-source={source}>
      <p>
        <strong>{sourceTitle(source)}</strong> holds {held}.
      </p>
      <p className="muted">{facts.join(' · ')}</p>
      {staged && (
        <p className="source-running" role="status">
          {stagingLabel(source, staged.accounts + staged.contacts + staged.touchpoints)}
        </p>
      )}
      {state?.notice && <p className="notice notice-warn">{state.notice}</p>}
      {state?.lastError && (
        <p className="notice notice-error" role="alert">
          {lastErrorLabel(state.lastError.at, state.lastError.message, now)}
        </p>
      )}
    </div>
  );
}
