import Papa from 'papaparse';
import { MAX_BAD_ROWS, MAX_PROBLEMS } from './limits';
import type { FileReport, Problem } from './types';

interface BadRow {
  file: string;
  row: number;
  problem: string;
  cells: Record<string, string>;
}

/**
 * The problems of an import, kept within bounds: the first MAX_PROBLEMS of the import and of
 * each file, every one counted, and the first MAX_BAD_ROWS bad rows with their cells for
 * badRowsCsv().
 */
export class ProblemLog {
  readonly problems: Problem[] = [];
  private readonly badRows: BadRow[] = [];
  private readonly headers = new Set<string>();
  capped = false;
  badCount = 0;
  warningCount = 0;

  /** Records a problem against its file's report (which counts rows, not problems, as bad). */
  add(report: FileReport, problem: Problem): void {
    if (problem.severity === 'warning') {
      report.warnings += 1;
      this.warningCount += 1;
    }
    if (report.problems.length < MAX_PROBLEMS) report.problems.push(problem);
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem);
  }

  /** A row that was not imported: reported, counted, and kept (up to the cap) with its cells. */
  badRow(
    report: FileReport,
    headers: readonly string[],
    row: number,
    cells: readonly string[],
    error: { column?: string; reason: string },
  ): void {
    report.bad += 1;
    this.badCount += 1;
    this.add(report, { file: report.name, row, column: error.column, reason: error.reason, severity: 'error' });
    if (this.badRows.length >= MAX_BAD_ROWS) {
      this.capped = true;
      return;
    }
    const record: Record<string, string> = {};
    cells.forEach((cell, i) => {
      // Repeated or missing headers still get a column of their own in the download.
      let header = headers[i] || `column ${i + 1}`;
      for (let n = 2; Object.hasOwn(record, header); n++) header = `${headers[i] || `column ${i + 1}`} #${n}`;
      record[header] = cell;
      this.headers.add(header);
    });
    this.badRows.push({
      file: report.name,
      row,
      problem: error.column ? `${error.column}: ${error.reason}` : error.reason,
      cells: record,
    });
  }

  /** The kept bad rows as CSV: file, row, problem, then every column any of them had. */
  csv(): string {
    const fields = ['file', 'row', 'problem', ...this.headers];
    const data = this.badRows.map((b) => [
      b.file,
      String(b.row),
      b.problem,
      ...[...this.headers].map((h) => b.cells[h] ?? ''),
    ]);
    return Papa.unparse({ fields, data });
  }
}
