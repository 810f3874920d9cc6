/**
 * Navigation → badge and side panel updated, in Chromium with the built extension and 100,000
 * accounts in its IndexedDB: the time from LinkedIn's in-app navigation (pushState) to the
 * tab's new state landing in storage.session (what the side panel listens to) and to the new
 * badge, measured on the browser's one clock (performance.timeOrigin + performance.now()).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { CHROMIUM, EXTENSION_DIR, extensionArgs } from '../chromium';

/** Why the browser part cannot run here, or undefined when it can. */
export function navigationBenchUnavailable(): string | undefined {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) return 'no build in .output/chrome-mv3 (npm run build)';
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`;
  return undefined;
}

/** A minimal LinkedIn company page: the URL carries the company. */
export const companyPage = (slug: string) =>
  `<!doctype html><html><head><title>${slug} | LinkedIn</title></head><body><main><h1 class="org-top-card-summary__title">${slug}</h1></main></body></html>`;

/**
 * An expression that, evaluated in an extension page, writes accounts `from`…`to` straight into
 * the extension's IndexedDB (in chunks of 10,000 per transaction) and resolves when they are in.
 */
export function seedAccountsExpression(from: number, to: number): string {
  return `(async () => {
    const db = await new Promise((done, fail) => { const o = indexedDB.open('tierlens'); o.onsuccess = () => done(o.result); o.onerror = () => fail(o.error); });
    for (let start = ${from}; start < ${to}; start += 10000) {
      await new Promise((done, fail) => {
        const tx = db.transaction('accounts', 'readwrite');
        const store = tx.objectStore('accounts');
        for (let i = start; i < Math.min(${to}, start + 10000); i++) {
          store.put({
            id: 'bench:' + i, name: 'Bench Company ' + i,
            keys: ['li:bench-co-' + i, 'li#' + (900000 + i), 'dom:bench-co-' + i + '.com', 'name:bench company ' + i],
            domains: ['bench-co-' + i + '.com'], linkedinSlugs: ['bench-co-' + i], linkedinIds: [String(900000 + i)],
            industry: i % 3 ? 'Software' : 'Retail', employees: 50 + (i % 5000), revenue: 1e6 * (1 + (i % 900)),
            country: i % 4 ? 'US' : 'BR', technologies: i % 5 ? ['HubSpot'] : [],
            assignedTier: i % 10 === 0 ? 1 + (i % 3) : undefined, isTarget: i % 10 === 0,
            updatedAt: 0, source: 'file', generation: 1,
          });
        }
        tx.oncomplete = done; tx.onerror = () => fail(tx.error);
      });
    }
    db.close();
  })()`;
}

export interface NavigationFigures {
  accounts: number;
  runs: number;
  state: number[];
  badge: number[];
}

/** Runs `runs` in-app navigations between companies and times each; the worker stays warm. */
/**
 * Chromium with the built extension on a fresh profile, LinkedIn's company pages served as
 * `companyPage` and every other request aborted; `close` removes the profile.
 */
export async function launchBenchBrowser(): Promise<{
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'tierlens-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: extensionArgs(),
  });
  await context.route(/^https?:\/\//, (route) => {
    const url = new URL(route.request().url());
    const slug = url.pathname.split('/')[2];
    if (url.hostname !== 'www.linkedin.com' || !slug) return route.abort();
    return route.fulfill({ status: 200, contentType: 'text/html', body: companyPage(slug) });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    extensionId: new URL(worker.url()).host,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function benchNavigation(accounts: number, runs: number): Promise<NavigationFigures> {
  const { context, extensionId, close } = await launchBenchBrowser();
  try {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    // The panel's first query has Dexie create the schema; then the accounts go in directly.
    await panel.getByRole('heading', { name: 'No accounts yet' }).waitFor();
    await panel.evaluate(seedAccountsExpression(0, accounts));

    const linkedin = await context.newPage();
    await linkedin.goto('https://www.linkedin.com/company/bench-co-0/');
    const tabId = await panel.evaluate(
      async () => (await chrome.tabs.query({ url: 'https://www.linkedin.com/*' }))[0]?.id as number,
    );
    // The panel's page records when each new tab state lands, on the browser's clock.
    await panel.evaluate((id) => {
      const w = window as unknown as { landed: Record<string, number> };
      w.landed = {};
      chrome.storage.onChanged.addListener((changes, area) => {
        const state = changes[`tab:${id}`]?.newValue as { url?: string } | undefined;
        if (area === 'session' && state?.url) w.landed[state.url] = performance.timeOrigin + performance.now();
      });
    }, tabId);

    const state: number[] = [];
    const badge: number[] = [];
    for (let run = 0; run < runs; run++) {
      const i = 1 + ((run * 7919) % (accounts - 1));
      const path = `/company/bench-co-${i}/`;
      const url = `https://www.linkedin.com${path}`;
      const start = await linkedin.evaluate((p) => {
        const t = performance.timeOrigin + performance.now();
        history.pushState({}, '', p);
        return t;
      }, path);
      const times = await panel.evaluate(
        async ({ url, id, name }) => {
          const w = window as unknown as { landed: Record<string, number> };
          for (let k = 0; k < 2_000 && w.landed[url] === undefined; k++) await new Promise((r) => setTimeout(r, 1));
          let badgeAt = Number.NaN;
          for (let k = 0; k < 2_000; k++) {
            if ((await chrome.action.getTitle({ tabId: id })).includes(name)) {
              badgeAt = performance.timeOrigin + performance.now();
              break;
            }
            await new Promise((r) => setTimeout(r, 1));
          }
          return { stateAt: w.landed[url] ?? Number.NaN, badgeAt };
        },
        { url, id: tabId, name: `Bench Company ${i} ` },
      );
      state.push(times.stateAt - start);
      badge.push(times.badgeAt - start);
    }
    return { accounts, runs, state, badge };
  } finally {
    await close();
  }
}
