/**
 * The options page's Sources section as the sync tests drive it (the team feed and HubSpot),
 * a browser that lives for a whole spec file (one context, shared by its serial steps), and
 * readers of the extension's IndexedDB that go past the page's own code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, expect, type Locator, type Page } from '@playwright/test';
import { chromiumPath, extensionArgs } from '../../../scripts/chromium';
import { extensionWithAllSites, tabIdOf } from './fixtures';
import { SidePanel } from './side-panel';

/** A browser with the all-sites build, for one spec file's serial steps. */
export interface SyncBrowser {
  context: BrowserContext;
  extensionId: string;
  /**
   * Closes the browser as a user quits it and starts it again on the same profile: what the
   * extension keeps (IndexedDB, storage) is there again; `context` is the new browser's.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function launchSyncBrowser(): Promise<SyncBrowser> {
  const extension = extensionWithAllSites();
  const profile = mkdtempSync(join(tmpdir(), 'tierlens-sync-e2e-'));
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      viewport: { width: 1100, height: 900 },
      args: extensionArgs(extension),
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return { context, extensionId: new URL(worker.url()).host };
  };
  const first = await launch();
  const browser: SyncBrowser = {
    ...first,
    async restart() {
      await browser.context.close();
      const next = await launch();
      browser.context = next.context;
      browser.extensionId = next.extensionId;
    },
    async close() {
      await browser.context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(extension, { recursive: true, force: true });
    },
  };
  return browser;
}

/** The side panel, opened in a tab for the tab showing `tabUrl` (as the fixture's `sidePanel`). */
export async function openPanel(
  context: BrowserContext,
  extensionId: string,
  tabUrl: string,
  options: { at?: number } = {},
): Promise<SidePanel> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 900 });
  // The panel's own clock, started at `at` (and running from there): the panel as opened later.
  if (options.at !== undefined) await page.clock.install({ time: options.at });
  const panelUrl = `chrome-extension://${extensionId}/sidepanel.html`;
  await page.goto(panelUrl);
  const tabId = await tabIdOf(page, tabUrl);
  await page.goto(`${panelUrl}?tab=${tabId}`);
  return new SidePanel(page, tabId);
}

/** One source's block of the Sources section: its form, its buttons and its status. */
export class SourceBlock {
  constructor(readonly region: Locator) {}

  get status(): Locator {
    return this.region.locator('.source-status');
  }

  /** The source's last error (the status's alert), or a connect error. */
  get error(): Locator {
    return this.region.getByRole('alert');
  }

  get connectButton(): Locator {
    return this.region.getByRole('button', { name: /^Connect/ });
  }

  get syncNowButton(): Locator {
    return this.region.getByRole('button', { name: /^(Sync now|Syncing…)$/ });
  }

  get disconnectButton(): Locator {
    return this.region.getByRole('button', { name: 'Disconnect' });
  }

  /** Waits until no run is in progress: no "Syncing…" button and no staging line. */
  async settled(timeout = 20_000): Promise<void> {
    await expect(this.region.getByRole('button', { name: 'Syncing…' })).toHaveCount(0, { timeout });
    await expect(this.region.locator('.source-running')).toHaveCount(0, { timeout });
  }

  /** Clicks "Sync now" and waits until the run ended (the button says "Sync now" again). */
  async syncNow(timeout = 20_000): Promise<void> {
    // A background tab gets few animation frames, and a click waits for some: bring it forward.
    await this.region.page().bringToFront();
    await this.region.getByRole('button', { name: 'Sync now' }).click();
    await expect(this.region.getByRole('button', { name: 'Sync now' })).toBeEnabled({ timeout });
    await this.settled(timeout);
  }
}

/** The options page's Sources section. */
export class SyncPage {
  constructor(readonly page: Page) {
    // Disconnect and "Clear all data" confirm first.
    page.on('dialog', (d) => void d.accept());
  }

  static async open(context: BrowserContext, extensionId: string): Promise<SyncPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html#sources`);
    const sync = new SyncPage(page);
    await expect(sync.feed.region).toBeVisible();
    return sync;
  }

  get section(): Locator {
    return this.page.locator('#sources');
  }

  get feed(): SourceBlock {
    return new SourceBlock(this.page.getByRole('region', { name: 'Team feed', exact: true }));
  }

  get hubspot(): SourceBlock {
    return new SourceBlock(this.page.getByRole('region', { name: 'HubSpot', exact: true }));
  }

  /** Connects the team feed at `url` through "Team feed address" and "Connect". */
  async connectFeed(url: string): Promise<void> {
    await this.page.bringToFront();
    await this.feed.region.getByLabel('Team feed address').fill(url);
    await this.feed.connectButton.click();
    await expect(this.feed.region.getByRole('button', { name: 'Sync now' })).toBeVisible();
  }

  /** Connects HubSpot with a token and an API address (under "Advanced"). */
  async connectHubSpot(token: string, api: string): Promise<void> {
    await this.page.bringToFront();
    const region = this.hubspot.region;
    await region.getByLabel('HubSpot private app token').fill(token);
    const advanced = region.locator('details.advanced');
    if (!(await advanced.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await region.getByText('Advanced', { exact: true }).click();
    }
    await region.getByLabel('HubSpot API address').fill(api);
    await this.hubspot.connectButton.click();
    await expect(this.hubspot.connectButton).toHaveText('Connect', { timeout: 10_000 });
  }

  /** The source's sync state as stored (`tierlens`.syncState), read past the page's code. */
  syncState(source: 'feed' | 'hubspot'): Promise<Record<string, unknown> | undefined> {
    return this.page.evaluate(readSyncState, source);
  }

  /** The ids and names of the accounts the source's visible generation holds. */
  visibleAccounts(source: 'feed' | 'hubspot'): Promise<VisibleGeneration> {
    return this.page.evaluate(readVisibleGeneration, source);
  }
}

/** What a source's visible generation holds, read from IndexedDB. */
export interface VisibleGeneration {
  generation: number;
  staging?: number;
  label?: string;
  /** [id, name], by id. */
  accounts: [string, string][];
  contacts: number;
}

function readSyncState(source: string): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('tierlens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('syncState').objectStore('syncState').get(source);
      get.onsuccess = () => {
        db.close();
        resolve(get.result);
      };
      get.onerror = () => reject(get.error);
    };
  });
}

/**
 * Reads what lookups see for `source`: the main database's sync state names the visible
 * generation, whose own database holds its accounts. Works in any extension page (and, as a
 * string, over CDP: see `VISIBLE_GENERATION_SCRIPT`).
 */
export async function readVisibleGeneration(source: string): Promise<VisibleGeneration> {
  const openDb = (name: string) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
  const all = <T>(db: IDBDatabase, store: string) =>
    new Promise<T[]>((resolve, reject) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => resolve(r.result as T[]);
      r.onerror = () => reject(r.error);
    });
  // One read transaction over the main database: the switch is one transaction there too.
  const main = await openDb('tierlens');
  const state = (
    await all<{ source: string; generation: number; label?: string; staging?: { generation: number } }>(
      main,
      'syncState',
    )
  ).find((s) => s.source === source);
  main.close();
  const generation = state?.generation ?? 0;
  if (generation <= 0) return { generation: 0, staging: state?.staging?.generation, accounts: [], contacts: 0 };
  const existing = (await indexedDB.databases()).some((d) => d.name === `tierlens~${source}~${generation}`);
  if (!existing) throw new Error(`the visible generation tierlens~${source}~${generation} has no database`);
  const db = await openDb(`tierlens~${source}~${generation}`);
  const accounts = (await all<{ id: string; name: string }>(db, 'accounts')).map((a): [string, string] => [
    a.id,
    a.name,
  ]);
  const contacts = (await all<unknown>(db, 'contacts')).length;
  db.close();
  accounts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { generation, staging: state?.staging?.generation, label: state?.label, accounts, contacts };
}

/** `readVisibleGeneration` as an expression for a CDP session: `${VISIBLE_GENERATION_SCRIPT}('feed')`. */
export const VISIBLE_GENERATION_SCRIPT = `(${readVisibleGeneration.toString()})`;

/** A reference map as the readers list it: [id, name] by id. */
export function sortedEntries(accounts: Map<string, string>): [string, string][] {
  return [...accounts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
