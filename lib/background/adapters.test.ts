import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Account } from '../db/accounts';
import { TierlensDB } from '../db/db';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { SETTINGS_KEY } from '../settings/store';
import { handlePageDetected } from './handlers';
import { readTabState } from './tab-state';
import { refreshAllTabs } from './tab-updates';

const acme: Account = {
  id: 'file:acme',
  name: 'Acme',
  keys: ['li:acme'],
  domains: [],
  linkedinSlugs: ['acme'],
  linkedinIds: [],
  assignedTier: 2,
  isTarget: true,
  updatedAt: 0,
  source: 'file',
  generation: 1,
};
const url = 'https://www.linkedin.com/company/acme/';
const sender = { id: fakeBrowser.runtime.id, tab: { id: 5 } as never, frameId: 0, url };
const subject = {
  site: 'linkedin' as const,
  kind: 'company' as const,
  url,
  company: { linkedinSlug: 'acme' },
  evidence: [{ from: 'url' as const, detail: 'company page /acme/' }],
};
const withAdapters = (linkedinCompany: boolean) => ({
  ...DEFAULT_SETTINGS,
  adapters: { ...DEFAULT_SETTINGS.adapters, linkedinCompany },
});

describe('a site adapter switched off in the settings', () => {
  const db = new TierlensDB(`adapters-${Math.random()}`);
  beforeAll(() => db.accounts.add(acme));
  afterAll(() => db.delete());

  it('reads nothing from its pages, and shows them again when switched back on', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: withAdapters(false) });
    await handlePageDetected(db, subject, sender);
    expect(await readTabState(5)).toMatchObject({ subject: null, resolution: null, badge: { text: '' } });

    const on = withAdapters(true);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: on });
    await refreshAllTabs(db, on);
    expect(await readTabState(5)).toMatchObject({
      resolution: { status: 'matched', accountId: 'file:acme' },
      badge: { text: 'T2' },
    });
  });
});
