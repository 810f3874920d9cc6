import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { serveLinkedIn } from './support/linkedin-site';
import { loadDemoData, OptionsPage } from './support/options-page';
import { screenshot } from './support/screenshot';

// Microsoft is an assigned Tier 1 demo account.
const MICROSOFT_URL = 'https://www.linkedin.com/company/microsoft/';
const HOSTILE = '<img src=x onerror=alert(1)>';

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, [{ slug: 'microsoft', name: 'Microsoft', id: '1035' }]);
});

test('a commitment changed on the options page shows in the side panel', async ({
  context,
  extensionId,
  sidePanel,
}) => {
  await loadDemoData(context, extensionId);
  const tab = await context.newPage();
  await tab.goto(MICROSOFT_URL);

  const options = await OptionsPage.open(context, extensionId);
  const page = options.page;
  await expect(page.getByLabel('Program 3 name')).toHaveValue('Executive outreach');
  await page.getByLabel('Program 3 name').fill(`Executive outreach ${HOSTILE}`);
  await page.getByRole('button', { name: 'Add program' }).click();
  await page
    .getByLabel(/^Program \d+ name$/)
    .last()
    .fill('Quarterly CFO briefing');
  await page
    .getByLabel(/^Program \d+ owner$/)
    .last()
    .fill('Finance');
  await page.getByLabel('Quarterly CFO briefing: Tier 1').fill('quarterly');
  await expect(options.saveStatus).toHaveText('Unsaved changes');
  // The chart alone: a whole-page screenshot of the long options page, taken while the demo
  // data's rescoring runs, once took longer than the test's 30 s on a loaded machine.
  await screenshot(page.getByRole('region', { name: 'Program commitments' }), 'options-commitments');
  await options.save();

  const panel = await sidePanel(MICROSOFT_URL);
  const commitments = panel.section('Tier 1 commitments');
  await expect(commitments).toContainText('Quarterly CFO briefing');
  await expect(commitments).toContainText('Finance · quarterly');
  // The hostile name is text in both pages, never markup.
  await expect(commitments).toContainText(`Executive outreach ${HOSTILE}`);
  await expect(commitments.locator('img')).toHaveCount(0);
  await expect(page.locator('.options img')).toHaveCount(0);
  expect(options.alerts).toEqual([]);
});

test('the orchestration-by-grade preset, saved, puts the account’s segment and programs in the side panel', async ({
  context,
  extensionId,
  sidePanel,
}) => {
  await loadDemoData(context, extensionId);
  const tab = await context.newPage();
  await tab.goto(MICROSOFT_URL);

  const options = await OptionsPage.open(context, extensionId);
  await options.page.getByRole('button', { name: 'Use the preset “Orchestration by grade”' }).click();
  await expect(options.page.getByLabel('Orchestration by grade (the template below)')).toBeChecked();
  await options.save();

  const panel = await sidePanel(MICROSOFT_URL);
  const section = panel.section('Orchestration by grade');
  await expect(section.locator('.segment')).toHaveText(/^(Top 20 accounts|A and B|Remaining)$/);
  // Every segment of the preset gets company emails; the tier's commitments give way.
  await expect(section).toContainText('Company emails');
  await expect(panel.section(/commitments$/)).toHaveCount(0);
  await section.getByText('Why this segment').click();
  await expect(section).toContainText(/Top 20 accounts.*(rank [\d,]+ of [\d,]+|not known yet)/);
  await screenshot(section, 'panel-orchestration');
});

test('invalid input says where and why, and saves nothing', async ({ context, extensionId }) => {
  const options = await OptionsPage.open(context, extensionId);
  const page = options.page;
  const weight = page.getByLabel('Criterion 1 weight');
  const program = page.getByLabel('Program 2 name');
  const capacity = options.tier(1).getByLabel('Capacity');
  await weight.fill('150');
  await program.fill('');
  await capacity.fill('lots');
  await options.saveButton.click();

  await expect(options.problems).toContainText('ICP › criterion 1 › weight: must be at most 100');
  await expect(options.problems).toContainText('program 2 › name: needs a name');
  await expect(options.problems).toContainText('tier 1 › capacity: must be a number');
  for (const input of [weight, program, capacity]) await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(options.saveStatus).not.toHaveText('Saved');
  expect(await options.storedSettings()).toBeUndefined();
  await screenshot(page, 'options-problems');

  // A problem leads to its input; fixing one takes it off the list, and nothing is saved meanwhile.
  await options.problems.getByRole('button', { name: /program 2 › name/ }).click();
  await expect(program).toBeFocused();
  await weight.fill('50');
  await expect(options.problems).not.toContainText('weight');
  await expect(weight).not.toHaveAttribute('aria-invalid');
  expect(await options.storedSettings()).toBeUndefined();

  await page.reload();
  await expect(page.getByLabel('Criterion 1 weight')).toHaveValue('30');
  await expect(page.getByLabel('Program 2 name')).toHaveValue('Account-specific website experience');
  await expect(options.tier(1).getByLabel('Capacity')).toHaveValue('25');
  await expect(options.problems).toHaveCount(0);
});

test('switching to the ICP ladder and saving puts its tiers in the side panel', async ({
  context,
  extensionId,
  sidePanel,
}) => {
  await loadDemoData(context, extensionId);
  const tab = await context.newPage();
  await tab.goto(MICROSOFT_URL);

  const options = await OptionsPage.open(context, extensionId);
  await options.page.getByLabel('Tier model').selectOption('icp_ladder');
  await expect(options.tier(5).getByLabel('Name')).toHaveValue('Fits the ICP');
  await expect(options.tier(1).getByLabel('Name')).toHaveValue('Full fit');
  await expect(options.tier(1).getByRole('checkbox', { name: 'Uses a CRM' })).toBeChecked();
  await expect(options.preview.getByRole('listitem').filter({ hasText: /^Tier \d holds/ })).toHaveCount(5);
  await expect(options.preview).toContainText('Tier 5 holds');
  await screenshot(options.page, 'options-ladder');
  await options.save();

  const panel = await sidePanel(MICROSOFT_URL);
  await expect(panel.section('Fit and tier')).toContainText('Tier 1 Full fit');
});

test('the live preview counts every account by grade and fills each tier against its capacity', async ({
  context,
  extensionId,
}) => {
  await loadDemoData(context, extensionId);
  const options = await OptionsPage.open(context, extensionId);
  const preview = options.preview;
  await expect(preview).toContainText(/Tier 1 holds \d+ of 25/);

  const counts = await preview.locator('.grade-number').allTextContents();
  const sum = counts.map((c) => Number(c.replace(/,/g, ''))).reduce((a, b) => a + b, 0);
  expect(sum).toBe(await options.accountCount());
  await expect(preview).toContainText(/With these settings: \d+ A, \d+ B, \d+ C, \d+ D, \d+ F/);
  await screenshot(options.page, 'options-full');

  // Shrinking Tier 1 puts it over capacity, in words and in the warning style.
  await options.tier(1).getByLabel('Capacity').fill('2');
  const tier1 = preview.getByRole('listitem').filter({ hasText: /^Tier 1 holds/ });
  await expect(tier1).toContainText(/Tier 1 holds \d+ of 2 · over capacity/);
  await expect(tier1).toHaveClass(/over/);

  // An invalid draft has no preview.
  await options.tier(1).getByLabel('Capacity').fill('');
  await expect(preview).toContainText('Fix the problems to see the preview.');
});

test('settings export to a file and import back; a malformed file changes nothing', async ({
  context,
  extensionId,
}) => {
  const options = await OptionsPage.open(context, extensionId);
  const page = options.page;
  const capacity = options.tier(1).getByLabel('Capacity');
  await capacity.fill('30');
  await options.save();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export settings' }).click();
  const file = await (await download).path();
  expect(JSON.parse(readFileSync(file, 'utf8')).tiers[0].capacity).toBe(30);

  const importFile = async (files: Parameters<import('@playwright/test').FileChooser['setFiles']>[0]) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import settings…' }).click();
    await (await chooser).setFiles(files);
  };
  const importSection = options.section('Import and export');

  await capacity.fill('40');
  await importFile(file);
  await expect(capacity).toHaveValue('30');
  await expect(importSection.getByRole('status')).toContainText('review it, then Save to apply');

  await capacity.fill('45');
  await importFile({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "version": 2,') });
  await expect(importSection.getByRole('alert')).toContainText('not valid JSON');
  await expect(capacity).toHaveValue('45');

  await importFile({
    name: 'wrong.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), tiers: [] })),
  });
  await expect(importSection.getByRole('alert')).toContainText('needs at least one tier');
  await expect(capacity).toHaveValue('45');
  await screenshot(page, 'options-import');

  await page.reload();
  await expect(options.tier(1).getByLabel('Capacity')).toHaveValue('30');
});

test('a saved threshold change is in the change log, with what it did to the grades', async ({
  context,
  extensionId,
}) => {
  await loadDemoData(context, extensionId);
  const options = await OptionsPage.open(context, extensionId);
  const page = options.page;
  // The effect is counted on the accounts the preview has read.
  await expect(page.locator('.preview-sentence')).toBeVisible();
  await page.getByLabel(/^C from/).fill('60');
  await options.save();

  await page.goto(`chrome-extension://${extensionId}/accounts.html#changes`);
  const entry = page.locator('.change-model').first();
  await expect(entry).toContainText('Models: ICP criteria');
  await expect(entry).toContainText('ICP criteria · thresholds.C: 45 → 60');
  await expect(entry.getByRole('table', { name: 'Grades' })).toBeVisible();
  await expect(entry.getByRole('table', { name: 'Grades' }).locator('tr.moved').first()).toBeVisible();
});
