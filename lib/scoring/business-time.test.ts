import { describe, expect, it } from 'vitest';
import { addBusinessHours, describeBusinessHours } from './business-time';

// Dates are built and read in local time, whatever the machine's zone: business hours are the
// browser's. November 2026: Mon 16, Tue 17, Wed 18, Thu 19, Fri 20, Sat 21, Sun 22, Mon 23.
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Fri 20 16:00" → that local moment in November 2026; the day name guards the table against typos. */
function parse(text: string): number {
  const [name, day, hour, minute] = text.split(/[ :]/);
  const d = new Date(2026, 10, Number(day), Number(hour), Number(minute));
  if (DAY_NAMES[d.getDay()] !== name) throw new Error(`${text}: that day is a ${DAY_NAMES[d.getDay()]}`);
  return d.getTime();
}

/** A local moment as "Mon 23 12:00". */
function show(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAY_NAMES[d.getDay()]} ${d.getDate()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

describe('addBusinessHours (09:00–17:00, Monday to Friday, local time)', () => {
  it.each`
    case                                        | from              | hours  | due
    ${'within one business day'}                | ${'Mon 16 10:00'} | ${4}   | ${'Mon 16 14:00'}
    ${'ending exactly at closing time'}         | ${'Mon 16 16:00'} | ${1}   | ${'Mon 16 17:00'}
    ${'spilling into the next morning'}         | ${'Mon 16 16:00'} | ${4}   | ${'Tue 17 12:00'}
    ${'to the minute'}                          | ${'Mon 16 16:30'} | ${1}   | ${'Tue 17 09:30'}
    ${'a full business day (T2 SLA)'}           | ${'Mon 16 10:00'} | ${8}   | ${'Tue 17 10:00'}
    ${'three business days over a weekend'}     | ${'Wed 18 10:00'} | ${24}  | ${'Mon 23 10:00'}
    ${'Friday afternoon to Monday'}             | ${'Fri 20 16:00'} | ${4}   | ${'Mon 23 12:00'}
    ${'from Friday’s close'}                    | ${'Fri 20 17:00'} | ${1}   | ${'Mon 23 10:00'}
    ${'from a Saturday'}                        | ${'Sat 21 10:00'} | ${4}   | ${'Mon 23 13:00'}
    ${'from a Sunday night'}                    | ${'Sun 22 23:00'} | ${4}   | ${'Mon 23 13:00'}
    ${'after hours, rolling to the next 09:00'} | ${'Mon 16 20:00'} | ${1}   | ${'Tue 17 10:00'}
    ${'before opening, starting at 09:00'}      | ${'Tue 17 07:00'} | ${1}   | ${'Tue 17 10:00'}
    ${'just after midnight'}                    | ${'Tue 17 00:30'} | ${8}   | ${'Tue 17 17:00'}
    ${'half an hour'}                           | ${'Mon 16 09:00'} | ${0.5} | ${'Mon 16 09:30'}
    ${'two weeks of business hours'}            | ${'Mon 16 09:00'} | ${80}  | ${'Fri 27 17:00'}
  `('$case: $from + $hours h → $due', ({ from, hours, due }) => {
    expect(show(addBusinessHours(parse(from), hours))).toBe(due);
  });

  it('adds nothing for zero hours', () => {
    expect(addBusinessHours(parse('Sat 21 10:00'), 0)).toBe(parse('Sat 21 10:00'));
  });

  it('never lands on a weekend or outside 09:00–17:00', () => {
    for (let h = 0.5; h <= 60; h += 0.5) {
      const d = new Date(addBusinessHours(parse('Thu 19 15:45'), h));
      expect([0, 6]).not.toContain(d.getDay());
      const minutes = d.getHours() * 60 + d.getMinutes();
      expect(minutes).toBeGreaterThan(9 * 60);
      expect(minutes).toBeLessThanOrEqual(17 * 60);
    }
  });
});

describe('describeBusinessHours', () => {
  it.each([
    [4, '4 business hours'],
    [1, '1 business hour'],
    [8, '1 business day'],
    [24, '3 business days'],
    [12, '12 business hours'],
  ])('says %i business hours as "%s"', (hours, words) => {
    expect(describeBusinessHours(hours)).toBe(words);
  });
});
