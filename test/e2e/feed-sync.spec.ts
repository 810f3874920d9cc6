import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import type { FeedServer } from '../support/feed-server';
import { serveLinkedIn } from './support/linkedin-site';
import type { SidePanel } from './support/side-panel';
import {
  type BuiltFeed,
  buildFeed,
  FEED_COMPANY,
  feedRecords,
  letLoopbackThrough,
  startTeamFeed,
  withCorruptShard,
} from './support/source-servers';
import { launchSyncBrowser, openPanel, type SyncBrowser, SyncPage, sortedEntries } from './support/sync-page';

// The team feed, end to end: a feed built by the feed writer and served over real HTTP on
// 127.0.0.1, connected through the options page, shown on a LinkedIn tab's badge and in the side
// panel. One browser for the file; each step builds on the data the previous one left.
test.describe.configure({ mode: 'serial' });

const ACCOUNTS = 240;
const COMPANY_URL = `https://www.linkedin.com/company/${FEED_COMPANY.slug}/`;

let browser: SyncBrowser;
let server: FeedServer;
let manifestUrl: string;
let options: SyncPage;
let linkedin: Page;
let panel: SidePanel;
let first: BuiltFeed;

test.beforeAll(async () => {
  first = await buildFeed('2026-11-30T06:00Z', feedRecords(ACCOUNTS));
  // Several shards, so that a bad one sits among good ones.
  expect(first.shards.length).toBeGreaterThanOrEqual(3);
  ({ server, manifestUrl } = await startTeamFeed(first));
  browser = await launchSyncBrowser();
  await serveLinkedIn(browser.context, [FEED_COMPANY]);
  await letLoopbackThrough(browser.context);
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const feedRequests = () => server.requests.filter((r) => r.method === 'GET');

test('connecting the team feed shows what it holds, and the LinkedIn page shows its account', async () => {
  options = await SyncPage.open(browser.context, browser.extensionId);
  await options.connectFeed(manifestUrl);
  const feed = options.feed;
  await expect(feed.status).toContainText(`The team feed holds ${ACCOUNTS} accounts, 10 contacts and 0 touchpoints`, {
    timeout: 15_000,
  });
  await expect(feed.status).toContainText('synced just now');
  await expect(feed.status).toContainText('generation 2026-11-30T06:00Z');
  await expect(feed.error).toHaveCount(0);
  // Exactly the feed's accounts, in the generation the main database points at.
  const visible = await options.visibleAccounts('feed');
  expect(visible.accounts).toEqual(sortedEntries(first.accounts));
  expect(visible.contacts).toBe(10);

  linkedin = await browser.context.newPage();
  await linkedin.goto(COMPANY_URL);
  panel = await openPanel(browser.context, browser.extensionId, COMPANY_URL);
  await expect(panel.accountName).toHaveText(FEED_COMPANY.name);
  await expect(panel.section('Fit and tier')).toContainText('Tier 1 Strategic');
  await expect(panel.section('Buyer roles')).toContainText('Feed person 1');
  await expect(panel.page.locator('.data-footer')).toContainText('Synced just now from the team feed');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T1');
  expect((await panel.badge()).title).toContain(`${FEED_COMPANY.name} — Tier 1 Strategic`);
});

test('"Sync now" with nothing new asks with the ETag, gets a 304, and keeps the data', async () => {
  const before = server.requests.length;
  const generation = (await options.syncState('feed'))?.generation;
  await options.feed.syncNow();
  const asked = server.requests.slice(before);
  // One conditional request for the manifest, answered 304, and no shard read.
  expect(asked.map((r) => [r.path, r.status])).toEqual([['manifest.json', 304]]);
  expect(asked[0]?.headers['if-none-match']).toMatch(/^".+"$/);
  await expect(options.feed.error).toHaveCount(0);
  await expect(options.feed.status).toContainText(`holds ${ACCOUNTS} accounts`);
  const state = await options.syncState('feed');
  expect(state?.generation).toBe(generation);
  expect((await options.visibleAccounts('feed')).accounts).toEqual(sortedEntries(first.accounts));
  await expect(panel.accountName).toHaveText(FEED_COMPANY.name);
});

test('a new generation with a corrupted shard is refused in plain words, the previous data stays, and a day later the panel warns', async () => {
  // The new generation renames the served company; its last account shard is corrupted after hashing.
  const next = await buildFeed(
    '2026-12-01T06:00Z',
    feedRecords(ACCOUNTS, (n) => (n === 1 ? { name: 'Northwind Renamed' } : {})),
  );
  const bad = withCorruptShard(next, 1);
  const badShard = next.shards[1]?.path ?? '';
  server.setFiles(bad.files);
  const before = feedRequests().length;
  await options.feed.syncNow();

  const error = options.feed.error;
  await expect(error).toBeVisible();
  await expect(error).toContainText('Last sync failed just now');
  await expect(error).toContainText(`shard ${badShard}`);
  await expect(error).toContainText("its SHA-256 is not the manifest's");
  // The shards before the bad one were read, nothing after it.
  const read = feedRequests()
    .slice(before)
    .map((r) => r.path);
  expect(read).toEqual(['manifest.json', next.shards[0]?.path, badShard]);

  // The previous generation is still what the panel, the badge and the status show.
  await expect(options.feed.status).toContainText(`holds ${ACCOUNTS} accounts`);
  await expect(options.feed.status).toContainText('generation 2026-11-30T06:00Z');
  const visible = await options.visibleAccounts('feed');
  expect(visible.accounts).toEqual(sortedEntries(first.accounts));
  expect(visible.staging).toBeUndefined();
  await panel.page.reload();
  await expect(panel.accountName).toHaveText(FEED_COMPANY.name);
  await expect(panel.section('Fit and tier')).toContainText('Tier 1 Strategic');
  expect((await panel.badge()).text).toBe('T1');

  // A day later (the panel's clock), with the feed still failing, the footer warns that the data is getting old.
  const tomorrow = await openPanel(browser.context, browser.extensionId, COMPANY_URL, {
    at: Date.now() + 25 * 3_600_000,
  });
  await expect(tomorrow.accountName).toHaveText(FEED_COMPANY.name);
  const warning = tomorrow.page.locator('.data-footer').getByRole('alert');
  await expect(warning).toContainText('The team feed has not synced for 1 day');
  await expect(warning).toContainText("its SHA-256 is not the manifest's");
  await tomorrow.page.close();
  // Today's panel does not warn: a failure a moment old is shown on the Sources page only.
  await expect(panel.page.locator('.data-footer').getByRole('alert')).toHaveCount(0);

  // For a person to look at: does the refusal read well beside the data still shown?
  const shot = test.info().outputPath('feed-corrupt-shard.png');
  await options.section.screenshot({ path: shot });
  await test.info().attach('Sources with the corrupted-shard error', { path: shot, contentType: 'image/png' });
});

test('a good new generation replaces the data: the panel shows the renamed company and its new tier', async () => {
  const next = await buildFeed(
    '2026-12-02T06:00Z',
    feedRecords(ACCOUNTS, (n) => (n === 1 ? { name: 'Northwind Renamed', tier: 2 } : {})),
  );
  server.setFiles(next.files);
  await options.feed.syncNow();
  await expect(options.feed.error).toHaveCount(0);
  await expect(options.feed.status).toContainText('generation 2026-12-02T06:00Z');
  await expect(options.feed.status).toContainText(`holds ${ACCOUNTS} accounts`);
  const visible = await options.visibleAccounts('feed');
  expect(visible.accounts).toEqual(sortedEntries(next.accounts));

  // The open panel follows without a reload.
  await expect(panel.accountName).toHaveText('Northwind Renamed');
  await expect(panel.section('Fit and tier')).toContainText('Tier 2 ABM Lite');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T2');
  // The replaced generation's database goes: its deletion waits for the pages that still read it
  // to close their connections, so it may land a moment after the switch.
  await expect
    .poll(async () =>
      (await options.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).filter((n) =>
        n?.startsWith('tierlens~feed~'),
      ),
    )
    .toEqual([`tierlens~feed~${visible.generation}`]);
});

test('a generation that carries the team’s models applies them, shown read only as managed by the team', async () => {
  const tiers = DEFAULT_SETTINGS.tiers.map((t) => (t.tier === 2 ? { ...t, name: 'Team Lite' } : t));
  const next = await buildFeed(
    '2026-12-03T06:00Z',
    feedRecords(ACCOUNTS, (n) => (n === 1 ? { name: 'Northwind Renamed', tier: 2 } : {})),
    { models: { tiers } },
  );
  server.setFiles(next.files);
  await options.feed.syncNow();
  await expect(options.feed.status).toContainText('generation 2026-12-03T06:00Z');
  // The panel uses the team's tier names at once.
  await expect(panel.section('Fit and tier')).toContainText('Tier 2 Team Lite');
  // The options page shows the team's tiers, read only.
  await options.page.reload();
  const managed = options.page.locator('fieldset.managed-by-team');
  await expect(managed).toHaveCount(1);
  await expect(managed).toContainText('Managed by your team');
  await expect(managed).toHaveAttribute('disabled');
  await expect(managed.locator('input').first()).toBeDisabled();
});
