/**
 * Cells that mean "no value" in CRM and spreadsheet exports: blank, whitespace, the literal
 * `null` HubSpot's API and some exporters write, `N/A`, a lone dash, and Excel's `#N/A`.
 * `NA` is deliberately not among them: it is Namibia's country code.
 */
const EMPTY = new Set(['', 'null', 'n/a', '-', '#n/a']);

/** Whether a cell carries no value (see EMPTY); undefined and null count as empty too. */
export function isEmptyCell(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  return EMPTY.has(value.trim().toLowerCase());
}
