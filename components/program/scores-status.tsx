import { useState } from 'react';
import { browser } from 'wxt/browser';
import { count } from '@/components/shared/format';
import type { ScoresState } from '@/lib/db/scores';
import { sendMessage } from '@/lib/messaging';

/** "2 Mar, 14:05". */
const when = (at: number) =>
  new Date(at).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** How fresh the list is: the time its scores are as of, a rescoring under way, the last failure. */
export function ScoresStatus({ state, shownAt }: { state?: ScoresState; shownAt?: number }) {
  return (
    <p className="scores-status" role="status">
      {shownAt !== undefined && <span>Scores as of {when(shownAt)}</span>}
      {state?.pending && <span className="updating">Scores updating… ({count(state.pending.scored)} scored)</span>}
      {state?.error && !state.pending && <span className="warn">The last rescoring failed: {state.error}</span>}
    </p>
  );
}

const optionsUrl = () => `${browser.runtime.getURL('/options.html')}#sources`;

/** No score rows yet: either no accounts at all, or the first rescoring is still running. */
export function NoScores({ accounts, state }: { accounts: number | undefined; state?: ScoresState }) {
  const [loading, setLoading] = useState<'idle' | 'loading' | { error: string }>('idle');
  if (accounts === undefined) return <p className="muted accounts-state">Loading…</p>;
  if (accounts > 0 || state?.pending) {
    return (
      <div className="accounts-state" data-state="computing">
        <h2>Scores are being computed…</h2>
        <p className="muted">
          {state?.pending
            ? `${count(state.pending.scored)} of ${count(accounts)} accounts scored so far.`
            : `Tierlens scores your ${count(accounts)} accounts in the background; the list shows once they are ready.`}
        </p>
      </div>
    );
  }
  const load = async () => {
    setLoading('loading');
    try {
      await sendMessage('loadDemoData');
      setLoading('idle');
    } catch (error) {
      setLoading({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="accounts-state" data-state="empty">
      <h2>No accounts yet: load demo data or import a file</h2>
      <p className="muted">
        Tierlens lists the accounts of your CRM, the team feed or an imported file. Connect a source or import a file on
        the <a href={optionsUrl()}>options page</a>.
      </p>
      <div className="state-actions">
        <button type="button" className="primary" onClick={load} disabled={loading === 'loading'}>
          {loading === 'loading' ? 'Loading demo data…' : 'Load demo data'}
        </button>
      </div>
      {typeof loading === 'object' && (
        <p className="notice notice-error">Could not load the demo data: {loading.error}</p>
      )}
    </div>
  );
}

/** Filters that let no account through, with the way out. */
export function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <div className="accounts-state" data-state="no-matches">
      <h2>No account matches these filters</h2>
      <button type="button" className="secondary" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}
