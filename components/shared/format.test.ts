import { describe, expect, it } from 'vitest';
import { dueLabel, money, timeAgo } from './format';

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

  it('writes revenue compactly', () => {
    expect(money(12_500_000)).toBe('$12.5M');
  });
});
