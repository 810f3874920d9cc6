import { describe, expect, it, vi } from 'vitest';
import type { FilePreview, ImportReport } from '@/lib/sync/file/types';
import type { FileImportOutcome } from '@/lib/sync/import-run';
import { type FromWorker, fromWorkerSchema } from './import-protocol';
import { createImportWorker } from './import-worker-core';

const csv = (name: string, text = 'name,domain\nAcme,acme.com\n') => new File([text], name, { type: 'text/csv' });

const preview: FilePreview = {
  name: 'companies.csv',
  format: 'csv',
  delimiter: ',',
  kind: 'account',
  columns: [{ header: 'Company Domain Name', index: 0, field: 'domain', samples: ['acme.com'] }],
  problems: [],
};

const report = (over: Partial<ImportReport> = {}): ImportReport => ({
  files: [],
  counts: { accounts: 2, contacts: 0, touchpoints: 0, deals: 0 },
  badRows: 1,
  warnings: 0,
  problems: [
    { file: 'companies.csv', row: 4, column: 'Company Domain Name', reason: 'not a domain', severity: 'error' },
  ],
  badRowsCapped: false,
  badRowsCsv: () => 'file,row,problem\ncompanies.csv,4,not a domain',
  cancelled: false,
  ...over,
});

type Run = Parameters<typeof createImportWorker>[0]['run'];

function setup(run = vi.fn<Run>(async () => ({ status: 'cancelled' }))) {
  const posted: FromWorker[] = [];
  const previewFile = vi.fn(async () => preview);
  let clock = 0;
  const handle = createImportWorker({
    post: (m) => posted.push(fromWorkerSchema.parse(m)),
    preview: previewFile,
    run,
    now: () => clock,
  });
  return { handle, posted, previewFile, run, tick: (ms: number) => (clock += ms) };
}

describe('the import worker accepts only well-formed requests', () => {
  it('previews a File and answers with what its first rows say', async () => {
    const { handle, posted, previewFile } = setup();
    await handle({ type: 'preview', id: 1, file: csv('companies.csv'), kind: 'account' });
    expect(previewFile).toHaveBeenCalledWith(expect.objectContaining({ name: 'companies.csv', size: 26 }), {
      kind: 'account',
    });
    expect(posted).toEqual([{ type: 'previewed', id: 1, preview }]);
  });

  it.each([
    ['an unknown request', { type: 'delete-everything', id: 2 }],
    ['a file name where a File belongs', { type: 'preview', id: 2, file: 'companies.csv' }],
    ['an unknown kind', { type: 'preview', id: 2, file: csv('a.csv'), kind: 'lead' }],
    ['an extra field', { type: 'cancel', id: 2, andAlso: true }],
    ['no files to import', { type: 'import', id: 2, files: [], mappings: {}, kinds: {}, mode: 'add' }],
    [
      'two files of one name',
      { type: 'import', id: 2, files: [csv('a.csv'), csv('a.csv')], mappings: {}, kinds: {}, mode: 'add' },
    ],
    ['no import mode', { type: 'import', id: 2, files: [csv('a.csv')], mappings: {}, kinds: {} }],
    [
      'an unknown import mode',
      { type: 'import', id: 2, files: [csv('a.csv')], mappings: {}, kinds: {}, mode: 'merge' },
    ],
  ])('answers %s with a failure and runs nothing', async (_, request) => {
    const { handle, posted, previewFile, run } = setup();
    await handle(request);
    expect(previewFile).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ type: 'failed', id: 2, error: expect.stringMatching(/^malformed request/) });
  });
});

describe('an import in the worker', () => {
  it('posts progress about ten times a second, added up over files, then the outcome with the bad rows as CSV text', async () => {
    let tick = (_: number) => 0;
    const run = vi.fn<Run>(async (_files, options): Promise<FileImportOutcome> => {
      for (let i = 1; i <= 5; i++) {
        options.onProgress?.({
          file: 'companies.csv',
          rows: i * 10,
          goodRows: i * 10,
          badRows: 0,
          bytesRead: i,
          totalBytes: 5,
        });
        tick(40);
      }
      return {
        status: 'switched',
        generation: 3,
        counts: { accounts: 2, contacts: 0, touchpoints: 0 },
        report: report(),
      };
    });
    const t = setup(run);
    tick = t.tick;
    await t.handle({
      type: 'import',
      id: 7,
      files: [csv('companies.csv')],
      mappings: { 'companies.csv': { '0': 'domain' } },
      kinds: {},
      mode: 'replace',
    });

    expect(run).toHaveBeenCalledWith(
      [expect.objectContaining({ name: 'companies.csv' })],
      expect.objectContaining({ mappings: { 'companies.csv': { '0': 'domain' } }, kinds: {}, mode: 'replace' }),
    );
    const progress = t.posted.filter((m) => m.type === 'progress').map((m) => m.progress.rows);
    expect(progress).toEqual([10, 40]);
    expect(t.posted.at(-1)).toMatchObject({
      type: 'finished',
      id: 7,
      outcome: {
        status: 'switched',
        counts: { accounts: 2 },
        report: { badRows: 1, badRowsCsv: 'file,row,problem\ncompanies.csv,4,not a domain' },
      },
    });
  });

  it('adds to the previous import when asked, posting how far it is with that import’s records and what it did', async () => {
    let tick = (_: number) => 0;
    const addedTo = {
      added: { accounts: 0, contacts: 1, touchpoints: 0 },
      updated: { accounts: 0, contacts: 0, touchpoints: 0 },
      kept: { accounts: 4, contacts: 0, touchpoints: 0 },
    };
    const run = vi.fn<Run>(async (_files, options): Promise<FileImportOutcome> => {
      options.onProgress?.({ phase: 'linking', records: 'accounts', done: 4, total: 4 });
      tick(200);
      options.onProgress?.({ file: 'contacts.csv', rows: 1, goodRows: 1, badRows: 0, bytesRead: 30, totalBytes: 30 });
      tick(200);
      options.onProgress?.({ phase: 'keeping', done: 4, total: 4 });
      return {
        status: 'switched',
        generation: 2,
        counts: { accounts: 4, contacts: 1, touchpoints: 0 },
        report: report({ counts: { accounts: 0, contacts: 1, touchpoints: 0, deals: 0 }, badRows: 0, problems: [] }),
        addedTo,
      };
    });
    const t = setup(run);
    tick = t.tick;
    await t.handle({ type: 'import', id: 9, files: [csv('contacts.csv')], mappings: {}, kinds: {}, mode: 'add' });
    expect(run).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ mode: 'add' }));
    const progress = t.posted.filter((m) => m.type === 'progress').map((m) => m.progress);
    expect(progress.map((p) => [p.phase, p.done, p.rows])).toEqual([
      ['linking', 4, 0],
      [undefined, undefined, 1],
      ['keeping', 4, 1],
    ]);
    expect(t.posted.at(-1)).toMatchObject({ type: 'finished', id: 9, outcome: { status: 'switched', addedTo } });
  });

  it('stops when the page cancels it', async () => {
    let signal: AbortSignal | undefined;
    let release = () => {};
    const run = vi.fn<Run>(async (_files, options): Promise<FileImportOutcome> => {
      signal = options.signal;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { status: 'cancelled' };
    });
    const t = setup(run);
    const done = t.handle({ type: 'import', id: 8, files: [csv('big.csv')], mappings: {}, kinds: {}, mode: 'add' });
    await vi.waitFor(() => expect(signal).toBeDefined());
    await t.handle({ type: 'cancel', id: 8 });
    expect(signal?.aborted).toBe(true);
    release();
    await done;
    expect(t.posted.at(-1)).toEqual({ type: 'finished', id: 8, outcome: { status: 'cancelled' } });
  });
});

describe('the page accepts only well-formed answers', () => {
  it.each([
    [
      'a sample that is not text',
      { type: 'previewed', id: 1, preview: { ...preview, columns: [{ header: 'a', index: 0, samples: [1] }] } },
    ],
    ['an unknown answer', { type: 'html', id: 1, html: '<img src=x onerror=alert(1)>' }],
    ['an outcome without its status', { type: 'finished', id: 1, outcome: { counts: {} } }],
  ])('rejects %s', (_, answer) => {
    expect(fromWorkerSchema.safeParse(answer).success).toBe(false);
  });
});
