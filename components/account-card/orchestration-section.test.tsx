import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Account } from '@/lib/db/accounts';
import { scoreAccount } from '@/lib/scoring/account-view';
import type { FitRank } from '@/lib/scoring/orchestration';
import { ORCHESTRATION_PRESET } from '@/lib/settings/presets';
import type { Settings } from '@/lib/settings/types';
import { OrchestrationSection } from './orchestration-section';

const HOSTILE = '<img src=x onerror=alert(1)>';

// Every criterion of the default ICP known and matching: an A, with nothing unknown.
const account: Account = {
  id: 'hubspot:7',
  name: 'Acme',
  keys: [],
  domains: ['acme.com'],
  linkedinSlugs: [],
  linkedinIds: [],
  isTarget: true,
  updatedAt: 0,
  source: 'hubspot',
  generation: 1,
  industry: 'Software',
  employees: 5_000,
  revenue: 1_000_000_000,
  country: 'US',
  technologies: ['HubSpot'],
};

/** The section's markup, for an account ranked `fitRank`, under `settings`. */
function markup(fitRank: FitRank | undefined, settings: Settings = ORCHESTRATION_PRESET.settings): string {
  const view = scoreAccount(account, [], [], settings, 0, { fitRank });
  if (!view.orchestration) throw new Error('no orchestration in the view');
  return renderToStaticMarkup(<OrchestrationSection orchestration={view.orchestration} />);
}
const text = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

describe("the panel's orchestration by grade", () => {
  it('shows the top 20 segment, its programs with their owners, and the rank as the reason', () => {
    const shown = text(markup({ rank: 7, of: 2_000 }));
    expect(shown).toContain('Orchestration by grade Top 20 accounts');
    expect(shown).toContain('Event invites Marketing + Sales');
    expect(shown).toContain('Account review with sales Marketing + Sales · monthly');
    expect(shown).toContain('Top 20 by fit: rank 7 of 2,000');
  });

  it('shows an A ranked 21st in "A and B": sales calls, no event invites', () => {
    const shown = text(markup({ rank: 21, of: 2_000 }));
    expect(shown).toContain('Orchestration by grade A and B');
    expect(shown).toContain('Sales calls AE');
    expect(shown).not.toContain('Event invites');
    expect(shown).toContain('Grade A (worst case A)');
  });

  it('says the rank is not known yet, and places the account by grade meanwhile', () => {
    const shown = text(markup(undefined));
    expect(shown).toContain('Orchestration by grade A and B');
    expect(shown).toContain('Rank by fit not known yet');
  });

  it('shows hostile program names and owners as text, never as markup', () => {
    const settings = structuredClone(ORCHESTRATION_PRESET.settings);
    Object.assign(settings.orchestration.programs[0] ?? {}, { name: `Emails ${HOSTILE}`, owner: HOSTILE });
    Object.assign(settings.orchestration.segments[1] ?? {}, { name: `Good ${HOSTILE}` });
    const html = markup({ rank: 50, of: 2_000 }, settings);
    expect(html).not.toContain('<img');
    expect(text(html)).toContain('Emails &lt;img src=x onerror=alert(1)&gt;');
  });
});
