import { describe, expect, it } from 'vitest';
import { DEFAULT_ORCHESTRATION, DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { ORCHESTRATION_PRESET } from '@/lib/settings/presets';
import type { Orchestration } from '@/lib/settings/types';
import {
  filterFor,
  flagValue,
  isFiltered,
  segmentChoices,
  segmentSelectValue,
  segmentTemplate,
  segmentValue,
  selectValue,
  sortDirection,
  tierValue,
  withField,
} from './filter-model';

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

describe('the segment filter', () => {
  const byGrade: Orchestration = { ...DEFAULT_ORCHESTRATION, mode: 'grades' };

  it('is there only when the org orchestrates by grade', () => {
    expect(segmentTemplate(DEFAULT_SETTINGS)).toBeUndefined();
    expect(segmentTemplate(ORCHESTRATION_PRESET.settings)?.segments.map((s) => s.id)).toEqual([
      'top',
      'a-b',
      'remaining',
    ]);
  });

  it('offers each segment of the template by its name, and no "in no segment" when "remaining" takes everyone', () => {
    expect(segmentChoices(byGrade).map((c) => c.label)).toEqual(['Top 20 accounts', 'A and B', 'Remaining']);
  });

  it('offers "In no segment" when the template can leave an account out', () => {
    const noRest = { segments: byGrade.segments.filter((s) => s.kind !== 'remaining') };
    expect(segmentChoices(noRest).map((c) => c.label)).toEqual(['Top 20 accounts', 'A and B', 'In no segment']);
  });

  it('reads each choice back as the segment it names, even a segment whose id is "none"', () => {
    const odd = { segments: [{ kind: 'remaining' as const, id: 'none', name: 'Everyone' }] };
    const [everyone] = segmentChoices(odd);
    expect(everyone).toEqual({ value: 'segment:none', label: 'Everyone' });
    expect(segmentValue(everyone?.value ?? '')).toBe('none');
    expect([segmentValue(''), segmentValue('none'), segmentValue('segment:a-b')]).toEqual([undefined, null, 'a-b']);
    expect([segmentSelectValue(undefined), segmentSelectValue(null), segmentSelectValue('top')]).toEqual([
      '',
      'none',
      'segment:top',
    ]);
  });

  it('counts "in no segment" as narrowing the list', () => {
    expect(isFiltered({ segment: null })).toBe(true);
  });

  it('drops a segment chosen before the org stopped orchestrating by grade, and keeps the rest', () => {
    expect(filterFor({ segment: 'top', grade: 'A' }, undefined)).toEqual({ grade: 'A' });
    expect(filterFor({ segment: 'top', grade: 'A' }, byGrade)).toEqual({ segment: 'top', grade: 'A' });
  });
});
