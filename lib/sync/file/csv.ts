import Papa from 'papaparse';
import { MAX_RECORD_CHARS } from './limits';
import type { RawRow, TableBatch } from './table';
import { FileStop, type TextChunk } from './text';
import type { Delimiter } from './types';

const DELIMITERS: Delimiter[] = [',', ';', '\t'];
type Newline = '\r\n' | '\n' | '\r';

/** Papa's errors in plain words. */
const QUOTE_PROBLEMS: Record<string, string> = {
  InvalidQuotes: 'malformed quotes: a quoted cell has text after its closing quote',
  MissingQuotes: 'malformed quotes: a quote opened in this row is never closed',
};

/**
 * Delimiter and line break of a CSV. The line break is the one that ends the header row
 * (Papa's own guess counts breaks over the sample, and a CR cut from its LF inside a quoted
 * cell tips it); the delimiter is Papa's guess over the first lines, comma when none fits.
 */
function sniff(sample: string): { delimiter: Delimiter; newline: Newline } {
  const at = sample.search(/[\r\n]/);
  const newline: Newline = at < 0 || sample[at] === '\n' ? '\n' : sample[at + 1] === '\n' ? '\r\n' : '\r';
  const { meta } = Papa.parse(sample, { preview: 20, newline, delimitersToGuess: DELIMITERS, skipEmptyLines: true });
  return { delimiter: DELIMITERS.find((d) => d === meta.delimiter) ?? ',', newline };
}

/** Line breaks inside a record's cells; an unclosed quote's cell ends with the file's last line break, which ends no line of it. */
function linesIn(cells: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] as string;
    // Nearly every cell has no line break at all: no need to look for them one by one.
    if (c.indexOf('\n') < 0 && c.indexOf('\r') < 0) continue;
    const text = i === cells.length - 1 ? c.replace(/(\r\n|\r|\n)$/, '') : c;
    n += text.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return n;
}

/**
 * CSV rows from text chunks, RFC 4180 as papaparse reads it, streaming: each chunk is parsed
 * with Papa's own parser up to its last complete record, and the incomplete rest (a quoted
 * cell or a CRLF cut by the chunk boundary) waits for the next chunk, as Papa's own streamers
 * do. The delimiter (`,` `;` or tab) and line break are guessed once from the first lines, so
 * every chunk is read alike. A record that grows past MAX_RECORD_CHARS stops the file.
 */
export async function* readCsv(chunks: AsyncIterable<TextChunk>): AsyncGenerator<TableBatch> {
  let pending = '';
  let parser: Papa.Parser | undefined;
  let delimiter: Delimiter = ',';
  let headers: string[] | undefined;
  let row = 0;
  let line = 1;
  let bytesRead = 0;
  const iterator = chunks[Symbol.asyncIterator]();
  for (let done = false; !done; ) {
    const next = await iterator.next();
    done = next.done === true;
    if (!done) {
      pending += next.value.text;
      bytesRead = next.value.bytesRead;
    }
    if (!parser) {
      // Guess from whole lines: wait for a line break (or the end) before the first parse.
      // A CR at the very end may be half of a CRLF: guessing then would read every line as CR-ended.
      if (!done && !/\n|\r[^\n]/.test(pending)) {
        if (pending.length > MAX_RECORD_CHARS)
          throw new FileStop('the first line is longer than 1 MB without ending: this is no CSV file', 1);
        continue;
      }
      const sniffed = sniff(pending.slice(0, 64 * 1024));
      delimiter = sniffed.delimiter;
      parser = new Papa.Parser({ delimiter, newline: sniffed.newline, quoteChar: '"' });
    }
    const result = parser.parse(pending, 0, !done) as Papa.ParseResult<string[]>;
    pending = pending.slice(result.meta.cursor);
    const problems = new Map<number, string>();
    for (const e of result.errors)
      if (e.row !== undefined && !problems.has(e.row)) problems.set(e.row, QUOTE_PROBLEMS[e.code] ?? e.message);
    const rows: RawRow[] = [];
    result.data.forEach((cells, i) => {
      row += 1;
      const first = line;
      line += linesIn(cells) + 1;
      if (!headers) {
        headers = cells.map((h) => h.trim());
        return;
      }
      // Papa reads a blank line as one empty cell: a spreadsheet shows it as an empty row.
      if (cells.length === 1 && cells[0] === '') return;
      const problem = problems.get(i);
      rows.push({
        row,
        cells,
        problem:
          problem && line - first > 1 ? `${problem} (it runs over lines ${first}–${line - 1} of the file)` : problem,
      });
    });
    if (headers) yield { headers, rows, bytesRead, format: 'csv', delimiter };
    if (pending.length > MAX_RECORD_CHARS) {
      throw new FileStop(
        `row ${row + 1} is longer than 1 MB without ending: a quote that is never closed, or no CSV file; the file was read up to row ${row}`,
        row + 1,
      );
    }
  }
  if (!headers) throw new FileStop('the file is empty');
}
