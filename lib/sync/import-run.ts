import type { TierlensDB } from '../db/db';
import { generationDb } from '../db/generations';
import { importFiles } from './file/import';
import { ImportIndex } from './file/linker';
import type { ImportFile, ImportOptions, ImportReport } from './file/types';
import { abandonGeneration, beginGeneration, switchGeneration, writePage } from './generation';
import { type KeptRows, keepPrevious, previousImport } from './import-add';
import { holdingImportLock } from './import-lock';
import { describeError } from './messages';
import type { DealRecord } from './records';
import type { RecordCounts } from './types';

/** What the files did to the previous file import: records new to it, records they replaced, and its records kept. */
export interface AddedRows {
  added: RecordCounts;
  updated: RecordCounts;
  kept: RecordCounts;
}

export type FileImportOutcome =
  | {
      status: 'switched';
      generation: number;
      /** What the file source holds now (the previous import's kept rows included, when the files added to it). */
      counts: RecordCounts;
      report: ImportReport;
      /** Set when the files were added to a previous import. */
      addedTo?: AddedRows;
      /** The files replaced a previous file import (not set on a first import, nor when they added to one). */
      replaced?: boolean;
    }
  | { status: 'cancelled'; report?: ImportReport }
  | { status: 'failed'; error: string; report?: ImportReport };

/**
 * `replace`: the files become the file import whole. `add`: the files' records are added to the
 * previous file import's, a record with an id it has replacing that record whole (with no previous
 * import, the two are the same).
 */
export type FileImportMode = 'add' | 'replace';

export type FileImportOptions = Pick<ImportOptions, 'mappings' | 'kinds' | 'onProgress' | 'signal'> & {
  now: number;
  mode?: FileImportMode;
};

/**
 * Imports files as a new generation of the `file` source: every batch of good rows is written
 * beside the visible data, and the import becomes visible in one switch when every file is read.
 * In `add` mode the new generation also gets the previous one's rows that the files did not
 * update, copied a page at a time once the files are read, and the files' contacts and
 * touchpoints link to the previous import's accounts. Cancelling, a failure (a full disk) or an
 * import with no good row leaves the previous data as it was. The options page runs this in a
 * Web Worker; `npm run import-preview` runs the same `importFiles` without a database.
 */
export function runFileImport(
  main: TierlensDB,
  files: ImportFile[],
  options: FileImportOptions,
): Promise<FileImportOutcome> {
  // Held while the import runs: an import whose page was closed (its worker gone with it) is
  // told apart from one still running by whether anyone holds the lock.
  return holdingImportLock(() => importHoldingNoLock(main, files, options));
}

async function importHoldingNoLock(
  main: TierlensDB,
  files: ImportFile[],
  options: FileImportOptions,
): Promise<FileImportOutcome> {
  const names = files.map((f) => f.name);
  const visible = await main.syncState.get('file');
  // The previous generation, when the files add to one: read (never written) until the switch drops it.
  const previous = options.mode === 'add' && visible && visible.generation > 0 ? visible : undefined;
  const previousDb = previous && generationDb(main, 'file', previous.generation);
  const previousCounts: RecordCounts = {
    accounts: previous?.accountCount ?? 0,
    contacts: previous?.contactCount ?? 0,
    touchpoints: previous?.touchpointCount ?? 0,
  };
  const index = new ImportIndex();
  const staged = await beginGeneration(main, 'file', {
    plan: { files: names, mode: previous ? 'add' : 'replace' },
    label: names.join(', '),
    now: options.now,
  });
  let pages = 0;
  // Deals of the previous import's accounts (files that add deals without their accounts): merged as those are kept.
  const orphanDeals: DealRecord[] = [];
  let report: ImportReport | undefined;
  // One write in flight while the next batch is parsed: the database works in the browser's own
  // process, so reading the file and writing the previous batch overlap instead of taking turns.
  let writing: Promise<unknown> = Promise.resolve();
  try {
    report = await importFiles(files, {
      source: 'file',
      now: options.now,
      mappings: options.mappings,
      kinds: options.kinds,
      onProgress: options.onProgress,
      signal: options.signal,
      index,
      addingTo: previousDb && previousImport(previousDb, previousCounts, options.onProgress),
      sink: async (records, deals) => {
        await writing;
        if (options.signal?.aborted) return;
        writing = writePage(staged, records, String(++pages), {
          deals,
          onOrphanDeals: (orphans) => orphanDeals.push(...orphans),
        });
        // Awaited by the next batch (or the end): until then its failure is not unhandled.
        writing.catch(() => {});
      },
    });
    await writing;
    if (report.cancelled || options.signal?.aborted) {
      await abandonGeneration(main, 'file', staged.generation);
      return { status: 'cancelled', report };
    }
    const { accounts, contacts, touchpoints, deals } = report.counts;
    if (accounts + contacts + touchpoints + deals === 0) {
      await abandonGeneration(main, 'file', staged.generation);
      return { status: 'failed', error: 'No row could be imported: the previous data is unchanged.', report };
    }
    // The importer lets no id in twice, so its counts are the rows written: no need to count them again.
    let counts: RecordCounts = { accounts, contacts, touchpoints };
    let addedTo: AddedRows | undefined;
    if (previousDb) {
      const total = previousCounts.accounts + previousCounts.contacts + previousCounts.touchpoints;
      const rows = await keepPrevious(previousDb, staged, index, {
        signal: options.signal,
        total,
        onProgress: options.onProgress,
        deals: orphanDeals,
      });
      if (!rows || options.signal?.aborted) {
        await abandonGeneration(main, 'file', staged.generation);
        return { status: 'cancelled', report };
      }
      addedTo = addedRows(counts, rows);
      counts = sum(counts, rows.kept);
      await staged.db.syncState.update('file', {
        accountCount: counts.accounts,
        contactCount: counts.contacts,
        touchpointCount: counts.touchpoints,
      });
    }
    const switched = await switchGeneration(main, staged, { now: Date.now(), counts });
    const replaced = !previous && (visible?.generation ?? 0) > 0;
    return {
      status: 'switched',
      generation: staged.generation,
      counts: switched,
      report,
      addedTo,
      ...(replaced ? { replaced } : {}),
    };
  } catch (error) {
    await abandonGeneration(main, 'file', staged.generation).catch(() => {});
    if (options.signal?.aborted) return { status: 'cancelled', report };
    return { status: 'failed', error: describeError('file', error), report };
  }
}

function sum(a: RecordCounts, b: RecordCounts): RecordCounts {
  return {
    accounts: a.accounts + b.accounts,
    contacts: a.contacts + b.contacts,
    touchpoints: a.touchpoints + b.touchpoints,
  };
}

/** The files' records split into those new to the previous import and those it had (updated). */
function addedRows(files: RecordCounts, { kept, updated }: KeptRows): AddedRows {
  return {
    added: {
      accounts: files.accounts - updated.accounts,
      contacts: files.contacts - updated.contacts,
      touchpoints: files.touchpoints - updated.touchpoints,
    },
    updated,
    kept,
  };
}
