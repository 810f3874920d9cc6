import { useEffect, useId, useState } from 'react';
import { Section } from '@/components/shared/section';
import { SourceActions } from './source-actions';
import { SourceStatus } from './source-status';
import { useOriginAccess } from './use-origin-access';
import { useSourceActions } from './use-source-actions';
import type { SourceView } from './use-sources';

/** The team feed: a manifest.json address on any HTTPS host, connected, synced and disconnected from here. */
export function FeedSource({ view, now }: { view: SourceView; now: number }) {
  const connected = view.connection;
  const [url, setUrl] = useState(connected?.url ?? '');
  const access = useOriginAccess(url);
  const actions = useSourceActions('feed');
  const errorId = useId();
  // The stored address fills the field once it is known (the live query answers after the first render).
  useEffect(() => {
    if (connected?.url) setUrl((u) => u || connected.url);
  }, [connected?.url]);

  const connect = (e: React.FormEvent) => {
    e.preventDefault();
    void actions.connect({ source: 'feed', url }, access.ensure);
  };
  const disconnect = () => {
    if (confirm('Disconnect the team feed? Its accounts, contacts and activity are removed from this device.')) {
      void actions.disconnect();
    }
  };

  return (
    <Section title="Team feed">
      <p className="hint">
        A manifest.json and its NDJSON shards on any static HTTPS host, built by your team's scheduled CRM export.
        Tierlens asks for permission to read that one address, and syncs it every hour.
      </p>
      {(connected || view.state) && <SourceStatus source="feed" view={view} now={now} />}
      <form className="source-form" onSubmit={connect} noValidate>
        <label className="field">
          <span className="field-label">Team feed address</span>
          <input
            type="url"
            value={url}
            placeholder="https://feeds.example.com/tierlens/manifest.json"
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={actions.errors.url ? true : undefined}
            aria-describedby={actions.errors.url ? errorId : undefined}
            spellCheck={false}
          />
        </label>
        {actions.errors.url && (
          <p id={errorId} className="field-error" role="alert">
            The address {actions.errors.url}.
          </p>
        )}
        <SourceActions actions={actions} connected={!!connected} onDisconnect={disconnect} />
      </form>
    </Section>
  );
}
