import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '@/lib/program/metrics';
import { scoreRow } from '@/lib/program/test-rows';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { MetricsTables } from './metrics-tables';

const HOSTILE = '<img src=x onerror=alert(1)>';
const NOW = Date.UTC(2026, 2, 2, 12);
const DAY = 86_400_000;

const rows = [
  scoreRow({
    id: 'file:1',
    name: 'Acme',
    owner: HOSTILE,
    assignedTier: 1,
    level: 5,
    opportunities: [
      { status: 'won', amount: 120_000, closedAt: NOW - 10 * DAY },
      { status: 'open', amount: 50_000 },
    ],
  }),
  scoreRow({ id: 'file:2', name: 'Globex', owner: 'Ann', assignedTier: 2, level: 2 }),
];
const render = (by: 'tier' | 'owner') =>
  renderToStaticMarkup(<MetricsTables metrics={computeMetrics(rows, DEFAULT_SETTINGS, NOW)} by={by} />);

describe('the metrics tables', () => {
  it('shows a hostile owner name as text, never as markup', () => {
    const html = render('owner');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says "no closed deals" where nothing closed, never 0%', () => {
    const html = render('tier');
    const tier2 = html.slice(html.indexOf('data-group="tier:2"', html.indexOf('Outcomes')));
    expect(tier2.slice(0, tier2.indexOf('</tr>'))).toContain('no closed deals');
    expect(html).toContain('aria-label="Tier 1 Strategic, win rate 100%: 1 won, 0 lost"');
  });

  it('labels each chart with the numbers it draws', () => {
    const html = render('tier');
    expect(html).toContain(
      'aria-label="Tier 1 Strategic, accounts per level: 1 cold 0, 2 needs nurturing 0, 3 warming 0, 4 engaged 0, 5 contact now 1"',
    );
    expect(html).toContain('aria-label="Tier 1 Strategic, open amount $50K"');
    expect(html.match(/role="img"/g)?.length).toBeGreaterThan(10);
  });
});
