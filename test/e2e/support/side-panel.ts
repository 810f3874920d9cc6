import { expect, type Locator, type Page } from '@playwright/test';

/** The side panel page, opened in a tab for the tab it follows (`?tab=<id>`). */
export class SidePanel {
  constructor(
    readonly page: Page,
    readonly tabId: number,
  ) {}

  get accountName(): Locator {
    return this.page.locator('.account-name');
  }

  section(title: string | RegExp): Locator {
    return this.page.getByRole('region', { name: title });
  }

  get notInAccounts(): Locator {
    return this.page.locator('[data-state="not-in-accounts"]');
  }

  get noCompany(): Locator {
    return this.page.getByRole('heading', { name: 'No company on this page' });
  }

  /** Loads the demo data through the empty state's button, as a new user would. */
  async loadDemoData(): Promise<void> {
    await this.page.getByRole('button', { name: 'Load demo data' }).click();
    await expect(this.page.locator('[data-state="empty"]')).toBeHidden({ timeout: 20_000 });
  }

  /** What the background stored for the followed tab (storage.session), as the panel reads it. */
  async storedTabState(): Promise<{ url?: string } | undefined> {
    return this.page.evaluate(async (tabId) => {
      const key = `tab:${tabId}`;
      return (await chrome.storage.session.get(key))[key] as { url?: string } | undefined;
    }, this.tabId);
  }

  /** The toolbar badge of the followed tab: its text and its title (read from the panel's page). */
  async badge(): Promise<{ text: string; title: string }> {
    return this.page.evaluate(async (tabId) => {
      const [text, title] = await Promise.all([
        chrome.action.getBadgeText({ tabId }),
        chrome.action.getTitle({ tabId }),
      ]);
      return { text, title };
    }, this.tabId);
  }
}
