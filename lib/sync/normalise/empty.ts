/**
 * Cells that mean "no value" in CRM and spreadsheet exports: blank, whitespace, the literal
 * `null` HubSpot's API and some exporters write, `N/A`, a lone dash, and Excel's `#N/A`.
 * `NA` is deliberately not among them: it is Namibia's country code.
 */
const EMPTY = new Set(['', 'null', 'n/a', '-', '#n/a']);

/** A visible ASCII character: no white space, which `trim` would drop. */
function printable(code: number): boolean {
  return code > 32 && code < 127;
}

/** Whether a cell carries no value (see EMPTY); undefined and null count as empty too. */
export function isEmptyCell(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  // Most cells are longer than every EMPTY value and start and end with a visible ASCII
  // character, which trimming keeps: no need to trim and lower-case them to tell.
  const length = value.length;
  if (length > 4 && printable(value.charCodeAt(0)) && printable(value.charCodeAt(length - 1))) return false;
  return EMPTY.has(value.trim().toLowerCase());
}
