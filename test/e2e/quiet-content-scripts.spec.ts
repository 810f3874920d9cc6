import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { serveLinkedIn } from './support/linkedin-site';
import { serveWebsites } from './support/websites';

/**
 * What the page itself can hear of Tierlens while it is recognised: LinkedIn probes for
 * extensions. It listens, from its own scripts, to every `message` on its window and to the
 * events WXT's content script context sends, whose names it can build from our extension id.
 */
async function listenAsThePage(page: Page, extensionId: string): Promise<() => Promise<string[]>> {
  await page.addInitScript((id) => {
    const heard: string[] = [];
    (window as unknown as { tierlensHeard: string[] }).tierlensHeard = heard;
    window.addEventListener('message', (event) => heard.push(`message ${JSON.stringify(event.data)}`));
    for (const script of ['linkedin', 'website']) {
      for (const name of ['content-script-started', 'locationchange']) {
        const type = `${id}:${script}:wxt:${name}`;
        document.addEventListener(type, () => heard.push(type));
        window.addEventListener(type, () => heard.push(type));
      }
    }
  }, extensionId);
  return () => page.evaluate(() => (window as unknown as { tierlensHeard: string[] }).tierlensHeard);
}

/**
 * Runs `expression` in Tierlens's content script world on `page` (its isolated world, as
 * DevTools' console does), and returns its value.
 */
async function inContentScript(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  const world = worlds.find((w) => w.origin === `chrome-extension://${extensionId}` && w.auxData?.type === 'isolated');
  if (!world) throw new Error('no Tierlens content script on the page');
  const { result } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  return result.value;
}

/** What a content script gets when it reads a storage area: its keys, or that it was refused. */
const readStorage = (area: 'local' | 'session') => `(async () => {
  try {
    return 'read: ' + Object.keys(await chrome.storage.${area}.get(null)).join(',');
  } catch (error) {
    return 'refused';
  }
})()`;

test('LinkedIn’s page hears nothing from Tierlens while it is recognised, in-app navigation included, and the content script cannot read Tierlens’s storage', async ({
  context,
  extensionId,
  sidePanel,
}) => {
  await serveLinkedIn(context, [
    { slug: 'microsoft', name: 'Microsoft', id: '1035' },
    { slug: 'hubspot', name: 'HubSpot', id: '68529' },
  ]);
  const page = await context.newPage();
  const heard = await listenAsThePage(page, extensionId);
  const url = 'https://www.linkedin.com/company/microsoft/';
  await page.goto(url);
  const panel = await sidePanel(url);
  await panel.loadDemoData();
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T1');

  await page.evaluate(() => history.pushState({}, '', '/company/hubspot/'));
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T2');
  expect(await heard()).toEqual([]);

  // Nor can a content script read the settings, the models or the tabs' states (a page that got
  // hold of one would read them too): only the extension's own pages and worker may.
  await panel.page.evaluate(() => chrome.storage.local.set({ probe: 1 }));
  expect(await panel.page.evaluate(async () => Object.keys(await chrome.storage.local.get(null)))).toContain('probe');
  expect(await inContentScript(page, extensionId, readStorage('local'))).toBe('refused');
  expect(await inContentScript(page, extensionId, readStorage('session'))).toBe('refused');
});

test.describe('with the all-sites permission granted', () => {
  test.use({ allSites: true });

  test('a company website hears nothing from Tierlens while it is recognised', async ({
    context,
    extensionId,
    sidePanel,
  }) => {
    await serveWebsites(context, {
      'https://www.hubspot.com/': {
        html: '<!doctype html><html><head><title>HubSpot</title></head><body><h1>Grow better</h1></body></html>',
      },
    });
    const page = await context.newPage();
    const heard = await listenAsThePage(page, extensionId);
    await page.goto('https://www.hubspot.com/');
    const panel = await sidePanel('https://www.hubspot.com/');
    await panel.loadDemoData();
    await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T2');

    await page.evaluate(() => history.pushState({}, '', '/pricing'));
    await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T2');
    expect(await heard()).toEqual([]);
  });
});
