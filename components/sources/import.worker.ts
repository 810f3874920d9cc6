import { getDb } from '@/lib/db/db';
import { previewFile } from '@/lib/sync/file/preview';
import { runFileImport } from '@/lib/sync/import-run';
import type { FromWorker } from './import-protocol';
import { createImportWorker } from './import-worker-core';

// The options page's import worker: parsing and writing a file of 500k rows stays off the UI thread.
const scope = globalThis as unknown as {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};

const handle = createImportWorker({
  post: (message) => scope.postMessage(message),
  preview: previewFile,
  run: (files, options) => runFileImport(getDb(), files, options),
});

scope.addEventListener('message', (event) => void handle(event.data));
