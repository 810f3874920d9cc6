/**
 * Issue 7's import benchmark: generated HubSpot-format files (accounts, ~2 contacts and ~5
 * touchpoints per account, see import-files.ts) imported through the options page's real path
 * in Chromium — "Choose files", the mapping preview, "Import", the module Web Worker running
 * runFileImport into a new `tierlens~file~<n>` generation — timed on the page's clock from the
 * click on Import to the result being rendered. JS heap of the page and of the import worker is
 * sampled every ~100 ms over CDP (Runtime.getHeapUsage: V8 heap used, garbage included, plus
 * ArrayBuffer contents, per isolate); then, with the accounts loaded, lookup by key and navigation → badge (lookup.ts).
 *
 * Beside it, figures that say where the time goes: in Node, the same files through readTable
 * alone (parse), through importFiles with a no-op sink (parse + normalise + validate + link),
 * and a 20,000-row import through runFileImport into fake-indexeddb (a sanity check of the
 * write path, not a browser figure); in Chromium, importFiles with a no-op sink on the page's
 * main thread over the same File objects (what the worker does before IndexedDB).
 *
 * Sizes: BENCH_IMPORT_SIZES (accounts, comma-separated; default 100000,500000; 0 skips).
 * BENCH_IMPORT_LIVE=1 also has the worker collect its garbage every ~5 s (HeapProfiler.collectGarbage)
 * and reports the largest heap left after it: what the import holds, apart from garbage V8 has
 * not collected yet (most of the peak above: V8 lets it pile up on a machine with memory to spare).
 * Collecting changes when V8 collects by itself, so the peak of such a run is not the default's.
 */
import { cpSync, createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { type BrowserContext, type CDPSession, chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { importFiles } from '../../lib/sync/file/import';
import { readTable } from '../../lib/sync/file/table';
import type { ImportFile } from '../../lib/sync/file/types';
import { CHROMIUM, EXTENSION_DIR, extensionArgs } from '../chromium';
import { type ImportFileSet, writeImportFiles } from './import-files';
import { benchBadge, benchLookup, lookupRows, routeLinkedIn } from './lookup';
import { percentile, type Row } from './measure';
import { navigationBenchUnavailable } from './navigation';
import { rescoringDone } from './program';

const NOW = Date.UTC(2026, 10, 18, 12);
const MB = 1_048_576;
const n = (v: number) => v.toLocaleString('en-US');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The sizes to run, from BENCH_IMPORT_SIZES. */
export function importSizes(): number[] {
  const raw = process.env.BENCH_IMPORT_SIZES ?? '100000,500000';
  return raw
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((s) => Number.isInteger(s) && s > 0);
}

const rowsOf = (set: ImportFileSet) => set.accounts + set.contacts + set.touchpoints;

function nodeFile(path: string): ImportFile {
  return {
    name: basename(path),
    stream: () => Readable.toWeb(createReadStream(path, { highWaterMark: 64 * 1024 })) as ReadableStream<Uint8Array>,
  };
}

/** V8 heap used plus ArrayBuffer contents (the import's index, see StringTable), as the Chromium figures count. */
const nodeHeap = () => {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

/** Peak of nodeHeap() while `fn` runs, sampled every 100 ms. */
async function withNodeHeapPeak<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number }> {
  let peak = nodeHeap();
  const timer = setInterval(() => {
    peak = Math.max(peak, nodeHeap());
  }, 100);
  const start = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, nodeHeap());
    return { result, ms: performance.now() - start, peakMb: peak / MB };
  } finally {
    clearInterval(timer);
  }
}

export interface NodeFigures {
  parseMs: number;
  importMs: number;
  importPeakMb: number;
  good: number;
  bad: number;
}

/** The files in Node: parse alone, then importFiles with a sink that drops the records. */
export async function nodeImportFigures(set: ImportFileSet): Promise<NodeFigures> {
  const parse = await withNodeHeapPeak(async () => {
    let rows = 0;
    for (const path of set.paths)
      for await (const t of readTable(basename(path), nodeFile(path).stream())) rows += t.rows.length;
    return rows;
  });
  const run = await withNodeHeapPeak(() =>
    importFiles(set.paths.map(nodeFile), { source: 'file', now: NOW, sink: async () => {} }),
  );
  const r = run.result;
  return {
    parseMs: parse.ms,
    importMs: run.ms,
    importPeakMb: run.peakMb,
    good: r.counts.accounts + r.counts.contacts + r.counts.touchpoints,
    bad: r.badRows,
  };
}

/** 20,000 rows (2,500 accounts) through runFileImport into fake-indexeddb, against importFiles alone. */
async function fakeIndexedDbFigures(dir: string): Promise<{ rows: number; importMs: number; runMs: number }> {
  // A side-effect import (its types do not resolve through the package's exports map).
  const fakeIndexedDb: string = 'fake-indexeddb/auto';
  await import(fakeIndexedDb);
  const { TierlensDB } = await import('../../lib/db/db');
  const { runFileImport } = await import('../../lib/sync/import-run');
  const set = await writeImportFiles(dir, 2_500, NOW);
  const alone = await withNodeHeapPeak(() =>
    importFiles(set.paths.map(nodeFile), { source: 'file', now: NOW, sink: async () => {} }),
  );
  const db = new TierlensDB('tierlens-bench');
  const run = await withNodeHeapPeak(() => runFileImport(db, set.paths.map(nodeFile), { now: NOW }));
  if (run.result.status !== 'switched') throw new Error(`fake-indexeddb import: ${run.result.status}`);
  db.close();
  for (const p of set.paths) rmSync(p);
  return { rows: rowsOf(set), importMs: alone.ms, runMs: run.ms };
}

// ——— Chromium ———

/** Runtime.getHeapUsage's answer; backingStorageSize (ArrayBuffer contents) is there in Chromium 120 and later. */
interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}
const heapOf = (u: HeapUsage) => u.usedSize + (u.backingStorageSize ?? 0);

interface HeapSample {
  t: number;
  page: number;
  worker?: number;
  /** The worker's ArrayBuffer contents alone (its part of `worker`). */
  workerBuffers?: number;
  /** BENCH_IMPORT_LIVE: the worker's heap right after a full collection, ArrayBuffers included. */
  workerLive?: number;
  background?: number;
}

/**
 * Samples Runtime.getHeapUsage of the page (its own CDP session) and, through the page's
 * auto-attached child targets (the import worker, the extension's service worker), of those
 * isolates, every ~100 ms until stopped. Child targets are reached with Target.sendMessageToTarget
 * (non-flattened sessions), since Playwright's CDPSession speaks to one target only.
 */
async function heapSampler(cdp: CDPSession) {
  // Typed arrays (the import's index, see StringTable) live outside the V8 heap, in backing
  // stores: counted too, so that moving data into them is not taken for saving it.
  const children = new Map<string, string>(); // sessionId → target type
  const pending = new Map<number, (usage: HeapUsage | undefined) => void>();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (p) => children.set(p.sessionId, p.targetInfo.type));
  cdp.on('Target.detachedFromTarget', (p) => p.sessionId && children.delete(p.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (p) => {
    const m = JSON.parse(p.message) as { id?: number; result?: HeapUsage };
    if (m.id !== undefined) pending.get(m.id)?.(m.result);
    if (m.id !== undefined) pending.delete(m.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  // A full collection of a large heap takes longer than a sample may wait.
  const childHeap = (sessionId: string, method = 'Runtime.getHeapUsage', timeoutMs = 2_000) =>
    new Promise<HeapUsage | undefined>((done) => {
      const id = nextId++;
      pending.set(id, done);
      setTimeout(() => pending.delete(id) && done(undefined), timeoutMs);
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method }),
        })
        .catch(() => done(undefined));
    });
  const session = (type: string) => [...children].find(([, t]) => t === type)?.[0];

  const samples: HeapSample[] = [];
  const live = process.env.BENCH_IMPORT_LIVE === '1';
  let profilerOn = false;
  let running = false;
  let loop: Promise<void> | undefined;
  return {
    hasWorker: () => session('worker') !== undefined,
    start() {
      running = true;
      loop = (async () => {
        while (running) {
          const t = performance.now();
          const w = session('worker');
          const b = session('service_worker');
          const [page, worker, background] = await Promise.all([
            cdp.send('Runtime.getHeapUsage').then((r) => heapOf(r as HeapUsage)),
            w ? childHeap(w) : undefined,
            b ? childHeap(b) : undefined,
          ]);
          let workerLive: number | undefined;
          if (live && w && worker && samples.length % 50 === 49) {
            if (!profilerOn) profilerOn = (await childHeap(w, 'HeapProfiler.enable')) !== undefined;
            await childHeap(w, 'HeapProfiler.collectGarbage', 30_000);
            const after = await childHeap(w);
            workerLive = after && heapOf(after);
          }
          samples.push({
            t,
            page,
            worker: worker && heapOf(worker),
            workerBuffers: worker?.backingStorageSize,
            workerLive,
            background: background && heapOf(background),
          });
          await sleep(Math.max(0, 100 - (performance.now() - t)));
        }
      })();
    },
    async stop(): Promise<HeapSample[]> {
      running = false;
      await loop;
      return samples;
    },
  };
}

export interface BrowserImportFigures {
  seconds: number;
  /** Seconds from the click to the first progress naming each file (its predecessor's end, ±0.1 s). */
  fileStarts: Record<string, number>;
  result: string;
  counts: { accounts: number; contacts: number; touchpoints: number };
  heap: {
    samples: number;
    pagePeak: number;
    workerPeak: number;
    sumPeak: number;
    /** At the sample of sumPeak: the worker's ArrayBuffers (the import's index), and seconds from the first sample. */
    atPeak: { workerBuffers: number; second: number };
    /** The largest worker ArrayBuffers seen. */
    workerBuffersPeak: number;
    /** BENCH_IMPORT_LIVE: the largest worker heap after a collection, and how many were taken. */
    workerLivePeak?: { mb: number; collections: number };
    backgroundPeak: number;
    workerSeen: number;
  };
}

/** Instruments the options page: the click on Import, the first progress per file, the result. */
const INSTRUMENT = `(() => {
  const b = { clickAt: NaN, doneAt: NaN, files: {} };
  window.__bench = b;
  document.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest('button') : null;
    if (button && button.textContent.trim() === 'Import') b.clickAt = performance.now();
  }, true);
  new MutationObserver(() => {
    const status = document.querySelector('.import-progress [role=status]');
    const m = status && status.textContent.match(/— (\\S+)\\s*$/);
    if (m && !(m[1] in b.files)) b.files[m[1]] = performance.now();
    if (!Number.isNaN(b.clickAt) && Number.isNaN(b.doneAt) && document.querySelector('.import-result, .notice-error[role=alert]')) b.doneAt = performance.now();
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

/** The import through the options page, in `context` (which keeps the imported data). */
async function importThroughUi(
  context: BrowserContext,
  extensionId: string,
  set: ImportFileSet,
): Promise<BrowserImportFigures> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const input = page.getByLabel('Choose files');
  await input.waitFor({ state: 'attached' });
  const cdp = await context.newCDPSession(page);
  const sampler = await heapSampler(cdp);
  await page.evaluate(INSTRUMENT);
  await input.setInputFiles(set.paths);
  // The mapping preview: one table per file, read in the worker.
  await page
    .locator('section.import-file table.mapping')
    .nth(set.paths.length - 1)
    .waitFor({ timeout: 60_000 });
  const go = page.getByRole('button', { name: 'Import', exact: true });
  await go.waitFor();
  for (let i = 0; i < 100 && !(await go.isEnabled()); i++) await sleep(100);
  // Let the previews' garbage go before the baseline sample.
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  sampler.start();
  await sleep(300);
  await go.click();
  await page.waitForFunction(
    () => !Number.isNaN((window as unknown as { __bench: { doneAt: number } }).__bench.doneAt),
    null,
    {
      timeout: 30 * 60_000,
      polling: 250,
    },
  );
  const samples = await sampler.stop();
  const b = await page.evaluate(
    () =>
      (window as unknown as { __bench: { clickAt: number; doneAt: number; files: Record<string, number> } }).__bench,
  );
  const result = (
    (await page
      .locator('.import-result [role=status], .import-result [role=alert], .notice-error[role=alert]')
      .first()
      .textContent()) ?? ''
  ).trim();
  const num = (re: RegExp) => Number((result.match(re)?.[1] ?? 'NaN').replaceAll(',', ''));
  const counts = {
    accounts: num(/([\d,]+) accounts?/),
    contacts: num(/([\d,]+) contacts?/),
    touchpoints: num(/([\d,]+) touchpoints?/),
  };
  const peak = (f: (s: HeapSample) => number | undefined) => Math.max(0, ...samples.map((s) => f(s) ?? 0)) / MB;
  // The sample where page + worker peaks (samples before the worker started do not count).
  let top: HeapSample | undefined;
  for (const s of samples)
    if (s.worker !== undefined && (!top || s.page + s.worker > top.page + (top.worker ?? 0))) top = s;
  await page.close();
  return {
    seconds: (b.doneAt - b.clickAt) / 1_000,
    fileStarts: Object.fromEntries(Object.entries(b.files).map(([f, t]) => [f, (t - b.clickAt) / 1_000])),
    result,
    counts,
    heap: {
      samples: samples.length,
      pagePeak: peak((s) => s.page),
      workerPeak: peak((s) => s.worker),
      sumPeak: top ? (top.page + (top.worker ?? 0)) / MB : 0,
      atPeak: {
        workerBuffers: (top?.workerBuffers ?? 0) / MB,
        second: top ? (top.t - (samples[0]?.t ?? top.t)) / 1_000 : 0,
      },
      workerBuffersPeak: peak((s) => s.workerBuffers),
      workerLivePeak: samples.some((s) => s.workerLive !== undefined)
        ? { mb: peak((s) => s.workerLive), collections: samples.filter((s) => s.workerLive !== undefined).length }
        : undefined,
      backgroundPeak: peak((s) => s.background),
      workerSeen: samples.filter((s) => s.worker !== undefined).length,
    },
  };
}

let importBundle: string | undefined;

/**
 * The importer and the generation functions runFileImport calls, as one script defining
 * `globalThis.TierlensImport`. zod is set jitless: in the extension's pages and worker the CSP
 * forbids eval, so zod runs its interpreted path there; in code evaluated over CDP it would try
 * (and fail) to compile.
 */
async function importFilesBundle(): Promise<string> {
  if (importBundle) return importBundle;
  const root = resolve(import.meta.dirname, '..', '..');
  const out = await build({
    stdin: {
      contents: `import 'bench:jitless';
        export { importFiles } from './lib/sync/file/import';
        export { readTable } from './lib/sync/file/table';
        export { beginGeneration, byTable, writePage, switchGeneration } from './lib/sync/generation';
        export { TierlensDB } from './lib/db/db';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'TierlensImport',
    // First of all imports, so that zod's schemas are built jitless (they read the flag when built).
    plugins: [
      {
        name: 'jitless',
        setup(b) {
          b.onResolve({ filter: /^bench:jitless$/ }, () => ({ path: 'jitless', namespace: 'bench' }));
          b.onLoad({ filter: /.*/, namespace: 'bench' }, () => ({
            contents: `import { config } from 'zod'; config({ jitless: true });`,
            resolveDir: root,
            loader: 'ts',
          }));
        },
      },
    ],
    platform: 'browser',
    target: 'chrome120',
    tsconfig: resolve(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  importBundle = `${out.outputFiles[0]?.text ?? ''};globalThis.TierlensImport = TierlensImport; globalThis.__name ??= (fn) => fn;`;
  return importBundle;
}

export interface BrowserBreakdown {
  parseMs: number;
  /** importFiles with a no-op sink. */
  importMs: number;
  good: number;
  /** runFileImport's steps with the same functions, the sink timed: begin, writePage (all pages), switch, total. */
  write?: { beginMs: number; pages: number; writeMs: number; slowestPageMs: number; switchMs: number; totalMs: number };
  /**
   * The same records put through raw IndexedDB (no Dexie, no read before write: an account's
   * touchpoints of one page as one row) into a database of the same schema, the same pages:
   * what this machine's IndexedDB can take, the ceiling for writePage.
   */
  ceiling?: { writeMs: number; records: number };
  /** BENCH_IMPORT_VARIANTS=1: writePage time alone with other settings (same records, new database each). */
  variants?: { name: string; writeMs: number; pages: number }[];
}

/**
 * In an extension page's main thread, over the same files (as File objects): readTable alone,
 * importFiles with a no-op sink, and — when `write` — runFileImport's sequence rebuilt from the
 * same exported functions (beginGeneration, importFiles → writePage per batch, switchGeneration)
 * into a `tierlens-breakdown` database, so that the time in writePage is measured apart.
 */
async function browserBreakdown(page: Page, set: ImportFileSet, write: boolean): Promise<BrowserBreakdown> {
  await page.evaluate(await importFilesBundle());
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.id = 'bench-files';
    document.body.append(input);
  });
  await page.locator('#bench-files').setInputFiles(set.paths);
  return page.evaluate(
    async ({ now, write, variants }) => {
      // biome-ignore lint/suspicious/noExplicitAny: the bundle's global
      const I = (globalThis as any).TierlensImport;
      const files = [...((document.getElementById('bench-files') as HTMLInputElement).files ?? [])].map((f) => ({
        name: f.name,
        size: f.size,
        stream: () => f.stream(),
      }));
      let t = performance.now();
      for (const f of files) for await (const _ of I.readTable(f.name, f.stream()));
      const parseMs = performance.now() - t;
      t = performance.now();
      const r = await I.importFiles(files, { source: 'file', now, sink: async () => {} });
      const importMs = performance.now() - t;
      const good = r.counts.accounts + r.counts.contacts + r.counts.touchpoints;
      if (!write) return { parseMs, importMs, good };
      const main = new I.TierlensDB('tierlens-breakdown');
      const t0 = performance.now();
      const staged = await I.beginGeneration(main, 'file', { plan: {}, label: 'bench', now });
      const t1 = performance.now();
      let pages = 0;
      let writeMs = 0;
      let slowestPageMs = 0;
      await I.importFiles(files, {
        source: 'file',
        now,
        sink: async (records: unknown[]) => {
          const w = performance.now();
          await I.writePage(staged, records, String(++pages));
          const ms = performance.now() - w;
          writeMs += ms;
          slowestPageMs = Math.max(slowestPageMs, ms);
        },
      });
      const t2 = performance.now();
      await I.switchGeneration(main, staged, { now });
      const t3 = performance.now();
      const ceilingDb = new I.TierlensDB('tierlens-ceiling');
      const ceilingStaged = await I.beginGeneration(ceilingDb, 'file', { plan: {}, label: 'ceiling', now });
      await ceilingStaged.db.open();
      const idb: IDBDatabase = ceilingStaged.db.backendDB();
      let ceilingMs = 0;
      let ceilingRecords = 0;
      await I.importFiles(files, {
        source: 'file',
        now,
        sink: async (records: unknown[]) => {
          const rows = I.byTable(records, ceilingStaged.generation);
          const packed = new Map<string, unknown[]>();
          for (const { accountId, ...t } of rows.touchpoints)
            packed.set(accountId, [...(packed.get(accountId) ?? []), t]);
          const w = performance.now();
          const tx = idb.transaction(['accounts', 'contacts', 'accountTouchpoints'], 'readwrite');
          for (const a of rows.accounts) tx.objectStore('accounts').put(a);
          for (const c of rows.contacts) tx.objectStore('contacts').put(c);
          for (const [accountId, items] of packed) tx.objectStore('accountTouchpoints').put({ accountId, items });
          await new Promise((done, fail) => {
            tx.oncomplete = done;
            tx.onerror = () => fail(tx.error);
          });
          ceilingMs += performance.now() - w;
          ceilingRecords += rows.accounts.length + rows.contacts.length + packed.size;
        },
      });
      ceilingDb.close();
      ceilingStaged.db.close();
      await I.TierlensDB.delete('tierlens-ceiling');
      await I.TierlensDB.delete(`tierlens-ceiling~file~${ceilingStaged.generation}`);
      const tried: { name: string; writeMs: number; pages: number }[] = [];
      const settings: [string, 'default' | 'relaxed' | 'strict', number][] = [
        ['durability relaxed, 2,000 per page', 'relaxed', 1],
        ['durability default, 10,000 per page', 'default', 5],
        ['durability relaxed, 10,000 per page', 'relaxed', 5],
      ];
      for (const [name, durability, merge] of variants ? settings : []) {
        const db = new I.TierlensDB(`tierlens-variant-${tried.length}`, { durability });
        const st = await I.beginGeneration(db, 'file', { plan: {}, label: name, now });
        let ms = 0;
        let count = 0;
        let held: unknown[] = [];
        const put = async () => {
          const w = performance.now();
          await I.writePage(st, held, String(++count));
          ms += performance.now() - w;
          held = [];
        };
        await I.importFiles(files, {
          source: 'file',
          now,
          sink: async (records: unknown[]) => {
            held.push(...records);
            if (held.length >= 2_000 * merge) await put();
          },
        });
        if (held.length) await put();
        tried.push({ name, writeMs: ms, pages: count });
        db.close();
        await I.TierlensDB.delete(`tierlens-variant-${tried.length - 1}`);
        await I.TierlensDB.delete(`tierlens-variant-${tried.length - 1}~file~1`);
      }
      return {
        parseMs,
        importMs,
        good,
        write: { beginMs: t1 - t0, pages, writeMs, slowestPageMs, switchMs: t3 - t2, totalMs: t3 - t0 },
        ceiling: { writeMs: ceilingMs, records: ceilingRecords },
        ...(variants ? { variants: tried } : {}),
      };
    },
    { now: NOW, write, variants: write && process.env.BENCH_IMPORT_VARIANTS === '1' },
  );
}

export interface SizeFigures {
  set: ImportFileSet;
  generateMs: number;
  node: NodeFigures;
  browser?: BrowserImportFigures;
  breakdown?: BrowserBreakdown;
  lookup?: Awaited<ReturnType<typeof benchLookup>>;
  badge?: Awaited<ReturnType<typeof benchBadge>>;
  /** Whether the rescoring of the imported accounts was still running when `badge` ended. */
  badgeDuringRescoring?: boolean;
  /** Navigation → badge again once that rescoring is over, and how long after `badge` it ended. */
  settled?: { badge: Awaited<ReturnType<typeof benchBadge>>; waitedMs: number };
  /** Navigation → badge with the navigations back to back (a stress figure: nobody browses at 25 a second). */
  backToBack?: Awaited<ReturnType<typeof benchBadge>>;
}

/** One size: files, Node figures, then (when Chromium and a build are there) the browser import and lookups. */
async function benchSize(
  accounts: number,
  log: (s: string) => void,
  skip: (what: string, why: string) => void,
  withWrites: boolean,
): Promise<SizeFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'tierlens-import-'));
  const profile = mkdtempSync(join(tmpdir(), 'tierlens-import-profile-'));
  try {
    const g0 = performance.now();
    const set = await writeImportFiles(dir, accounts, NOW);
    const generateMs = performance.now() - g0;
    log(
      `    files: ${n(set.accounts)} accounts, ${n(set.contacts)} contacts, ${n(set.touchpoints)} touchpoints = ${n(rowsOf(set))} rows, ${(set.bytes / MB).toFixed(0)} MB of CSV, written in ${(generateMs / 1_000).toFixed(1)} s`,
    );
    const node = await nodeImportFigures(set);
    log(
      `    Node: parse ${(node.parseMs / 1_000).toFixed(1)} s; importFiles, no-op sink ${(node.importMs / 1_000).toFixed(1)} s (${n(Math.round(rowsOf(set) / (node.importMs / 1_000)))} rows/s), heap peak ${node.importPeakMb.toFixed(0)} MB; ${n(node.good)} good, ${n(node.bad)} bad`,
    );
    const figures: SizeFigures = { set, generateMs, node };
    const unavailable = navigationBenchUnavailable();
    if (unavailable) {
      skip(`(f) import of ${n(accounts)} accounts in Chromium`, unavailable);
      return figures;
    }
    // A copy of the build: a rebuild of .output during a long run would pull files from under the browser.
    const extension = join(dir, 'extension');
    cpSync(EXTENSION_DIR, extension, { recursive: true });
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: extensionArgs(extension),
    });
    try {
      await routeLinkedIn(context);
      const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const extensionId = new URL(sw.url()).host;
      const load = loadavg()[0] ?? 0;
      figures.browser = await importThroughUi(context, extensionId, set);
      const b = figures.browser;
      const starts = Object.entries(b.fileStarts)
        .map(([f, s]) => `${f} from ${s.toFixed(1)} s`)
        .join(', ');
      log(
        `    Chromium import (load average ${load.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores): ${b.seconds.toFixed(1)} s click → result (${starts}); heap peaks page + worker ${b.heap.sumPeak.toFixed(0)} MB (${b.heap.atPeak.second.toFixed(0)} s in, the worker's ArrayBuffers ${b.heap.atPeak.workerBuffers.toFixed(0)} MB of it; at most ${b.heap.workerBuffersPeak.toFixed(0)} MB), worker ${b.heap.workerPeak.toFixed(0)} MB, page ${b.heap.pagePeak.toFixed(0)} MB, background ${b.heap.backgroundPeak.toFixed(0)} MB over ${b.heap.samples} samples (worker in ${b.heap.workerSeen}); result: ${b.result}`,
      );
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      figures.lookup = await benchLookup(panel, accounts);
      log(
        `    lookup: ${figures.lookup.runs} random accounts after 200 warm-up, over ${figures.lookup.databases.join(' + ')}; ${figures.lookup.matched} matched; lookUpPage p50 ${percentile(figures.lookup.page, 50).toFixed(1)} ms, p95 ${percentile(figures.lookup.page, 95).toFixed(1)} ms`,
      );
      figures.badge = await benchBadge(context, extensionId, accounts);
      const waitedMs = await rescoringDone(panel, accounts, 15 * 60_000);
      figures.badgeDuringRescoring = waitedMs === undefined || waitedMs > 0;
      log(
        `    navigation → badge: ${figures.badge.runs} in-app navigations to imported accounts, 0.5 s apart; p50 ${percentile(figures.badge.badge, 50).toFixed(0)} ms, p95 ${percentile(figures.badge.badge, 95).toFixed(0)} ms (${figures.badgeDuringRescoring ? 'the import’s rescoring still running' : 'after the import’s rescoring'})`,
      );
      if (waitedMs === undefined)
        skip(
          `(f) navigation → badge after the rescoring of ${n(accounts)} accounts`,
          'the rescoring did not end within 15 min',
        );
      else if (waitedMs > 0) {
        figures.settled = { badge: await benchBadge(context, extensionId, accounts), waitedMs };
        const b = figures.settled.badge;
        log(
          `    navigation → badge once the rescoring was over (${(waitedMs / 1_000).toFixed(0)} s later): ${b.runs} navigations; p50 ${percentile(b.badge, 50).toFixed(0)} ms, p95 ${percentile(b.badge, 95).toFixed(0)} ms`,
        );
      }
      figures.backToBack = await benchBadge(context, extensionId, accounts, 60, 0);
      log(
        `    navigation → badge, navigations back to back: ${figures.backToBack.runs}; p50 ${percentile(figures.backToBack.badge, 50).toFixed(0)} ms, p95 ${percentile(figures.backToBack.badge, 95).toFixed(0)} ms`,
      );
      await panel.close();
      const breakdownPage = await context.newPage();
      await breakdownPage.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      const d = await browserBreakdown(breakdownPage, set, withWrites);
      figures.breakdown = d;
      await breakdownPage.close();
      const w = d.write;
      log(
        `    Chromium, page main thread: parse ${(d.parseMs / 1_000).toFixed(1)} s; importFiles, no-op sink ${(d.importMs / 1_000).toFixed(1)} s (${n(d.good)} good)` +
          (w
            ? `; runFileImport's steps: beginGeneration ${w.beginMs.toFixed(0)} ms, importFiles + ${w.pages} × writePage ${((w.totalMs - w.beginMs - w.switchMs) / 1_000).toFixed(1)} s of which writePage ${(w.writeMs / 1_000).toFixed(1)} s (slowest page ${w.slowestPageMs.toFixed(0)} ms), switchGeneration ${w.switchMs.toFixed(0)} ms`
            : ''),
      );
      if (d.ceiling) {
        log(
          `      raw IndexedDB, same records, schema and pages (no Dexie, no read before write): ${(d.ceiling.writeMs / 1_000).toFixed(1)} s, ${n(Math.round(rowsOf(set) / (d.ceiling.writeMs / 1_000)))} rows/s: the ceiling writePage works under on this machine`,
        );
      }
      for (const v of d.variants ?? []) {
        log(
          `      writePage variant, ${v.name}: ${(v.writeMs / 1_000).toFixed(1)} s over ${v.pages} pages (${n(Math.round(rowsOf(set) / (v.writeMs / 1_000)))} rows/s written)`,
        );
      }
    } finally {
      await context.close();
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/** DESIGN.md's navigation targets hold at 100,000 accounts; at other sizes the row recalls them. */
function targeted(f: SizeFigures, what: string, measured: number, target: number): Row {
  return {
    what,
    measured,
    unit: 'ms',
    ...(f.set.accounts === 100_000 ? { target } : { note: `≤ ${target} ms at 100k` }),
  };
}

/** A navigation → badge series' p50 and p95 rows, against DESIGN.md's 30 and 50 ms. */
function badgeRows(f: SizeFigures, what: string, badge: number[]): Row[] {
  return [
    targeted(f, `${what}: p50`, percentile(badge, 50), 30),
    targeted(f, `${what}: p95`, percentile(badge, 95), 50),
  ];
}

/** The rows of one size for the table. */
function sizeRows(f: SizeFigures): Row[] {
  const label = `import ${n(f.set.accounts)}`;
  const rows: Row[] = [];
  const total = rowsOf(f.set);
  rows.push({
    what: `${label}: Node importFiles, no-op sink`,
    measured: total / (f.node.importMs / 1_000),
    unit: 'rows/s',
    note: `${(f.node.importMs / 1_000).toFixed(1)} s; parse alone ${(f.node.parseMs / 1_000).toFixed(1)} s`,
  });
  const b = f.browser;
  if (!b) return rows;
  const ok =
    b.counts.accounts === f.set.accounts &&
    b.counts.contacts === f.set.contacts &&
    b.counts.touchpoints === f.set.touchpoints;
  const flag = ok ? '' : ' (INCOMPLETE: see the result line)';
  rows.push(
    {
      what: `${label}: total time, all rows${flag}`,
      measured: b.seconds,
      unit: 's',
      ...(f.set.accounts === 500_000 ? { target: 30 } : { note: `${n(total)} rows` }),
    },
    { what: `${label}: throughput, all rows`, measured: total / b.seconds, unit: 'rows/s', note: '≥ 25,000 rows/s' },
    // The table knows upper bounds only: ≥ 25,000 rows/s is ≤ 1 s per 25,000 rows.
    {
      what: `${label}: time per 25,000 rows (≥ 25k rows/s)`,
      measured: 25_000 / (total / b.seconds),
      unit: 's',
      target: 1,
    },
    {
      what: `${label}: throughput, accounts`,
      measured: f.set.accounts / b.seconds,
      unit: 'accounts/s',
      note: '500k in 30 s = 16,667/s',
    },
  );
  const accountsEnd = b.fileStarts['contacts.csv'];
  if (accountsEnd !== undefined) {
    rows.push({
      what: `${label}: accounts file alone (until contacts start)`,
      measured: accountsEnd,
      unit: 's',
      note: `${n(Math.round(f.set.accounts / accountsEnd))} accounts/s`,
    });
  }
  rows.push(
    { what: `${label}: peak JS heap, page + worker`, measured: b.heap.sumPeak, unit: 'MB', target: 150 },
    {
      what: `${label}: peak JS heap, import worker`,
      measured: b.heap.workerPeak,
      unit: 'MB',
      note: `page alone ${b.heap.pagePeak.toFixed(0)} MB`,
    },
    {
      what: `${label}: import worker's ArrayBuffers (the index) at the peak`,
      measured: b.heap.atPeak.workerBuffers,
      unit: 'MB',
      note: `at most ${b.heap.workerBuffersPeak.toFixed(0)} MB; peak ${b.heap.atPeak.second.toFixed(0)} s in`,
    },
  );
  if (b.heap.workerLivePeak) {
    rows.push({
      what: `${label}: import worker's heap after a collection, largest`,
      measured: b.heap.workerLivePeak.mb,
      unit: 'MB',
      note: `what it holds; ${b.heap.workerLivePeak.collections} collections, ~5 s apart`,
    });
  }
  if (f.breakdown) {
    const d = f.breakdown;
    rows.push({
      what: `${label}: Chromium importFiles, no-op sink`,
      measured: total / (d.importMs / 1_000),
      unit: 'rows/s',
      note: `${(d.importMs / 1_000).toFixed(1)} s; parse alone ${(d.parseMs / 1_000).toFixed(1)} s`,
    });
    if (d.write) {
      rows.push({
        what: `${label}: Chromium writePage, all pages`,
        measured: d.write.writeMs / 1_000,
        unit: 's',
        note: `${d.write.pages} pages, ${n(Math.round(total / (d.write.writeMs / 1_000)))} rows/s written`,
      });
    }
    if (d.ceiling) {
      rows.push({
        what: `${label}: raw IndexedDB, same records and schema (the ceiling)`,
        measured: d.ceiling.writeMs / 1_000,
        unit: 's',
        note: `${n(Math.round(total / (d.ceiling.writeMs / 1_000)))} rows/s; ${n(d.ceiling.records)} records put`,
      });
    }
  }
  if (f.lookup) rows.push(...lookupRows(label, f.lookup, f.set.accounts));
  if (f.badge) {
    // During the import's rescoring the badge shares the worker and the database with it: its own line.
    const during = f.badgeDuringRescoring ? ', the import’s rescoring running' : '';
    rows.push(
      targeted(f, `${label}: navigation → panel state${during}: p95`, percentile(f.badge.state, 95), 50),
      ...badgeRows(f, `${label}: navigation → badge${during}`, f.badge.badge),
    );
  }
  if (f.settled)
    rows.push(...badgeRows(f, `${label}: navigation → badge once the rescoring is over`, f.settled.badge.badge));
  if (f.backToBack) {
    const b = f.backToBack.badge;
    rows.push(
      {
        what: `${label}: navigation → badge, navigations back to back: p50`,
        measured: percentile(b, 50),
        unit: 'ms',
        note: 'stress figure, no target',
      },
      {
        what: `${label}: navigation → badge, navigations back to back: p95`,
        measured: percentile(b, 95),
        unit: 'ms',
        note: 'each lands on the last one’s work',
      },
    );
  }
  return rows;
}

/** (f) The import section of `npm run bench`. */
export async function benchImport(log: (s: string) => void, skip: (what: string, why: string) => void): Promise<Row[]> {
  const sizes = importSizes();
  if (sizes.length === 0) {
    log('(f) import: skipped (BENCH_IMPORT_SIZES)');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'tierlens-import-fake-'));
  try {
    const fake = await fakeIndexedDbFigures(dir);
    log(
      `(f) import sanity, Node + fake-indexeddb: ${n(fake.rows)} rows, importFiles alone ${fake.importMs.toFixed(0)} ms, runFileImport (with writePage) ${fake.runMs.toFixed(0)} ms: writes are ${((1 - fake.importMs / fake.runMs) * 100).toFixed(0)}% there (fake-indexeddb, not Chromium's)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rows: Row[] = [];
  // The write breakdown imports the files a second time: by default at the smallest size only.
  const breakdownSizes = (process.env.BENCH_IMPORT_BREAKDOWN ?? String(Math.min(...sizes))).split(',').map(Number);
  for (const size of sizes) {
    log(`(f) import of ${n(size)} accounts through the options page`);
    rows.push(...sizeRows(await benchSize(size, log, skip, breakdownSizes.includes(size))));
  }
  log(
    '    What the import figures are: total time runs from the click on Import to the result on the page (page clock), ' +
      'all three files, and rows/s counts every row (accounts + contacts + touchpoints); accounts/s divides the same time ' +
      'by the accounts alone, and "accounts file alone" is when the first progress on contacts.csv arrives. Heap is ' +
      'Runtime.getHeapUsage usedSize + backingStorageSize (V8 heap in use, garbage not yet collected included, plus the ' +
      'contents of ArrayBuffers, where the import keeps its index) of the options page and of the ' +
      'import worker, sampled together every ~100 ms; the peak of their sum is the figure against 150 MB. Lookups are the ' +
      "background's lookUpPage over the main database and the file generation (LinkedIn-page keys li: and name:), timed " +
      'with performance.now (0.1 ms steps) in an extension page; navigation → badge is navigation.ts’s method on imported accounts, each navigation 0.5 s after the last one’s badge (back to back, a stress figure, they wait on the last one’s work).',
  );
  return rows;
}
