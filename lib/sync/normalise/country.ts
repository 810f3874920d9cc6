// ISO 3166-1's alpha-3 codes beside alpha-2 (Intl has none): the data file only, not the library's 100 languages.
import ISO_CODES from 'i18n-iso-countries/codes.json';
import { isEmptyCell } from './empty';
import { foldText } from './fold';
import { memoised } from './memo';

/**
 * Region codes Intl knows that are not ISO 3166-1 countries: unions, pseudo-locales and the
 * exceptionally reserved codes (Ascension, Canary Islands…). Kosovo's user-assigned `XK`
 * stays: CRMs and the EU use it.
 */
const NOT_COUNTRIES = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'XA', 'XB']);

/**
 * Two-letter values that are a US state's abbreviation at least as often as a country code in
 * a CRM's country column. `CA` is Canada's code and California's abbreviation; guessing wrong
 * would put an account in the wrong country, so it is no country: write "Canada". Other
 * collisions (DE Delaware, IN Indiana…) are read as the country, which is what they nearly
 * always mean in a country column.
 */
const AMBIGUOUS_CODES = new Set(['CA']);

/** Languages whose own names for countries exports carry ("Deutschland", "España", "Sverige"…). */
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'sv', 'da', 'nb', 'fi', 'pl'];

/** Names Intl does not give, written in CRMs: ISO's formal names, old names and everyday ones. */
const ALIASES: Record<string, string> = {
  usa: 'US',
  us: 'US',
  'u s': 'US',
  'u s a': 'US',
  america: 'US',
  'united states of america': 'US',
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  holland: 'NL',
  'the netherlands': 'NL',
  'czech republic': 'CZ',
  turkey: 'TR',
  uae: 'AE',
  'republic of korea': 'KR',
  'korea republic of': 'KR',
  korea: 'KR',
  'democratic peoples republic of korea': 'KP',
  'russian federation': 'RU',
  'viet nam': 'VN',
  'iran islamic republic of': 'IR',
  'ivory coast': 'CI',
  burma: 'MM',
  swaziland: 'SZ',
  macedonia: 'MK',
  'republic of ireland': 'IE',
  'hong kong': 'HK',
  macau: 'MO',
  palestine: 'PS',
  'cape verde': 'CV',
  'east timor': 'TL',
  'vatican city': 'VA',
  'democratic republic of the congo': 'CD',
  'dr congo': 'CD',
  'republic of the congo': 'CG',
  taiwan: 'TW',
  'taiwan province of china': 'TW',
  'bolivia plurinational state of': 'BO',
  'venezuela bolivarian republic of': 'VE',
  'tanzania united republic of': 'TZ',
  'syrian arab republic': 'SY',
  'lao peoples democratic republic': 'LA',
  'moldova republic of': 'MD',
  'brunei darussalam': 'BN',
};

let table: Map<string, string> | undefined;

/** Every ISO 3166-1 alpha-2 code that Intl names (its list is the ICU data's, kept current). */
function isoCodes(): string[] {
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  const codes: string[] = [];
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      const name = english.of(code);
      // Unknown codes come back as themselves; deprecated ones (UK, SU, YU) canonicalise to another.
      if (!name || name === code || name === 'Unknown Region' || NOT_COUNTRIES.has(code)) continue;
      if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      codes.push(code);
    }
  }
  return codes;
}

/**
 * Folded name → code, generated once from Intl.DisplayNames in LANGUAGES plus ALIASES. A name
 * two countries share across languages is dropped rather than given to one of them.
 */
function countryTable(): Map<string, string> {
  if (table) return table;
  const names = new Map<string, string | null>();
  const add = (name: string, code: string) => {
    const key = foldText(name);
    const seen = names.get(key);
    if (seen === undefined) names.set(key, code);
    else if (seen !== code) names.set(key, null);
  };
  const codes = isoCodes();
  for (const language of LANGUAGES) {
    for (const style of ['long', 'short'] as const) {
      const display = new Intl.DisplayNames([language], { type: 'region', style });
      for (const code of codes) {
        const name = display.of(code);
        if (!name) continue;
        add(name, code);
        // "Congo - Kinshasa", "Myanmar (Burma)", "Hong Kong SAR China": their parts are names too.
        for (const part of name.split(/\s+-\s+|\s*\(|\)\s*|\s+SAR\s+/)) if (part.length > 3) add(part, code);
      }
    }
  }
  table = new Map();
  for (const [key, code] of names) if (code && key) table.set(key, code);
  for (const [alias, code] of Object.entries(ALIASES)) table.set(alias, code);
  for (const code of codes) if (!AMBIGUOUS_CODES.has(code)) table.set(code.toLowerCase(), code);
  // "DEU", "GBR", "CHE": as ISO-3166 alpha-3 fields and some CRMs write them; a name wins.
  const known = new Set(codes);
  for (const [alpha2, alpha3] of ISO_CODES as string[][]) {
    const key = alpha3?.toLowerCase();
    if (alpha2 && key && known.has(alpha2) && !table.has(key)) table.set(key, alpha2);
  }
  return table;
}

/**
 * The ISO 3166-1 alpha-2 code of a country cell: a code ("DE", or alpha-3 "DEU"), an English name ("Germany"),
 * a common alias ("USA", "U.S.", "UK", "Great Britain") or the country's name in a major
 * European language ("Deutschland"). Case, accents and punctuation do not matter. A US state
 * ("California", "NY") is no country: undefined, as is the ambiguous "CA" (see AMBIGUOUS_CODES).
 */
export const normaliseCountry: (value: string) => string | undefined = memoised((value) => {
  if (isEmptyCell(value)) return undefined;
  const folded = foldText(value);
  const found = countryTable().get(folded) ?? countryTable().get(folded.replace(/^the /, ''));
  return found;
});
