import { describe, expect, it } from 'vitest';
import { parseEmployeeCount, parseEmployeeRange, parseNumber } from './number';

describe('parseNumber', () => {
  it.each([
    ['1200', 1200],
    ['1,200', 1200],
    ['1 200', 1200],
    ['1\u00a0200', 1200],
    ['$2,500,000', 2_500_000],
    ['€ 1.200,50', 1200.5],
    ['1200 USD', 1200],
    ['3.5k', 3500],
    ['1.2M', 1_200_000],
    ['2bn', 2e9],
    ['1.5 billion', 1.5e9],
    ['2 million', 2e6],
    ['€1,2 Mio', 1_200_000],
    ['1,2 Mio. €', 1_200_000],
    ['3 Mrd.', 3e9],
    ['500 Tsd.', 500_000],
    ['1,2 M€', 1_200_000],
    ['1.11015E+11', 111_015_000_000],
    ['1.200.000', 1_200_000],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1,234,567.89', 1_234_567.89],
    ['1.5', 1.5],
    ['1.200', 1.2],
    ['1,5', 1.5],
    ['0.5', 0.5],
    ['-5', -5],
    ['(500)', -500],
  ])('reads %j as %d', (value, expected) => {
    expect(parseNumber(value)).toBe(expected);
  });

  it.each([
    ['1.200', 1200],
    ['1.200.000', 1_200_000],
    ['1,5', 1.5],
    ['1.234,5', 1234.5],
    ['1 234,50', 1234.5],
  ])('in a comma-decimal file reads %j as %d', (value, expected) => {
    expect(parseNumber(value, { decimal: ',' })).toBe(expected);
  });

  it.each([
    '',
    ' ',
    'null',
    'N/A',
    '-',
    '#N/A',
    'abc',
    '12.5%',
    '1,2,3',
    '1.2.3',
    '12.',
    'about 50',
    'billion',
    '5 mios',
  ])('reads %j as no number', (value) => {
    expect(parseNumber(value)).toBeUndefined();
  });
});

describe('parseEmployeeRange and parseEmployeeCount', () => {
  it.each([
    ['51-200', { min: 51, max: 200 }, 126],
    ['51–200 employees', { min: 51, max: 200 }, 126],
    ['1,001-5,000', { min: 1001, max: 5000 }, 3001],
    ['10,001+', { min: 10001 }, 10001],
    ['2-10', { min: 2, max: 10 }, 6],
  ])('reads the range %j as %j, employees %d', (value, range, count) => {
    expect(parseEmployeeRange(value)).toEqual(range);
    expect(parseEmployeeCount(value)).toBe(count);
  });

  it('reads a plain count as that count, not a range', () => {
    expect(parseEmployeeRange('200')).toBeUndefined();
    expect(parseEmployeeCount('1,200')).toBe(1200);
  });

  it.each(['200-51', 'many', ''])('reads %j as no employee count', (value) => {
    expect(parseEmployeeCount(value)).toBeUndefined();
  });
});
