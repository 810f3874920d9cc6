import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { companyKeys, registrableDomain } from './company-keys';
import {
  keyKind,
  linkedinIdKey,
  nameKey,
  normaliseName,
  normaliseSlug,
  schoolKey,
  showcaseKey,
  slugKey,
} from './normalise';

describe('normaliseName', () => {
  it.each([
    // Legal suffixes go, so that the CRM's "Acme, Inc." meets LinkedIn's "Acme".
    ['Acme Inc', 'acme'],
    ['Acme, Inc.', 'acme'],
    ['Acme Incorporated', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme Ltd', 'acme'],
    ['Acme Ltd.', 'acme'],
    ['Acme Limited', 'acme'],
    ['Acme GmbH', 'acme'],
    ['Acme AB', 'acme'],
    ['Acme Corp.', 'acme'],
    ['Acme PLC', 'acme'],
    // Several trailing suffixes all go.
    ['Acme Holdings Ltd', 'acme'],
    ['Acme Pty Ltd', 'acme'],
    // Only trailing words are suffixes; the same word inside a name stays.
    ['Limited Brands', 'limited brands'],
    ['The Coca-Cola Company', 'the coca cola'],
    // Accents fold, case folds, punctuation and spacing collapse.
    ['Société Générale', 'societe generale'],
    ['Müller GmbH', 'muller'],
    ['Nestlé', 'nestle'],
    ['  ACME   corp. ', 'acme'],
    ['Coca-Cola', 'coca cola'],
    // `&` and "and" are the same name.
    ['Procter & Gamble', 'procter and gamble'],
    ['Procter and Gamble', 'procter and gamble'],
    ['AT&T Inc.', 'at and t'],
    ['H&M', 'h and m'],
    // A name that is only a suffix is kept rather than emptied.
    ['Inc.', 'inc'],
    ['AB', 'ab'],
    ['Group', 'group'],
    // Letters of every script are kept.
    ['Яндекс', 'яндекс'],
    ['株式会社', '株式会社'],
    // Nothing to match by.
    ['', ''],
    ['!!!', ''],
  ])('normalises %j to %j', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });

  // Dotted legal forms are the same suffix as their plain spelling.
  it.each([
    ['Nestlé S.A.', 'nestle'],
    ['Koninklijke Philips N.V.', 'koninklijke philips'],
    ['Acme L.L.C.', 'acme'],
    ['Enel S.p.A.', 'enel'],
  ])('removes the dotted legal suffix of %j', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });

  // "& Co." is a legal form too: no dangling "and" is left behind.
  it.each([
    ['Acme & Co.', 'acme'],
    ['Acme GmbH & Co. KG', 'acme'],
  ])('removes the "& Co." legal form of %j', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });
});

describe('normaliseSlug', () => {
  it.each([
    ['microsoft', 'microsoft'],
    ['Microsoft', 'microsoft'],
    [' acme ', 'acme'],
    ['milano-citt%C3%A0-stato', 'milano-città-stato'],
    ['Milano-Citt%C3%A0-Stato', 'milano-città-stato'],
    // Already decoded, or decomposed (a + combining grave): the same key.
    ['milano-città-stato', 'milano-città-stato'],
    ['milano-citta\u0300-stato', 'milano-città-stato'],
    // Not valid percent-encoding: kept as it is rather than thrown on.
    ['100%-pure', '100%-pure'],
  ])('normalises %j to %j', (slug, expected) => {
    expect(normaliseSlug(slug)).toBe(expected);
  });
});

describe('key builders', () => {
  it('spells each kind of key with its prefix', () => {
    expect(slugKey('Milano-Citt%C3%A0-Stato')).toBe('li:milano-città-stato');
    expect(linkedinIdKey('10529043')).toBe('li#10529043');
    expect(linkedinIdKey(1035)).toBe('li#1035');
    expect(nameKey('Acme, Inc.')).toBe('name:acme');
    expect(nameKey('!!!')).toBeUndefined();
    expect(showcaseKey('Microsoft-Azure')).toBe('li-showcase:microsoft-azure');
    expect(schoolKey('Stanford-University')).toBe('li-school:stanford-university');
  });

  it('gives a showcase, a school and a company page of the same slug three different keys', () => {
    expect(new Set([slugKey('acme'), showcaseKey('acme'), schoolKey('acme')]).size).toBe(3);
  });

  it.each([
    ['li#1035', 'li#'],
    ['li:acme', 'li:'],
    ['li-showcase:acme', 'li-showcase:'],
    ['li-school:acme', 'li-school:'],
    ['dom:acme.com', 'dom:'],
    ['name:acme', 'name:'],
    ['acme.com', undefined],
    ['', undefined],
  ])('says %j is a key of kind %j', (key, kind) => {
    expect(keyKind(key)).toBe(kind);
  });
});

describe('companyKeys', () => {
  it('lists the keys strongest kind first: li#, li:, dom:, name:', () => {
    expect(
      companyKeys({
        name: 'Acme, Inc.',
        websites: ['https://www.acme.com/about', 'shop.acme.co.uk'],
        linkedinSlugs: ['Acme', 'acme-corp'],
        linkedinIds: ['1035'],
      }),
    ).toEqual(['li#1035', 'li:acme', 'li:acme-corp', 'dom:acme.com', 'dom:acme.co.uk', 'name:acme']);
  });

  it('keeps showcase and school pages in their own namespaces, after the company’s own page', () => {
    expect(
      companyKeys({
        name: 'Acme',
        linkedinSlugs: ['acme'],
        linkedinShowcases: ['Acme', 'acme-cloud'],
        linkedinSchools: ['acme'],
        websites: ['acme.com'],
      }),
    ).toEqual(['li:acme', 'li-showcase:acme', 'li-showcase:acme-cloud', 'li-school:acme', 'dom:acme.com', 'name:acme']);
  });

  it('lists each key once', () => {
    expect(
      companyKeys({
        linkedinIds: ['1035', '1035'],
        linkedinSlugs: ['acme', 'Acme', ' ACME '],
        websites: ['acme.com', 'https://www.acme.com', 'http://shop.acme.com/x'],
      }),
    ).toEqual(['li#1035', 'li:acme', 'dom:acme.com']);
  });

  it('ignores junk: non-numeric ids, blank slugs, websites without a registrable domain, empty names', () => {
    expect(
      companyKeys({
        name: '!!!',
        linkedinIds: ['abc', '', '12a'],
        linkedinSlugs: ['', '   '],
        websites: ['', '   ', 'not a url', 'localhost', '192.168.0.1', 'http://[::1]/', 'https://', 'co.uk'],
      }),
    ).toEqual([]);
  });

  it('gives no key for an empty identity', () => {
    expect(companyKeys({})).toEqual([]);
  });
});

describe('registrableDomain', () => {
  it.each([
    ['shop.acme.co.uk', 'acme.co.uk'],
    ['https://shop.acme.co.uk/x?y=1', 'acme.co.uk'],
    ['http://www.audiense.com', 'audiense.com'],
    ['ACME.COM', 'acme.com'],
    [' acme.com ', 'acme.com'],
    ['acme.com:8080', 'acme.com'],
    ['www.acme.com/path', 'acme.com'],
    ['www.acme.com.', 'acme.com'],
    ['ftp://files.acme.com', 'acme.com'],
    // Private suffixes count: a GitHub Pages site is its own domain, not github.io.
    ['acme.github.io', 'acme.github.io'],
    ['https://docs.acme.github.io/', 'acme.github.io'],
    // IPs, bare suffixes and junk have no registrable domain.
    ['192.168.0.1', undefined],
    ['http://10.0.0.1/x', undefined],
    ['[::1]', undefined],
    ['http://[2001:db8::1]/', undefined],
    ['github.io', undefined],
    ['co.uk', undefined],
    ['localhost', undefined],
    ['not a url', undefined],
    ['', undefined],
  ])('gives %j the registrable domain %j', (input, expected) => {
    expect(registrableDomain(input)).toBe(expected);
  });
});

describe('registrableDomain on the Public Suffix List test vectors', () => {
  interface Vector {
    input: string | null;
    expected: string | null;
  }
  const read = (name: string): string[] =>
    readFileSync(new URL(`../../test/fixtures/psl/${name}`, import.meta.url), 'utf8').split('\n');
  const orNull = (s: string | undefined): string | null => (s === undefined || s === 'null' ? null : s);

  /** tests.txt: `<input> <expected>` a line, `null` for none, `//` comments. */
  const fromTestsTxt: Vector[] = read('tests.txt')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('//'))
    .map((line) => {
      const [input, expected] = line.split(/\s+/);
      return { input: orNull(input), expected: orNull(expected) };
    });

  /** test_psl.txt: `checkPublicSuffix('<input>', '<expected>');` a line, unquoted null for none. */
  const CHECK = /^checkPublicSuffix\((null|'[^']*'), (null|'[^']*')\);$/;
  const unquote = (s: string | undefined): string | null => (s === undefined || s === 'null' ? null : s.slice(1, -1));
  const fromTestPsl: Vector[] = read('test_psl.txt')
    .map((line) => CHECK.exec(line.trim()))
    .filter((m) => m !== null)
    .map((m) => ({ input: unquote(m[1]), expected: unquote(m[2]) }));

  // A hostname from a real URL never starts with a dot; tldts answers `example.com` and
  // `example.example` for these two where the list says null (see test/fixtures/psl/PROVENANCE.md).
  const SKIPPED = new Set(['.example.com', '.example.example']);

  it('reads the same 78 vectors from both files', () => {
    expect(fromTestsTxt).toHaveLength(78);
    expect(fromTestPsl).toEqual(fromTestsTxt);
  });

  it('skips exactly the two leading-dot inputs tldts disagrees on', () => {
    expect(fromTestsTxt.filter((v) => SKIPPED.has(v.input ?? ''))).toHaveLength(2);
  });

  const rows = (file: string, vectors: Vector[]) =>
    vectors.filter((v) => !SKIPPED.has(v.input ?? '')).map((v) => ({ file, ...v }));

  /**
   * The ASCII (punycode) labels of the vectors' internationalised names, as tests.txt itself
   * spells them in its `xn--` lines: registrableDomain reads hosts through URL, so such names
   * come back in this form.
   */
  const PUNYCODE: Record<string, string> = { 食狮: 'xn--85x722f', 公司: 'xn--55qx5d', 中国: 'xn--fiqs8s' };
  const ascii = (domain: string): string =>
    domain
      .split('.')
      .map((label) => PUNYCODE[label] ?? label)
      .join('.');

  it('spells every internationalised label of the vectors in ASCII as the file does', () => {
    const labels = fromTestsTxt.flatMap((v) => [v.input ?? '', v.expected ?? ''].flatMap((d) => d.split('.')));
    const unicode = new Set(labels.filter((label) => /[^ -~]/.test(label)));
    expect([...unicode].sort()).toEqual(Object.keys(PUNYCODE).sort());
    // Each vector with such a label has its ASCII twin in the file, with the same answer.
    const spelt = (d: string | null) => (d === null ? null : ascii(d));
    const twins = fromTestsTxt
      .filter((v) => [v.input, v.expected].some((d) => d !== null && /[^ -~]/.test(d)))
      .map((v) => ({ input: spelt(v.input), expected: spelt(v.expected) }));
    expect(twins).toHaveLength(9);
    expect(fromTestsTxt).toEqual(expect.arrayContaining(twins));
  });

  it.each([...rows('tests.txt', fromTestsTxt), ...rows('test_psl.txt', fromTestPsl)])(
    '$file: $input → $expected',
    ({ input, expected }) => {
      // registrableDomain takes a string: the null input is checked as the empty string.
      expect(registrableDomain(input ?? '') ?? null).toBe(expected === null ? null : ascii(expected));
    },
  );
});
