import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, expect, type Page, test } from '@playwright/test';
import { chromiumPath, EXTENSION_DIR, extensionArgs } from '../../scripts/chromium';
import { readStoredRows } from './support/accounts-page';
import { loadDemoData } from './support/options-page';
import { screenshot } from './support/screenshot';

// The Metrics tab on the demo data: one figure of each metric family for Tier 1, each computed
// here from the score rows the background stored in IndexedDB, read past the page's own code.

let context: BrowserContext;
let extensionId: string;
let profile: string;

test.beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'tierlens-metrics-e2e-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: extensionArgs(EXTENSION_DIR),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
});

test.afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** A score row as far as this test reads it. */
interface Row {
  assignedTier?: number;
  level: number;
  requiredRoles: number;
  missingRoles: string[];
  lastReviewedAt?: number;
  opportunities?: { status: 'open' | 'won' | 'lost'; amount?: number; closedAt?: number }[];
}

/** The visible run's score rows, whole, straight from IndexedDB; none while no run is visible. */
const storedRows = async (page: Page): Promise<Row[]> => {
  const answer = await readStoredRows<Row>(page, {}, { upTo: Number.POSITIVE_INFINITY, full: true });
  return answer.pending ? [] : answer.rows;
};

const pct = (share: number) => `${Math.round(share * 100)}%`;
const money = (usd: number) =>
  new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(usd);

test('Tier 1’s coverage, levels, open pipeline, win rate and reviews match the stored rows', async () => {
  await loadDemoData(context, extensionId);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/accounts.html#metrics`);
  await expect(page.getByRole('heading', { name: 'Metrics', exact: true })).toBeVisible();
  await expect.poll(async () => (await storedRows(page)).length, { timeout: 30_000 }).toBeGreaterThan(1000);
  const rows = await storedRows(page);
  const all = page.getByRole('region', { name: 'Coverage' }).locator('tfoot td').first();
  await expect(all).toHaveText(rows.length.toLocaleString('en-US'), { timeout: 15_000 });

  const now = Date.now();
  const from = new Date(now);
  from.setMonth(from.getMonth() - 12);
  const t1 = rows.filter((r) => r.assignedTier === 1);
  const deals = t1.flatMap((r) => r.opportunities ?? []);
  const required = t1.reduce((s, r) => s + r.requiredRoles, 0);
  const held = t1.reduce((s, r) => s + Math.max(0, r.requiredRoles - r.missingRoles.length), 0);
  const open = deals.filter((d) => d.status === 'open').reduce((s, d) => s + (d.amount ?? 0), 0);
  const closed = deals.filter((d) => d.status !== 'open' && d.closedAt && d.closedAt >= from.getTime());
  const won = closed.filter((d) => d.status === 'won').length;
  const levels = [1, 2, 3, 4, 5].map((l) => t1.filter((r) => r.level === l).length);
  const onTime = t1.filter((r) => r.lastReviewedAt !== undefined && now - r.lastReviewedAt <= 30 * 86_400_000).length;
  expect(t1.length).toBeGreaterThan(0);

  const tier1 = (family: string) => page.getByRole('region', { name: family }).locator('tr[data-group="tier:1"] td');
  await expect(tier1('Coverage').nth(1)).toHaveText(`${held} of ${required} (${pct(held / required)})`);
  await expect(tier1('Engagement').nth(1).getByRole('img')).toHaveAttribute(
    'aria-label',
    `Tier 1 Strategic, accounts per level: 1 cold ${levels[0]}, 2 needs nurturing ${levels[1]}, 3 warming ${levels[2]}, 4 engaged ${levels[3]}, 5 contact now ${levels[4]}`,
  );
  await expect(tier1('Pipeline').nth(1)).toContainText(money(open));
  await expect(tier1('Outcomes').nth(2)).toHaveText(closed.length ? pct(won / closed.length) : 'no closed deals');
  await expect(tier1('Account reviews').nth(2)).toHaveText(onTime.toLocaleString('en-US'));
  await expect(page.getByText('Deals closed in the last 12 months')).toBeVisible();

  // The tab scrolls inside the page: a tall window shows every family at once.
  await page.setViewportSize({ width: 1440, height: 2400 });
  await screenshot(page, 'metrics-by-tier');
  await page.getByLabel('By owner').check();
  await expect(page.getByRole('region', { name: 'Outcomes' }).locator('thead th').first()).toHaveText('Owner');
  await screenshot(page, 'metrics-by-owner');
});
