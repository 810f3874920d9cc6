import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';

const SITES = join(import.meta.dirname, '..', '..', 'fixtures', 'sites');

/** A page of a company website: a saved real page (a file in test/fixtures/sites/) or inline HTML. */
export type SitePage = { file: string } | { html: string };

/**
 * Serves company websites by exact URL (registered after serveLinkedIn, so these win); other
 * requests fall through to the routes registered before.
 */
export async function serveWebsites(context: BrowserContext, pages: Record<string, SitePage>): Promise<void> {
  await context.route(/^https?:\/\//, async (route) => {
    const url = route.request().url();
    const page = pages[url];
    if (!page || route.request().resourceType() !== 'document') return route.fallback();
    const body = 'file' in page ? readFileSync(join(SITES, page.file), 'utf8') : page.html;
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}
