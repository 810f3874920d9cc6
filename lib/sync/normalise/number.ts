import { isEmptyCell } from './empty';

/** How a file writes decimals: `.` (US, UK, HubSpot, Salesforce) or `,` (most of Europe). */
export interface NumberFormat {
  /**
   * The file's decimal separator. With `,` a lone dot is a thousands separator ("1.200" is
   * 1200) and a lone comma a decimal ("1,5" is 1.5). The importer picks `,` for
   * semicolon-delimited CSV: Excel writes `;` exactly where `,` is the decimal separator.
   */
  decimal?: '.' | ',';
}

/**
 * Scales written after an amount: letters ("3.5k", "1.2M", "2bn"), English words ("1.5 billion")
 * and German abbreviations ("1,2 Mio.", "3 Mrd.", "500 Tsd."), which French writes too ("1,2 M€").
 * German "Billion" is 10¹², English "billion" 10⁹: the word is read as English, the abbreviation
 * German files use for 10⁹ is "Mrd".
 */
const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  tsd: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mio: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  mrd: 1e9,
  t: 1e12,
  trillion: 1e12,
};
const SCALE = /\s*(thousand|tsd\.?|millions?|mio\.?|billions?|mrd\.?|trillion|[kmbt]|mm|mn|bn)$/i;
// Currency signs and ISO codes before or after the amount: "$2,500,000", "€ 1.200", "1200 EUR".
const CURRENCY = /^(?:[$€£¥₹]|usd|eur|gbp|sek|chf)\s*|\s*(?:[$€£¥₹]|usd|eur|gbp|sek|chf)$/gi;
// Spaces that group thousands: "1 200", "1 200" (no-break), "1 200" (narrow no-break), "1'200" (Swiss).
const GROUP_SPACES = /[\s\u00a0\u202f']/g;

/** "1,234,567" with a group separator: groups of three after the first, or undefined. */
function ungroup(digits: string, separator: string): string | undefined {
  const parts = digits.split(separator);
  const [head, ...rest] = parts;
  if (!head || !/^\d{1,3}$/.test(head) || rest.some((p) => !/^\d{3}$/.test(p))) return undefined;
  return parts.join('');
}

/** How many times `char` occurs in `text` (`text.split(char).length - 1`, without the array). */
function occurrences(text: string, char: string): number {
  let n = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) n += 1;
  return n;
}

/**
 * Which separator is the decimal one in `body`. Both present: the last ("1.234,5" and
 * "1,234.5" are both 1234.5, whatever the file's format). One of them several times: it
 * groups ("1.200.000"). Once: the format's decimal is a decimal; the other groups when three
 * digits follow it ("1,200" is 1200 in a dot-decimal file, "1.200" is 1200 in a comma one),
 * else it can only be a decimal ("1,5" is 1.5).
 */
function decimalSeparator(body: string, decimal: '.' | ','): '.' | ',' | undefined {
  const dots = occurrences(body, '.');
  const commas = occurrences(body, ',');
  if (dots && commas) return body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
  const sep = dots ? '.' : commas ? ',' : undefined;
  if (!sep || dots + commas > 1) return undefined;
  if (sep === decimal) return sep;
  return /^\d{1,3}[.,]\d{3}$/.test(body) ? undefined : sep;
}

/** The plain decimal number (digits, at most one `.`) a formatted amount writes, or undefined. */
function canonical(body: string, decimal: '.' | ','): string | undefined {
  const sep = decimalSeparator(body, decimal);
  const at = sep ? body.lastIndexOf(sep) : body.length;
  const int = body.slice(0, at);
  const frac = sep ? body.slice(at + 1) : undefined;
  const group = /[.,]/.exec(int)?.[0];
  const whole = group ? ungroup(int, group) : int;
  if (whole === undefined || !/^\d*$/.test(whole) || (frac !== undefined && !/^\d+$/.test(frac))) return undefined;
  if (!whole && !frac) return undefined;
  return frac === undefined ? whole : `${whole || '0'}.${frac}`;
}

/**
 * A number as CRMs and spreadsheets write it: "1,200", "1 200", "$2,500,000", "3.5k",
 * "1.2M", "2bn", "1.5 billion", "€1,2 Mio.", scientific "1.11015E+11" (111015000000: for an amount the rounding is the
 * spreadsheet's, unlike an id: see parseSourceId), accounting negatives "(500)". European
 * "1.200.000" and "1.234,5" are read as such; a lone "1.200" is 1.2 unless the format says
 * the decimal is `,` (see decimalSeparator). Percentages ("12.5%") are undefined: no account field is a ratio, and
 * reading 12.5 where a count is expected would be wrong. Empty cells and words are undefined.
 */
export function parseNumber(value: string, format: NumberFormat = {}): number | undefined {
  if (isEmptyCell(value)) return undefined;
  let text = value.trim();
  if (text.endsWith('%')) return undefined;
  let sign = 1;
  if (/^\(.*\)$/.test(text)) {
    sign = -1;
    text = text.slice(1, -1);
  }
  text = text.replace(CURRENCY, '').trim();
  if (text.startsWith('-')) {
    sign = -sign;
    text = text.slice(1);
  }
  if (/^\d+(?:\.\d+)?e[+-]?\d+$/i.test(text)) return sign * Number(text);
  let multiplier = 1;
  const suffix = SCALE.exec(text);
  if (suffix?.[1]) {
    multiplier = MULTIPLIERS[suffix[1].toLowerCase().replace(/\.$/, '')] ?? 1;
    text = text.slice(0, suffix.index);
  }
  const plain = canonical(text.replace(GROUP_SPACES, ''), format.decimal ?? '.');
  if (plain === undefined) return undefined;
  // 1.2 × 1e6 is 1199999.9999999998 in floating point: round what a suffix scaled.
  const result = Number(plain) * multiplier;
  return sign * (multiplier === 1 ? result : Math.round(result * 1e6) / 1e6);
}

/** A size range as HubSpot, LinkedIn and Salesforce write it: "51-200", "51–200 employees", "10,001+". */
export interface EmployeeRange {
  min: number;
  /** Undefined for an open range ("10,001+"). */
  max?: number;
}

/** The range a size cell names, or undefined when it is not a range ("200" is a count: parseNumber). */
export function parseEmployeeRange(value: string): EmployeeRange | undefined {
  if (isEmptyCell(value)) return undefined;
  const text = value.trim().replace(/\s*(?:employees|staff|people|mitarbeiter)$/i, '');
  const open = /^([\d.,\s]+)\s*\+$/.exec(text);
  if (open?.[1]) {
    const min = parseNumber(open[1]);
    return min === undefined ? undefined : { min };
  }
  const closed = /^([\d.,\s]+?)\s*(?:-|–|—|to)\s*([\d.,\s]+)$/i.exec(text);
  if (!closed?.[1] || !closed[2]) return undefined;
  const min = parseNumber(closed[1]);
  const max = parseNumber(closed[2]);
  if (min === undefined || max === undefined || max < min) return undefined;
  return { min, max };
}

/**
 * An employee count from a count or a range. A range becomes its midpoint, rounded ("51-200"
 * → 126): it lies inside the range, so an ICP criterion whose bounds contain the whole range
 * judges it as the range would. An open range becomes its lower bound ("10,001+" → 10001):
 * the only number it guarantees.
 */
export function parseEmployeeCount(value: string, format: NumberFormat = {}): number | undefined {
  const count = parseNumber(value, format);
  if (count !== undefined) return count;
  const range = parseEmployeeRange(value);
  if (!range) return undefined;
  return range.max === undefined ? range.min : Math.round((range.min + range.max) / 2);
}
