import { z } from 'zod';
import type { FilePreview, ImportReport } from '@/lib/sync/file/types';
import type { AddedRows, FileImportMode } from '@/lib/sync/import-run';
import type { RecordKind } from '@/lib/sync/records';
import type { OverallProgress } from './progress-math';

/**
 * The messages between the options page and the import worker. Both ends validate what they
 * receive: the worker writes to the database, and the page renders what the worker says about
 * files a user chose (their names, headers and values are data, never markup).
 *
 * Files travel as `File` objects (structured clone: a handle, not the bytes), so the page
 * never reads a file whole; the worker streams it.
 */

const MAX_FILES = 20;
const id = z.number().int().nonnegative();
const kind = z.enum(['account', 'contact', 'touchpoint', 'deal']) satisfies z.ZodType<RecordKind>;
const file = z.instanceof(File);
const text = z.string().max(100_000);
const fileName = z.string().max(1_000);
const mapping = z.record(z.string().max(1_000), z.string().max(100).nullable());

export const toWorkerSchema = z.discriminatedUnion('type', [
  /** What the first rows of one file say; `kind` when the user chose it over the detected one. */
  z.object({ type: z.literal('preview'), id, file, kind: kind.optional() }).strict(),
  /** Imports the files as a new generation of the file source, replacing the previous import or adding to it. */
  z
    .object({
      type: z.literal('import'),
      id,
      files: z.array(file).min(1).max(MAX_FILES),
      mappings: z.record(fileName, mapping),
      kinds: z.record(fileName, kind),
      mode: z.enum(['add', 'replace']) satisfies z.ZodType<FileImportMode>,
    })
    .strict()
    .refine((m) => new Set(m.files.map((f) => f.name)).size === m.files.length, 'two files have the same name'),
  /** Stops the import `id`: the previous data stays as it was. */
  z.object({ type: z.literal('cancel'), id }).strict(),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

const problem = z.object({
  file: fileName,
  row: z.number().int().nonnegative(),
  column: text.optional(),
  reason: text,
  severity: z.enum(['error', 'warning']),
});
const delimiter = z.enum([',', ';', '\t']);
const format = z.enum(['csv', 'json', 'ndjson']);
const columnPlan = z.object({
  header: text,
  index: z.number().int().nonnegative(),
  field: z.string().max(100).optional(),
  note: text.optional(),
});

const previewSchema = z.object({
  name: fileName,
  format,
  delimiter: delimiter.optional(),
  // Always there, undefined when the headers say nothing: the page then asks what the file holds.
  kind: kind.or(z.undefined()),
  columns: z.array(columnPlan.extend({ samples: z.array(text).max(10) })).max(5_000),
  problems: z.array(problem).max(5_000),
  records: z
    .array(z.object({ kind, count: z.number().int().nonnegative() }))
    .max(4)
    .optional(),
}) satisfies z.ZodType<FilePreview>;

const progressSchema = z.object({
  rows: z.number().nonnegative(),
  goodRows: z.number().nonnegative(),
  badRows: z.number().nonnegative(),
  bytesRead: z.number().nonnegative(),
  totalBytes: z.number().nonnegative().optional(),
  file: fileName,
  phase: z.enum(['reading', 'linking', 'keeping']).optional(),
  records: z.enum(['accounts', 'contacts']).optional(),
  done: z.number().nonnegative().optional(),
  total: z.number().nonnegative().optional(),
}) satisfies z.ZodType<OverallProgress>;

const counts = z.object({
  accounts: z.number().int().nonnegative(),
  contacts: z.number().int().nonnegative(),
  touchpoints: z.number().int().nonnegative(),
});
const addedTo = z.object({ added: counts, updated: counts, kept: counts }) satisfies z.ZodType<AddedRows>;

/** An import's report as it crosses to the page: `badRowsCsv` is the CSV's text, not a function. */
const reportSchema = z.object({
  files: z.array(
    z.object({
      name: fileName,
      format: format.optional(),
      delimiter: delimiter.optional(),
      kind: kind.optional(),
      rows: z.number().int().nonnegative(),
      good: z.number().int().nonnegative(),
      bad: z.number().int().nonnegative(),
      warnings: z.number().int().nonnegative(),
      stopped: text.optional(),
    }),
  ),
  /** What the files held; deals are kept in their accounts, so the stored counts have none. */
  counts: counts.extend({ deals: z.number().int().nonnegative() }),
  badRows: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  problems: z.array(problem).max(5_000),
  badRowsCapped: z.boolean(),
  badRowsCsv: z.string(),
  cancelled: z.boolean(),
});
export type WireReport = z.infer<typeof reportSchema>;

const outcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('switched'),
    generation: z.number().int(),
    counts,
    report: reportSchema,
    addedTo: addedTo.optional(),
    replaced: z.boolean().optional(),
  }),
  z.object({ status: z.literal('cancelled'), report: reportSchema.optional() }),
  z.object({ status: z.literal('failed'), error: text, report: reportSchema.optional() }),
]);
export type WireOutcome = z.infer<typeof outcomeSchema>;

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('previewed'), id, preview: previewSchema }),
  z.object({ type: z.literal('progress'), id, progress: progressSchema }),
  z.object({ type: z.literal('finished'), id, outcome: outcomeSchema }),
  /** The request could not be served at all (an unreadable file, a malformed request). */
  z.object({ type: z.literal('failed'), id: id.optional(), error: text }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;

/** A report made sendable: its function called once, in the worker, where the bad rows are. */
export function toWireReport(report: ImportReport): WireReport {
  const { badRowsCsv, files, ...rest } = report;
  return {
    ...rest,
    files: files.map(({ name, format, delimiter, kind, rows, good, bad, warnings, stopped }) => ({
      name,
      format,
      delimiter,
      kind,
      rows,
      good,
      bad,
      warnings,
      stopped,
    })),
    badRowsCsv: report.badRows > 0 ? badRowsCsv() : '',
  };
}
