import type { TierlensDB } from '../db/db';
import { importFiles } from './file/import';
import type { ImportFile, ImportOptions, ImportReport } from './file/types';
import { abandonGeneration, beginGeneration, switchGeneration, writePage } from './generation';
import { holdingImportLock } from './import-lock';
import { describeError } from './messages';
import type { RecordCounts } from './types';

export type FileImportOutcome =
  | { status: 'switched'; generation: number; counts: RecordCounts; report: ImportReport }
  | { status: 'cancelled'; report?: ImportReport }
  | { status: 'failed'; error: string; report?: ImportReport };

/**
 * Imports files as a new generation of the `file` source: every batch of good rows is written
 * beside the visible data, and the import becomes visible in one switch when every file is read.
 * Cancelling, a failure (a full disk) or an import with no good row leaves the previous data as
 * it was. The options page runs this in a Web Worker; `npm run import-preview` runs the same
 * `importFiles` without a database.
 */
export function runFileImport(
  main: TierlensDB,
  files: ImportFile[],
  options: Pick<ImportOptions, 'mappings' | 'kinds' | 'onProgress' | 'signal'> & { now: number },
): Promise<FileImportOutcome> {
  // Held while the import runs: an import whose page was closed (its worker gone with it) is
  // told apart from one still running by whether anyone holds the lock.
  return holdingImportLock(() => importHoldingNoLock(main, files, options));
}

async function importHoldingNoLock(
  main: TierlensDB,
  files: ImportFile[],
  options: Pick<ImportOptions, 'mappings' | 'kinds' | 'onProgress' | 'signal'> & { now: number },
): Promise<FileImportOutcome> {
  const names = files.map((f) => f.name);
  const staged = await beginGeneration(main, 'file', {
    plan: { files: names },
    label: names.join(', '),
    now: options.now,
  });
  let pages = 0;
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
      sink: async (records) => {
        await writing;
        if (options.signal?.aborted) return;
        writing = writePage(staged, records, String(++pages));
        // Awaited by the next batch (or the end): until then its failure is not unhandled.
        writing.catch(() => {});
      },
    });
    await writing;
    if (report.cancelled || options.signal?.aborted) {
      await abandonGeneration(main, 'file', staged.generation);
      return { status: 'cancelled', report };
    }
    const { accounts, contacts, touchpoints } = report.counts;
    if (accounts + contacts + touchpoints === 0) {
      await abandonGeneration(main, 'file', staged.generation);
      return { status: 'failed', error: 'No row could be imported: the previous data is unchanged.', report };
    }
    // The importer lets no id in twice, so its counts are the rows written: no need to count them again.
    const counts = await switchGeneration(main, staged, { now: Date.now(), counts: report.counts });
    return { status: 'switched', generation: staged.generation, counts, report };
  } catch (error) {
    await abandonGeneration(main, 'file', staged.generation).catch(() => {});
    if (options.signal?.aborted) return { status: 'cancelled', report };
    return { status: 'failed', error: describeError('file', error), report };
  }
}
