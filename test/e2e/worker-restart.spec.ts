import { expect, test } from '@playwright/test';
import { type CdpBrowser, launchCdpBrowser, sleep } from '../../scripts/bench/cdp-browser';
import { syntheticCompanyPage } from './support/linkedin-site';

// Playwright keeps the extension's service worker alive (and loses its pages when the worker is
// stopped), so this test drives Chromium over raw CDP to stop the worker as the browser does
// after 30 s idle.
let browser: CdpBrowser;
test.beforeEach(async () => {
  browser = await launchCdpBrowser();
});
test.afterEach(async () => {
  await browser.close();
});

/** Polls an expression in a page session until it returns `expected` (or gives up after ~10 s). */
async function until(session: string, expression: string, expected: unknown): Promise<unknown> {
  let value: unknown;
  for (let i = 0; i < 200; i++) {
    value = await browser.cdp.evaluate(session, expression).catch(() => undefined);
    if (value === expected) return value;
    await sleep(50);
  }
  return value;
}

test('a tab keeps its account when the browser stops the idle service worker, and the next page wakes it', async () => {
  const { cdp } = browser;
  const setup = await browser.openExtensionPage('sidepanel.html');
  expect(await until(setup, `!!document.querySelector('button.primary')`, true)).toBe(true);
  await cdp.evaluate(setup, `document.querySelector('button.primary').click()`);
  expect(await until(setup, `!document.querySelector('[data-state="empty"]')`, true)).toBe(true);

  const names: Record<string, [string, string]> = { microsoft: ['Microsoft', '1035'], hubspot: ['HubSpot', '68529'] };
  const linkedin = await browser.openServedTab((url) => {
    const slug = url.pathname.split('/')[2] ?? '';
    const company = names[slug];
    return url.hostname === 'www.linkedin.com' && company ? syntheticCompanyPage(slug, ...company) : undefined;
  });
  await cdp.navigate(linkedin, 'https://www.linkedin.com/company/microsoft/');
  const tabId = await cdp.evaluate<number>(
    setup,
    `chrome.tabs.query({ url: 'https://www.linkedin.com/*' }).then((t) => t[0].id)`,
  );
  const badge = `chrome.action.getBadgeText({ tabId: ${tabId} })`;
  expect(await until(setup, badge, 'T1')).toBe('T1');

  await browser.stopWorker(setup);
  expect(browser.workerRunning()).toBe(false);

  // A panel opened now reads the tab's state from storage and the account from IndexedDB.
  const panel = await browser.openExtensionPage(`sidepanel.html?tab=${tabId}`);
  const name = `document.querySelector('.account-name')?.textContent`;
  expect(await until(panel, name, 'Microsoft')).toBe('Microsoft');
  expect(await cdp.evaluate(panel, badge)).toBe('T1');

  // LinkedIn navigates in-app: the content script's report starts the worker again.
  await cdp.evaluate(linkedin, `history.pushState({}, '', '/company/hubspot/')`);
  expect(await until(panel, name, 'HubSpot')).toBe('HubSpot');
  expect(await until(panel, badge, 'T2')).toBe('T2');
  expect(browser.workerRunning()).toBe(true);
});
