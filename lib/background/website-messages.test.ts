import { afterAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TierlensDB } from '../db/db';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { SETTINGS_KEY } from '../settings/store';
import { handlePageDetected, RejectedMessage } from './handlers';
import { readTabState } from './tab-state';

const site = (url: string) => ({
  site: 'website' as const,
  kind: 'website' as const,
  url,
  company: { website: new URL(url).origin, name: 'Acme' },
  evidence: [{ from: 'url' as const, detail: 'acme.com' }],
});
const sender = (url: string, tabId = 8) => ({
  id: fakeBrowser.runtime.id,
  tab: { id: tabId } as never,
  frameId: 0,
  url,
});

describe('pageDetected from the website content script', () => {
  const db = new TierlensDB(`websites-${Math.random()}`);
  afterAll(() => db.delete());

  it('is accepted about its own site', async () => {
    await handlePageDetected(db, site('https://www.acme.com/pricing'), sender('https://www.acme.com/pricing'));
    // The keys the site vouches for: its domain. The name its content gives is only a claim.
    expect(await readTabState(8)).toMatchObject({ keys: ['dom:acme.com'], badge: { text: '?' } });
  });

  it.each`
    case                                      | subject                            | from
    ${'speaking of another site'}             | ${site('https://www.globex.com/')} | ${sender('https://www.acme.com/')}
    ${'sent from a LinkedIn tab'}             | ${site('https://www.acme.com/')}   | ${sender('https://www.linkedin.com/feed/')}
    ${'sent from a page that is not http(s)'} | ${site('https://www.acme.com/')}   | ${sender('file:///home/me/acme.html')}
    ${'sent from a sub-frame'}                | ${site('https://www.acme.com/')}   | ${{ ...sender('https://www.acme.com/'), frameId: 2 }}
  `('is rejected when $case, with nothing written', async ({ subject, from }) => {
    await expect(handlePageDetected(db, subject, { ...from, tab: { id: 9 } })).rejects.toBeInstanceOf(RejectedMessage);
    expect(await readTabState(9)).toBeUndefined();
  });
});

describe('platforms, from the org’s settings', () => {
  const db = new TierlensDB(`platforms-${Math.random()}`);
  afterAll(() => db.delete());
  const github = {
    site: 'website' as const,
    kind: 'website' as const,
    url: 'https://github.com/acme',
    company: { website: 'https://github.com' },
    evidence: [{ from: 'url' as const, detail: 'github.com' }],
  };

  it('name no company by default: a page on github.com is no one’s website', async () => {
    await handlePageDetected(db, github, sender('https://github.com/acme', 11));
    expect(await readTabState(11)).toMatchObject({ subject: null, resolution: null });
  });

  it('follow the org’s list: without github.com on it, the page is GitHub’s', async () => {
    const settings = { ...DEFAULT_SETTINGS, platforms: DEFAULT_SETTINGS.platforms.filter((p) => p !== 'github.com') };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });
    await handlePageDetected(db, github, sender('https://github.com/acme', 12));
    expect(await readTabState(12)).toMatchObject({ keys: ['dom:github.com'] });
  });
});
