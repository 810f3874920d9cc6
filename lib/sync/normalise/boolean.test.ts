import { describe, expect, it } from 'vitest';
import { parseBoolean } from './boolean';

describe('parseBoolean', () => {
  it.each(['true', 'TRUE', 'Yes', 'y', '1', 'x', 'X', '✓', 'on'])('reads %j as true', (value) => {
    expect(parseBoolean(value)).toBe(true);
  });
  it.each(['false', 'No', 'n', '0', 'off'])('reads %j as false', (value) => {
    expect(parseBoolean(value)).toBe(false);
  });
  it.each(['', 'null', 'maybe', '2'])('reads %j as unknown', (value) => {
    expect(parseBoolean(value)).toBeUndefined();
  });
});
