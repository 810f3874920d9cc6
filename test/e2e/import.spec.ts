import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { expect, test } from './support/fixtures';
import { serveLinkedIn } from './support/linkedin-site';
import { loadDemoData } from './support/options-page';
import { SourcesPage } from './support/sources-page';

// Quietfield Analytics is in nobody's accounts until the CSV brings it in, as an assigned Tier 1
// account. HubSpot is a Tier 2 demo account the CSV also holds, as Tier 1. The synthetic LinkedIn
// serves both companies' pages.
const QUIETFIELD = { slug: 'quietfield-analytics-synthetic', name: 'Quietfield Analytics', id: '7777777' };
const HUBSPOT = { slug: 'hubspot', name: 'HubSpot', id: '68529' };
const QUIETFIELD_URL = `https://www.linkedin.com/company/${QUIETFIELD.slug}/`;
const COMPANIES = join(import.meta.dirname, '..', 'fixtures', 'e2e-import', 'hubspot-companies.csv');

/** A HubSpot-style companies export of `rows` generated companies, written to a temporary file. */
async function generatedCsv(dir: string, rows: number): Promise<string> {
  const path = join(dir, 'generated-companies.csv');
  const out = createWriteStream(path);
  out.write('"Record ID","Company name","Company Domain Name","Number of Employees"\n');
  for (let i = 1; i <= rows; i++) {
    if (!out.write(`"${8_000_000_000 + i}","Generated Company ${i}","generated-${i}.com","${i % 5000}"\n`)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  out.end();
  await finished(out);
  return path;
}

// One browser profile for the whole story: each step builds on the data the previous one left.
test('a CSV imported on the options page is what the side panel shows on LinkedIn', async ({
  context,
  extensionId,
  sidePanel,
}, testInfo) => {
  test.setTimeout(120_000);
  const tmp = mkdtempSync(join(tmpdir(), 'tierlens-import-'));
  const shot = async (
    page: import('@playwright/test').Page,
    name: string,
    target?: import('@playwright/test').Locator,
  ) => {
    const path = testInfo.outputPath(`${name}.png`);
    await (target ?? page).screenshot({ path, ...(target ? {} : { fullPage: true }) });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  };
  await serveLinkedIn(context, [QUIETFIELD, HUBSPOT]);
  const linkedIn = await context.newPage();
  await linkedIn.goto(QUIETFIELD_URL);
  const panel = await sidePanel(QUIETFIELD_URL);
  let sources!: SourcesPage;

  await test.step('the empty panel opens the Sources section of the options page', async () => {
    await expect(panel.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
    // The page is recognised, and its company is in no accounts yet.
    await expect.poll(() => panel.badge().then((b) => b.text)).toBe('?');
    const [options] = await Promise.all([
      context.waitForEvent('page'),
      panel.page.getByRole('button', { name: 'Import a file' }).click(),
    ]);
    await options.waitForURL(/options\.html#sources$/);
    sources = new SourcesPage(options);
    await expect(sources.fileImport).toBeInViewport();
    // The demo data too, so that one company is known to two sources.
    await loadDemoData(context, extensionId);
  });

  await test.step('the chosen file shows its format, kind and column mapping with samples', async () => {
    await sources.chooseFiles(COMPANIES);
    const file = sources.file('hubspot-companies.csv');
    await expect(file).toContainText('CSV, comma-separated');
    await expect(file.getByLabel('Kind of records in hubspot-companies.csv')).toHaveValue('account');
    await expect(sources.fieldFor('hubspot-companies.csv', 'Company Domain Name')).toHaveValue('domain');
    await expect(sources.fieldFor('hubspot-companies.csv', 'Ideal Customer Profile Tier')).toHaveValue('assignedTier');
    await expect(sources.samplesOf('hubspot-companies.csv', 'Company Domain Name').getByRole('listitem')).toHaveText([
      'quietfield-analytics.com',
      'northwind-traders.com',
      'nameless-row.com',
    ]);
    // A company name with markup is a sample like any other: text, never an element.
    await expect(sources.samplesOf('hubspot-companies.csv', 'Company name')).toContainText(
      '<img src=x onerror=alert(1)>',
    );
    await expect(sources.page.locator('.options img')).toHaveCount(0);
    // Nothing imported from a file yet: nothing to add to, so no choice, and the page says why.
    await expect(sources.fileImport).toContainText(
      'Nothing is imported from a file yet: these files become the file import',
    );
    await expect(sources.fileImport.getByRole('radio')).toHaveCount(0);
    await shot(sources.page, 'sources-mapping', sources.section('Import a file'));
  });

  await test.step('the import lands the good rows and lists the bad one by its row', async () => {
    await sources.importButton.click();
    await expect(sources.result.getByRole('status')).toHaveText(
      // The first file import: there was nothing to replace.
      'Imported 4 accounts, 0 contacts and 0 touchpoints.',
    );
    const badRow = sources.badRows.getByRole('row').nth(1);
    await expect(badRow).toContainText('4');
    await expect(badRow).toContainText('Record ID');
    await expect(sources.result.getByRole('button', { name: 'Download bad rows (CSV)' })).toBeVisible();
    await expect(sources.status('file')).toContainText('holds 4 accounts, 0 contacts and 0 touchpoints');
    await expect(sources.status('file')).toContainText('imported just now');
    await shot(sources.page, 'sources-imported', sources.section('Import a file'));

    const [download] = await Promise.all([
      sources.page.waitForEvent('download'),
      sources.result.getByRole('button', { name: 'Download bad rows (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('tierlens-bad-rows.csv');
  });

  await test.step('the panel on LinkedIn shows the imported account, its tier and where it came from', async () => {
    await expect(panel.accountName).toHaveText('Quietfield Analytics');
    await expect(panel.section('Fit and tier')).toContainText('Tier 1 Strategic');
    await expect(panel.page.locator('.data-footer')).toHaveText('Imported just now from a file');
    await expect.poll(() => panel.badge().then((b) => b.text)).toBe('T1');
    await shot(panel.page, 'panel-imported');
    await shot(panel.page, 'panel-footer', panel.page.locator('.data-footer'));
  });

  await test.step('a company the file and the demo data both hold is shown once, from the file, naming both', async () => {
    await linkedIn.evaluate(() => history.pushState({}, '', '/company/hubspot/'));
    await expect(panel.accountName).toHaveText('HubSpot');
    await expect(panel.section('Fit and tier')).toContainText('Tier 1 Strategic');
    const footer = panel.page.locator('.data-footer');
    await expect(footer).toContainText('Imported just now from a file');
    await expect(footer).toContainText('Also in the demo data');
    await shot(panel.page, 'panel-footer-also-in', footer);
    await linkedIn.evaluate(() => history.pushState({}, '', '/company/quietfield-analytics-synthetic/'));
    await expect(panel.accountName).toHaveText('Quietfield Analytics');
  });

  await test.step('a contacts file dropped on the import links to its accounts by domain, and says what it added', async () => {
    const people = join(tmp, 'contacts.csv');
    writeFileSync(
      people,
      '"Record ID","First Name","Last Name","Email","Company Domain Name"\n"501","Rae","Quill","rae@example.org","quietfield-analytics.com"\n',
    );
    await sources.dropFiles([people]);
    await expect(sources.file('contacts.csv')).toBeVisible();
    const mode = sources.fileImport.getByRole('group', { name: 'What to do with the data imported before' });
    await expect(
      mode.getByRole('radio', { name: 'Add to the imported data (rows with the same id are updated)' }),
    ).toBeChecked();
    await expect(mode.getByRole('radio', { name: 'Replace the imported data' })).not.toBeChecked();
    await expect(mode).toContainText('replaces that record whole');
    await shot(sources.page, 'sources-add-mode', sources.section('Import a file'));
    await sources.importButton.click();
    await expect(sources.result.getByRole('status')).toHaveText(
      'Added 1 contact. 4 accounts kept from the previous import. The file import now holds 4 accounts, 1 contact and 0 touchpoints.',
    );
    await expect(sources.result).not.toContainText('the import has no accounts');
    await expect(sources.status('file')).toContainText('holds 4 accounts, 1 contact and 0 touchpoints');
  });

  await test.step('cancelling a large import leaves the previous import as it was', async () => {
    const big = await generatedCsv(tmp, 200_000);
    await sources.chooseFiles(big);
    await expect(sources.fieldFor('generated-companies.csv', 'Company Domain Name')).toHaveValue('domain');
    await sources.importButton.click();
    await expect(sources.progress).toBeVisible();
    await expect(sources.fileImport.getByRole('status').first()).toContainText(/[\d,]+ rows read/);
    await expect(sources.fileImport).toContainText('rows/s');
    await shot(sources.page, 'sources-progress', sources.section('Import a file'));
    await sources.cancelButton.click();
    await expect(sources.result.getByRole('status')).toHaveText(
      'Import cancelled: nothing changed, the previous data is as it was.',
      { timeout: 15_000 },
    );
    await expect(sources.status('file')).toContainText('holds 4 accounts, 1 contact and 0 touchpoints');
    await expect(sources.status('file')).not.toContainText('Importing');
    await expect(panel.accountName).toHaveText('Quietfield Analytics');
    await expect(panel.section('Fit and tier')).toContainText('Tier 1 Strategic');
  });

  await test.step('a team feed address the background would refuse is refused on the page, and says why', async () => {
    const feed = sources.section('Team feed');
    await feed.getByLabel('Team feed address').fill('http://feeds.example.com/manifest.json');
    await feed.getByRole('button', { name: 'Connect' }).click();
    await expect(feed.getByRole('alert')).toHaveText(
      'The address must be an https:// address (plain http only on this machine).',
    );
    await expect(sources.section('HubSpot')).toContainText('crm.objects.companies.read');
    // Edits go back only with the write scopes, and the page says so before connecting.
    await expect(sources.section('HubSpot')).toContainText('crm.objects.contacts.write');
    await shot(sources.page, 'sources-section', sources.page.locator('#sources'));
  });

  await test.step('with real data in, the demo data can go in one click', async () => {
    await sources.section('Sources').getByRole('button', { name: 'Remove the demo data' }).click();
    await expect(sources.section('Sources').getByRole('status')).toContainText(/Removed [\d,]+ demo accounts/);
    await expect(sources.section('Sources').getByRole('button', { name: 'Remove the demo data' })).toBeHidden();
    await linkedIn.evaluate(() => history.pushState({}, '', '/company/hubspot/'));
    await expect(panel.accountName).toHaveText('HubSpot');
    await expect(panel.page.locator('.data-footer')).toHaveText('Imported just now from a file');
  });

  expect(sources.alerts).toEqual([]);
  rmSync(tmp, { recursive: true, force: true });
});
