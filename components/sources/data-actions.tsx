import { useState } from 'react';
import { count } from '@/components/shared/format';
import { sendMessage } from '@/lib/messaging';
import type { SourcesView } from './use-sources';

const CLEAR_ALL =
  'Clear all data? This removes every account, contact and activity, your edits (tags, buyer roles, tier proposals) ' +
  'and the connections to HubSpot and the team feed from this device. It cannot be undone.';

type State = 'idle' | 'removing' | 'clearing' | { done: string } | { error: string };

/** Removing the demo data once real data is in, and clearing everything. */
export function DataActions({ sources }: { sources: SourcesView }) {
  const [state, setState] = useState<State>('idle');
  const demoAccounts = sources.demo.state?.accountCount ?? 0;
  const realData = (['file', 'feed', 'hubspot'] as const).some((s) => (sources[s].state?.accountCount ?? 0) > 0);
  const busy = state === 'removing' || state === 'clearing';

  const act = async (what: 'removing' | 'clearing', action: () => Promise<string>) => {
    setState(what);
    try {
      setState({ done: await action() });
    } catch (error) {
      setState({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  const removeDemo = () =>
    act('removing', async () => {
      const { removed } = await sendMessage('removeDemoData');
      return `Removed ${count(removed)} demo accounts.`;
    });
  const clearAll = () => {
    if (!confirm(CLEAR_ALL)) return;
    void act('clearing', async () => {
      await sendMessage('clearAllData');
      return 'All data cleared.';
    });
  };

  return (
    <div className="data-actions">
      {realData && demoAccounts > 0 && (
        <button type="button" className="secondary" onClick={() => void removeDemo()} disabled={busy}>
          Remove the demo data
        </button>
      )}
      <button type="button" className="secondary danger" onClick={clearAll} disabled={busy}>
        Clear all data
      </button>
      {typeof state === 'object' && 'done' in state && (
        <span className="ok" role="status">
          {state.done}
        </span>
      )}
      {typeof state === 'object' && 'error' in state && (
        <span className="notice notice-error" role="alert">
          {state.error}
        </span>
      )}
    </div>
  );
}
