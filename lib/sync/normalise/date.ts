import { isEmptyCell } from './empty';

// "2020-01-10", "2020-01-10 10:00", "2020-01-10T10:00:00.123": a date and time with no zone.
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
// "15.03.2024", "15.03.2024 10:30": day first, as every locale that writes dates with dots does (de, at, ch, ru, pl…).
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}),?(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
// A time zone at the end of an ISO date-time: Z, +02:00, +0200.
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
// Epoch numbers below this are seconds, above milliseconds: 1e11 s is the year 5138, 1e11 ms is 1973.
const SECONDS_BELOW = 1e11;

/**
 * An instant in epoch milliseconds from an ISO 8601 date-time with a zone, a date or
 * date-time without one, or an epoch number in seconds or milliseconds. HubSpot exports
 * write `2020-01-10 10:00` without a zone (the portal's zone, which the file does not say):
 * dates without a zone are read as UTC, so that an import means the same on every machine.
 * Dates with dots ("15.03.2024") are day first, as wherever they are written so. Dates with
 * slashes ("01/10/2020") are undefined: day-first or month-first cannot be told from a cell
 * (3/15/2024 could, 3/4/2024 not, and a file would come in with only some of its dates), and
 * guessing would move touchpoints by months.
 */
export function parseDate(value: string): number | undefined {
  if (isEmptyCell(value)) return undefined;
  const text = value.trim();
  // First, as most exports write their times so (toISOString): such a text is neither of the others.
  if (ZONED.test(text)) {
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : at;
  }
  if (/^\d{9,16}$/.test(text)) {
    const n = Number(text);
    return n < SECONDS_BELOW ? n * 1000 : n;
  }
  const dotted = DOTTED.exec(text);
  // As LOCAL's groups: year, month, day, then the time's.
  const local: (string | undefined)[] | null = dotted
    ? [text, dotted[3], dotted[2], dotted[1], dotted[4], dotted[5], dotted[6]]
    : LOCAL.exec(text);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = local;
    const at = Date.UTC(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h),
      Number(mi),
      Number(s),
      Number(ms.padEnd(3, '0')),
    );
    // Date.UTC rolls "2020-02-31" over into March: a date that does not exist is no date.
    const check = new Date(at);
    return check.getUTCMonth() === Number(mo) - 1 && check.getUTCDate() === Number(d) && Number(h) < 24
      ? at
      : undefined;
  }
  return undefined;
}
