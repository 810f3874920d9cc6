import { type Locator, type Page, test } from '@playwright/test';

/**
 * Saves a screenshot for a person to look at, in the running test's own folder under
 * Playwright's `outputDir` (test-results/, cleared before each run, never /tmp or the project),
 * and attaches it to the report under `name`. A page is taken whole; a locator as it shows.
 */
export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  const path = test.info().outputPath(`${name}.png`);
  if ('mainFrame' in target) await target.screenshot({ path, fullPage: true });
  else await target.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
  return path;
}
