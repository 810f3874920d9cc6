import { isEmptyCell } from './empty';

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', '✓', '✔', 'on', 'checked', 't', 'ja', 'oui', 'si', 'sí']);
const FALSE = new Set(['false', 'no', 'n', '0', 'off', 'unchecked', 'f', 'nein', 'non']);

/**
 * A yes/no cell as exports write it: `true`/`false` (HubSpot's `hs_is_target_account`),
 * Yes/No (HubSpot labels), 1/0 (Salesforce), `x` or a check mark (spreadsheets). An empty cell
 * or anything else is undefined: the caller decides what a missing flag means.
 */
export function parseBoolean(value: string): boolean | undefined {
  if (isEmptyCell(value)) return undefined;
  const v = value.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return undefined;
}
