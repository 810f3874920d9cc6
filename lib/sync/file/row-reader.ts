import { isEmptyCell } from '../normalise/empty';
import type { ColumnPlan } from './types';

/** Why a row was not imported: the column at fault (its header) and the reason. */
export interface RowError {
  column?: string;
  reason: string;
}

/**
 * One row's cells by canonical field, with the warnings its reading collects. Builders ask
 * for fields; the reader knows which column fills each and names it in problems.
 */
export class RowReader {
  readonly warnings: RowError[] = [];
  private cells: readonly string[] = [];

  constructor(private readonly byField: ReadonlyMap<string, ColumnPlan>) {}

  /** Points the reader at the next row's cells. */
  reset(cells: readonly string[]): this {
    this.cells = cells;
    this.warnings.length = 0;
    return this;
  }

  /** Whether the file has a column for `field`. */
  has(field: string): boolean {
    return this.byField.has(field);
  }

  /** The header of the column filling `field`, for problems. */
  column(field: string): string | undefined {
    return this.byField.get(field)?.header;
  }

  /** The trimmed cell of `field`, or undefined when the file has no such column or the cell is empty. */
  text(field: string): string | undefined {
    const plan = this.byField.get(field);
    const value = plan ? this.cells[plan.index] : undefined;
    return value === undefined || isEmptyCell(value) ? undefined : value.trim();
  }

  /** The cell of `field` split into its values (`;` or `,` joined lists), empty ones dropped. */
  list(field: string, separators = /[;,]/): string[] {
    const text = this.text(field);
    if (text === undefined) return [];
    return text
      .split(separators)
      .map((v) => v.trim())
      .filter((v) => !isEmptyCell(v));
  }

  /**
   * The cell of `field` read by `parse`; a cell that is there but unreadable is a warning
   * (`what` names the expectation: "a number of employees") and leaves the field empty.
   */
  read<T>(field: string, parse: (value: string) => T | undefined, what: string): T | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    const parsed = parse(value);
    if (parsed === undefined) this.warn(field, `${JSON.stringify(value)} is not ${what}: left empty`);
    return parsed;
  }

  warn(field: string, reason: string): void {
    this.warnings.push({ column: this.column(field), reason });
  }
}

/** The columns of a plan that fill a field, by field. */
export function columnsByField(columns: readonly ColumnPlan[]): Map<string, ColumnPlan> {
  const map = new Map<string, ColumnPlan>();
  for (const c of columns) if (c.field) map.set(c.field, c);
  return map;
}
