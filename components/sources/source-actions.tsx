import type { useSourceActions } from './use-source-actions';

/**
 * A connected source's buttons (Connect, and once connected Sync now and Disconnect) with what
 * went wrong, the same for every source form. Connect submits the form around it.
 */
export function SourceActions({
  actions,
  connected,
  onDisconnect,
}: {
  actions: ReturnType<typeof useSourceActions>;
  connected: boolean;
  onDisconnect: () => void;
}) {
  return (
    <>
      <div className="source-actions">
        <button type="submit" className="primary" disabled={actions.busy !== undefined}>
          {actions.busy === 'connecting' ? 'Connecting…' : 'Connect'}
        </button>
        {connected && (
          <>
            <button
              type="button"
              className="secondary"
              onClick={() => void actions.syncNow()}
              disabled={!!actions.busy}
            >
              {actions.busy === 'syncing' ? 'Syncing…' : 'Sync now'}
            </button>
            <button type="button" className="secondary" onClick={onDisconnect} disabled={!!actions.busy}>
              Disconnect
            </button>
          </>
        )}
      </div>
      {actions.error && (
        <p className="notice notice-error" role="alert">
          {actions.error}
        </p>
      )}
    </>
  );
}
