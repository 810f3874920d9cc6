import { normaliseName } from '../../keys/normalise';

/** Two-letter region codes that name no country: EU, Eurozone, United Nations, Outlying Oceania, Unknown, pseudo-regions. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB']);

/** Spellings that English region names miss: common abbreviations, ISO alpha-3 codes, names in their own language. */
const ALIASES: Record<string, string> = {
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  usa: 'US',
  'united states of america': 'US',
  gbr: 'GB',
  deu: 'DE',
  fra: 'FR',
  ita: 'IT',
  esp: 'ES',
  nld: 'NL',
  swe: 'SE',
  can: 'CA',
  aus: 'AU',
  irl: 'IE',
  che: 'CH',
  ind: 'IN',
  deutschland: 'DE',
  italia: 'IT',
  espana: 'ES',
  nederland: 'NL',
  sverige: 'SE',
  norge: 'NO',
  danmark: 'DK',
  suomi: 'FI',
  schweiz: 'CH',
  suisse: 'CH',
  osterreich: 'AT',
  belgique: 'BE',
  belgie: 'BE',
  polska: 'PL',
  brasil: 'BR',
};

let displayNames: Intl.DisplayNames | undefined;
const regionNames = (): Intl.DisplayNames =>
  (displayNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }));

/**
 * The current ISO 3166-1 alpha-2 code of a two-letter region code, when it names a country.
 * Replaced codes are mapped to their successors through CLDR's aliases (`UK` → `GB`, `DD` → `DE`).
 */
function fromCode(code: string): string | undefined {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(`und-${code.toUpperCase()}`)[0]?.split('-')[1];
  } catch {
    return undefined;
  }
  if (canonical?.length !== 2 || NOT_COUNTRIES.has(canonical)) return undefined;
  return regionNames().of(canonical) ? canonical : undefined;
}

let byName: Map<string, string> | undefined;

/** English country names, normalised, to their codes; built once, on the first name seen. */
function countriesByName(): Map<string, string> {
  if (byName) return byName;
  byName = new Map(Object.entries(ALIASES));
  const names = regionNames();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = fromCode(code) === code ? names.of(code) : undefined;
      if (name) byName.set(normaliseName(name), code);
    }
  }
  return byName;
}

/**
 * An ISO 3166-1 alpha-2 country code from what a page writes as a country: a code ("gb",
 * "US"), an English name ("United Kingdom", "Italy"), or a replaced code or a common alias ("UK",
 * "USA", "Deutschland"). Anything else (a city, a region, a typo) yields undefined.
 */
export function countryCode(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^[a-z]{2}$/i.test(trimmed)) return fromCode(trimmed);
  const name = normaliseName(trimmed);
  return name ? countriesByName().get(name) : undefined;
}
