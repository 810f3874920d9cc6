import { readLinkedInFixture } from '../fixtures/linkedin/pages';
import { localisedProfilePage, profileLocale } from '../fixtures/linkedin/profile-locales';
import { expect, test } from './support/fixtures';
import { type ServedCompany, type ServedPerson, serveLinkedIn } from './support/linkedin-site';
import { screenshot } from './support/screenshot';

// Microsoft (Tier 1) and HubSpot (Tier 2) are demo accounts; the people are synthetic.
const MICROSOFT: ServedCompany = { slug: 'microsoft', name: 'Microsoft', id: '1035' };
const HUBSPOT: ServedCompany = { slug: 'hubspot', name: 'HubSpot', id: '68529' };
/** Someone working at Microsoft: the experience entry links `/company/1035/`. */
const SAM: ServedPerson = {
  slug: 'sam-example-synthetic',
  first: 'Sam',
  last: 'Example-Synthetic',
  headline: 'Principal Engineer at Microsoft',
  company: MICROSOFT,
};

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, [MICROSOFT, HUBSPOT], [SAM]);
});

test('a profile of someone at Microsoft shows Microsoft, Tier 1, in the badge and the side panel', async ({
  context,
  sidePanel,
}) => {
  const page = await context.newPage();
  const url = `https://www.linkedin.com/in/${SAM.slug}/`;
  await page.goto(url);
  const panel = await sidePanel(url);
  await panel.loadDemoData();

  await expect(panel.accountName).toHaveText('Microsoft');
  await expect(panel.section('Fit and tier')).toContainText('Tier 1 Strategic');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T1');
});

test('navigating inside LinkedIn from a profile to a company and back re-detects each page', async ({
  context,
  sidePanel,
}) => {
  const page = await context.newPage();
  const profile = `https://www.linkedin.com/in/${SAM.slug}/`;
  await page.goto(profile);
  const panel = await sidePanel(profile);
  await panel.loadDemoData();
  await expect(panel.accountName).toHaveText('Microsoft');

  // LinkedIn navigates in-app: the URL changes through the History API and the profile's document
  // (its top card, its page JSON naming Microsoft) stays on screen.
  await page.evaluate(() => history.pushState({}, '', '/company/hubspot/'));
  await expect(panel.accountName).toHaveText('HubSpot');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T2');

  await page.evaluate((slug) => history.pushState({}, '', `/in/${slug}/`), SAM.slug);
  await expect(panel.accountName).toHaveText('Microsoft');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T1');
});

test('a Sales Navigator account page shows its account: HubSpot, Tier 2', async ({ context, sidePanel }) => {
  const page = await context.newPage();
  const url = `https://www.linkedin.com/sales/company/${HUBSPOT.id}`;
  await page.goto(url);
  const panel = await sidePanel(url);
  await panel.loadDemoData();

  await expect(panel.accountName).toHaveText('HubSpot');
  await expect(panel.section('Fit and tier')).toContainText('Tier 2');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T2');
});

test('a Sales Navigator lead page shows the lead’s current employer, not a similar lead’s', async ({
  context,
  sidePanel,
}) => {
  const page = await context.newPage();
  const url = 'https://www.linkedin.com/sales/lead/ACwAAA1BcDEFgh2,NAME_SEARCH,xYz1';
  await page.goto(url);
  const panel = await sidePanel(url);
  await panel.loadDemoData();

  // The lead works at Umbrella Synthetic, which is in nobody's accounts.
  await expect(panel.notInAccounts).toContainText('Umbrella Synthetic');
  await expect(panel.notInAccounts).not.toContainText('Similar Lead Corp');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('?');
});

test('the Back button from a company to a profile re-detects the profile', async ({ context, sidePanel }) => {
  const page = await context.newPage();
  const profile = `https://www.linkedin.com/in/${SAM.slug}/`;
  await page.goto(profile);
  const panel = await sidePanel(profile);
  await panel.loadDemoData();
  await page.evaluate(() => history.pushState({}, '', '/company/hubspot/'));
  await expect(panel.accountName).toHaveText('HubSpot');
  await page.evaluate(() => history.back());
  await expect(panel.accountName).toHaveText('Microsoft');
});

test('a saved profile with markup in its names shows them as text, running nothing', async ({ context, sidePanel }) => {
  const url = 'https://www.linkedin.com/in/hostile-person-synthetic/';
  await context.route(url, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: readLinkedInFixture('synthetic/profile_hostile_names.html'),
    }),
  );
  const page = await context.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(url);
  const panel = await sidePanel(url);
  panel.page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await panel.loadDemoData();
  await expect(panel.page.locator('main')).toContainText('<img src=x onerror=alert(1)> Mallory');
  await expect(panel.page.locator('main')).toContainText('<img src=x onerror=alert(1)> Hostile & Co');
  await expect(panel.page.locator('main img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('the person on a profile is matched to a known contact, whose buyer roles the panel shows', async ({
  context,
  sidePanel,
}) => {
  // Demo contacts at Microsoft: Nadia by her LinkedIn profile, Wei (no profile on record) by name.
  const nadia: ServedPerson = {
    slug: 'nadia-andersson-682855',
    first: 'Nadia',
    last: 'Andersson',
    headline: 'Director of Marketing at Microsoft',
    company: MICROSOFT,
  };
  const wei: ServedPerson = {
    slug: 'wei-virtanen-synthetic',
    first: 'Wei',
    last: 'Virtanen',
    headline: 'COO at Microsoft',
    company: MICROSOFT,
  };
  await serveLinkedIn(context, [MICROSOFT], [nadia, wei]);
  const page = await context.newPage();
  await page.goto(`https://www.linkedin.com/in/${nadia.slug}/`);
  const panel = await sidePanel(`https://www.linkedin.com/in/${nadia.slug}/`);
  await panel.loadDemoData();

  const onPage = panel.section('On this page');
  await expect(onPage).toContainText('Nadia Andersson');
  await expect(onPage).toContainText('Decision maker');
  await expect(onPage).toContainText('Budget holder');

  await page.goto(`https://www.linkedin.com/in/${wei.slug}/`);
  await expect(onPage).toContainText('Wei Virtanen');
  await expect(onPage).toContainText('Executive sponsor');
  await expect(onPage).toContainText('matched by name');
  await screenshot(panel.page, 'person-on-page');
});

test('a profile in German shows the employer its top card names: Microsoft, Tier 1', async ({ context, sidePanel }) => {
  // LinkedIn in German: "Aktuelles Unternehmen: …", "März 2021 - Heute"; a later side role listed first.
  const url = 'https://www.linkedin.com/in/kim-lokal-synthetic/';
  const body = localisedProfilePage(profileLocale('de'), MICROSOFT);
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  const page = await context.newPage();
  await page.goto(url);
  const panel = await sidePanel(url);
  await panel.loadDemoData();

  await expect(panel.accountName).toHaveText('Microsoft');
  await expect(panel.section('Fit and tier')).toContainText('Tier 1 Strategic');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T1');
});

test('a Sales Navigator lead page at /sales/people/ shows the lead’s current employer', async ({
  context,
  sidePanel,
}) => {
  const url = 'https://www.linkedin.com/sales/people/ACwAAA2PeOPLE3,NAME_SEARCH,pQr7';
  const body = readLinkedInFixture('synthetic/sales_people.html');
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  const page = await context.newPage();
  await page.goto(url);
  const panel = await sidePanel(url);
  await panel.loadDemoData();

  // The lead works at Soylent Synthetic, which is in nobody's accounts.
  await expect(panel.notInAccounts).toContainText('Soylent Synthetic');
  await expect(panel.notInAccounts).toContainText('Sales Navigator lead');
  await expect(panel.notInAccounts).not.toContainText('Similar Lead Two');
  await expect.poll(() => panel.badge().then((b) => b.text)).toBe('?');
});
