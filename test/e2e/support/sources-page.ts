import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type BrowserContext, expect, type Locator, type Page } from '@playwright/test';

/**
 * The options page's Sources section (options.html#sources): the file import, the team feed,
 * HubSpot and the data actions. It accepts every dialog (Clear all data's confirm) and keeps
 * the alerts a hostile string run as markup would raise.
 */
export class SourcesPage {
  readonly alerts: string[] = [];

  constructor(readonly page: Page) {
    page.on('dialog', (d) => {
      if (d.type() === 'alert') this.alerts.push(d.message());
      void d.accept();
    });
  }

  static async open(context: BrowserContext, extensionId: string): Promise<SourcesPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html#sources`);
    const sources = new SourcesPage(page);
    await expect(sources.fileImport).toBeVisible();
    return sources;
  }

  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  get fileImport(): Locator {
    return this.section('Import a file');
  }

  /** Chooses files with the "Choose files" picker, as a user would. */
  async chooseFiles(paths: string | string[]): Promise<void> {
    await this.fileImport.getByLabel('Choose files').setInputFiles(paths);
  }

  /** Drags files onto the drop zone and drops them, as a person does from their file manager. */
  async dropFiles(paths: string[]): Promise<void> {
    const files = paths.map((path) => ({ name: basename(path), text: readFileSync(path, 'utf8') }));
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/csv' }));
      return dt;
    }, files);
    const zone = this.fileImport.getByRole('group', { name: 'Files to import' });
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('dragover', { dataTransfer });
    await expect(zone).toHaveClass(/drop-over/);
    await zone.dispatchEvent('drop', { dataTransfer });
    await expect(zone).not.toHaveClass(/drop-over/);
  }

  /** One chosen file's card: its format, kind and column mapping. */
  file(name: string): Locator {
    return this.fileImport.getByRole('region', { name: `File ${name}` });
  }

  /** The field a column of `file` is imported as. */
  fieldFor(file: string, header: string): Locator {
    return this.file(file).getByLabel(`Field for ${header}`, { exact: true });
  }

  samplesOf(file: string, header: string): Locator {
    return this.file(file).getByRole('list', { name: `Samples of ${header}`, exact: true });
  }

  get importButton(): Locator {
    return this.fileImport.getByRole('button', { name: 'Import', exact: true });
  }

  get cancelButton(): Locator {
    return this.fileImport.getByRole('button', { name: 'Cancel', exact: true });
  }

  get progress(): Locator {
    return this.fileImport.getByRole('progressbar', { name: 'Import progress' });
  }

  /** How the last import ended, and its bad rows. */
  get result(): Locator {
    return this.fileImport.locator('.import-result');
  }

  get badRows(): Locator {
    return this.result.getByRole('table', { name: /^Bad rows/ });
  }

  /** A source's status line: what it holds, when it last succeeded, its last error. */
  status(source: 'demo' | 'file' | 'feed' | 'hubspot'): Locator {
    return this.page.locator(`.source-status[data-source="${source}"]`);
  }
}
