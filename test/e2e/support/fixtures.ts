import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';
import { chromiumPath, EXTENSION_DIR, extensionArgs } from '../../../scripts/chromium';
import { SidePanel } from './side-panel';

const EXTENSION = EXTENSION_DIR;

/**
 * The built extension with the all-sites permission already granted: Chromium's permission
 * prompt cannot be answered from a test, so the copy lists the optional host as granted —
 * exactly the state a user who clicked "Allow" is in.
 */
export function extensionWithAllSites(): string {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('Build the extension first: npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'tierlens-all-sites-'));
  cpSync(EXTENSION, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...manifest.optional_host_permissions];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

interface Options {
  /** Start as a user who granted the optional all-sites permission. */
  allSites: boolean;
  /** Keep Chromium's back/forward cache on (Playwright turns it off by default). */
  bfcache: boolean;
}

interface Fixtures {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  sidePanel: (tabUrl: string) => Promise<SidePanel>;
}

export const test = base.extend<Fixtures & Options>({
  allSites: [false, { option: true }],
  bfcache: [false, { option: true }],
  context: async ({ allSites, bfcache }, use) => {
    if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('Build the extension first: npm run build');
    const extension = allSites ? extensionWithAllSites() : EXTENSION;
    const profile = mkdtempSync(join(tmpdir(), 'tierlens-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      viewport: { width: 1100, height: 800 },
      args: extensionArgs(extension),
      ignoreDefaultArgs: bfcache ? ['--disable-back-forward-cache'] : undefined,
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    if (extension !== EXTENSION) rmSync(extension, { recursive: true, force: true });
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

/**
 * The id of the tab showing `url`, asked from an extension page. The extension may read the
 * URLs of LinkedIn tabs (and of every tab once all sites are allowed); a tab it may not read
 * is the newest of the unreadable ones (tab ids only grow).
 */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    const unreadable = tabs.filter((t) => t.url === undefined).map((t) => t.id ?? -1);
    return tabs.find((t) => t.url === u)?.id ?? (unreadable.length ? Math.max(...unreadable) : undefined);
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

export { expect } from '@playwright/test';
