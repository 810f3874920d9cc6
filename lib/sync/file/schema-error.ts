import type { z } from 'zod';
import type { RowError, RowReader } from './row-reader';

/** The first issue zod found in a record, as a row error naming the column when the field has one. */
export function schemaError(error: z.ZodError, r: RowReader): RowError {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? '');
  return {
    column: r.column(field) ?? (field || undefined),
    reason: `${field || 'the record'}: ${issue?.message ?? 'invalid'}`,
  };
}
