import { describe, expect, it } from 'vitest';
import { alsoIn, dueLabel, failingForADay, failingWarning, freshness, money, timeAgo } from './format';

const now = new Date(2026, 10, 18, 12, 0).getTime();
const at = (day: number, hour: number) => new Date(2026, 10, day, hour, 0).getTime();

describe('dueLabel', () => {
  it.each`
    due             | label
    ${now}          | ${'now'}
    ${now + 30_000} | ${'now'}
    ${at(19, 12)}   | ${'tomorrow'}
    ${at(21, 9)}    | ${'in 3 days'}
    ${at(17, 12)}   | ${'1 day overdue'}
    ${at(18, 9)}    | ${'overdue'}
  `('says $label', ({ due, label }) => {
    expect(dueLabel(due, now)).toBe(label);
  });

  it('gives the time for later today', () => {
    expect(dueLabel(at(18, 17), now)).toMatch(/^today /);
  });
});

describe('timeAgo and money', () => {
  it.each([
    [now - 10_000, 'just now'],
    [now - 5 * 60_000, '5 min ago'],
    [now - 3 * 3_600_000, '3 h ago'],
    [now - 2 * 86_400_000, '2 days ago'],
  ])('timeAgo(%i) is "%s"', (t, label) => {
    expect(timeAgo(t, now)).toBe(label);
  });

  it.each([
    [12_500_000, '$12.5M'],
    [50_000, '$50K'],
    [1_250, '$1.3K'],
    [999, '$999'],
    [0, '$0'],
  ])('writes %i dollars compactly, without a trailing .0, as "%s"', (usd, shown) => {
    expect(money(usd)).toBe(shown);
  });
});

describe('freshness: how old a source’s data is and where it came from', () => {
  const h = 3_600_000;
  it.each`
    source       | lastSuccess         | line
    ${'hubspot'} | ${now - 2 * h}      | ${'Synced 2 h ago from HubSpot'}
    ${'feed'}    | ${now - 5 * 60_000} | ${'Synced 5 min ago from the team feed'}
    ${'file'}    | ${now - 30_000}     | ${'Imported just now from a file'}
    ${'demo'}    | ${now - 26 * h}     | ${'From the demo data, loaded 1 day ago'}
    ${'hubspot'} | ${undefined}        | ${'From HubSpot, not synced yet'}
    ${'local'}   | ${undefined}        | ${'Added on this device'}
  `('$source synced at $lastSuccess: "$line"', ({ source, lastSuccess, line }) => {
    expect(freshness(source, lastSuccess, now)).toBe(line);
  });

  it.each([
    [['demo:7'], 'Also in the demo data'],
    [['hubspot:1', 'demo:7', 'demo:8'], 'Also in HubSpot and the demo data'],
    [['feed:1', 'file:2', 'local:3'], 'Also in the team feed, an imported file and the accounts added on this device'],
  ])('names the other sources that know the company once each: %j', (ids, line) => {
    expect(alsoIn(ids)).toBe(line);
  });

  it('says nothing when no other source knows the company', () => {
    expect(alsoIn([])).toBeUndefined();
  });
});

describe('a source failing for a day or more is worth a warning', () => {
  const day = 86_400_000;
  it.each`
    failingSince     | warn
    ${undefined}     | ${false}
    ${now - 60_000}  | ${false}
    ${now - day + 1} | ${false}
    ${now - day}     | ${true}
    ${now - 3 * day} | ${true}
  `('failing since $failingSince: $warn', ({ failingSince, warn }) => {
    expect(failingForADay(failingSince, now)).toBe(warn);
  });

  it('says for how long and why', () => {
    expect(failingWarning('hubspot', now - 2 * day - 5, now, 'the token was refused')).toBe(
      'HubSpot has not synced for 2 days: the token was refused',
    );
    expect(failingWarning('feed', now - day, now)).toBe('The team feed has not synced for 1 day');
  });
});
