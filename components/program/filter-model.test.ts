import { describe, expect, it } from 'vitest';
import { flagValue, isFiltered, selectValue, sortDirection, tierValue, withField } from './filter-model';

describe('the filter bar’s values', () => {
  it.each([
    [{}, false],
    [{ search: '   ' }, false],
    [{ search: 'acme' }, true],
    [{ assignedTier: 'none' as const }, true],
    [{ overdue: false }, true],
  ])('%o narrows the list: %s', (filter, narrowed) => {
    expect(isFiltered(filter)).toBe(narrowed);
  });

  it('sets one field and removes it again when set to any', () => {
    const on = withField({ grade: 'A' }, 'assignedTier', 1);
    expect(on).toEqual({ grade: 'A', assignedTier: 1 });
    expect(withField(on, 'assignedTier', undefined)).toEqual({ grade: 'A' });
  });

  it.each([
    ['', undefined],
    ['none', 'none'],
    ['2', 2],
  ])('reads the tier choice %j as %j', (value, tier) => {
    expect(tierValue(value)).toBe(tier);
  });

  it('reads flags as yes, no or any, and writes them back', () => {
    expect([flagValue('yes'), flagValue('no'), flagValue('')]).toEqual([true, false, undefined]);
    expect([selectValue(true), selectValue(false), selectValue(undefined), selectValue(3)]).toEqual([
      'yes',
      'no',
      '',
      '3',
    ]);
  });

  it('names each order’s direction', () => {
    expect(sortDirection({ key: 'engagement' })).toBe('highest first');
    expect(sortDirection({ key: 'name', reversed: true })).toBe('Z to A');
  });
});
