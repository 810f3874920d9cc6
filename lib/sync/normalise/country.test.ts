import { describe, expect, it } from 'vitest';
import { normaliseCountry } from './country';

describe('normaliseCountry', () => {
  it.each([
    ['Germany', 'DE'],
    ['DE', 'DE'],
    ['de', 'DE'],
    ['Deutschland', 'DE'],
    ['United States', 'US'],
    ['USA', 'US'],
    ['U.S.', 'US'],
    ['U.S.A.', 'US'],
    ['United States of America', 'US'],
    ['United Kingdom', 'GB'],
    ['UK', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['GB', 'GB'],
    ['Canada', 'CA'],
    ['France', 'FR'],
    ['Sverige', 'SE'],
    ['España', 'ES'],
    ['Schweiz', 'CH'],
    ['the Netherlands', 'NL'],
    ['Holland', 'NL'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote d’Ivoire', 'CI'],
    ['Czech Republic', 'CZ'],
    ['Czechia', 'CZ'],
    ['Turkey', 'TR'],
    ['Hong Kong', 'HK'],
    ['South Korea', 'KR'],
    ['Georgia', 'GE'],
    ['Kosovo', 'XK'],
    ['  japan  ', 'JP'],
    // ISO 3166-1 alpha-3 (from the standard's table): CAN has no state to be confused with.
    ['DEU', 'DE'],
    ['GBR', 'GB'],
    ['CHE', 'CH'],
    ['CAN', 'CA'],
    ['fra', 'FR'],
  ])('reads %j as %s', (value, code) => {
    expect(normaliseCountry(value)).toBe(code);
  });

  it.each([
    ['California', 'a US state'],
    ['CA', 'California or Canada: ambiguous'],
    ['NY', 'a US state code'],
    ['Texas', 'a US state'],
    ['European Union', 'no country'],
    ['EU', 'no country'],
    ['Congo', 'two countries share the name'],
    ['Atlantis', 'no such country'],
    ['', 'empty'],
    ['null', 'empty'],
    ['N/A', 'empty'],
  ])('reads %j as no country (%s)', (value) => {
    expect(normaliseCountry(value)).toBeUndefined();
  });

  // English names written out by hand, none of them among country.ts's aliases: the table it
  // builds from Intl must know them.
  it.each([
    ['Afghanistan', 'AF'],
    ['Brazil', 'BR'],
    ['Fiji', 'FJ'],
    ['Iceland', 'IS'],
    ['Mongolia', 'MN'],
    ['New Zealand', 'NZ'],
    ['South Africa', 'ZA'],
    ['Zimbabwe', 'ZW'],
    ['Timor-Leste', 'TL'],
    ['Peru', 'PE'],
  ])('knows the country %j by its English name: %s', (name, code) => {
    expect(normaliseCountry(name)).toBe(code);
  });
});
