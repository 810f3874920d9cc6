import { describe, expect, it } from 'vitest';
import { parseDate } from './date';

describe('parseDate', () => {
  it.each([
    ['2020-01-10T10:00:00Z', Date.UTC(2020, 0, 10, 10)],
    ['2020-01-10T10:00:00.250Z', Date.UTC(2020, 0, 10, 10, 0, 0, 250)],
    ['2020-01-10T12:00:00+02:00', Date.UTC(2020, 0, 10, 10)],
    ['2020-01-10 10:00', Date.UTC(2020, 0, 10, 10)],
    ['2020-01-10 10:00:30', Date.UTC(2020, 0, 10, 10, 0, 30)],
    ['2020-01-10', Date.UTC(2020, 0, 10)],
    ['1578650400000', Date.UTC(2020, 0, 10, 10)],
    ['1578650400', Date.UTC(2020, 0, 10, 10)],
    // Dotted dates are day first wherever they are written (de-DE, ru-RU, pl-PL…).
    ['15.03.2024', Date.UTC(2024, 2, 15)],
    ['05.03.2024', Date.UTC(2024, 2, 5)],
    ['5.3.2024', Date.UTC(2024, 2, 5)],
    ['15.03.2024 10:30', Date.UTC(2024, 2, 15, 10, 30)],
    ['15.03.2024, 10:30:05', Date.UTC(2024, 2, 15, 10, 30, 5)],
  ])('reads %j as %d (zone-less times as UTC)', (value, at) => {
    expect(parseDate(value)).toBe(at);
  });
  it.each([
    '',
    'null',
    '01/10/2020',
    '3/15/2024',
    '2020-02-31',
    '2020-13-01',
    '31.02.2024',
    '15.13.2024',
    '1.5',
    'yesterday',
    '2020-01-10 25:00',
  ])('reads %j as no date', (value) => {
    expect(parseDate(value)).toBeUndefined();
  });
});
