import type { NumberFormat } from '../normalise/number';
import { RECORD_KIND_PLURALS } from '../record-kinds';
import type { DealRecord, ImportRecord, RecordKind, SyncRecord } from '../records';
import { accountFromRow } from './account-row';
import { detectKind, mappingOf, planColumns } from './columns';
import { contactFromRow } from './contact-row';
import { dealFromRow } from './deal-row';
import { envelopeKinds } from './envelope';
import { type FileHead, fileHead, linkingHead, noKindReason } from './kind';
import { BATCH_SIZE } from './limits';
import { ImportIndex } from './linker';
import { ProblemLog } from './problems';
import { columnsByField, RowReader } from './row-reader';
import { type RawRow, readTable } from './table';
import { FileStop, WINDOWS_1252_WORDS } from './text';
import { touchpointFromRow } from './touchpoint-row';
import type { ColumnMapping, ColumnPlan, FileReport, ImportFile, ImportOptions, ImportReport } from './types';

/** Accounts first, so that the others link to them; deals next, as they merge into accounts already written. */
const ORDER: Record<RecordKind, number> = { account: 0, deal: 1, contact: 2, touchpoint: 3 };
/** Decimals as semicolon-delimited CSV writes them (see NumberFormat), and as every other file does. */
const COMMA_DECIMAL: NumberFormat = { decimal: ',' };
const DOT_DECIMAL: NumberFormat = { decimal: '.' };

/**
 * A file to read, or one kind of a file of Tierlens's own records (`only`), read as a file of
 * its own under `name`; `share` places its read among that file's, for progress.
 */
interface FilePart {
  file: ImportFile;
  name: string;
  only?: RecordKind;
  share?: { at: number; of: number };
}

/** The state of one file being imported. */
interface FileRun {
  report: FileReport;
  headers: readonly string[];
  reader?: RowReader;
}

/**
 * Imports files of accounts, contacts and touchpoints (CSV, JSON, NDJSON) into records, the
 * same way in a Web Worker and in Node. Account files are read first whatever the order
 * given, so that contacts and touchpoints link to accounts of the same import. Rows stream:
 * records reach `sink` in batches of BATCH_SIZE and the next batch is read only once the sink
 * is done. Bad rows are skipped and reported; `signal` stops the import before the next
 * batch, and the sink is not called again. With `addingTo`, contacts and touchpoints link to that
 * import's accounts and contacts as well (see ImportOptions).
 */
export async function importFiles(files: ImportFile[], options: ImportOptions): Promise<ImportReport> {
  const { source, now, signal } = options;
  const log = new ProblemLog();
  const index = options.index ?? new ImportIndex();
  const seeded = { account: false, contact: false };
  /** Learns the previous import's accounts before the first file that links to them, its contacts before the first touchpoints. */
  const seed = async (kind: RecordKind | undefined) => {
    const previous = options.addingTo;
    if (!previous || kind === 'account') return;
    if (!seeded.account) {
      seeded.account = true;
      for await (const page of previous.accounts()) {
        if (signal?.aborted) return;
        for (const a of page) index.seedAccount(a.id, a.domains, a.nameKey);
      }
    }
    if (kind !== 'contact' && !seeded.contact) {
      seeded.contact = true;
      for await (const page of previous.contacts()) {
        if (signal?.aborted) return;
        for (const c of page) index.seedContact(c.id, c.email);
      }
    }
  };
  const reports: FileReport[] = [];
  let batch: SyncRecord[] = [];
  let deals: DealRecord[] = [];
  let cancelled = false;
  const flush = async () => {
    if ((!batch.length && !deals.length) || signal?.aborted) return;
    const records = batch;
    const dealRecords = deals;
    batch = [];
    deals = [];
    await options.sink(records, dealRecords);
  };

  // A file of Tierlens's own records is read once per kind it holds, each read as a file of its own.
  const parts: FilePart[] = (
    await Promise.all(
      files.map(async (file): Promise<FilePart[]> => {
        const kinds = await envelopeKinds(file, signal);
        if (!kinds) return [{ file, name: file.name }];
        // In the order they are read (accounts first), so that the file's progress only goes forward.
        const order = [...kinds.keys()].sort((a, b) => ORDER[a] - ORDER[b]);
        return order.map((only, at) => ({
          file,
          name: `${file.name} (${RECORD_KIND_PLURALS[only]})`,
          only,
          share: { at, of: kinds.size },
        }));
      }),
    )
  ).flat();
  const heads = await Promise.all(
    parts.map(async (part): Promise<FilePart & { kind?: RecordKind; head?: FileHead }> => {
      const { file, only } = part;
      if (only) return { ...part, kind: only, head: { kind: only, headers: [], format: 'ndjson' } as FileHead };
      const given = options.kinds?.[file.name];
      // With the kind given, an accounts file is not read ahead; the others are, for the links they need.
      if (given === 'account') return { ...part, kind: given };
      const head = await (given ? linkingHead(file, given, signal) : fileHead(file, signal));
      return { ...part, kind: given ?? head?.kind, head };
    }),
  );
  const mappingOfPart = (part: { file: ImportFile; only?: RecordKind }) =>
    part.only ? undefined : options.mappings?.[part.file.name];
  const mayMap = (field: string, kinds: readonly RecordKind[]) =>
    heads.some((part) => mayFill(field, kinds, part.kind, part.head, mappingOfPart(part)));
  if (!mayMap('contactEmail', ['touchpoint'])) index.withoutEmails();
  if (!mayMap('accountName', ['contact', 'touchpoint', 'deal'])) index.withoutNames();
  const order = heads.sort((a, b) => ORDER[a.kind ?? 'touchpoint'] - ORDER[b.kind ?? 'touchpoint']);

  const readSoFar = new Map<string, { rows: number; good: number; bad: number }>();
  for (const part of order) {
    const { file, kind, name, only, share } = part;
    await seed(kind);
    if (signal?.aborted) {
      cancelled = true;
      break;
    }
    const report: FileReport = {
      name,
      mapping: {},
      columns: [],
      unmappedColumns: [],
      rows: 0,
      good: 0,
      bad: 0,
      warnings: 0,
      problems: [],
      kind,
    };
    reports.push(report);
    const run: FileRun = { report, headers: [] };
    const fileProblem = (reason: string, row = 0) => log.add(report, { file: name, row, reason, severity: 'error' });
    // The reads of one file of records, one a kind, show as one file's progress: rows add up, bytes are shared.
    const before = readSoFar.get(file.name) ?? { rows: 0, good: 0, bad: 0 };
    try {
      const progress = (bytesRead: number) =>
        options.onProgress?.({
          rows: before.rows + report.rows,
          goodRows: before.good + report.good,
          badRows: before.bad + report.bad,
          bytesRead: share ? Math.round((share.at * (file.size ?? bytesRead) + bytesRead) / share.of) : bytesRead,
          totalBytes: file.size,
          file: file.name,
        });
      let bytesBefore = 0;
      for await (const table of readTable(file.name, file.stream(), signal, only)) {
        if (signal?.aborted) break;
        report.format = table.format;
        report.delimiter = table.delimiter;
        if (table.encoding && !report.encoding) {
          report.encoding = table.encoding;
          log.add(report, { file: name, row: 0, reason: WINDOWS_1252_WORDS, severity: 'warning' });
        }
        if (table.headers.length !== run.headers.length || !run.reader) {
          if (!replan(run, table.headers, mappingOfPart(part), fileProblem)) break;
        }
        const rows = table.rows.length;
        for (let i = 0; i < rows; i++) {
          const record = readRow(run, table.rows[i] as (typeof table.rows)[number], table.format === 'csv');
          if (record) {
            if (record.kind === 'deal') deals.push(record.record);
            else batch.push(record);
            if (batch.length + deals.length >= BATCH_SIZE) {
              await flush();
              // Between tables (tens of thousands of rows), the bytes read so far, pro rata.
              progress(bytesBefore + Math.round(((table.bytesRead - bytesBefore) * (i + 1)) / rows));
            }
          }
          if (signal?.aborted) break;
        }
        bytesBefore = table.bytesRead;
        progress(table.bytesRead);
      }
    } catch (error) {
      if (!(error instanceof FileStop)) throw error;
      report.stopped = error.message;
      fileProblem(error.message, error.row);
    }
    if (signal?.aborted) {
      cancelled = true;
      break;
    }
    readSoFar.set(file.name, {
      rows: before.rows + report.rows,
      good: before.good + report.good,
      bad: before.bad + report.bad,
    });
    if (report.kind !== 'account' && report.good > 0 && !index.knowsAny('account')) {
      log.add(report, {
        file: name,
        row: 0,
        severity: 'warning',
        reason: 'the import has no accounts: records were linked by company id as given, to accounts imported before',
      });
    }
  }
  if (!cancelled) await flush();

  return {
    files: reports,
    counts: {
      accounts: index.count('account'),
      contacts: index.count('contact'),
      touchpoints: index.count('touchpoint'),
      deals: index.count('deal'),
    },
    badRows: log.badCount,
    warnings: log.warningCount,
    problems: log.problems,
    badRowsCapped: log.capped,
    badRowsCsv: () => log.csv(),
    cancelled: cancelled || signal?.aborted === true,
  };

  /** (Re)plans the columns when the headers are first known or a JSON file brings new keys; false stops the file. */
  function replan(
    run: FileRun,
    headers: readonly string[],
    mapping: ColumnMapping | undefined,
    fail: (reason: string) => void,
  ): boolean {
    // A copy: an NDJSON reader grows its one headers array in place, and a new key must show as a longer one.
    run.headers = [...headers];
    run.report.kind ??= detectKind(headers);
    const k = run.report.kind;
    if (!k) {
      fail(noKindReason(headers));
      return false;
    }
    const plan = planColumns(headers, k, mapping);
    if (!run.reader) for (const p of plan.problems) fail(p);
    setColumns(run.report, plan.columns);
    run.reader = new RowReader(columnsByField(plan.columns));
    return true;
  }

  /** A row that is not imported, reported. */
  function bad(run: FileRun, raw: RawRow, error: { column?: string; reason: string }): undefined {
    log.badRow(run.report, run.headers, raw.row, raw.cells, error);
    return undefined;
  }

  /** One row → a record, or a bad row reported; warnings reported either way. */
  function readRow(run: FileRun, raw: RawRow, strictCells: boolean): ImportRecord | undefined {
    const { report, headers } = run;
    const reader = run.reader;
    if (!reader || !report.kind) return undefined;
    report.rows += 1;
    if (raw.problem) return bad(run, raw, { reason: raw.problem });
    if (strictCells && raw.cells.length !== headers.length && raw.cells.slice(headers.length).some((c) => c.trim())) {
      return bad(run, raw, {
        reason: `this row has ${raw.cells.length} cells where the header row has ${headers.length}: a value with an unquoted delimiter, or a missing one`,
      });
    }
    if (strictCells && raw.cells.length < headers.length) {
      return bad(run, raw, {
        reason: `this row has ${raw.cells.length} cells where the header row has ${headers.length}`,
      });
    }
    reader.reset(raw.cells);
    let record: ImportRecord | undefined;
    let error: { column?: string; reason: string } | undefined;
    if (report.kind === 'account') {
      const account = accountFromRow(reader, source, now, report.delimiter === ';' ? COMMA_DECIMAL : DOT_DECIMAL);
      if ('reason' in account) error = account;
      else record = { kind: 'account', record: account };
    } else if (report.kind === 'deal') {
      const deal = dealFromRow(reader, index, source, report.delimiter === ';' ? COMMA_DECIMAL : DOT_DECIMAL);
      if ('reason' in deal) error = deal;
      else record = { kind: 'deal', record: deal };
    } else if (report.kind === 'contact') {
      const contact = contactFromRow(reader, index, source, now);
      if ('reason' in contact) error = contact;
      else record = { kind: 'contact', record: contact };
    } else {
      const touchpoint = touchpointFromRow(reader, index, source);
      if ('reason' in touchpoint) error = touchpoint;
      else record = { kind: 'touchpoint', record: touchpoint };
    }
    const duplicate = record && index.claim(record.kind, record.record.id, { file: report.name, row: raw.row });
    if (duplicate) error = { column: reader.column('id'), reason: duplicate };
    for (const w of reader.warnings) log.add(report, { file: report.name, row: raw.row, ...w, severity: 'warning' });
    if (error || !record) return bad(run, raw, error ?? { reason: 'unreadable row' });
    if (record.kind === 'account') {
      const { id, domains, name, keys } = record.record;
      // buildAccount derived the name key already: the one key with the `name:` prefix.
      const byName = keys.find((k) => k.startsWith('name:'));
      for (const reason of index.addAccount(id, domains, name, byName)) {
        log.add(report, {
          file: report.name,
          row: raw.row,
          column: reader.column('domain') ?? reader.column('website'),
          reason,
          severity: 'warning',
        });
      }
    } else if (record.kind === 'contact') index.addContact(record.record.id, record.record.email);
    report.good += 1;
    return record;
  }
}

/**
 * Whether a file of one of `kinds` may fill `field` (a link: the contact's email, the company's
 * name): a CSV with a column that maps to it (as the user's mapping says, when there is one), or
 * any JSON or NDJSON file, where a later record may bring the key. A file that cannot be read
 * fills nothing: its import stops at its first batch.
 */
function mayFill(
  field: string,
  kinds: readonly RecordKind[],
  kind: RecordKind | undefined,
  head: FileHead | undefined,
  mapping?: ColumnMapping,
): boolean {
  if (!kind || !kinds.includes(kind) || !head) return false;
  if (head.format !== 'csv') return true;
  return planColumns(head.headers, kind, mapping).columns.some((c) => c.field === field);
}

function setColumns(report: FileReport, columns: ColumnPlan[]): void {
  report.columns = columns;
  report.mapping = mappingOf(columns);
  report.unmappedColumns = columns.filter((c) => !c.field).map((c) => c.header);
}
