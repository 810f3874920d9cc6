import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { mulberry32 } from '../../lib/demo/random';
import { type CdpBrowser, evaluateWithGesture, launchCdpBrowser, sleep } from '../../scripts/bench/cdp-browser';
import type { FeedServer } from '../support/feed-server';
import type { HubSpotServer } from '../support/hubspot-server';
import { extensionWithAllSites } from './support/fixtures';
import {
  type BuiltFeed,
  buildFeed,
  delayShards,
  feedRecords,
  seedHubSpot,
  startHubSpotServer,
  startTeamFeed,
} from './support/source-servers';
import { sortedEntries, VISIBLE_GENERATION_SCRIPT, type VisibleGeneration } from './support/sync-page';

// The browser stops an idle MV3 service worker at any moment, a sync in the middle included.
// Playwright keeps the worker alive, so this file drives Chromium over raw CDP (as
// worker-restart.spec.ts does), connects each source through the options page, stops the worker
// at random moments of its sync, wakes it, and checks that what lookups see was always one whole
// generation and ends as exactly the source's data.
test.describe.configure({ mode: 'serial' });

const SEED = Number(process.env.SYNC_STOP_SEED ?? Math.floor(Math.random() * 2 ** 31));
// The stop moments, reproducible from the seed.
const rng = mulberry32(SEED);
const between = (min: number, max: number) => Math.round(min + rng() * (max - min));

let extension: string;
let browser: CdpBrowser;
/** The options page: the UI that connects, and the extension page that reads IndexedDB. */
let options: string;

test.beforeAll(async () => {
  console.log(`sync-worker-stopped: seed ${SEED} (rerun with SYNC_STOP_SEED=${SEED})`);
  extension = extensionWithAllSites();
  browser = await launchCdpBrowser({ extension });
  options = await browser.openExtensionPage('options.html');
});

test.afterAll(async () => {
  await browser?.close();
  if (extension) rmSync(extension, { recursive: true, force: true });
});

test.beforeEach(() => {
  test.info().annotations.push({ type: 'seed', description: String(SEED) });
});

const evaluate = <T>(expression: string) => browser.cdp.evaluate<T>(options, expression);

/** Polls an expression in the options page until `ok` says yes (or ~timeout ms pass). */
async function until<T>(expression: string, ok: (v: T) => boolean, timeout = 20_000): Promise<T> {
  const end = Date.now() + timeout;
  let value: T | undefined;
  while (Date.now() < end) {
    value = await evaluate<T>(expression).catch(() => undefined);
    if (value !== undefined && ok(value)) return value;
    await sleep(50);
  }
  throw new Error(`timed out waiting on ${expression.slice(0, 80)}: last ${JSON.stringify(value)}`);
}

const visible = (source: 'feed' | 'hubspot') =>
  evaluate<VisibleGeneration>(`${VISIBLE_GENERATION_SCRIPT}('${source}')`);

/** The main database's sync state of a source, with the staging generation's committed progress. */
const progress = (source: 'feed' | 'hubspot') =>
  evaluate<{
    staging?: number;
    cursor?: string;
    staged: number;
    held?: number;
    lastSuccess?: number;
    lastError?: string;
  }>(`(async () => {
    const open = (name) => new Promise((ok, ko) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
    const get = (db, key) => new Promise((ok, ko) => { const r = db.transaction('syncState').objectStore('syncState').get(key); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
    const main = await open('tierlens');
    const state = await get(main, '${source}');
    main.close();
    const staging = state?.staging?.generation;
    let meta;
    if (staging && (await indexedDB.databases()).some((d) => d.name === 'tierlens~${source}~' + staging)) {
      const db = await open('tierlens~${source}~' + staging);
      meta = db.objectStoreNames.contains('syncState') ? await get(db, '${source}') : undefined;
      db.close();
    }
    return { staging, cursor: meta?.cursor, staged: meta?.accountCount ?? 0, held: state?.accountCount, lastSuccess: state?.lastSuccess, lastError: state?.lastError?.message };
  })()`);

/** Sets a React-controlled field, found by its label text, as typing would. */
async function fill(region: string, label: string, value: string): Promise<void> {
  await evaluate(`(() => {
    const region = [...document.querySelectorAll('section[aria-label]')].find((s) => s.getAttribute('aria-label') === ${JSON.stringify(region)});
    const field = [...region.querySelectorAll('label')].find((l) => l.textContent.includes(${JSON.stringify(label)}));
    const input = field.querySelector('input');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(value)});
    input.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
}

/** Clicks a section's button by its text, as a user's click (a gesture: Connect may ask for a permission). */
async function click(region: string, button: string): Promise<void> {
  await evaluateWithGesture(
    browser.cdp,
    options,
    `(() => {
      const region = [...document.querySelectorAll('section[aria-label]')].find((s) => s.getAttribute('aria-label') === ${JSON.stringify(region)});
      const b = [...region.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(button)});
      if (!b) throw new Error('no button ' + ${JSON.stringify(button)});
      b.click();
    })()`,
  );
}

/** The text of a section's alerts (its last error, a connect error). */
const alerts = (region: string) =>
  evaluate<string[]>(
    `[...[...document.querySelectorAll('section[aria-label]')].find((s) => s.getAttribute('aria-label') === ${JSON.stringify(region)}).querySelectorAll('[role=alert]')].map((a) => a.textContent)`,
  );

/** Any runtime message from an extension page starts the worker, and every start runs resumeSyncs. */
async function wake(): Promise<void> {
  await evaluate(`chrome.runtime.sendMessage({ wake: true }).catch(() => undefined)`);
  for (let i = 0; i < 100 && !browser.workerRunning(); i++) await sleep(20);
  expect(browser.workerRunning()).toBe(true);
}

/** A whole generation: exactly one of `allowed` (ids and names), or nothing when `empty` is allowed. */
function expectWhole(seen: VisibleGeneration, allowed: Map<string, string>[], empty: boolean): string {
  if (seen.generation === 0) {
    expect(empty, 'no generation visible yet, where one should be').toBe(true);
    return 'none';
  }
  const match = allowed.findIndex((a) => JSON.stringify(sortedEntries(a)) === JSON.stringify(seen.accounts));
  expect(
    match,
    `generation ${seen.generation} shows ${seen.accounts.length} accounts: not one whole generation`,
  ).toBeGreaterThanOrEqual(0);
  return `reference ${match}`;
}

/**
 * Stops the worker `stops` times during the run in progress, each after a random wait, checking
 * at each stop that the visible data is one whole generation; wakes it each time; then waits for
 * the run to end. `beforeWake` re-arms the server's delays.
 */
async function stopDuringSync(run: {
  source: 'feed' | 'hubspot';
  stops: number;
  /** The wait before each stop, drawn from [min, max] ms. */
  waits: [number, number];
  allowed: Map<string, string>[];
  emptyAllowed: boolean;
  beforeWake?: () => void;
}): Promise<string[]> {
  const log: string[] = [];
  // The run has begun: a staging generation exists.
  const started = Date.now();
  while (!(await progress(run.source)).staging) {
    if (Date.now() - started > 10_000) throw new Error(`${run.source}: the sync did not start`);
    await sleep(20);
  }
  for (let i = 0; i < run.stops; i++) {
    const wait = between(...run.waits);
    await sleep(wait);
    await browser.stopWorker(options);
    expect(browser.workerRunning()).toBe(false);
    const at = await progress(run.source);
    const seen = await visible(run.source);
    const whole = expectWhole(seen, run.allowed, run.emptyAllowed);
    // The count the status shows is the visible generation's, not the run's.
    expect(at.held ?? 0).toBe(seen.accounts.length);
    log.push(
      `stop ${i + 1} after ${wait} ms: staging ${at.staging ?? '-'} cursor ${at.cursor ?? '-'} (${at.staged} accounts staged); visible generation ${seen.generation}: ${seen.accounts.length} accounts = ${whole}`,
    );
    // Each stop lands inside the run: otherwise it would test nothing.
    expect(at.staging, `stop ${i + 1} came after the run had ended`).toBeDefined();
    run.beforeWake?.();
    await wake();
  }
  return log;
}

test.describe('the team feed', () => {
  let server: FeedServer;
  let manifestUrl: string;
  let first: BuiltFeed;
  let second: BuiltFeed;
  test.beforeAll(async () => {
    // 20 account shards of 50 and one of contacts; each shard answers after 100–200 ms.
    first = await buildFeed('gen-1', feedRecords(1000), { shardSize: 50 });
    second = await buildFeed(
      'gen-2',
      feedRecords(980, (n) => ({ name: `Renamed company ${n}` })),
      { shardSize: 50 },
    );
    ({ server, manifestUrl } = await startTeamFeed(first));
  });
  test.afterAll(async () => {
    await server?.close();
  });
  const slow = (feed: BuiltFeed) => () => {
    delayShards(server, feed, between(100, 200));
  };

  test('a first sync stopped 4 times shows nothing or all of it, and ends with exactly the feed', async () => {
    expect(first.shards.length).toBe(21);
    slow(first)();
    await until<boolean>(`!!document.querySelector('section[aria-label="Team feed"]')`, Boolean);
    await fill('Team feed', 'Team feed address', manifestUrl);
    await sleep(200); // the page learns that the origin is granted (no permission prompt)
    await click('Team feed', 'Connect');
    const log = await stopDuringSync({
      source: 'feed',
      stops: 4,
      waits: [150, 600],
      allowed: [first.accounts],
      emptyAllowed: true,
      beforeWake: slow(first),
    });
    console.log(log.join('\n'));
    const done = await until<VisibleGeneration>(
      `${VISIBLE_GENERATION_SCRIPT}('feed')`,
      (v) => v.generation > 0 && v.staging === undefined,
    );
    expect(done.label).toBe('gen-1');
    expect(done.accounts).toEqual(sortedEntries(first.accounts));
    expect(done.contacts).toBe(10);
    expect((await progress('feed')).lastError).toBeUndefined();
    // Resumed, not restarted: shards were read again only where a stop cut their request.
    const shardReads = server.requests.filter((r) => r.path !== 'manifest.json' && r.status === 200).length;
    expect(shardReads).toBeLessThanOrEqual(first.shards.length + 4);
  });

  test('a new generation stopped 3 times keeps the old one whole until it switches', async () => {
    server.setFiles(second.files);
    slow(second)();
    await click('Team feed', 'Sync now');
    const log = await stopDuringSync({
      source: 'feed',
      stops: 3,
      waits: [150, 600],
      allowed: [first.accounts, second.accounts],
      emptyAllowed: false,
      beforeWake: slow(second),
    });
    console.log(log.join('\n'));
    const done = await until<VisibleGeneration>(
      `${VISIBLE_GENERATION_SCRIPT}('feed')`,
      (v) => v.label === 'gen-2' && v.staging === undefined,
    );
    expect(done.accounts).toEqual(sortedEntries(second.accounts));
    await until<string>(
      `document.querySelector('section[aria-label="Team feed"] .source-status').textContent`,
      (t) => t.includes('holds 980 accounts') && t.includes('generation gen-2'),
    );
  });

  test('the "Sync now" a stop cut short leaves no browser error on the page', async () => {
    // The reply was lost with the worker, not the run: it resumed and finished.
    const shown = await alerts('Team feed');
    expect(shown.join(' ')).not.toMatch(/message channel closed|message port closed|Could not establish connection/);
  });
});

test.describe('HubSpot', () => {
  let server: HubSpotServer;
  let reference: Map<string, string>;
  test.beforeAll(async () => {
    server = await startHubSpotServer();
    reference = seedHubSpot(server, 600, 300).accounts;
    // Every request answers after 300 ms: 6 pages of companies and 3 of contacts, a few seconds.
    server.faults.add({ kind: 'delay', ms: 300 }, { match: { method: 'GET' }, times: Number.POSITIVE_INFINITY });
  });
  test.afterAll(async () => {
    await server?.close();
  });

  test('a first sync stopped 4 times shows nothing or all of it, and ends with exactly the seeded companies', async () => {
    await until<boolean>(`!!document.querySelector('section[aria-label="HubSpot"] input[type=password]')`, Boolean);
    await fill('HubSpot', 'HubSpot private app token', server.token);
    await evaluate(`document.querySelector('section[aria-label="HubSpot"] details.advanced').open = true`);
    await fill('HubSpot', 'HubSpot API address', server.url);
    await sleep(200);
    await click('HubSpot', 'Connect');
    const log = await stopDuringSync({
      source: 'hubspot',
      stops: 4,
      waits: [250, 700],
      allowed: [reference],
      emptyAllowed: true,
    });
    console.log(log.join('\n'));
    const done = await until<VisibleGeneration>(
      `${VISIBLE_GENERATION_SCRIPT}('hubspot')`,
      (v) => v.generation > 0 && v.staging === undefined,
    );
    expect(done.accounts).toEqual(sortedEntries(reference));
    expect(done.contacts).toBe(300);
    expect((await progress('hubspot')).lastError).toBeUndefined();
    // 9 pages, at most one re-read per stop; apart from them, the token's check on "Connect"
    // and the deals scope's probe (limit=1), and the owners and deal pipelines each run's plan reads.
    const planReads = new Set(['/crm/v3/owners', '/crm/v3/pipelines/deals']);
    const pages = server.requests.filter(
      (r) => r.status === 200 && r.query.limit?.[0] !== '1' && !planReads.has(r.path),
    ).length;
    expect(pages).toBeLessThanOrEqual(9 + 4);
  });
});
