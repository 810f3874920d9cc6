import { expect, test } from './support/fixtures';
import { serveLinkedIn } from './support/linkedin-site';

// Walks one tab through the panel's states and keeps a screenshot of each in the test's output
// folder (test-results/), for a person to look at.
test('the side panel reads at a glance in each of its states', async ({ context, sidePanel }, testInfo) => {
  await serveLinkedIn(context, [
    { slug: 'hubspot', name: 'HubSpot', id: '68529' },
    { slug: 'quietfield-analytics-synthetic', name: 'Quietfield Analytics', id: '7777777' },
  ]);
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/company/hubspot/');
  const panel = await sidePanel('https://www.linkedin.com/company/hubspot/');
  const shot = async (name: string) => {
    const path = testInfo.outputPath(`${name}.png`);
    await panel.page.screenshot({ path, fullPage: true });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  };

  await expect(panel.page.getByRole('button', { name: 'Load demo data' })).toBeVisible();
  await shot('1-empty');

  await panel.loadDemoData();
  await expect(panel.accountName).toHaveText('HubSpot');
  // Every section of the card is there, each with its content.
  for (const title of ['Next actions', 'Fit and tier', 'Engagement', 'Buyer roles', 'Tier 2 commitments']) {
    await expect(panel.section(title)).toBeVisible();
  }
  await expect(panel.section('Engagement').locator('.sparkline rect')).toHaveCount(13);
  await panel.page.getByText('Why this grade').click();
  await expect(panel.section('Fit and tier')).toContainText('Target industry');
  await shot('2-account');

  await page.evaluate(() => history.pushState({}, '', '/company/quietfield-analytics-synthetic/'));
  await expect(panel.notInAccounts).toBeVisible();
  await shot('3-not-in-accounts');

  await page.evaluate(() => history.pushState({}, '', '/feed/'));
  await expect(panel.noCompany).toBeVisible();
  await shot('4-no-company');
});
