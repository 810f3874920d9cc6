import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { scoreRow } from '@/lib/program/test-rows';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { AccountRow } from './account-row';

const HOSTILE = '<img src=x onerror=alert(1)>';
const NOW = new Date(2026, 2, 2, 9, 30).getTime();
const DAY = 86_400_000;

/** The markup as text a user reads: tags dropped, entities decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const render = (over: Parameters<typeof scoreRow>[0], selected = false, segment?: { label?: string }) =>
  renderToStaticMarkup(
    <AccountRow
      row={scoreRow(over)}
      settings={DEFAULT_SETTINGS}
      segment={segment}
      now={NOW}
      id="account-option-0"
      position={1}
      total={3}
      selected={selected}
    />,
  );

describe('a row of the accounts list', () => {
  it('shows a hostile company name as text, never as markup', () => {
    const html = render({ id: 'file:1', name: `Acme ${HOSTILE}`, owner: HOSTILE, nextAction: HOSTILE });
    expect(html).not.toContain('<img');
    expect(text(html)).toContain(`Acme ${HOSTILE}`);
  });

  it('says the name, domain, both tiers, grade, engagement, trend, next action and owner', () => {
    const html = render({
      id: 'file:1',
      name: 'Acme',
      domain: 'acme.com',
      owner: 'Alex Morgan',
      assignedTier: 1,
      recommendedTier: 1,
      engagement: 82,
      level: 5,
      trend: 'surging',
      nextAction: 'Call the champion',
      nextDue: NOW + 3 * DAY,
      actionCount: 2,
    });
    expect(text(html)).toContain(
      'Acme acme.com 1 Strategic 1 Strategic B 82 L5 ▲ surging Call the champion +1 in 3 days Alex Morgan',
    );
    expect(html).not.toContain('≠');
    expect(html).toContain('<rect'); // the weekly sparkline
  });

  it('marks a recommendation that differs from the assigned tier', () => {
    const html = render({ id: 'file:1', name: 'Acme', assignedTier: undefined, recommendedTier: 2 });
    expect(text(html)).toContain('untiered ≠ 2 ABM Lite');
    expect(html).toContain('The model recommends another tier than the assigned one');
  });

  it('shows an uncertain grade with "?" and its range in the title', () => {
    const html = render({ id: 'file:1', name: 'Acme', grade: 'B', uncertain: true, gradeBest: 'A', gradeWorst: 'D' });
    expect(text(html)).toContain(' B? ');
    expect(html).toContain('could be A–D');
  });

  it('marks an overdue action and follow-up, and names the missing roles', () => {
    const html = render({
      id: 'file:1',
      name: 'Acme',
      nextAction: 'Follow up',
      nextDue: NOW - 2 * DAY,
      followUpDue: NOW - 2 * DAY,
      actionCount: 1,
      missingRoles: ['CHAMPION'],
    });
    expect(html).toContain('class="row-sub overdue"');
    expect(text(html)).toContain('2 days overdue · follow-up overdue');
    expect(text(html)).toContain('Champion');
  });

  it('names the account’s segment after its grade when the org orchestrates by grade', () => {
    const html = render({ id: 'file:1', name: 'Acme', grade: 'A', engagement: 82 }, false, {
      label: 'Top 20 accounts',
    });
    expect(text(html)).toContain(' A Top 20 accounts 82 ');
    expect(html).toContain('data-col="segment"');
  });

  it('says "no segment" when no segment of the template takes the account', () => {
    expect(text(render({ id: 'file:1', name: 'Acme' }, false, {}))).toContain(' B no segment ');
  });

  it('has no segment cell when the org does not orchestrate by grade', () => {
    expect(render({ id: 'file:1', name: 'Acme' })).not.toContain('data-col="segment"');
  });

  it('shows a hostile segment name as text', () => {
    const html = render({ id: 'file:1', name: 'Acme' }, false, { label: HOSTILE });
    expect(html).not.toContain('<img');
    expect(text(html)).toContain(HOSTILE);
  });

  it('is an option of the listbox, selected or not, with its place in the list', () => {
    const html = render({ id: 'file:1', name: 'Acme' }, true);
    expect(html).toMatch(/role="option" aria-selected="true" aria-posinset="1" aria-setsize="3"/);
  });
});
