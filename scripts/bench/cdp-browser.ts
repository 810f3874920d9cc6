/**
 * Chromium with the built extension, driven over raw CDP (see cdp.ts), for what Playwright
 * cannot do: let the extension's service worker stop, as the browser stops an idle one.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, extensionArgs } from '../chromium';
import { Cdp } from './cdp';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface CdpBrowser {
  cdp: Cdp;
  extensionId: string;
  /** Whether the extension's service worker is running now. */
  workerRunning(): boolean;
  /** Opens an extension page (e.g. `sidepanel.html`) and returns its session. */
  openExtensionPage(path: string): Promise<string>;
  /** Opens a tab whose requests `serve` answers (HTML for a URL, or undefined to block it). */
  openServedTab(serve: (url: URL) => string | undefined): Promise<string>;
  /** Stops the service worker, as the browser does after 30 s idle, and waits until it is gone. */
  stopWorker(fromSession: string): Promise<void>;
  close(): Promise<void>;
}

export interface CdpBrowserOptions {
  /** The unpacked extension to load (default: the build in .output/chrome-mv3), e.g. a copy granting a host. */
  extension?: string;
}

/** Launches headless Chromium with the extension loaded and a CDP connection to the browser. */
export async function launchCdpBrowser(options: CdpBrowserOptions = {}): Promise<CdpBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'tierlens-cdp-'));
  const browser = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      ...extensionArgs(options.extension),
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const portFile = join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 200 && !existsSync(portFile); i++) await sleep(50);
  const [port, path] = readFileSync(portFile, 'utf8').split('\n');
  const cdp = await Cdp.connect(`ws://127.0.0.1:${port}${path}`);

  let extensionId: string | undefined;
  let worker: string | undefined;
  cdp.on('Target.targetCreated', (p) => {
    const info = p.targetInfo as { type: string; url: string; targetId: string };
    if (info.type === 'service_worker' && info.url.startsWith('chrome-extension://')) {
      extensionId = new URL(info.url).host;
      worker = info.targetId;
    }
  });
  cdp.on('Target.targetDestroyed', (p) => {
    if (p.targetId === worker) worker = undefined;
  });
  // Handlers first: the events for existing targets arrive before this call's answer.
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  for (let i = 0; i < 200 && !extensionId; i++) await sleep(50);
  if (!extensionId) throw new Error('the extension did not start');
  const id = extensionId;

  return {
    cdp,
    extensionId: id,
    workerRunning: () => worker !== undefined,
    openExtensionPage: (page) => cdp.openPage(`chrome-extension://${id}/${page}`),
    async openServedTab(serve) {
      const session = await cdp.openPage('about:blank');
      await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, session);
      cdp.on('Fetch.requestPaused', (p, s) => {
        if (s !== session) return;
        const { requestId, request } = p as { requestId: string; request: { url: string } };
        const html = serve(new URL(request.url));
        if (html === undefined) {
          void cdp.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }, s);
          return;
        }
        const headers = [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }];
        const body = Buffer.from(html).toString('base64');
        void cdp.send('Fetch.fulfillRequest', { requestId, responseCode: 200, responseHeaders: headers, body }, s);
      });
      return session;
    },
    async stopWorker(fromSession) {
      await cdp.send('ServiceWorker.enable', {}, fromSession);
      await cdp.send('ServiceWorker.stopAllWorkers', {}, fromSession);
      for (let i = 0; i < 100 && worker; i++) await sleep(20);
      if (worker) throw new Error('the service worker did not stop');
    },
    async close() {
      cdp.close();
      browser.kill();
      await sleep(300);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Evaluates `expression` in a page session as if the user had just clicked (CDP `userGesture`):
 * what a click handler that may ask for a permission needs.
 */
export async function evaluateWithGesture<T>(cdp: Cdp, sessionId: string, expression: string): Promise<T> {
  const r = await cdp.send<{
    result: { value: T };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, userGesture: true }, sessionId);
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
  return r.result.value;
}
