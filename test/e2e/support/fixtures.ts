import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';
import { SidePanel } from './side-panel';

const EXTENSION = resolve(import.meta.dirname, '..', '..', '..', '.output', 'chrome-mv3');

/** The system Chromium (Debian's), or the one named by CHROMIUM_PATH. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(`Chromium not found at ${path}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  return path;
}

interface Fixtures {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  sidePanel: (tabUrl: string) => Promise<SidePanel>;
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring pattern
  context: async ({}, use) => {
    if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('Build the extension first: npm run build');
    const profile = mkdtempSync(join(tmpdir(), 'tierlens-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      viewport: { width: 1100, height: 800 },
      args: [
        `--disable-extensions-except=${EXTENSION}`,
        `--load-extension=${EXTENSION}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  worker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  sidePanel: async ({ context, extensionId }, use) => {
    await use(async (tabUrl: string) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 900 });
      const panelUrl = `chrome-extension://${extensionId}/sidepanel.html`;
      await page.goto(panelUrl);
      const tabId = await tabIdOf(page, tabUrl);
      await page.goto(`${panelUrl}?tab=${tabId}`);
      return new SidePanel(page, tabId);
    });
  },
});

/** The id of the tab showing `url`, asked from an extension page (which may read LinkedIn tabs' URLs). */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

export { expect } from '@playwright/test';
