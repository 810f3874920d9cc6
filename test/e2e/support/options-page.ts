import { type BrowserContext, expect, type Locator, type Page } from '@playwright/test';
import { SidePanel } from './side-panel';

/** The options page, opened in its own tab. It accepts every dialog (the preset confirm, leaving with unsaved edits). */
export class OptionsPage {
  /** Alerts raised by the page's content: a hostile string that ran as markup would show here. */
  readonly alerts: string[] = [];

  constructor(readonly page: Page) {
    page.on('dialog', (d) => {
      if (d.type() === 'alert') this.alerts.push(d.message());
      void d.accept();
    });
  }

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const options = new OptionsPage(page);
    await expect(page.getByRole('heading', { name: 'Tierlens settings' })).toBeVisible();
    return options;
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save', exact: true });
  }

  /** "Saved", "Unsaved changes" or nothing. */
  get saveStatus(): Locator {
    return this.page.locator('.save-bar').getByRole('status');
  }

  /** The located problems that kept a save from happening. */
  get problems(): Locator {
    return this.page.locator('.save-bar').getByRole('alert');
  }

  get preview(): Locator {
    return this.page.getByRole('region', { name: 'Preview' });
  }

  section(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }

  /** One tier's card of the tiers editor. */
  tier(n: number): Locator {
    return this.page.getByRole('group', { name: `Tier ${n}`, exact: true });
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    await expect(this.saveStatus).toHaveText('Saved');
  }

  /** The settings in storage, as the side panel and the background read them. */
  storedSettings(): Promise<unknown> {
    return this.page.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
  }

  /** How many accounts the extension's database holds, read past the page's code. */
  accountCount(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('tierlens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const request = db.transaction('accounts').objectStore('accounts').count();
            request.onsuccess = () => {
              resolve(request.result);
              db.close();
            };
          };
        }),
    );
  }
}

/** Loads the demo data from the empty side panel, as a new user would, and closes that page. */
export async function loadDemoData(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await new SidePanel(page, -1).loadDemoData();
  await page.close();
}
