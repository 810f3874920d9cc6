import type { FilePreview } from '@/lib/sync/file/types';
import type { FileImportMode } from '@/lib/sync/import-run';
import type { RecordKind } from '@/lib/sync/records';
import ImportWorker from './import.worker?worker';
import { type FromWorker, fromWorkerSchema, type ToWorker, type WireOutcome } from './import-protocol';
import type { OverallProgress } from './progress-math';

type Pending = {
  resolve: (message: FromWorker) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: OverallProgress) => void;
};

/** A running import: its outcome, and how to stop it. */
export interface RunningImport {
  done: Promise<WireOutcome>;
  cancel(): void;
}

/**
 * The page's side of the import worker: one module worker, started on first use, requests
 * matched to answers by id, every answer validated before it reaches React.
 */
export class ImportClient {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private start(): Worker {
    if (this.worker) return this.worker;
    // Vite's `?worker` import, not `new Worker(new URL('./import.worker.ts', import.meta.url))`: WXT
    // defines `import.meta.url` as `self.location.href` for every bundle (wxt-dev/wxt#392), which hides
    // that form from Vite, so the worker would not be bundled at all. `?worker` emits it as its own chunk.
    const worker = new ImportWorker({ name: 'tierlens-import' });
    worker.addEventListener('message', (event) => this.receive(event.data));
    worker.addEventListener('error', (event) => this.failAll(event.message || 'the import worker stopped'));
    this.worker = worker;
    return worker;
  }

  private receive(data: unknown): void {
    const parsed = fromWorkerSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.id === undefined) return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.progress);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'failed') pending.reject(new Error(message.error));
    else pending.resolve(message);
  }

  private failAll(reason: string): void {
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
    this.worker?.terminate();
    this.worker = undefined;
  }

  private request(message: ToWorker, onProgress?: Pending['onProgress']): Promise<FromWorker> {
    const worker = this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject, onProgress });
      worker.postMessage(message);
    });
  }

  /** What the first rows of `file` say; `kind` when the user chose the kind of records. */
  async preview(file: File, kind?: RecordKind): Promise<FilePreview> {
    const answer = await this.request({ type: 'preview', id: this.nextId++, file, kind });
    if (answer.type !== 'previewed') throw new Error('the import worker answered out of turn');
    return answer.preview;
  }

  /** Imports `files` as the new file import (replacing the previous one, or added to it); the previous one stays until it switches. */
  import(
    files: File[],
    options: {
      mappings: Record<string, Record<string, string | null>>;
      kinds: Record<string, RecordKind>;
      mode: FileImportMode;
    },
    onProgress: (progress: OverallProgress) => void,
  ): RunningImport {
    const id = this.nextId++;
    const done = this.request({ type: 'import', id, files, ...options }, onProgress).then((answer) => {
      if (answer.type !== 'finished') throw new Error('the import worker answered out of turn');
      return answer.outcome;
    });
    return { done, cancel: () => this.worker?.postMessage({ type: 'cancel', id } satisfies ToWorker) };
  }

  /** Stops the worker (the page is leaving). An import it was running is abandoned, the previous data kept. */
  dispose(): void {
    this.failAll('the page closed');
  }
}
