import { useEffect, useId, useState } from 'react';
import { Section } from '@/components/shared/section';
import { DEFAULT_HUBSPOT_API } from '@/lib/sync/sources';
import { HubSpotRead } from './hubspot-read';
import { SourceActions } from './source-actions';
import { SourceStatus } from './source-status';
import { useOriginAccess } from './use-origin-access';
import { useSourceActions } from './use-source-actions';
import type { SourceView } from './use-sources';

/**
 * HubSpot through a private app token. The token goes to the background, which keeps it in the
 * extension's IndexedDB; this page never shows it again, only a masked hint.
 */
export function HubSpotSource({ view, now }: { view: SourceView; now: number }) {
  const connected = view.connection;
  const [token, setToken] = useState('');
  const [api, setApi] = useState(DEFAULT_HUBSPOT_API);
  const access = useOriginAccess(api);
  const actions = useSourceActions('hubspot');
  const tokenError = useId();
  const apiError = useId();
  useEffect(() => {
    if (connected?.url) setApi(connected.url);
  }, [connected?.url]);

  const connect = async (e: React.FormEvent) => {
    e.preventDefault();
    // The field empties once the background has seen the token, kept or refused: nothing keeps it on the page.
    const result = await actions.connect({ source: 'hubspot', url: api, token }, access.ensure);
    if (result === 'connected' || result === 'refused') setToken('');
  };
  const disconnect = () => {
    if (
      confirm('Disconnect HubSpot? Its accounts, contacts and activity, and the token, are removed from this device.')
    ) {
      void actions.disconnect();
    }
  };

  return (
    <Section title="HubSpot">
      <p className="hint">
        Companies and contacts from your HubSpot CRM, read with a private app token (Settings → Integrations → Private
        apps). Tierlens asks for permission to read HubSpot's API, and syncs every 30 minutes.
      </p>
      {(connected || view.state) && <SourceStatus source="hubspot" view={view} now={now} />}
      {connected && (
        // A token that stopped working (revoked, rotated) is not "connected": the status above says why.
        <p className={view.state?.lastError ? 'muted source-connected' : 'ok source-connected'}>
          {view.state?.lastError ? 'Connected, but the last sync failed' : 'Connected'}{' '}
          <span className="muted">· token {connected.tokenHint ?? 'saved'}</span>
        </p>
      )}
      <HubSpotRead open={view.state?.lastSuccess === undefined} />
      <form className="source-form" onSubmit={(e) => void connect(e)} noValidate>
        <label className="field">
          <span className="field-label">HubSpot private app token</span>
          <input
            type="password"
            value={token}
            autoComplete="off"
            placeholder={connected ? 'a new token, to replace the saved one' : 'pat-…'}
            onChange={(e) => setToken(e.target.value)}
            aria-invalid={actions.errors.token ? true : undefined}
            aria-describedby={actions.errors.token ? tokenError : undefined}
            spellCheck={false}
          />
        </label>
        {actions.errors.token && (
          <p id={tokenError} className="field-error" role="alert">
            {actions.errors.token.replace(/^the/, 'The')}.
          </p>
        )}
        <details className="advanced">
          <summary>Advanced</summary>
          <label className="field">
            <span className="field-label">HubSpot API address</span>
            <input
              type="url"
              value={api}
              onChange={(e) => setApi(e.target.value)}
              aria-invalid={actions.errors.url ? true : undefined}
              aria-describedby={actions.errors.url ? apiError : undefined}
              spellCheck={false}
            />
          </label>
        </details>
        {actions.errors.url && (
          <p id={apiError} className="field-error" role="alert">
            The API address {actions.errors.url}.
          </p>
        )}
        <SourceActions actions={actions} connected={!!connected} onDisconnect={disconnect} />
      </form>
    </Section>
  );
}
