import { describe, expect, it } from 'vitest';
import { placeOf } from './list-keys';

// Rows 0–4 are accounts a–e; `positions` lists them in the view's order.
const IDS = ['a', 'b', 'c', 'd', 'e'];
const idAt = (row: number) => IDS[row];

describe('the selection when the list’s rows change under it', () => {
  it.each<[string, { place: number; id?: string }, number[], number]>([
    ['stays on its place while that still holds its account', { place: 2, id: 'c' }, [0, 1, 2, 3, 4], 2],
    // An edit moved "c" from the third place to the first.
    ['follows its account to its new place', { place: 2, id: 'c' }, [2, 0, 1, 3, 4], 0],
    // An edit took "c" out of the filtered view: the place stays.
    ['keeps the place when its account left the view', { place: 2, id: 'c' }, [0, 1, 3, 4], 2],
    ['stays within a list that got shorter', { place: 4, id: 'e' }, [0, 1], 1],
    ['is the place when no account was chosen yet', { place: 0 }, [3, 4], 0],
    ['is -1 in an empty list', { place: 0, id: 'a' }, [], -1],
  ])('%s', (_, selection, positions, expected) => {
    expect(placeOf(selection, Int32Array.from(positions), idAt)).toBe(expected);
  });
});
