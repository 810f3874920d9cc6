import type { RecordKind, SyncRecord } from '../records';

/**
 * A file to import, the same in Node and in a Web Worker: the options page wraps a `File`
 * (`{ name: file.name, size: file.size, stream: () => file.stream() }`), the CLI a read stream
 * (`Readable.toWeb(createReadStream(path))`). `stream` may be called more than once (a
 * preview, then the import); each call starts from the beginning.
 */
export interface ImportFile {
  name: string;
  size?: number;
  stream: () => ReadableStream<Uint8Array>;
}

export type FileFormat = 'csv' | 'json' | 'ndjson';
export type Delimiter = ',' | ';' | '\t';

/**
 * Something wrong with a file or a row, in words a user can act on. `row` is where a
 * spreadsheet shows it: in CSV the header is row 1 and the first record row 2 (a record with
 * a line break inside a quoted cell is one row); in NDJSON the line; in JSON the record's
 * position, from 1. Row 0 is the file as a whole. `severity`: `error` means the row (or, at
 * row 0, the file) was not imported; `warning` that it was, without the value named.
 */
export interface Problem {
  file: string;
  row: number;
  column?: string;
  reason: string;
  severity: 'error' | 'warning';
}

/**
 * A user's corrections to the automatic header mapping of one file: keys are a header's
 * position (`"3"`, from 0: the only way to tell repeated headers apart) or its text as written
 * (`"Company name"`); values a canonical field of the file's kind (see FIELDS in fields.ts) or
 * `null` to leave the column out. A position wins over a header text naming the same column.
 */
export type ColumnMapping = Record<string, string | null>;

/** One column of a file and what the import does with it. */
export interface ColumnPlan {
  header: string;
  /** Position in the header row, from 0. */
  index: number;
  /** The canonical field it fills, or undefined when it is not imported. */
  field?: string;
  /** Why a column is not imported, or how it is read ("a state, not a country: not imported"). */
  note?: string;
}

/** What the first rows of a file say, before importing it. */
export interface FilePreview {
  name: string;
  format: FileFormat;
  delimiter?: Delimiter;
  kind: RecordKind | undefined;
  columns: (ColumnPlan & { samples: string[] })[];
  problems: Problem[];
}

export interface ImportProgress {
  rows: number;
  goodRows: number;
  badRows: number;
  bytesRead: number;
  totalBytes?: number;
  /** The name of the file being read. */
  file: string;
}

/** What became of one file. */
export interface FileReport {
  name: string;
  format?: FileFormat;
  delimiter?: Delimiter;
  kind?: RecordKind;
  /** Header → canonical field (null: not imported); repeated headers keyed `header #2`. */
  mapping: Record<string, string | null>;
  columns: ColumnPlan[];
  unmappedColumns: string[];
  rows: number;
  good: number;
  bad: number;
  warnings: number;
  /** The first problems of this file (see MAX_PROBLEMS); `bad` and `warnings` count them all. */
  problems: Problem[];
  /** Set when the file could not be read to its end: why (the rows before it were imported). */
  stopped?: string;
}

export interface ImportReport {
  files: FileReport[];
  counts: { accounts: number; contacts: number; touchpoints: number };
  badRows: number;
  warnings: number;
  /** The first problems of the whole import, files in the order they were read. */
  problems: Problem[];
  /** Whether more bad rows were found than are kept for badRowsCsv. */
  badRowsCapped: boolean;
  /** The bad rows as a CSV a spreadsheet opens: file, row, problem, then the row's own columns. */
  badRowsCsv(): string;
  cancelled: boolean;
}

export interface ImportOptions {
  source: 'file' | 'feed';
  /** Epoch ms stamped as `updatedAt` on records whose file says no date. */
  now: number;
  /** Per file name: corrections to its header mapping. */
  mappings?: Record<string, ColumnMapping>;
  /** Per file name: the kind of record it holds, when its headers do not say. */
  kinds?: Record<string, RecordKind>;
  /** Receives the records in batches (about BATCH_SIZE); the import waits for it. */
  sink: (records: SyncRecord[]) => Promise<void>;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}
