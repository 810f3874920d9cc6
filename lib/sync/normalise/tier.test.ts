import { describe, expect, it } from 'vitest';
import { parseTier } from './tier';

describe('parseTier', () => {
  it.each([
    ['tier_1', 1],
    ['TIER_2', 2],
    ['Tier 1', 1],
    ['tier-3', 3],
    ['Tier3', 3],
    ['T1', 1],
    ['t2', 2],
    ['1', 1],
    ['5', 5],
    ['2.0', 2],
    ['Tier 1 - Strategic', 1],
    ['Tier 2 (ABM Lite)', 2],
  ])('reads %j as tier %d', (value, tier) => {
    expect(parseTier(value)).toBe(tier);
  });

  it.each(['', 'null', '0', '6', 'Tier 6', 'gold', '12', 'tier'])('reads %j as untiered', (value) => {
    expect(parseTier(value)).toBeUndefined();
  });
});
