import { describe, expect, it } from 'vitest';
import { parseSourceId } from './id';

describe('parseSourceId', () => {
  it.each([
    ['5790939450', { id: '5790939450' }],
    [' 001Wj00000tQWvr ', { id: '001Wj00000tQWvr' }],
    ['123.0', { id: '123' }],
    ['', {}],
    ['null', {}],
    ['NULL', {}],
  ])('reads %j as %j', (value, expected) => {
    expect(parseSourceId(value)).toEqual(expected);
  });
  it.each(['1.11015E+11', '5.79094E+09', '1E+11'])(
    'reports the spreadsheet-rounded id %j as a problem, never guessed',
    (value) => {
      const result = parseSourceId(value);
      expect(result.id).toBeUndefined();
      expect(result.problem).toMatch(/spreadsheet/);
    },
  );
  it('reports an id with spaces inside as a problem', () => {
    expect(parseSourceId('12 34').problem).toMatch(/spaces/);
  });
});
