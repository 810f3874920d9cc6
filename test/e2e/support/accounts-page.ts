/**
 * The Accounts view (accounts.html) as the tests drive it, and a reader of the derived scores
 * that goes past the page's own code, straight to IndexedDB: what the rows say, to check the
 * view against.
 */
import { readFileSync } from 'node:fs';
import { type BrowserContext, expect, type Locator, type Page } from '@playwright/test';

/** One score row, as far as the tests look at it. */
export interface StoredRow {
  id: string;
  name: string;
  assignedTier?: number;
  grade: string | null;
  engagement: number;
}

/** Which stored rows a question is about: those with this tier and grade, whose name contains `name` (any case). */
export interface RowsQuery {
  assignedTier?: number;
  grade?: string;
  name?: string;
}

/**
 * What a question about the stored rows answers: how many match, and (when few) which; `pending`
 * while the background is scoring a run that is not visible yet.
 */
export interface RowsAnswer<R = StoredRow> {
  count: number;
  total: number;
  rows: R[];
  pending: boolean;
}

/**
 * The visible run's score rows, read from IndexedDB, that match `where`; the rows themselves
 * when at most `upTo` match: as `StoredRow`s, or whole (typed `R` by the caller) with `full`.
 */
export function readStoredRows<R = StoredRow>(
  page: Page,
  where: RowsQuery,
  { upTo = 5000, full = false }: { upTo?: number; full?: boolean } = {},
): Promise<RowsAnswer<R>> {
  return page.evaluate(
    ({ where, upTo, full }) =>
      new Promise<RowsAnswer<R>>((resolve, reject) => {
        const open = indexedDB.open('tierlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['derived', 'scoreChunks'], 'readonly');
          const state = tx.objectStore('derived').get('scores');
          const chunks = tx.objectStore('scoreChunks').getAll();
          tx.oncomplete = () => {
            db.close();
            const s = state.result as { run?: number; pending?: unknown } | undefined;
            const all = (chunks.result as { run: number; rows: StoredRow[] }[])
              .filter((c) => c.run === s?.run)
              .flatMap((c) => c.rows);
            const name = where.name?.toLowerCase();
            const hits = all.filter(
              (r) =>
                (where.assignedTier === undefined || r.assignedTier === where.assignedTier) &&
                (where.grade === undefined || r.grade === where.grade) &&
                (name === undefined || r.name.toLowerCase().includes(name)),
            );
            const slim = (r: StoredRow) => ({
              id: r.id,
              name: r.name,
              assignedTier: r.assignedTier,
              grade: r.grade,
              engagement: r.engagement,
            });
            const rows = hits.length > upTo ? [] : full ? hits : hits.map(slim);
            resolve({
              count: hits.length,
              total: all.length,
              rows: rows as unknown as R[],
              pending: Boolean(s?.pending),
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { where, upTo, full },
  );
}

export class AccountsPage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<AccountsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/accounts.html`);
    await expect(page.getByRole('heading', { name: 'Accounts', exact: true })).toBeVisible();
    return new AccountsPage(page);
  }

  /** "1,234 of 100,000 accounts". */
  get count(): Locator {
    return this.page.locator('.accounts-count');
  }

  get status(): Locator {
    return this.page.locator('.scores-status');
  }

  get list(): Locator {
    return this.page.getByRole('listbox');
  }

  get card(): Locator {
    return this.page.getByRole('complementary', { name: 'Account card' });
  }

  async choose(filter: string, option: string): Promise<void> {
    await this.page.getByLabel(filter, { exact: true }).selectOption({ label: option });
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox').fill(text);
  }

  /** The ids of the rows on screen, top to bottom. */
  async shownIds(): Promise<string[]> {
    return this.list.getByRole('option').evaluateAll((options) =>
      options
        .map((o) => ({ id: o.getAttribute('data-account-id') ?? '', top: o.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top)
        .map((o) => o.id),
    );
  }

  /** The id of the selected row. */
  async selectedId(): Promise<string | null> {
    return this.list.locator('[role="option"][aria-selected="true"]').getAttribute('data-account-id');
  }

  /** Clicks "Export CSV" and reads the file the browser saved: its name and its text. */
  async exportCsv(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    const path = await file.path();
    return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  /** The visible run's score rows that match `where`, as `StoredRow`s when at most `upTo` match. */
  storedRows(where: RowsQuery, upTo = 5000): Promise<RowsAnswer> {
    return readStoredRows(this.page, where, { upTo });
  }

  /** Sends the background a message of the extension's protocol (@webext-core/messaging's envelope). */
  send(type: string): Promise<unknown> {
    return this.page.evaluate(
      (type) => chrome.runtime.sendMessage({ id: Date.now(), type, data: undefined, timestamp: Date.now() }),
      type,
    );
  }
}
