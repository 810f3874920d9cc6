import { describe, expect, it } from 'vitest';
import { listKey } from './list-keys';

describe('the accounts list’s keyboard', () => {
  it.each([
    // key, selected, rows, page, selected after
    ['ArrowDown', 0, 100, 10, 1],
    ['ArrowDown', 99, 100, 10, 99],
    ['ArrowDown', -1, 100, 10, 0],
    ['ArrowUp', 5, 100, 10, 4],
    ['ArrowUp', 0, 100, 10, 0],
    ['PageDown', 5, 100, 10, 15],
    ['PageDown', 95, 100, 10, 99],
    ['PageUp', 15, 100, 10, 5],
    ['PageUp', 3, 100, 10, 0],
    ['Home', 50, 100, 10, 0],
    ['End', 0, 100, 10, 99],
    // A selection past the end (the list shrank) moves from the last row.
    ['ArrowUp', 500, 100, 10, 98],
  ])('%s from row %i of %i (page %i) selects row %i', (key, selected, count, page, after) => {
    expect(listKey(key, selected, count, page)).toEqual({ kind: 'move', to: after });
  });

  it('opens the selected account’s card with Enter and closes it with Escape', () => {
    expect(listKey('Enter', 3, 10, 5)).toEqual({ kind: 'open' });
    expect(listKey('Escape', 3, 10, 5)).toEqual({ kind: 'close' });
  });

  it('opens nothing when no row is selected or the list is empty', () => {
    expect(listKey('Enter', -1, 10, 5)).toBeUndefined();
    expect(listKey('Enter', 0, 0, 5)).toBeUndefined();
    expect(listKey('ArrowDown', -1, 0, 5)).toBeUndefined();
  });

  it('leaves other keys to the browser (Tab, letters)', () => {
    expect(listKey('Tab', 2, 10, 5)).toBeUndefined();
    expect(listKey('a', 2, 10, 5)).toBeUndefined();
  });
});
