// `npm start`: builds the extension, opens Chromium with it loaded, and loads the demo data.
// Where there is no display, says so and prints how to load the build by hand.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';

const root = resolve(import.meta.dirname, '..');
const extension = resolve(root, '.output/chrome-mv3');
const profile = resolve(root, '.tierlens-profile');

const howToLoad = `To load it into Chrome, Edge or Brave by hand:
  1. open chrome://extensions and switch on "Developer mode";
  2. click "Load unpacked" and choose ${extension};
  3. open a company on LinkedIn, click the Tierlens button in the toolbar, then "Load demo data".`;

function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ];
  const found = candidates.find((p) => p && existsSync(p));
  if (found) return found;
  try {
    const bundled = chromium.executablePath();
    return existsSync(bundled) ? bundled : undefined;
  } catch {
    return undefined;
  }
}

console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const executablePath = findChromium();
if (!hasDisplay || !executablePath) {
  console.log(
    `\nBuilt ${extension}.\n${hasDisplay ? 'No Chromium found (set CHROMIUM_PATH).' : 'No display here, so no browser window can open.'}\n${howToLoad}`,
  );
  process.exit(0);
}

// Branded Chrome ignores --load-extension since version 137; Chromium honours it.
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: false,
  viewport: null,
  args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-first-run'],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;

const linkedin = context.pages()[0] ?? (await context.newPage());
await linkedin.goto('https://www.linkedin.com/company/microsoft/').catch(() => {});
const tabId = await worker.evaluate(
  async () => (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id,
);

// The side panel opens from the toolbar button (a browser rule: only a user gesture opens it);
// meanwhile the same panel, popped out in a tab, follows the LinkedIn tab.
const panel = await context.newPage();
await panel.goto(`chrome-extension://${extensionId}/sidepanel.html${tabId ? `?tab=${tabId}` : ''}`);
// The panel settles on one state; the empty one means a new profile: load the demo data.
await panel.locator('[data-state], .account-card').first().waitFor({ timeout: 15_000 });
if ((await panel.locator('[data-state="empty"]').count()) > 0) {
  await panel.getByRole('button', { name: 'Load demo data' }).click();
  await panel.locator('[data-state="empty"]').waitFor({ state: 'hidden', timeout: 30_000 });
  console.log('Demo data loaded.');
}
await linkedin.bringToFront();
console.log(`Tierlens is running (profile in ${profile}). Click its toolbar button on a LinkedIn company page.`);
console.log('Close the browser window to stop.');
await new Promise((done) => context.on('close', done));
