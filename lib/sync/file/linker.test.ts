import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOUCHPOINT_TYPES } from '../../db/touchpoints';
import { ImportIndex } from './linker';

const at = (row: number, file = 'touchpoints.csv') => ({ file, row });

describe('ImportIndex ids', () => {
  it('reports a repeated numeric id as a duplicate, naming the full id and the row where it first appeared', () => {
    const index = new ImportIndex();
    expect(index.claim('touchpoint', 'file:900000123', at(5))).toBeUndefined();
    expect(index.claim('touchpoint', 'file:900000124', at(6))).toBeUndefined();
    expect(index.claim('touchpoint', 'file:900000123', at(9, 'more.csv'))).toBe(
      'duplicate id file:900000123: row 5 of touchpoints.csv already has it, so this row was skipped',
    );
  });

  it('keeps file:0123 and file:123 apart', () => {
    const index = new ImportIndex();
    expect(index.claim('contact', 'file:123', at(1))).toBeUndefined();
    expect(index.claim('contact', 'file:0123', at(2))).toBeUndefined();
    expect(index.claim('contact', 'file:00', at(3))).toBeUndefined();
    expect(index.claim('contact', 'file:0', at(4))).toBeUndefined();
    expect(index.count('contact')).toBe(4);
    expect(index.claim('contact', 'file:0123', at(5))).toContain('row 2 of touchpoints.csv');
    expect(index.claim('contact', 'file:0', at(6))).toContain('row 4 of touchpoints.csv');
  });

  it.each([
    ['file:123', 'other:123'],
    ['other:123', 'file:123'],
    ['file:123', ':123'],
    ['file:123', 'fil:123'],
  ])('keeps %s and %s apart', (first, second) => {
    const index = new ImportIndex();
    expect(index.claim('account', first, at(1))).toBeUndefined();
    expect(index.claim('account', second, at(2))).toBeUndefined();
    expect(index.count('account')).toBe(2);
    expect(index.claim('account', first, at(3))).toContain('row 1 of');
    expect(index.claim('account', second, at(4))).toContain('row 2 of');
  });

  it('still takes ids that are not integers', () => {
    const index = new ImportIndex();
    const ids = [
      'file:abc',
      'file:12a',
      'file:-1',
      'file:1.5',
      'file:',
      'file:1:2',
      'plain',
      '123',
      'file:1234567890123456',
    ];
    ids.forEach((id, i) => {
      expect(index.claim('contact', id, at(i))).toBeUndefined();
    });
    ids.forEach((id, i) => {
      expect(index.claim('contact', id, at(99))).toBe(
        `duplicate id ${id}: row ${i} of touchpoints.csv already has it, so this row was skipped`,
      );
    });
    expect(index.count('contact')).toBe(ids.length);
  });

  it('takes the largest 15-digit id as a number without losing it', () => {
    const index = new ImportIndex();
    expect(index.claim('touchpoint', 'file:999999999999999', at(1))).toBeUndefined();
    expect(index.claim('touchpoint', 'file:999999999999998', at(2))).toBeUndefined();
    expect(index.has('touchpoint', 'file:999999999999999')).toBe(true);
    expect(index.count('touchpoint')).toBe(2);
  });

  it('counts each id of a kind once, and each kind apart', () => {
    const index = new ImportIndex();
    index.claim('account', 'file:1', at(1));
    index.claim('account', 'file:2', at(2));
    index.claim('account', 'file:1', at(3));
    index.claim('account', 'file:acme', at(4));
    index.claim('contact', 'file:1', at(1));
    expect(index.count('account')).toBe(3);
    expect(index.count('contact')).toBe(1);
    expect(index.count('touchpoint')).toBe(0);
  });

  it('has() agrees with what was claimed', () => {
    const index = new ImportIndex();
    expect(index.has('account', 'file:1')).toBe(false);
    index.claim('account', 'file:acme', at(1));
    expect(index.has('account', 'file:1')).toBe(false);
    index.claim('account', 'file:1', at(2));
    index.claim('account', 'other:2', at(3));
    expect(index.has('account', 'file:acme')).toBe(true);
    expect(index.has('account', 'file:1')).toBe(true);
    expect(index.has('account', 'other:2')).toBe(true);
    expect(index.has('account', 'file:2')).toBe(false);
    expect(index.has('account', 'other:1')).toBe(false);
    expect(index.has('account', 'file:01')).toBe(false);
    expect(index.has('contact', 'file:1')).toBe(false);
  });

  it('links to the accounts of the import it adds to without counting them, or taking their ids for duplicates', () => {
    const index = new ImportIndex();
    index.claim('account', 'file:1', at(2, 'accounts.csv'));
    index.addAccount('file:1', ['acme.com'], 'Acme');
    // The previous import's file:1 is the row above's to replace; file:2 and file:3 are kept.
    index.seedAccount('file:1', ['old-acme.com'], 'name:acme old');
    index.seedAccount('file:2', ['globex.de'], 'name:globex');
    index.seedAccount('file:3', ['acme.com'], undefined);
    expect(index.count('account')).toBe(1);
    expect(index.knowsAny('account')).toBe(true);
    expect(index.knows('account', 'file:2')).toBe(true);
    expect(index.has('account', 'file:2')).toBe(false);
    expect(index.claim('account', 'file:2', at(3, 'accounts.csv'))).toBeUndefined();
    expect(index.accountByDomain('globex.de')).toBe('file:2');
    expect(index.accountByName('Globex')).toBe('file:2');
    expect(index.accountByDomain('old-acme.com')).toBeUndefined();
    // Two accounts of the data once it is merged have acme.com: it links to neither.
    expect(index.accountByDomain('acme.com')).toBeNull();
  });

  it('does not report an account of the previous import, replaced by a row of this one, as sharing its own domain', () => {
    const index = new ImportIndex();
    index.seedAccount('file:7', ['acme.com'], 'name:acme');
    index.claim('account', 'file:7', at(2, 'accounts.csv'));
    expect(index.addAccount('file:7', ['acme.com'], 'Acme')).toEqual([]);
    expect(index.accountByDomain('acme.com')).toBe('file:7');
  });

  it('names where an account with a numeric id came from when another shares its domain', () => {
    const index = new ImportIndex();
    index.claim('account', 'file:42', at(7, 'accounts.csv'));
    index.addAccount('file:42', ['acme.com'], 'Acme');
    index.claim('account', 'file:43', at(8, 'accounts.csv'));
    expect(index.addAccount('file:43', ['acme.com'], 'Acme Two')).toEqual([
      'shares the domain acme.com with file:42 (row 7 of accounts.csv): both were imported, and will show as ambiguous',
    ]);
  });
});

describe('ImportIndex touchpoint ids', () => {
  type Type = (typeof TOUCHPOINT_TYPES)[number];
  /** The id touchpointFromRow gives a row of a file without an id column. */
  const derived = (account: string, contact: string, type: Type, at: number | string) =>
    `file:tp:${account}:${contact}:${type}:${at}`;
  const withRecords = (accounts: string[], contacts: string[] = []) => {
    const index = new ImportIndex();
    for (const [i, id] of accounts.entries()) index.claim('account', `file:${id}`, at(i + 1, 'accounts.csv'));
    for (const [i, id] of contacts.entries()) index.claim('contact', `file:${id}`, at(i + 1, 'contacts.csv'));
    return index;
  };

  it('reports the same account, contact, type and time twice in a file without ids as a duplicate of the first row', () => {
    const index = withRecords(['10000001'], ['50000001']);
    const t = Date.UTC(2026, 4, 1, 10);
    expect(index.claim('touchpoint', derived('10000001', '50000001', 'email_open', t), at(2))).toBeUndefined();
    expect(index.claim('touchpoint', derived('10000001', '', 'email_open', t), at(3))).toBeUndefined();
    expect(index.claim('touchpoint', derived('10000001', '50000001', 'email_open', t + 1), at(4))).toBeUndefined();
    expect(index.claim('touchpoint', derived('10000001', '50000001', 'email_open', t), at(9))).toBe(
      `duplicate id file:tp:10000001:50000001:email_open:${t}: row 2 of touchpoints.csv already has it, so this row was skipped`,
    );
    expect(index.has('touchpoint', derived('10000001', '', 'email_open', t))).toBe(true);
    expect(index.has('touchpoint', derived('10000001', '', 'email_open', t + 1))).toBe(false);
    expect(index.count('touchpoint')).toBe(3);
  });

  it('keeps apart ids that only read like derived ones: unknown records, odd times, colons inside', () => {
    const index = withRecords(['1', 'a:b', 'a'], ['b', 'c']);
    const ids = [
      derived('1', '', 'meeting', 7),
      derived('1', '', 'meeting', '07'),
      derived('1', '', 'meeting', '7.0'),
      derived('1', '', 'meeting', 1.5),
      derived('1', '', 'meeting', 2 ** 53),
      derived('2', '', 'meeting', 7),
      derived('1', 'x', 'meeting', 7),
      derived('a:b', '', 'meeting', 7),
      derived('a', 'b', 'meeting', 7),
      derived('a', 'b', 'web_visit', 7),
      derived('1', '', 'no_such_type' as Type, 7),
      'file:tp:1::meeting:7:',
      'other:tp:1::meeting:7',
      'file:tp::1:meeting:7',
    ];
    for (const [i, id] of ids.entries()) expect(index.claim('touchpoint', id, at(i + 1)), id).toBeUndefined();
    for (const [i, id] of ids.entries()) expect(index.claim('touchpoint', id, at(99)), id).toContain(`row ${i + 1} of`);
    expect(index.count('touchpoint')).toBe(ids.length);
  });

  it('refuses accounts or contacts once touchpoints are claimed: their keys would change', () => {
    const index = withRecords(['1']);
    index.claim('touchpoint', derived('1', '', 'meeting', 7), at(1));
    expect(() => index.claim('account', 'file:2', at(2))).toThrow('before touchpoints');
    expect(() => index.seedContact('file:3', undefined)).toThrow('before touchpoints');
  });

  it('answers as a set of the ids would, for any mix of derived, derived-looking and other ids', () => {
    const accounts = ['1', '2', 'a', 'b:'];
    const contacts = ['c1', 'b', ''];
    const part = fc.constantFrom('1', '2', '3', 'a', 'b', 'c1', 'b:', '', 'a:b');
    const time = fc.constantFrom('0', '1', '10', '-5', '1.5', '01', String(Date.UTC(2026, 0, 1)), 'x');
    const type = fc.constantFrom<Type>(...TOUCHPOINT_TYPES.slice(0, 3));
    const id = fc.oneof(
      fc.tuple(part, part, type, time).map(([a, c, t, m]) => derived(a, c, t, m)),
      fc.string().map((s) => `file:${s}`),
      fc.constantFrom('file:tp:1::meeting:1', 'file:tp:1::meeting:1:', 'hubspot:tp:1::meeting:1'),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), (ids) => {
        const index = withRecords(accounts, contacts.filter(Boolean));
        const seen = new Set<string>();
        ids.forEach((t, i) => {
          expect(index.claim('touchpoint', t, at(i + 1)) !== undefined).toBe(seen.has(t));
          seen.add(t);
        });
        expect(index.count('touchpoint')).toBe(seen.size);
      }),
    );
  });
});
