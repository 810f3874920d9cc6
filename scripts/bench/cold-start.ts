/**
 * Navigation → panel state with a stopped service worker: the browser stops an idle extension
 * worker after 30 s, and the next page's report must start it again. Each sample stops the
 * worker first (ServiceWorker.stopAllWorkers over raw CDP, see cdp-browser.ts). The accounts are
 * a file import's generation, as in navigation.ts: a restarted worker knows no generation yet and
 * reads the sync states before it (lib/background/page-lookup.ts).
 */
import { launchCdpBrowser, sleep } from './cdp-browser';
import { companyPage } from './navigation';
import { seedFileGenerationExpression } from './seed';

/** Times `runs` in-app navigations, each reaching a stopped worker; returns milliseconds. */
export async function benchColdStart(accounts: number, runs: number): Promise<number[]> {
  const browser = await launchCdpBrowser();
  const { cdp } = browser;
  try {
    const panel = await browser.openExtensionPage('sidepanel.html');
    await sleep(500); // the panel's first query has Dexie create the schema
    await cdp.evaluate(panel, seedFileGenerationExpression(accounts));
    const linkedin = await browser.openServedTab((url) => {
      const slug = url.pathname.split('/')[2];
      return url.hostname === 'www.linkedin.com' && slug ? companyPage(slug) : undefined;
    });
    await cdp.navigate(linkedin, 'https://www.linkedin.com/company/bench-co-0/');
    const tabId = await cdp.evaluate<number>(
      panel,
      `chrome.tabs.query({ url: 'https://www.linkedin.com/*' }).then((t) => t[0].id)`,
    );
    await cdp.evaluate(
      panel,
      `(() => { window.landed = {}; chrome.storage.onChanged.addListener((c, area) => {
        const s = c['tab:${tabId}']?.newValue; if (area === 'session' && s?.url) window.landed[s.url] = performance.timeOrigin + performance.now(); }); })()`,
    );
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      await browser.stopWorker(panel);
      await sleep(200);
      const path = `/company/bench-co-${1 + ((run * 7919) % (accounts - 1))}/`;
      const start = await cdp.evaluate<number>(
        linkedin,
        `(() => { const t = performance.timeOrigin + performance.now(); history.pushState({}, '', '${path}'); return t; })()`,
      );
      const landed = await cdp.evaluate<number>(
        panel,
        `(async () => { const u = 'https://www.linkedin.com${path}';
          for (let k = 0; k < 5000 && window.landed[u] === undefined; k++) await new Promise((r) => setTimeout(r, 1));
          return window.landed[u] ?? NaN; })()`,
      );
      samples.push(landed - start);
    }
    return samples;
  } finally {
    await browser.close();
  }
}
