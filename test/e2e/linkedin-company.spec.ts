import { expect, test } from './support/fixtures';
import { type ServedCompany, serveLinkedIn } from './support/linkedin-site';

// Companies the synthetic LinkedIn serves. Microsoft (Tier 1) and HubSpot (Tier 2) are demo accounts;
// the third is in nobody's accounts.
const MICROSOFT: ServedCompany = { slug: 'microsoft', name: 'Microsoft', id: '1035' };
const HUBSPOT: ServedCompany = { slug: 'hubspot', name: 'HubSpot', id: '68529' };
const UNKNOWN: ServedCompany = { slug: 'quietfield-analytics-synthetic', name: 'Quietfield Analytics', id: '7777777' };
const HOSTILE: ServedCompany = { slug: 'hostile-co-demo', name: 'Hostile Co', id: '4242424' };

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, [MICROSOFT, HUBSPOT, UNKNOWN, HOSTILE]);
});

test('a new user loads the demo data from the empty side panel in one click', async ({ context, sidePanel }) => {
  const page = await context.newPage();
  const url = 'https://www.linkedin.com/company/microsoft/';
  await page.goto(url);
  const panel = await sidePanel(url);
  await expect(panel.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await panel.loadDemoData();
  await expect(panel.accountName).toHaveText('Microsoft');
  await expect(panel.page.locator('.data-footer')).toContainText('Demo data');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T1');
});

test('a company page shows its account in the badge and the side panel', async ({ context, sidePanel }) => {
  const page = await context.newPage();
  const url = 'https://www.linkedin.com/company/microsoft/about/?trk=public_profile';
  await page.goto(url);
  const panel = await sidePanel(url);
  await panel.loadDemoData();

  await expect(panel.accountName).toHaveText('Microsoft');
  await expect(panel.page.locator('.account-domain')).toHaveText('microsoft.com');
  await expect(panel.section('Fit and tier')).toContainText('Tier 1 Strategic');
  await expect(panel.section('Engagement')).toContainText('/100');
  await expect(panel.section('Buyer roles')).toContainText('Decision maker');
  await expect(panel.section('Tier 1 commitments')).toContainText('Executive outreach');
  await expect(panel.section('Next actions')).toBeVisible();
  const badge = await panel.badge();
  expect(badge.text).toBe('T1');
  expect(badge.title).toMatch(/Microsoft — Tier 1 Strategic, grade [A-F]/);
});

test('the real logged-out Audiense page resolves by its numeric id to the Audiense account', async ({
  context,
  sidePanel,
}) => {
  const page = await context.newPage();
  const url = 'https://www.linkedin.com/company/10529043/';
  await page.goto(url);
  const panel = await sidePanel(url);
  await panel.loadDemoData();
  await expect(panel.accountName).toHaveText('Audiense');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T2');
});

test('navigating inside LinkedIn to another company updates the badge and the panel', async ({
  context,
  sidePanel,
}) => {
  const page = await context.newPage();
  const first = 'https://www.linkedin.com/company/microsoft/';
  await page.goto(first);
  const panel = await sidePanel(first);
  await panel.loadDemoData();
  await expect(panel.accountName).toHaveText('Microsoft');

  // LinkedIn navigates in-app: the URL changes through the History API and the document stays.
  await page.evaluate(() => history.pushState({}, '', '/company/hubspot/posts/'));
  await expect(panel.accountName).toHaveText('HubSpot');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T2');

  await page.evaluate(() => history.pushState({}, '', '/feed/'));
  await expect(panel.noCompany).toBeVisible();
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('');
});

test('a company that is not in the accounts shows the not-in-accounts state', async ({ context, sidePanel }) => {
  const page = await context.newPage();
  const url = `https://www.linkedin.com/company/${UNKNOWN.slug}/`;
  await page.goto(url);
  const panel = await sidePanel(url);
  await panel.loadDemoData();
  await expect(panel.notInAccounts).toContainText('Not in your accounts');
  await expect(panel.notInAccounts).toContainText('Quietfield Analytics');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('?');
});

test('the feed is about no company, not about the viewer’s own employer', async ({ context, sidePanel }) => {
  const page = await context.newPage();
  const url = 'https://www.linkedin.com/feed/';
  await page.goto(url);
  const panel = await sidePanel(url);
  await panel.loadDemoData();
  await expect(panel.noCompany).toBeVisible();
  expect((await panel.badge()).text).toBe('');
});

test('a company name with markup renders as those characters', async ({ context, sidePanel }) => {
  const page = await context.newPage();
  const url = `https://www.linkedin.com/company/${HOSTILE.slug}/`;
  await page.goto(url);
  const panel = await sidePanel(url);
  let dialogs = 0;
  panel.page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await panel.loadDemoData();
  await expect(panel.accountName).toHaveText('<img src=x onerror=alert(1)> Hostile & Co');
  await expect(panel.page.locator('.account-card img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('the side panel follows the active tab of its window', async ({ context, extensionId }) => {
  const setup = await context.newPage();
  await setup.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await setup.getByRole('button', { name: 'Load demo data' }).click();
  await expect(setup.locator('[data-state="empty"]')).toBeHidden({ timeout: 20_000 });

  // A window with two LinkedIn tabs and, in the background, the panel's page: like the real
  // side panel, it follows whichever tab of its window is active.
  const panelPage = context.waitForEvent('page', (p) => p.url().includes('sidepanel.html'));
  const ids = await setup.evaluate(async (panelUrl) => {
    const win = await chrome.windows.create({ url: 'https://www.linkedin.com/company/microsoft/' });
    const first = win?.tabs?.[0]?.id;
    const second = await chrome.tabs.create({ windowId: win?.id, url: 'https://www.linkedin.com/company/hubspot/' });
    await chrome.tabs.update(first as number, { active: true });
    await chrome.tabs.create({ windowId: win?.id, url: panelUrl, active: false });
    return { first: first as number, second: second.id as number };
  }, `chrome-extension://${extensionId}/sidepanel.html`);
  const panel = await panelPage;
  await expect(panel.locator('.account-name')).toHaveText('Microsoft');

  await setup.evaluate((id) => chrome.tabs.update(id, { active: true }), ids.second);
  await expect(panel.locator('.account-name')).toHaveText('HubSpot');
  await setup.evaluate((id) => chrome.tabs.update(id, { active: true }), ids.first);
  await expect(panel.locator('.account-name')).toHaveText('Microsoft');
});

test('a company not in the accounts is graded provisionally and can be added in one click', async ({
  context,
  sidePanel,
}) => {
  const page = await context.newPage();
  const url = `https://www.linkedin.com/company/${UNKNOWN.slug}/`;
  await page.goto(url);
  const panel = await sidePanel(url);
  await panel.loadDemoData();
  await expect(panel.notInAccounts).toContainText('Provisional grade');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('?');

  await panel.page.getByRole('button', { name: 'Add to accounts' }).click();
  await expect(panel.accountName).toHaveText('Quietfield Analytics');
  await expect.poll(() => panel.badge().then((b) => b.title)).toMatch(/Quietfield Analytics — untiered/);
  // The new account waits in the outbox for write-back, durably.
  const queued = await panel.page.evaluate(
    () =>
      new Promise<number>((done) => {
        const open = indexedDB.open('tierlens');
        open.onsuccess = () => {
          const count = open.result.transaction('outbox').objectStore('outbox').count();
          count.onsuccess = () => done(count.result);
        };
      }),
  );
  expect(queued).toBe(1);
});

test('a showcase page whose slug is Microsoft’s is not Microsoft: no Tier 1 badge', async ({ context, sidePanel }) => {
  const page = await context.newPage();
  // In-app navigation from the company page: Microsoft's markup and page JSON stay on screen.
  await page.goto(`https://www.linkedin.com/company/${MICROSOFT.slug}/`);
  const panel = await sidePanel(page.url());
  await panel.loadDemoData();
  await expect(panel.accountName).toHaveText('Microsoft');
  await page.evaluate((slug) => history.pushState({}, '', `/showcase/${slug}/`), MICROSOFT.slug);

  await expect(panel.notInAccounts).toContainText('LinkedIn showcase page');
  await expect(panel.notInAccounts).toContainText('Not in your accounts');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('?');
});
