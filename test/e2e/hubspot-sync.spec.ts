import { expect, type Page, test } from '@playwright/test';
import type { HubSpotServer, RequestLog } from '../support/hubspot-server';
import { serveLinkedIn } from './support/linkedin-site';
import type { SidePanel } from './support/side-panel';
import {
  HUBSPOT_COMPANY,
  letLoopbackThrough,
  type SeededHubSpot,
  seedHubSpot,
  startHubSpotServer,
} from './support/source-servers';
import { launchSyncBrowser, openPanel, type SyncBrowser, SyncPage, sortedEntries } from './support/sync-page';

// HubSpot, end to end: a HubSpot-compatible server on 127.0.0.1 that rate-limits and fails on
// purpose, connected through the options page with its token and address, shown on a LinkedIn
// tab. One browser for the file; the steps share what the first one synced.
test.describe.configure({ mode: 'serial' });

const COMPANIES = 150;
const CONTACTS = 300;
const COMPANY_URL = `https://www.linkedin.com/company/${HUBSPOT_COMPANY.slug}/`;
const WRONG_TOKEN = 'pat-na1-99999999-8888-7777-6666-000000000000';

let browser: SyncBrowser;
let server: HubSpotServer;
let seeded: SeededHubSpot;
let options: SyncPage;
let linkedin: Page;
let panel: SidePanel;

test.beforeAll(async () => {
  server = await startHubSpotServer();
  seeded = seedHubSpot(server, COMPANIES, CONTACTS);
  browser = await launchSyncBrowser();
  await serveLinkedIn(browser.context, [HUBSPOT_COMPANY]);
  await letLoopbackThrough(browser.context);
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const COMPANIES_PATH = '/crm/v3/objects/companies';
const CONTACTS_PATH = '/crm/v3/objects/contacts';
const sameRequest = (a: RequestLog, b: RequestLog) =>
  a.method === b.method && a.path === b.path && JSON.stringify(a.query) === JSON.stringify(b.query);

/** Each faulted request and the request the client sent next for the same path. */
function retriesOf(status: number): { failed: RequestLog; next: RequestLog | undefined }[] {
  return server.requests.flatMap((r, i) =>
    r.status === status
      ? [{ failed: r, next: server.requests.slice(i + 1).find((later) => later.path === r.path) }]
      : [],
  );
}

test('connecting HubSpot through rate limits and server errors ends with every account and no error', async () => {
  // First page of companies: 429 with Retry-After 1 s. Second page: 429 without Retry-After (the
  // search limit's 1 s window; the ten-second one would wait 10 s). Contacts: two 500s in a row.
  server.faults
    .add(
      { kind: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING', retryAfter: '1' },
      { match: { method: 'GET', path: COMPANIES_PATH } },
    )
    .add({ kind: 'rate-limit', policy: 'SECONDLY' }, { match: { method: 'GET', path: COMPANIES_PATH }, skip: 1 })
    .add({ kind: 'status', status: 500 }, { match: { method: 'GET', path: CONTACTS_PATH }, times: 2 });

  options = await SyncPage.open(browser.context, browser.extensionId);
  await options.connectHubSpot(server.token, server.url);
  const hubspot = options.hubspot;
  // The run takes at least the two 1 s waits: it shows while it goes.
  await expect(hubspot.region.getByRole('status').filter({ hasText: 'Syncing…' })).toBeVisible();
  await expect(hubspot.status).toContainText(`HubSpot holds ${COMPANIES} accounts, ${CONTACTS} contacts`, {
    timeout: 20_000,
  });
  await expect(hubspot.status).toContainText('synced just now');
  await expect(hubspot.error).toHaveCount(0);
  await expect(hubspot.region.getByLabel('HubSpot private app token')).toHaveValue('');
  expect(server.faults.pending).toBe(0);

  // Every faulted request was sent again, the same, and then answered.
  const limited = retriesOf(429);
  const failed = retriesOf(500);
  expect(limited).toHaveLength(2);
  expect(failed).toHaveLength(2);
  for (const { failed: f, next } of [...limited, ...failed]) {
    expect(next, `${f.method} ${f.path} was retried`).toBeDefined();
    expect(sameRequest(f, next as RequestLog)).toBe(true);
  }
  expect(limited.map((r) => r.next?.status)).toEqual([200, 200]);
  expect(failed.map((r) => r.next?.status)).toEqual([500, 200]);
  // Retry-After was honoured: a second at least before the retry.
  const [withHeader] = limited;
  expect((withHeader?.next?.at ?? 0) - (withHeader?.failed.at ?? 0)).toBeGreaterThanOrEqual(950);
  // Every request carried the token.
  expect(server.requests.every((r) => r.authorized)).toBe(true);

  const visible = await options.visibleAccounts('hubspot');
  expect(visible.accounts).toEqual(sortedEntries(seeded.accounts));
  expect(visible.contacts).toBe(CONTACTS);
});

test('the LinkedIn page of a HubSpot company shows its tier 1 and its buyer roles', async () => {
  linkedin = await browser.context.newPage();
  await linkedin.goto(COMPANY_URL);
  panel = await openPanel(browser.context, browser.extensionId, COMPANY_URL);
  await expect(panel.accountName).toHaveText(HUBSPOT_COMPANY.name);
  await expect(panel.page.locator('.account-domain')).toHaveText('brightwave-systems.example');
  await expect(panel.section('Fit and tier')).toContainText('Tier 1 Strategic');
  const role = (name: string) =>
    panel
      .section('Buyer roles')
      .locator('li')
      .filter({ has: panel.page.locator('.role-name', { hasText: name }) });
  await expect(role('Decision maker').locator('.role-holders')).toHaveText('Dana Decider (CFO)');
  await expect(role('Champion').locator('.role-holders')).toHaveText('Chris Champion (VP Sales)');
  await expect(role('Budget holder').locator('.role-holders')).toHaveText('Chris Champion (VP Sales)');
  await expect(panel.page.locator('.data-footer')).toContainText('Synced just now from HubSpot');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T1');
});

test('a wrong token is refused in plain words, is shown nowhere, and the synced data stays', async () => {
  const before = server.requests.length;
  await options.connectHubSpot(WRONG_TOKEN, server.url);
  const hubspot = options.hubspot;
  await expect(hubspot.error).toContainText('HubSpot refused the token', { timeout: 15_000 });
  await expect(hubspot.error).toContainText('Check the private app token');
  // It was tried once: a refused token is not retried.
  const tried = server.requests.slice(before);
  expect(tried.length).toBeGreaterThan(0);
  expect(tried.every((r) => !r.authorized && r.status === 401)).toBe(true);
  expect(tried).toHaveLength(1);

  // Neither token is anywhere on the page, not in the fields, not in the text.
  await expect(hubspot.region.getByLabel('HubSpot private app token')).toHaveValue('');
  for (const page of [options.page, panel.page]) {
    const html = await page.content();
    const values = await page
      .locator('input')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    for (const token of [WRONG_TOKEN, server.token]) {
      expect(html).not.toContain(token.slice(0, 16));
      expect(values.join(' ')).not.toContain(token.slice(0, 16));
    }
  }

  const shot = test.info().outputPath('hubspot-wrong-token.png');
  await options.hubspot.region.screenshot({ path: shot });
  await test.info().attach('HubSpot with the refused token', { path: shot, contentType: 'image/png' });
  // The data of the last good sync is still what the panel shows.
  await expect(hubspot.status).toContainText(`HubSpot holds ${COMPANIES} accounts`);
  await panel.page.reload();
  await expect(panel.accountName).toHaveText(HUBSPOT_COMPANY.name);
  expect((await options.visibleAccounts('hubspot')).accounts).toHaveLength(COMPANIES);
});
