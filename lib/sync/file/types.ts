import type { DealRecord, RecordKind, SyncRecord } from '../records';
import type { ImportIndex } from './linker';

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
  /**
   * Of a file of Tierlens's own records (`{"kind", "record"}` a line, see envelope.ts): how many
   * of each kind it holds. Each kind is imported as it is, with no mapping to choose; `kind`
   * and `columns` are those of its first kind.
   */
  records?: { kind: RecordKind; count: number }[];
}

/** How far the reading of one file has come. */
export interface FileProgress {
  phase?: 'reading';
  rows: number;
  goodRows: number;
  badRows: number;
  bytesRead: number;
  totalBytes?: number;
  /** The name of the file being read. */
  file: string;
}

/**
 * How far an import that adds to the previous one has come with that one's records: reading its
 * accounts and contacts to link the files' records to (`linking`, before the first contacts or
 * touchpoints file), then copying the rows the files did not update (`keeping`, after the last
 * file). While keeping, `done` and `total` count every record (accounts, contacts and touchpoints).
 */
export interface PreviousProgress {
  phase: 'linking' | 'keeping';
  /** While linking: which of the previous import's records are read (`done` of `total` counts those). */
  records?: 'accounts' | 'contacts';
  done: number;
  total?: number;
}

export type ImportProgress = FileProgress | PreviousProgress;

/** An account of the import the files add to, as linking needs it. */
export interface LinkableAccount {
  id: string;
  domains: readonly string[];
  /** Its `name:` company key, if it has one. */
  nameKey?: string;
}

/** A contact of the import the files add to, as linking touchpoints needs it. */
export interface LinkableContact {
  id: string;
  email?: string;
}

/**
 * The import the files add to, read a page at a time (it may hold 500,000 accounts): the files'
 * contacts and touchpoints link to its accounts and contacts as to their own.
 */
export interface PreviousImport {
  accounts(): AsyncIterable<readonly LinkableAccount[]>;
  contacts(): AsyncIterable<readonly LinkableContact[]>;
}

/** What became of one file. */
export interface FileReport {
  name: string;
  format?: FileFormat;
  delimiter?: Delimiter;
  /** Set when the file is not UTF-8 and was read as Windows-1252 (a warning says so). */
  encoding?: 'windows-1252';
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
  /** Records read; deals are kept in their accounts' records, not rows of their own. */
  counts: { accounts: number; contacts: number; touchpoints: number; deals: number };
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
  /**
   * Receives the records in batches (about BATCH_SIZE); the import waits for it. Deals come
   * beside them (see DealRecord): they are no rows of their own but merge into their accounts,
   * which earlier batches (or this one) brought.
   */
  sink: (records: SyncRecord[], deals: DealRecord[]) => Promise<void>;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /**
   * The import these files add to: its accounts are read before the first contacts or
   * touchpoints file (and its contacts before the first touchpoints file), so that those link to
   * them too. Duplicates are still caught within the files alone.
   */
  addingTo?: PreviousImport;
  /**
   * The index the import fills (a new one when not given), for a caller that needs to know
   * afterwards which ids the files held: an import that adds keeps the previous rows they did not update.
   */
  index?: ImportIndex;
}
