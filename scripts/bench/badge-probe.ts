/**
 * How the navigation benchmark sees a badge change, the same way for Tierlens and for the minimal
 * extension: an extension page of the extension under test (its "probe") asks for the tab's
 * action title back to back (`chrome.action.getTitle`, one round trip to the browser each, no
 * timer between them: timers are clamped to 4 ms) from before the navigation starts until the
 * title names the new account, and notes when, on the browser's one clock
 * (performance.timeOrigin + performance.now()). The navigation's start is noted in the LinkedIn
 * tab on the same clock.
 *
 * The page functions are strings: tsx would wrap named helpers in its own `__name`.
 */
import type { Page } from '@playwright/test';

/** One extension's LinkedIn tab and the extension page that watches its badge. */
export interface ProbedTab {
  /** The LinkedIn tab. */
  linkedin: Page;
  /** An extension page of the extension under test. */
  probe: Page;
  tabId: number;
}

/** Starts watching the tab's badge title for `name`; resolves once the first look is done. */
async function arm(tab: ProbedTab, name: string): Promise<void> {
  await tab.probe.evaluate(`(async () => {
    const watch = { name: ${JSON.stringify(name)}, at: undefined, done: false };
    window.badgeWatch = watch;
    const look = async () => {
      if ((await chrome.action.getTitle({ tabId: ${tab.tabId} })).includes(watch.name)) {
        watch.at = performance.timeOrigin + performance.now();
        watch.done = true;
      }
    };
    await look();
    const until = performance.now() + 5000;
    (async () => { while (!watch.done && performance.now() < until) await look(); watch.done = true; })();
  })()`);
}

/** When the watched title first named the account (NaN: not within 5 s). */
function seen(tab: ProbedTab): Promise<number> {
  return tab.probe.evaluate(`(async () => {
    const watch = window.badgeWatch;
    while (!watch.done) await new Promise((r) => setTimeout(r, 2));
    return watch.at ?? NaN;
  })()`);
}

/** A navigation's start and when the badge named its account, in ms on the browser's clock. */
export interface BadgeTiming {
  start: number;
  badge: number;
}

/** LinkedIn's in-app navigation (`history.pushState`) to `path`; the badge must come to name `name`. */
export async function inAppNavigation(tab: ProbedTab, path: string, name: string): Promise<BadgeTiming> {
  await arm(tab, name);
  const start = await tab.linkedin.evaluate(`(() => {
    const t = performance.timeOrigin + performance.now();
    history.pushState({}, '', ${JSON.stringify(path)});
    return t;
  })()`);
  return { start: start as number, badge: await seen(tab) };
}

/**
 * A page load of `url` in the tab. It starts when the page's response is in (its navigation
 * timing's `responseEnd`): serving the page is the benchmark's work (Playwright's route, through
 * Node), not the extension's, and only adds the same noise to both sides.
 */
export async function pageLoad(tab: ProbedTab, url: string, name: string): Promise<BadgeTiming> {
  await arm(tab, name);
  await tab.linkedin.goto(url, { waitUntil: 'commit' });
  const badge = await seen(tab);
  const start = await tab.linkedin.evaluate(`(async () => {
    let entry;
    for (let k = 0; k < 1000 && !(entry = performance.getEntriesByType('navigation')[0])?.responseEnd; k++)
      await new Promise((r) => setTimeout(r, 2));
    return performance.timeOrigin + (entry?.responseEnd ?? NaN);
  })()`);
  return { start: start as number, badge };
}

/**
 * Has the side panel page `panel` note, in `window.landed[url]`, when the state of tab `tabId`
 * for each URL lands in storage.session (what the side panel listens to), on the browser's clock.
 */
export async function recordLandedStates(panel: Page, tabId: number): Promise<void> {
  await panel.evaluate((id) => {
    const w = window as unknown as { landed: Record<string, number> };
    w.landed = {};
    chrome.storage.onChanged.addListener((changes, area) => {
      const state = changes[`tab:${id}`]?.newValue as { url?: string } | undefined;
      if (area === 'session' && state?.url) w.landed[state.url] = performance.timeOrigin + performance.now();
    });
  }, tabId);
}

/** When the state for `url` landed, as recordLandedStates noted it on `panel` (NaN: not within 2 s). */
export function landedAt(panel: Page, url: string): Promise<number> {
  return panel.evaluate(async (url) => {
    const w = window as unknown as { landed: Record<string, number> };
    for (let k = 0; k < 1_000 && w.landed[url] === undefined; k++) await new Promise((r) => setTimeout(r, 2));
    return w.landed[url] ?? Number.NaN;
  }, url);
}
