import { describe, expect, it } from 'vitest';
import { isEmptyCell } from './empty';

describe('isEmptyCell', () => {
  it.each(['', '   ', 'null', 'NULL', 'N/A', 'n/a', '-', '#N/A'])('treats %j as empty', (value) => {
    expect(isEmptyCell(value)).toBe(true);
  });
  it.each(['0', 'NA', 'none?', 'Acme', '--x'])('treats %j as a value', (value) => {
    expect(isEmptyCell(value)).toBe(false);
  });
});
