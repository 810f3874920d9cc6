import { describe, expect, it } from 'vitest';
import { MAX_TAG_LENGTH, normaliseTag, tagSuggestions, withoutTag, withTag } from './tags';

describe('a typed tag', () => {
  it.each([
    ['  ABM   2026 ', 'ABM 2026'],
    ['event;dinner', 'event dinner'],
    ['line\nbreak', 'line break'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ])('%j is stored as %j', (typed, tag) => {
    expect(normaliseTag(typed)).toBe(tag);
  });

  it('is nothing when blank', () => {
    expect(normaliseTag('   ')).toBeUndefined();
    expect(normaliseTag(';')).toBeUndefined();
  });

  it('is cut to a tag’s length', () => {
    expect(normaliseTag('x'.repeat(200))).toHaveLength(MAX_TAG_LENGTH);
  });
});

describe('the account’s tag set', () => {
  it('gains a tag once, whatever its case', () => {
    expect(withTag(['ABM'], 'abm')).toEqual(['ABM']);
    expect(withTag(['ABM'], 'Event')).toEqual(['ABM', 'Event']);
  });

  it('loses a tag in any case', () => {
    expect(withoutTag(['ABM', 'Event'], 'abm')).toEqual(['Event']);
  });
});

describe('tag suggestions from the tags the org already uses', () => {
  const known = ['Event 2026', 'abm', 'ABM', 'Dinner invite', 'Partner', 'Re-engage event'];

  it('offers each known tag once, leaving out the account’s own', () => {
    expect(tagSuggestions(known, ['partner'], '')).toEqual(['abm', 'Dinner invite', 'Event 2026', 'Re-engage event']);
  });

  it('puts the tags starting with the typed text before those containing it', () => {
    expect(tagSuggestions(known, [], 'ev')).toEqual(['Event 2026', 'Re-engage event']);
  });

  it('stops at the limit', () => {
    expect(tagSuggestions(known, [], '', 2)).toEqual(['abm', 'Dinner invite']);
  });
});
