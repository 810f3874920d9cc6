import { describe, expect, it } from 'vitest';
import { parseSourceId, salesforceOtherForm } from './id';

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

describe('salesforceOtherForm', () => {
  // The suffix: for each five characters, a bit per capital letter (the first character the
  // lowest bit), the number spelled in A–Z then 0–5 (Salesforce's CASESAFEID).
  it.each([
    ['0019000000B98de', '0019000000B98deAAB'],
    ['001A0000006Vm9r', '001A0000006Vm9rIAC'],
    ['ABCDEabcde00000', 'ABCDEabcde000005AA'],
  ])('gives %s its 18-character form %s, and back', (id15, id18) => {
    expect(salesforceOtherForm(id15)).toBe(id18);
    expect(salesforceOtherForm(id18)).toBe(id15);
  });
  it.each([
    ['an 18-character id whose suffix does not match', '0019000000B98deAAC'],
    ['an id of another length', '001900000B98de'],
    ['a HubSpot id', '5790939450'],
    ['an id with a dash', '0019000000-98de'],
  ])('has no other form for %s', (_what, id) => {
    expect(salesforceOtherForm(id)).toBeUndefined();
  });
});
