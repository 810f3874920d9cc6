import { describe, expect, it } from 'vitest';
import type { IcpCriterion } from '@/lib/settings/types';
import { formatCell, parseCell, parseList, uniqueId, withField } from './draft';
import { readableMessage, readableWhere } from './problems';

describe('a commitments-chart cell', () => {
  it.each([
    ['', undefined],
    ['   ', undefined],
    ['✓', true],
    ['x', true],
    ['X', true],
    ['yes', true],
    ['monthly', 'monthly'],
    [' every two weeks ', 'every two weeks'],
  ])('reads %j as %j', (text, cell) => {
    expect(parseCell(text)).toBe(cell);
  });

  it.each([
    [true, '✓'],
    ['quarterly', 'quarterly'],
    [undefined, ''],
  ] as const)('shows %j as %j', (cell, text) => {
    expect(formatCell(cell)).toBe(text);
  });
});

describe('helpers of the editors', () => {
  it('gives a new row the first id no row takes', () => {
    expect(uniqueId('program', ['exec-outreach', 'program-1', 'program-3'])).toBe('program-2');
    expect(uniqueId('criterion', [])).toBe('criterion-1');
  });

  it('reads comma-separated values, dropping blanks', () => {
    expect(parseList('Software, IT Services,, ')).toEqual(['Software', 'IT Services']);
    expect(parseList('')).toEqual([]);
  });

  const industry: IcpCriterion = {
    kind: 'in_set',
    id: 'industry',
    label: 'Target industry',
    field: 'industry',
    values: ['Software'],
    weight: 30,
    disqualifying: true,
  };

  it('keeps the values when a list criterion moves to another list field', () => {
    expect(withField(industry, 'technologies')).toEqual({ ...industry, kind: 'includes_any', field: 'technologies' });
  });

  it('turns a list criterion into an open range, keeping its id, label, weight and disqualifier', () => {
    expect(withField(industry, 'employees')).toEqual({
      kind: 'range',
      id: 'industry',
      label: 'Target industry',
      field: 'employees',
      weight: 30,
      disqualifying: true,
    });
  });
});

describe('problems in the words of the form', () => {
  it.each([
    ['engagement › touchpoint weights › pricing_page_visit', 'engagement › touchpoint weights › pricing page visit'],
    ['engagement › buyer-role multipliers › CHAMPION', 'engagement › buyer-role multipliers › champion'],
    ['ICP › criterion 2 › max', 'ICP › criterion 2 › maximum'],
    ['tierModel', 'tier model'],
  ])('%s → %s', (where, words) => {
    expect(readableWhere(where)).toBe(words);
  });

  it('says a whole number is needed rather than an int', () => {
    expect(readableMessage('Invalid input: expected int, received number')).toBe('must be a whole number');
  });
});
