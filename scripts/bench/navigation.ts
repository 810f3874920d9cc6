/**
 * Navigation → badge and side panel updated, in Chromium with the built extension and 100,000
 * accounts as a file import leaves them (a generation database `tierlens~file~1`, pointed at by
 * the main database's syncState row): the time from LinkedIn's in-app navigation (pushState)
 * and from a page load to the tab's new state landing in storage.session (what the side panel
 * listens to) and to the new badge, measured on the browser's one clock.
 *
 * In the same run, the same measurements of a minimal extension (minimal-extension.ts: one
 * indexed read, then the badge) in a second instance of the same Chromium, launched the same way
 * with the same accounts; the navigations alternate between the two, so that the machine's load
 * weighs on both alike. The ratio of the two is DESIGN.md's "≤ 2× a minimal extension".
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { CHROMIUM, EXTENSION_DIR, extensionArgs } from '../chromium';
import {
  type BadgeTiming,
  inAppNavigation,
  landedAt,
  type ProbedTab,
  pageLoad,
  recordLandedStates,
} from './badge-probe';
import { MINIMAL_PROBE, seedMinimalExpression, writeMinimalExtension } from './minimal-extension';
import { BENCH_ACCOUNT, seedFileGenerationExpression } from './seed';

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
 * Chromium with an unpacked extension (by default Tierlens's build) on a fresh profile,
 * LinkedIn's company pages served as `companyPage` and every other request aborted; `close`
 * removes the profile.
 */
export async function launchBenchBrowser(extension = EXTENSION_DIR): Promise<{
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'tierlens-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: extensionArgs(extension),
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

/** Opens the LinkedIn tab on the first company and finds its id from the probe page. */
export async function openLinkedIn(context: BrowserContext, probe: Page): Promise<ProbedTab> {
  const linkedin = await context.newPage();
  await linkedin.goto('https://www.linkedin.com/company/bench-co-0/');
  const tabId = await probe.evaluate(
    async () => (await chrome.tabs.query({ url: 'https://www.linkedin.com/*' }))[0]?.id as number,
  );
  return { linkedin, probe, tabId };
}

/** Tierlens with the accounts in a file generation; its side panel page records when tab states land. */
async function startTierlens(accounts: number, extension: string) {
  const browser = await launchBenchBrowser(extension);
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  // The panel's first query has Dexie create the schema; then the accounts go in directly.
  await panel.getByRole('heading', { name: 'No accounts yet' }).waitFor();
  await panel.evaluate(seedFileGenerationExpression(accounts));
  const tab = await openLinkedIn(browser.context, panel);
  await recordLandedStates(panel, tab.tabId);
  /** When the tab's state for `url` landed in storage.session (NaN: not within 2 s). */
  const landed = (url: string): Promise<number> => landedAt(panel, url);
  /** Forgets when `url`'s state last landed, before a navigation to it. */
  const expect = (url: string) =>
    panel.evaluate((url) => {
      delete (window as unknown as { landed: Record<string, number> }).landed[url];
    }, url);
  return { tab, landed, expect, close: browser.close };
}

/** The minimal extension, written to a temporary directory, with the same accounts. */
async function startMinimal(accounts: number) {
  const extension = writeMinimalExtension();
  const browser = await launchBenchBrowser(extension.dir);
  const probe = await browser.context.newPage();
  await probe.goto(`chrome-extension://${browser.extensionId}/${MINIMAL_PROBE}`);
  await probe.evaluate(seedMinimalExpression(accounts, BENCH_ACCOUNT));
  const tab = await openLinkedIn(browser.context, probe);
  return {
    tab,
    async close() {
      await browser.close();
      extension.remove();
    },
  };
}

/** Badge latencies (ms) of one extension: in-app navigations and page loads. */
export interface BadgeLatencies {
  inApp: number[];
  load: number[];
}

export interface NavigationFigures {
  accounts: number;
  runs: number;
  loads: number;
  /** Tierlens: navigation → tab state in storage.session, in-app and page load. */
  state: BadgeLatencies;
  /** Tierlens: navigation → badge. */
  badge: BadgeLatencies;
  /** The minimal extension: navigation → badge. */
  minimal: BadgeLatencies;
  /** The 1-minute load average before and after. */
  load: [number, number];
}

const since = (t: BadgeTiming) => t.badge - t.start;

/**
 * `runs` in-app navigations and `loads` page loads between companies in each extension, after
 * `warmup` untimed ones, alternating between the two (which goes first alternates too); workers warm.
 * `extension`: the Tierlens build to measure (default .output/chrome-mv3).
 */
export async function benchNavigation(
  accounts: number,
  runs: number,
  loads: number,
  options: { warmup?: number; extension?: string } = {},
): Promise<NavigationFigures> {
  const { warmup = 10, extension = EXTENSION_DIR } = options;
  const before = loadavg()[0] ?? Number.NaN;
  const started = await Promise.allSettled([startTierlens(accounts, extension), startMinimal(accounts)]);
  const [t, m] = started;
  if (t.status === 'rejected' || m.status === 'rejected') {
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.close() : undefined)));
    throw t.status === 'rejected' ? t.reason : (m as PromiseRejectedResult).reason;
  }
  const [tierlens, minimal] = [t.value, m.value];
  try {
    const figures: NavigationFigures = {
      accounts,
      runs,
      loads,
      state: { inApp: [], load: [] },
      badge: { inApp: [], load: [] },
      minimal: { inApp: [], load: [] },
      load: [before, Number.NaN],
    };
    const measure = async (kind: 'inApp' | 'load', n: number, stride: number) => {
      for (let run = -warmup; run < n; run++) {
        const i = 1 + (((run + warmup) * stride) % (accounts - 1));
        const path = `/company/bench-co-${i}/`;
        const url = `https://www.linkedin.com${path}`;
        const name = `Bench Company ${i} `;
        const go = (tab: ProbedTab) => (kind === 'inApp' ? inAppNavigation(tab, path, name) : pageLoad(tab, url, name));
        const sides = [
          async () => {
            await tierlens.expect(url);
            const t = await go(tierlens.tab);
            const landed = await tierlens.landed(url);
            if (run < 0) return;
            figures.badge[kind].push(since(t));
            figures.state[kind].push(landed - t.start);
          },
          async () => {
            const t = await go(minimal.tab);
            if (run >= 0) figures.minimal[kind].push(since(t));
          },
        ];
        if (run % 2) sides.reverse();
        for (const side of sides) await side();
      }
    };
    await measure('inApp', runs, 7919);
    await measure('load', loads, 4241);
    figures.load[1] = loadavg()[0] ?? Number.NaN;
    return figures;
  } finally {
    await Promise.all([tierlens.close(), minimal.close()]);
  }
}
