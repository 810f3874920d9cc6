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
  // Whole lines only: a line cut by the chunk's end has fewer delimiters than it will.
  const end = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
  const lines = end > at ? sample.slice(0, end) : sample;
  const { meta } = Papa.parse(lines, { preview: 20, newline, delimitersToGuess: DELIMITERS, skipEmptyLines: true });
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

/** Where the file's line break starts at or after `from`, and how long it is (-1: none). */
function breakAt(text: string, from: number, newline: Newline): { at: number; length: number } {
  const at = text.indexOf(newline, from);
  return at < 0 ? { at: -1, length: 0 } : { at, length: newline.length };
}

/** A line whose malformed quote would swallow the lines after it: read alone, as a bad row. */
interface Runaway {
  /** Where its row starts in the text, and where the text goes on after its line break. */
  start: number;
  end: number;
  next: number;
  problem: string;
}

/** How much is parsed at a time after a runaway line (see readCsv). */
const RUNAWAY_WINDOW = 512;

const RUNAWAY_WORDS = 'this line was read alone, so that the lines after it are not taken into one of its cells';

/**
 * Whether the cell that Papa reads on past its line (RFC 4180: up to the next quote that can close
 * it) swallowed rows of their own, judged at the first quote after that line that decides it:
 * - a quote that opens a cell of its line (at the line's start or after a delimiter): that line is a
 *   row with a quoted cell, which Papa took as text of the cell — `rows`;
 * - a quote inside an unquoted cell where Papa closes the cell (before a delimiter or a line break),
 *   on a line that read alone has another number of cells than the header: the line goes on the
 *   cell (`"Acme "Holdings" Ltd⏎second line",1`), a cell over lines with a bad quote inside it —
 *   `cell`; a line with the header's number of cells is a row of its own (`TV 55",200`) — `rows`;
 * - other quotes inside unquoted cells (`5" screen`) are text Papa reads past, and so does this.
 * No deciding quote before the end of the file: the cell never closes — `rows`; before the end of a
 * piece that is not the file's last: `unknown`, until more of the file is read.
 */
function runsIntoRows(
  text: string,
  from: number,
  delimiter: Delimiter,
  newline: Newline,
  final: boolean,
  columns: number | undefined,
): 'rows' | 'cell' | 'unknown' {
  for (let q = text.indexOf('"', from); q >= 0; ) {
    // Every quote before this one on its line is inside an unquoted cell: its delimiters are real.
    if (q === from || text[q - 1] === delimiter || text.startsWith(newline, q - newline.length)) return 'rows';
    // An escaped quote ("") is text to Papa.
    if (text[q + 1] === '"') {
      q = text.indexOf('"', q + 2);
      continue;
    }
    let after = q + 1;
    // Papa closes a quote before white space and then a delimiter or a line break.
    while ((text[after] === ' ' || text[after] === '\t') && text[after] !== delimiter) after += 1;
    if (after === text.length) return final ? 'cell' : 'unknown';
    if (text.startsWith(delimiter, after) || text.startsWith(newline, after)) {
      const lineStart = text.lastIndexOf(newline, q) + newline.length;
      const lineEnd = text.indexOf(newline, q);
      if (lineEnd < 0 && !final) return 'unknown';
      const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
      const cells = Papa.parse<string[]>(line, { delimiter, newline, quoteChar: '"' }).data[0]?.length;
      return columns !== undefined && cells === columns ? 'rows' : 'cell';
    }
    q = text.indexOf('"', q + 1);
  }
  return final ? 'rows' : 'unknown';
}

/**
 * The first line of `text` at which a malformed quote opens a cell that does not close on its
 * own line and runs on into the rows after it: a stray quote (`"Acme" Holdings`) or one never
 * closed. Papa, as RFC 4180 says, then reads every line up to the next quote in the file (or to
 * its end) as part of that cell, merging good rows into one bad one. Spreadsheet apps end such a
 * cell at the line break; so does this. A quoted cell over several lines that closes properly is
 * no runaway, even with a bad quote inside it: it stays one bad row (runsIntoRows).
 */
function findRunaway(
  text: string,
  errors: readonly Papa.ParseError[],
  delimiter: Delimiter,
  newline: Newline,
  final: boolean,
  columns: number | undefined,
): Runaway | undefined {
  // Errors come in index order: the first that runs on is the first runaway.
  let decided = -1;
  for (const e of errors) {
    if ((e.code !== 'InvalidQuotes' && e.code !== 'MissingQuotes') || e.index === undefined) continue;
    // Papa's index is just after the cell's opening quote; every error of one cell has the same.
    if (e.index === decided) continue;
    decided = e.index;
    const before = text.lastIndexOf(newline, e.index - 1);
    const start = before < 0 ? 0 : before + newline.length;
    const lineBreak = breakAt(text, e.index, newline);
    if (lineBreak.at < 0) continue;
    // Alone, the line's quote still finds no end: the cell ran on past the line break.
    const alone = Papa.parse<string[]>(text.slice(start, lineBreak.at), { delimiter, newline, quoteChar: '"' });
    if (!alone.errors.some((a) => a.code === 'MissingQuotes')) continue;
    const next = lineBreak.at + lineBreak.length;
    const into = runsIntoRows(text, next, delimiter, newline, final, columns);
    // Not yet known: Papa leaves the unfinished record for the next piece, and so does this.
    if (into === 'unknown') return undefined;
    if (into === 'cell') continue;
    return { start, end: lineBreak.at, next, problem: `${QUOTE_PROBLEMS[e.code]}; ${RUNAWAY_WORDS}` };
  }
  return undefined;
}

/** Papa's first quote problem in one line, in plain words. */
function lineProblem(line: string, delimiter: Delimiter, newline: Newline): string {
  const alone = Papa.parse<string[]>(line, { delimiter, newline, quoteChar: '"' });
  const code = alone.errors.find((e) => e.code === 'InvalidQuotes' || e.code === 'MissingQuotes')?.code;
  return QUOTE_PROBLEMS[code ?? 'MissingQuotes'] as string;
}

/**
 * CSV rows from text chunks, RFC 4180 as papaparse reads it, streaming: each chunk is parsed
 * with Papa's own parser up to its last complete record, and the incomplete rest (a quoted
 * cell or a CRLF cut by the chunk boundary) waits for the next chunk, as Papa's own streamers
 * do. The delimiter (`,` `;` or tab) and line break are guessed once from the first lines, so
 * every chunk is read alike. A line whose malformed quote would run on into the lines after it
 * is read alone, as a bad row, and reading goes on at the next line (findRunaway); so is the
 * first line of a record that grows past MAX_RECORD_CHARS, when it has one. A record of one
 * line past that length stops the file.
 */
export async function* readCsv(chunks: AsyncIterable<TextChunk>): AsyncGenerator<TableBatch> {
  let pending = '';
  let parser: Papa.Parser | undefined;
  let delimiter: Delimiter = ',';
  let newline: Newline = '\n';
  let headers: string[] | undefined;
  let row = 0;
  let line = 1;
  let bytesRead = 0;
  const iterator = chunks[Symbol.asyncIterator]();

  /** The rows of a parse, numbered on from the last, with Papa's problems in plain words. */
  const take = (result: Papa.ParseResult<string[]>, rows: RawRow[]) => {
    const problems = new Map<number, string>();
    for (const e of result.errors)
      if (e.row !== undefined && !problems.has(e.row)) problems.set(e.row, QUOTE_PROBLEMS[e.code] ?? e.message);
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
  };

  /** The runaway line as one bad row, its cells split at the delimiter as they stand. */
  const takeAlone = (text: string, problem: string, rows: RawRow[]) => {
    row += 1;
    line += 1;
    if (!headers) throw new FileStop(`the header row has a malformed quote: ${problem}`, row);
    rows.push({ row, cells: text.split(delimiter), problem });
  };

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
      // Excel's `sep=;` first line names the delimiter and is no row: Excel shows the header as row 1.
      const hint = /^sep=(.)(\r\n|\r|\n)/i.exec(pending);
      if (hint) {
        pending = pending.slice(hint[0].length);
        line += 1;
      }
      const sniffed = sniff(pending.slice(0, 64 * 1024));
      delimiter = DELIMITERS.find((d) => d === hint?.[1]) ?? sniffed.delimiter;
      newline = sniffed.newline;
      parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
    }
    const rows: RawRow[] = [];
    // The whole chunk at once; after a runaway line, the rest in small windows, so that each
    // runaway costs a window's parse and not the chunk's (a file of broken lines stays linear).
    let pos = 0;
    let window = Number.POSITIVE_INFINITY;
    for (;;) {
      const end = Math.min(pending.length, pos + window);
      const final = done && end === pending.length;
      let text = pending.slice(pos, end);
      // A CR that ends an unfinished piece may be half of a CRLF: it waits for the next one,
      // or a quoted cell's closing quote before it would read as one followed by text.
      if (!final && text.endsWith('\r')) text = text.slice(0, -1);
      const result = parser.parse(text, 0, !final) as Papa.ParseResult<string[]>;
      // The header row's cells: the first row of the file's first parse, before it is taken.
      const columns = headers?.length ?? result.data[0]?.length;
      const runaway = findRunaway(text, result.errors, delimiter, newline, final, columns);
      if (runaway) {
        // The rows before the runaway line, then the line alone; then on from the next line.
        const before = parser.parse(text.slice(0, runaway.start), 0, true) as Papa.ParseResult<string[]>;
        take(before, rows);
        takeAlone(text.slice(before.meta.cursor, runaway.end), runaway.problem, rows);
        pos += runaway.next;
        window = RUNAWAY_WINDOW;
        continue;
      }
      take(result, rows);
      pos += result.meta.cursor;
      if (end === pending.length) break;
      // A window that held no whole row (a long quoted cell) grows until one fits.
      window = result.meta.cursor === 0 ? window * 2 : RUNAWAY_WINDOW;
    }
    pending = pending.slice(pos);
    if (pending.length > MAX_RECORD_CHARS) {
      // A record this long is a quote opened and never closed: its first line goes alone, the rest is read on.
      const lineBreak = breakAt(pending, 0, newline);
      if (lineBreak.at < 0 || lineBreak.at > MAX_RECORD_CHARS) {
        throw new FileStop(
          `row ${row + 1} is longer than 1 MB without ending: a quote that is never closed, or no CSV file; the file was read up to row ${row}`,
          row + 1,
        );
      }
      const first = pending.slice(0, lineBreak.at);
      takeAlone(first, `${lineProblem(first, delimiter, newline)}; ${RUNAWAY_WORDS}`, rows);
      pending = pending.slice(lineBreak.at + lineBreak.length);
    }
    if (headers) yield { headers, rows, bytesRead, format: 'csv', delimiter };
  }
  if (!headers) throw new FileStop('the file is empty');
}
