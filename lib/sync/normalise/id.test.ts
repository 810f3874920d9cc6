import { describe, expect, it } from 'vitest';
import { parseSourceId } from './id';

describe('parseSourceId', () => {
  it.each([
    ['5790939450', { id: '5790939450' }],
    // A Salesforce report's 15-character id, kept in the 18-character form data exports use.
    [' 001Wj00000tQWvr ', { id: '001Wj00000tQWvrIAG' }],
    ['001Wj00000tQWvrIAG', { id: '001Wj00000tQWvrIAG' }],
    // Salesforce's own example of the two forms of one id.
    ['001D000000IqhSL', { id: '001D000000IqhSLIAZ' }],
    ['003Dn00000AbCdE', { id: '003Dn00000AbCdEIAV' }],
    // Other 15-character ids are left as they are.
    ['ACCT00000012345', { id: 'ACCT00000012345' }],
    ['123456789012345', { id: '123456789012345' }],
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
