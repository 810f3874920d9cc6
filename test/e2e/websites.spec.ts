import { expect, test } from './support/fixtures';
import { serveLinkedIn } from './support/linkedin-site';
import { type SitePage, serveWebsites } from './support/websites';

// HubSpot is a demo account (Tier 2) known by its domain; Microlink (a real saved page) is not.
const SITES: Record<string, SitePage> = {
  'https://www.hubspot.com/': {
    html: '<!doctype html><html><head><title>HubSpot</title><meta property="og:site_name" content="HubSpot"></head><body><h1>Grow better</h1></body></html>',
  },
  'https://microlink.io/': { file: 'microlink.io_home.html' },
  // Back from a sign-in: the query and the fragment carry the codes.
  'https://www.hubspot.com/welcome?code=4%2FSECRET-CODE&state=s': {
    html: '<!doctype html><html><head><title>HubSpot</title></head><body><h1>Welcome</h1></body></html>',
  },
  // A look-alike whose content claims HubSpot's LinkedIn page: any site can claim that.
  'https://hubspot-login.net/': {
    html: '<!doctype html><html><head><title>HubSpot</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"HubSpot","url":"https://hubspot-login.net/","sameAs":["https://www.linkedin.com/company/hubspot/"]}</script></head><body><h1>Sign in</h1></body></html>',
  },
};

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, [{ slug: 'microsoft', name: 'Microsoft', id: '1035' }]);
  await serveWebsites(context, SITES);
});

test.describe('without the all-sites permission', () => {
  test('a company website is not read, and the panel offers to recognise websites', async ({ context, sidePanel }) => {
    const page = await context.newPage();
    await page.goto('https://www.hubspot.com/');
    const panel = await sidePanel('https://www.hubspot.com/');
    await panel.loadDemoData();
    await expect(panel.noCompany).toBeVisible();
    await expect(panel.page.getByRole('button', { name: 'Recognise company websites' })).toBeVisible();
    expect((await panel.badge()).text).toBe('');
  });
});

test.describe('with the all-sites permission granted', () => {
  test.use({ allSites: true });

  test('a company website resolves to its account by its domain, and its query and fragment stay on the page', async ({
    context,
    sidePanel,
  }) => {
    const page = await context.newPage();
    await page.goto('https://www.hubspot.com/');
    const panel = await sidePanel('https://www.hubspot.com/');
    await panel.loadDemoData();
    await expect(panel.accountName).toHaveText('HubSpot');
    await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T2');

    await page.goto('https://www.hubspot.com/welcome?code=4%2FSECRET-CODE&state=s#access_token=SECRET-TOKEN');
    await expect.poll(() => panel.storedTabState().then((state) => state?.url)).toBe('https://www.hubspot.com/welcome');
    expect(JSON.stringify(await panel.storedTabState())).not.toContain('SECRET');
    await expect(panel.accountName).toHaveText('HubSpot');
    await expect(panel.page.locator('body')).not.toContainText('SECRET');
  });

  test('a website not in the accounts gets the not-in-accounts card with what the site says', async ({
    context,
    sidePanel,
  }) => {
    const page = await context.newPage();
    await page.goto('https://microlink.io/');
    const panel = await sidePanel('https://microlink.io/');
    await panel.loadDemoData();
    await expect(panel.notInAccounts).toContainText('Company website');
    await expect(panel.notInAccounts).toContainText('Microlink');
    await expect(panel.notInAccounts).toContainText('Not in your accounts');
    await expect.poll(() => panel.badge().then((b) => b.text)).toBe('?');
  });

  test("a site that only claims a company's LinkedIn page is shown as its claim, at low confidence", async ({
    context,
    sidePanel,
  }) => {
    const page = await context.newPage();
    await page.goto('https://hubspot-login.net/');
    const panel = await sidePanel('https://hubspot-login.net/');
    await panel.loadDemoData();
    await expect(panel.accountName).toHaveText('HubSpot');
    await expect(panel.page.locator('[data-claim="page"]')).toHaveText(
      'This site says it is HubSpot, but hubspot-login.net is not this account’s domain: low confidence. Check before you act on it.',
    );
    await expect.poll(() => panel.badge().then((b) => b.title)).toContain('this site says it is HubSpot');
  });
});

test.describe('with the all-sites permission and the back/forward cache on, as in a user’s Chromium', () => {
  test.use({ allSites: true, bfcache: true });

  test('Back from a website to a LinkedIn page restored from the cache shows the LinkedIn company, not the website', async ({
    context,
    sidePanel,
  }) => {
    const page = await context.newPage();
    // The page's own record of how it was last shown: `pageshow` with `persisted` is a cache restore.
    await page.addInitScript(() =>
      addEventListener('pageshow', (event) => {
        (window as unknown as { restored: boolean }).restored = event.persisted;
      }),
    );
    const linkedin = 'https://www.linkedin.com/company/microsoft/';
    await page.goto(linkedin);
    const panel = await sidePanel(linkedin);
    await panel.loadDemoData();
    await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T1');
    await page.goto('https://www.hubspot.com/');
    await expect(panel.accountName).toHaveText('HubSpot');

    // A restored page fires no `load`: wait for the navigation to commit only.
    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { restored?: boolean }).restored)).toBe(true);
    await expect(panel.accountName).toHaveText('Microsoft');
    await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T1');
  });
});
