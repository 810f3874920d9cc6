import type { RecordKind } from '../records';
import { detectKind, planColumns } from './columns';
import { envelopeKinds } from './envelope';
import { noKindReason } from './kind';
import { PREVIEW_ROWS } from './limits';
import { readTable } from './table';
import { FileStop, WINDOWS_1252_WORDS } from './text';
import type { ColumnMapping, Delimiter, FileFormat, FilePreview, ImportFile, Problem } from './types';

/** How many sample values a preview shows per column. */
const SAMPLES = 3;

/**
 * What an import would make of a file, from its first PREVIEW_ROWS rows only: the format and
 * delimiter, the kind of record, each column's field (or why it has none) with sample values,
 * and the problems seen so far. Reading stops there: a preview of a huge file is instant.
 */
export async function previewFile(
  file: ImportFile,
  options: { mapping?: ColumnMapping; kind?: RecordKind; signal?: AbortSignal } = {},
): Promise<FilePreview> {
  const problems: Problem[] = [];
  let headers: readonly string[] = [];
  let format: FileFormat = 'csv';
  let delimiter: Delimiter | undefined;
  const rows: string[][] = [];
  const tables = readTable(file.name, file.stream(), options.signal);
  try {
    for await (const table of tables) {
      ({ headers, format, delimiter } = table);
      if (table.encoding && !problems.some((p) => p.reason === WINDOWS_1252_WORDS))
        problems.push({ file: file.name, row: 0, reason: WINDOWS_1252_WORDS, severity: 'warning' });
      for (const row of table.rows) {
        if (rows.length >= PREVIEW_ROWS) break;
        rows.push(row.cells);
        if (row.problem) problems.push({ file: file.name, row: row.row, reason: row.problem, severity: 'error' });
      }
      if (rows.length >= PREVIEW_ROWS) break;
    }
  } catch (error) {
    if (!(error instanceof FileStop)) throw error;
    problems.push({ file: file.name, row: error.row, reason: error.message, severity: 'error' });
  } finally {
    await tables.return(undefined);
  }
  const records = await envelopeKinds(file, options.signal);
  const kind = records ? [...records.keys()][0] : (options.kind ?? detectKind(headers));
  if (!kind && !problems.some((p) => p.row === 0 && p.severity === 'error'))
    problems.push({ file: file.name, row: 0, reason: noKindReason(headers), severity: 'error' });
  const plan = kind
    ? planColumns(headers, kind, options.mapping)
    : { columns: headers.map((header, index) => ({ header, index })), problems: [] };
  for (const reason of plan.problems) problems.push({ file: file.name, row: 0, reason, severity: 'error' });
  const columns = plan.columns.map((c) => ({
    ...c,
    samples: rows
      .map((r) => r[c.index]?.trim() ?? '')
      .filter(Boolean)
      .slice(0, SAMPLES),
  }));
  const preview: FilePreview = {
    name: file.name,
    format,
    delimiter: format === 'csv' ? delimiter : undefined,
    kind,
    columns,
    problems,
  };
  return records ? { ...preview, records: [...records].map(([k, count]) => ({ kind: k, count })) } : preview;
}
