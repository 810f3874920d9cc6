import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HubSpotRead } from './hubspot-read';
import { SourceStatus } from './source-status';

/** The markup as text a user reads: tags dropped. */
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the HubSpot source, as the options page shows it', () => {
  it('says after a sync without the owners scope that owner names need crm.objects.owners.read', () => {
    const now = Date.UTC(2026, 2, 2, 9);
    const html = renderToStaticMarkup(
      <SourceStatus
        source="hubspot"
        now={now}
        view={{
          state: {
            source: 'hubspot',
            generation: 1,
            lastSuccess: now - 60_000,
            accountCount: 3,
            notice:
              'Owners show as HubSpot owner ids, not names: the private app needs the scope crm.objects.owners.read.',
          },
        }}
      />,
    );
    expect(text(html)).toContain('needs the scope crm.objects.owners.read');
    expect(html).not.toContain('role="alert"'); // a notice, not a failure
  });

  it('lists, before the first sync, the owners read and its scope', () => {
    const shown = text(renderToStaticMarkup(<HubSpotRead open />));
    expect(shown).toContain('crm.objects.owners.read');
    expect(shown).toContain('GET /crm/v3/owners');
    expect(shown).toMatch(/owners — the HubSpot users who own companies/);
  });
});
