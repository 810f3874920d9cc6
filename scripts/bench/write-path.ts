/**
 * The write path (issue 8):
 * - edit → shown in the panel: in Chromium with the built extension and the demo data, the
 *   time from the click on "Add tag" in the side panel to the tag's chip on screen, which comes
 *   only after the edit is on disk (the outbox is written with strict durability first);
 * - push throughput: 1,000 queued edits (buyer roles on 500 contacts, tags on 500 companies)
 *   pushed by the push engine through the HubSpot target to the HubSpot-compatible test server
 *   on 127.0.0.1 (real HTTP, the server's checks and batches), the outbox in fake-indexeddb.
 */
import { launchBenchBrowser } from './navigation';

export interface EditFigures {
  edits: number;
  shownMs: number[];
}

/** Edit → shown: `edits` tags added one after another on the demo's HubSpot account. */
export async function benchEditShown(edits: number): Promise<EditFigures> {
  const { context, extensionId, close } = await launchBenchBrowser();
  try {
    const linkedin = await context.newPage();
    await linkedin.goto('https://www.linkedin.com/company/hubspot/');
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const tabId = await panel.evaluate(
      async () => (await chrome.tabs.query({ url: 'https://www.linkedin.com/*' }))[0]?.id as number,
    );
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.getByRole('button', { name: 'Load demo data' }).click();
    const tags = panel.getByRole('region', { name: 'Tags' });
    await tags.waitFor();
    const input = tags.getByLabel('Add a tag');
    const add = tags.getByRole('button', { name: 'Add tag' });
    const shownMs: number[] = [];
    for (let i = 0; i < edits; i++) {
      const name = `bench-${i}`;
      await input.fill(name);
      // The page notes when the chip appears, on its own clock; the click is timed there too.
      // A string, not a function: tsx would wrap the page's named helpers in its own `__name`.
      await panel.evaluate(`(() => {
        const label = ${JSON.stringify(`Remove tag ${name}`)};
        window.shownAt = undefined;
        window.clickAt = undefined;
        document.addEventListener('click', () => { window.clickAt ??= performance.now(); }, { capture: true, once: true });
        const observer = new MutationObserver(() => {
          const seen = [...document.querySelectorAll('button')].some((b) => b.getAttribute('aria-label') === label);
          if (window.shownAt === undefined && seen) {
            window.shownAt = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      })()`);
      await add.click();
      await tags.getByRole('button', { name: `Remove tag ${name}` }).waitFor();
      const t = await panel.evaluate(() => {
        const w = window as unknown as { shownAt?: number; clickAt?: number };
        return (w.shownAt ?? Number.NaN) - (w.clickAt ?? Number.NaN);
      });
      shownMs.push(t);
    }
    return { edits, shownMs };
  } finally {
    await close();
  }
}

export interface PushFigures {
  edits: number;
  ms: number;
  requests: number;
  confirmed: number;
}

/** 1,000 queued edits pushed to the HubSpot-compatible server on 127.0.0.1. */
export async function benchPush(edits = 1_000): Promise<PushFigures> {
  // A side-effect import (its types do not resolve through the package's exports map).
  const fakeIndexedDb: string = 'fake-indexeddb/auto';
  await import(fakeIndexedDb);
  const { TierlensDB } = await import('../../lib/db/db');
  const { runPush } = await import('../../lib/sync/push/engine');
  const { createHubSpotTarget } = await import('../../lib/sync/hubspot/push');
  const { DEFAULT_WRITE_BACK } = await import('../../lib/settings/defaults');
  const { startHubSpotServer, tierlensDefinitions } = await import('../../test/support/hubspot-server');

  const server = await startHubSpotServer();
  const db = new TierlensDB(`bench-push-${Date.now()}`, { durability: 'strict' });
  try {
    server.data.defineProperties(tierlensDefinitions(DEFAULT_WRITE_BACK));
    const half = Math.floor(edits / 2);
    const companies = server.data.seedCompanies(half);
    // No roles yet: each edit's base is what HubSpot holds, so every one is written, none a conflict.
    const contacts = server.data.seedContacts(edits - half, {
      companyIds: companies.map((c) => c.id),
      props: () => ({ hs_buying_role: '' }),
    });
    const now = Date.now();
    const outbox = [
      ...contacts.map((c, i) => ({
        opId: `bench-role-${i}`,
        kind: 'buying_roles' as const,
        entityId: `hubspot:${c.id}`,
        accountId: `hubspot:${companies[i % companies.length]?.id}`,
        value: ['CHAMPION' as const],
        base: [] as never[],
      })),
      ...companies.map((c, i) => ({
        opId: `bench-tag-${i}`,
        kind: 'tags' as const,
        entityId: `hubspot:${c.id}`,
        accountId: `hubspot:${c.id}`,
        value: ['bench'],
        base: [] as string[],
      })),
    ].map((e, i) => ({ ...e, createdAt: now + i, state: 'pending' as const, attempts: 0 }));
    await db.outbox.bulkAdd(outbox);
    const before = server.requests.length;
    const target = createHubSpotTarget({ token: server.token, apiBase: server.url, writeBack: DEFAULT_WRITE_BACK });
    const start = performance.now();
    const result = await runPush(db, target, { source: 'hubspot' });
    const ms = performance.now() - start;
    const pushed = await db.outbox.where('state').equals('pushed').count();
    if (pushed !== edits) throw new Error(`push bench: ${pushed} of ${edits} edits pushed (${JSON.stringify(result)})`);
    return { edits, ms, requests: server.requests.length - before, confirmed: result.confirmed };
  } finally {
    db.close();
    await db.delete();
    await server.close();
  }
}
