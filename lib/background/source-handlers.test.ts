import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type FeedServer, startFeedServer } from '../../test/support/feed-server';
import { startHubSpotServer } from '../../test/support/hubspot-server';
import { TierlensDB } from '../db/db';
import { dataView, generationDb } from '../db/generations';
import { buildManifest } from '../sync/feed/manifest';
import { createFeedWriter } from '../sync/feed/writer';
import { buildAccount } from '../sync/records';
import { requestRescore } from './rescore-runner';
import {
  handleClearAllData,
  handleConnectSource,
  handleRemoveDemoData,
  handleSyncNow,
  RejectedSourceMessage,
} from './source-handlers';
import { onSourceAccessAdded, resumeSyncs } from './sync-runner';

type Sender = Browser.runtime.MessageSender;
const NOW = Date.UTC(2026, 11, 1, 9);
const optionsPage = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
const linkedinTab = (): Sender => ({
  id: fakeBrowser.runtime.id,
  tab: { id: 3 } as Browser.tabs.Tab,
  frameId: 0,
  url: 'https://www.linkedin.com/feed/',
});

let db: TierlensDB;
let server: FeedServer;
beforeEach(async () => {
  db = new TierlensDB(`source-handlers-${Math.random().toString(36).slice(2)}`);
  server = await startFeedServer({});
  // The user granted the feed's origin on "Connect".
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
});
afterEach(async () => {
  await server.close();
  for (const d of (await dataView(db)).all) await d.delete();
});

const manifestUrl = () => new URL('manifest.json', server.url).href;

/** Publishes a one-shard feed of `names` on the test server. */
async function publish(generation: string, names: string[]) {
  const files = new Map<string, Uint8Array>();
  const writer = createFeedWriter({ shardSize: 100, write: async (name, bytes) => void files.set(name, bytes) });
  await writer.add(
    names.map((name, i) => ({ kind: 'account' as const, record: buildAccount('feed', String(i), { name }, NOW) })),
  );
  const shards = await writer.close();
  files.set(
    'manifest.json',
    new TextEncoder().encode(JSON.stringify(buildManifest({ generation, createdAt: new Date(NOW), shards }))),
  );
  server.setFiles(Object.fromEntries(files));
  return shards.map((shard) => shard.path);
}

describe('connecting a source', () => {
  it('is refused from anything but a Tierlens page, and stores nothing', async () => {
    await expect(handleConnectSource(db, { source: 'feed', url: manifestUrl() }, linkedinTab())).rejects.toThrow(
      RejectedSourceMessage,
    );
    expect(await db.sourceConfig.count()).toBe(0);
  });

  it.each([
    ['plain http off this machine', 'http://feed.example.com/manifest.json'],
    ['an address with credentials', 'https://user:pw@feed.example.com/manifest.json'],
    ['a file URL', 'file:///etc/passwd'],
    ['no URL at all', 'feed'],
  ])('refuses %s', async (_what, url) => {
    await expect(handleConnectSource(db, { source: 'feed', url }, optionsPage())).rejects.toThrow(/https:\/\//);
  });

  it('keeps the HubSpot token in the extension database, never in storage that content scripts can read', async () => {
    const hubspot = await startHubSpotServer();
    try {
      // Not granted yet: the sync that connecting starts stops before any request but the token's check.
      vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
      await handleConnectSource(db, { source: 'hubspot', url: hubspot.url, token: hubspot.token }, optionsPage());
      expect((await db.sourceConfig.get('hubspot'))?.token).toBe(hubspot.token);
      const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
      const session = JSON.stringify(await fakeBrowser.storage.session.get(null));
      expect(local).not.toContain(hubspot.token);
      expect(session).not.toContain(hubspot.token);
    } finally {
      await hubspot.close();
    }
  });

  it('refuses a token HubSpot refuses, keeping the one in use', async () => {
    const hubspot = await startHubSpotServer();
    try {
      vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
      await handleConnectSource(db, { source: 'hubspot', url: hubspot.url, token: hubspot.token }, optionsPage());
      const typo = `${hubspot.token}x`;
      await expect(
        handleConnectSource(db, { source: 'hubspot', url: hubspot.url, token: typo }, optionsPage()),
      ).rejects.toThrow(/^HubSpot refused the token/);
      expect((await db.sourceConfig.get('hubspot'))?.token).toBe(hubspot.token);
    } finally {
      await hubspot.close();
    }
  });

  it('syncs a team feed and schedules its next run', async () => {
    await publish('g1', ['Acme', 'Globex']);
    await handleConnectSource(db, { source: 'feed', url: manifestUrl() }, optionsPage());
    expect(await handleSyncNow(db, { source: 'feed' }, optionsPage())).toMatchObject({
      status: expect.stringMatching(/switched|unchanged/),
    });
    expect(await db.syncState.get('feed')).toMatchObject({ generation: 1, label: 'g1', accountCount: 2 });
    expect(await fakeBrowser.alarms.get('sync:feed')).toBeDefined();
  });

  it('says why when the user withdrew the permission for the feed’s site, and keeps the data', async () => {
    await publish('g1', ['Acme']);
    await handleConnectSource(db, { source: 'feed', url: manifestUrl() }, optionsPage());
    await handleSyncNow(db, { source: 'feed' }, optionsPage());
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    // The run comes from its alarm, which is gone once fired.
    await fakeBrowser.alarms.clear('sync:feed');
    await db.syncState.update('feed', { nextRunAt: Date.now() });
    const outcome = await handleSyncNow(db, { source: 'feed' }, optionsPage());
    expect(outcome.error).toMatch(/may not read http:\/\/127\.0\.0\.1:\d+: allow it again/);
    expect(await db.syncState.get('feed')).toMatchObject({ generation: 1, accountCount: 1 });
    // The next try stays set: the status names a time, not a run that never comes.
    const alarm = await fakeBrowser.alarms.get('sync:feed');
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect((await db.syncState.get('feed'))?.nextRunAt).toBe(alarm?.scheduledTime);
  });

  it('syncs a source refused its site as soon as the user allows it again', async () => {
    await publish('g1', ['Acme']);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    await handleConnectSource(db, { source: 'feed', url: manifestUrl() }, optionsPage());
    await handleSyncNow(db, { source: 'feed' }, optionsPage());
    expect(server.requests).toEqual([]);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    await onSourceAccessAdded(db);
    await vi.waitFor(async () =>
      expect(await db.syncState.get('feed')).toMatchObject({ label: 'g1', accountCount: 1 }),
    );
    expect((await db.syncState.get('feed'))?.lastError).toBeUndefined();
  });

  it('leaves a run stopped by a long Retry-After for its alarm, not for every wake of the worker', async () => {
    const shards = await publish(
      'g1',
      Array.from({ length: 150 }, (_, i) => `Company ${i}`),
    );
    server.faults.add(shards[1] ?? '', { kind: 'status', status: 429, retryAfter: '3600' }, Infinity);
    await handleConnectSource(db, { source: 'feed', url: manifestUrl() }, optionsPage());
    await vi.waitFor(async () => expect((await db.syncState.get('feed'))?.lastError).toBeDefined());
    // The first shard is in, the run staged: a stopped worker's run would go on from here.
    expect((await db.syncState.get('feed'))?.staging).toBeDefined();
    const asked = server.requests.length;
    const nextRunAt = (await db.syncState.get('feed'))?.nextRunAt ?? 0;
    expect(nextRunAt).toBeGreaterThan(Date.now() + 59 * 60_000);
    await resumeSyncs(db);
    await new Promise((done) => setTimeout(done, 100));
    expect(server.requests.length).toBe(asked);
    expect((await fakeBrowser.alarms.get('sync:feed'))?.scheduledTime).toBe(nextRunAt);

    // "Sync now" before then: while its run goes, nothing says to wait, so a worker stopped
    // during it resumes it on its next start instead of waiting an hour for the alarm.
    server.faults.clear();
    server.faults.add(shards[1] ?? '', { kind: 'delay', ms: 1_000 }, 1);
    let finished = false;
    const run = handleSyncNow(db, { source: 'feed' }, optionsPage()).finally(() => {
      finished = true;
    });
    await vi.waitFor(async () => expect((await db.syncState.get('feed'))?.nextRunAt).toBeUndefined());
    expect((await db.syncState.get('feed'))?.staging).toBeDefined();
    expect(finished).toBe(false);
    expect(await run).toMatchObject({ status: 'switched' });
    expect((await db.syncState.get('feed'))?.nextRunAt).toBeGreaterThan(Date.now());
  });
});

describe('removing data', () => {
  it('removes only the demo accounts, keeping a source’s', async () => {
    await db.accounts.put(buildAccount('demo', '1', { name: 'Demo Co' }, NOW));
    await db.syncState.put({ source: 'demo', generation: 1 });
    await generationDb(db, 'file', 1).accounts.put(buildAccount('file', '9', { name: 'Real Co' }, NOW));
    await db.syncState.put({ source: 'file', generation: 1 });
    expect(await handleRemoveDemoData(db, undefined, optionsPage())).toEqual({ removed: 1 });
    const view = await dataView(db);
    expect(await view.forId('file:9').accounts.count()).toBe(1);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.syncState.get('demo')).toBeUndefined();
  });

  it('clears every account, edit, connection and generation', async () => {
    await db.accounts.put(buildAccount('local', 'x', { name: 'Mine' }, NOW));
    await db.outbox.put({
      opId: 'op',
      kind: 'tags',
      entityId: 'local:x',
      accountId: 'local:x',
      value: ['a'],
      base: null,
      createdAt: NOW,
      state: 'pending',
      attempts: 0,
    });
    await generationDb(db, 'feed', 2).accounts.put(buildAccount('feed', '1', { name: 'Feed Co' }, NOW));
    await db.syncState.put({ source: 'feed', generation: 2 });
    await db.sourceConfig.put({
      source: 'feed',
      url: 'https://feed.example/manifest.json',
      everyMinutes: 60,
      connectedAt: NOW,
    });
    await handleClearAllData(db, undefined, optionsPage());
    // The derived scores follow at once: their state row says no account is scored.
    await requestRescore(db);
    for (const table of db.tables.filter((t) => t.name !== 'derived')) expect(await table.count()).toBe(0);
    expect((await db.derived.get('scores'))?.scored ?? 0).toBe(0);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(`${db.name}~feed~2`);
  });

  it('is refused from a content script', async () => {
    await expect(handleClearAllData(db, undefined, linkedinTab())).rejects.toThrow(RejectedSourceMessage);
  });
});
