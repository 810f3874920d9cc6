import { expect, test } from './support/fixtures';
import { serveLinkedIn } from './support/linkedin-site';

test('switching to calibrated engagement shows the win probability learnt from the demo’s won and lost accounts', async ({
  context,
  extensionId,
  sidePanel,
}) => {
  await serveLinkedIn(context, [{ slug: 'hubspot', name: 'HubSpot', id: '68529' }]);
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/company/hubspot/');
  const panel = await sidePanel('https://www.linkedin.com/company/hubspot/');
  await panel.loadDemoData();
  await expect(panel.accountName).toHaveText('HubSpot');
  await expect(panel.section('Engagement')).not.toContainText('Win probability');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('select:has(option[value="calibrated"])').selectOption('calibrated');
  await options.getByRole('button', { name: 'Save' }).click();

  const engagement = panel.section('Engagement');
  await expect(engagement).toContainText(/Win probability \d+%/, { timeout: 15_000 });
  await expect(engagement).toContainText(/calibrated on \d{3} won\/lost accounts, AUC 0\.\d\d on \d+ held out/);
  await engagement.getByText('What drives the win probability').click();
  await expect(engagement).toContainText('the odds of a win');
});
