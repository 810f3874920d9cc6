import type { previewFile } from '@/lib/sync/file/preview';
import type { FileProgress, ImportFile, PreviousProgress } from '@/lib/sync/file/types';
import type { FileImportOutcome, runFileImport } from '@/lib/sync/import-run';
import { type FromWorker, type ToWorker, toWireReport, toWorkerSchema, type WireOutcome } from './import-protocol';
import { overallProgress, throttle } from './progress-math';

/** Progress posts per second: enough for a smooth bar, few enough not to flood the page. */
const PROGRESS_INTERVAL_MS = 100;

/** A `File` as the importer reads it: streamed, from the start at each call. */
export function importFileOf(file: File): ImportFile {
  return { name: file.name, size: file.size, stream: () => file.stream() };
}

/**
 * The import worker's message handling: validates each request, runs previews and imports,
 * and answers with validated shapes. `preview` and `run` are the importer's functions (bound
 * to the database in the worker; fakes in tests).
 */
export function createImportWorker(deps: {
  post: (message: FromWorker) => void;
  preview: typeof previewFile;
  run: (files: ImportFile[], options: Parameters<typeof runFileImport>[2]) => Promise<FileImportOutcome>;
  now?: () => number;
}): (data: unknown) => Promise<void> {
  const running = new Map<number, AbortController>();
  const now = deps.now ?? Date.now;

  const fail = (id: number | undefined, error: unknown) =>
    deps.post({ type: 'failed', id, error: error instanceof Error ? error.message : String(error) });

  async function runImport(message: Extract<ToWorker, { type: 'import' }>): Promise<void> {
    const controller = new AbortController();
    running.set(message.id, controller);
    const sizes = new Map(message.files.map((f) => [f.name, f.size]));
    const latest = new Map<string, FileProgress>();
    let current = message.files[0]?.name ?? '';
    // Set while the import works on the previous import's records (between files, or after the last).
    let previous: PreviousProgress | undefined;
    const due = throttle(PROGRESS_INTERVAL_MS, now);
    try {
      const outcome = await deps.run(message.files.map(importFileOf), {
        mappings: message.mappings,
        kinds: message.kinds,
        mode: message.mode,
        signal: controller.signal,
        now: now(),
        onProgress: (p) => {
          if ('done' in p) previous = p;
          else {
            latest.set(p.file, p);
            current = p.file;
            previous = undefined;
          }
          if (due()) {
            deps.post({
              type: 'progress',
              id: message.id,
              progress: overallProgress(latest, sizes, current, previous),
            });
          }
        },
      });
      deps.post({ type: 'finished', id: message.id, outcome: wireOutcome(outcome) });
    } catch (error) {
      fail(message.id, error);
    } finally {
      running.delete(message.id);
    }
  }

  return async (data) => {
    const parsed = toWorkerSchema.safeParse(data);
    if (!parsed.success) {
      const id = typeof data === 'object' && data && 'id' in data && typeof data.id === 'number' ? data.id : undefined;
      return fail(id, `malformed request: ${parsed.error.issues[0]?.message ?? 'unknown shape'}`);
    }
    const message = parsed.data;
    if (message.type === 'cancel') {
      running.get(message.id)?.abort();
      return;
    }
    if (message.type === 'import') return runImport(message);
    try {
      const preview = await deps.preview(importFileOf(message.file), { kind: message.kind });
      deps.post({ type: 'previewed', id: message.id, preview });
    } catch (error) {
      fail(message.id, error);
    }
  };
}

function wireOutcome(outcome: FileImportOutcome): WireOutcome {
  const report = outcome.report ? toWireReport(outcome.report) : undefined;
  if (outcome.status === 'switched') {
    return {
      status: 'switched',
      generation: outcome.generation,
      counts: outcome.counts,
      report: toWireReport(outcome.report),
      addedTo: outcome.addedTo,
      ...(outcome.replaced ? { replaced: true } : {}),
    };
  }
  if (outcome.status === 'cancelled') return { status: 'cancelled', report };
  return { status: 'failed', error: outcome.error, report };
}
