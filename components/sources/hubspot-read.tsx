import { useSettings } from '@/components/shared/use-settings';
import { describeHubSpotRead } from '@/lib/sync/hubspot/properties';

/** Exactly what the HubSpot source reads, from the adapter's own description: objects, properties, endpoints, scopes. */
export function HubSpotRead({ open }: { open: boolean }) {
  // As the background's adapter is built (lib/background/sync-runner.ts): tags come back from their property.
  const read = describeHubSpotRead({ companyTagsProperty: useSettings()?.writeBack.tagsProperty });
  return (
    <details className="hubspot-read" open={open}>
      <summary>What Tierlens reads from HubSpot</summary>
      <p className="hint">
        To read, the private app needs these scopes: <code>{read.scopes.join(', ')}</code>.
        {read.optionalScopes.map((o) => (
          <span key={o.scope}>
            {' '}
            Without <code>{o.scope}</code>, {o.without}.
          </span>
        ))}
      </p>
      <ul className="read-list">
        {read.objects.map((o) => (
          <li key={o.object}>
            <strong>{o.object}</strong> — {o.why}
            <div className="read-properties">{o.properties.join(', ')}</div>
          </li>
        ))}
      </ul>
      <h3>Requests</h3>
      <ul className="read-list">
        {read.endpoints.map((e) => (
          <li key={`${e.method} ${e.path}`}>
            <code>
              {e.method} {e.path}
            </code>{' '}
            <span className="muted">— {e.when}</span>
          </li>
        ))}
      </ul>
      <p className="hint">Never read: {read.notRead.join('; ')}.</p>
      <h3>What it writes back</h3>
      <p className="hint">
        Only the edits you make, when you make them, and only with these scopes too:{' '}
        <code>{read.writes.scopes.join(', ')}</code> (without them, your edits wait on this device).
      </p>
      <ul className="read-list">
        {read.writes.fields.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
    </details>
  );
}
