import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TierlensDB } from '../db/db';
import { loadDemoData } from '../demo/load';

const NOW = Date.UTC(2026, 10, 20, 12);
const sender = {
  id: fakeBrowser.runtime.id,
  tab: { id: 7 } as never,
  frameId: 0,
  url: 'https://www.linkedin.com/company/microsoft/',
};
const subject = {
  site: 'linkedin' as const,
  kind: 'company' as const,
  url: 'https://www.linkedin.com/company/microsoft/',
  company: { linkedinSlug: 'microsoft' },
  evidence: [{ from: 'url' as const, detail: 'company page /microsoft/' }],
};

describe('a tab’s state across a service-worker restart', () => {
  let db: TierlensDB;
  beforeAll(async () => {
    db = new TierlensDB(`restart-${Math.random()}`);
    await loadDemoData(db, NOW);
  });
  afterAll(() => db.delete());

  // The worker's modules are imported (and transformed) inside the test: more than the default 5 s on a busy machine.
  it('is read back by a fresh worker: nothing of it lives only in the old worker’s memory', {
    timeout: 30_000,
  }, async () => {
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue();
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue();
    vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue();
    const before = await import('./handlers');
    await before.handlePageDetected(db, subject, sender);

    // A new worker starts with fresh modules; only storage.session carries over.
    vi.resetModules();
    const { readTabState } = await import('./tab-state');
    const state = await readTabState(7);
    expect(state?.resolution).toMatchObject({ status: 'matched', accountId: 'demo:1' });
    expect(state?.badge.text).toBe('T1');
  });
});
