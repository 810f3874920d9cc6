import { afterAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TierlensDB } from '../db/db';
import type { WebsitePage } from '../detect/website/read-page';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { SETTINGS_KEY } from '../settings/store';
import { handlePageDetected, handleWebsitePageRead, RejectedMessage } from './handlers';
import { hasLeftPage, readTabState } from './tab-state';

/** What the website content script sends from `url`: the site's Organization names it Acme. */
const read = (url: string, extra: Partial<WebsitePage> = {}): WebsitePage => ({
  url,
  organizations: [{ name: 'Acme', home: new URL('/', url).href }],
  chromeCompanies: [],
  ...extra,
});
const sender = (url: string, tabId = 8) => ({
  id: fakeBrowser.runtime.id,
  tab: { id: tabId } as never,
  frameId: 0,
  url,
});

describe('websitePageRead from the website content script', () => {
  const db = new TierlensDB(`websites-${Math.random()}`);
  afterAll(() => db.delete());

  it('is decided in the background: the registrable domain of the sender’s host, and what the site says', async () => {
    await handleWebsitePageRead(db, read('https://shop.acme.co.uk/pricing'), sender('https://shop.acme.co.uk/pricing'));
    // The keys the site vouches for: its domain. The name its content gives is only a claim.
    expect(await readTabState(8)).toMatchObject({
      url: 'https://shop.acme.co.uk/pricing',
      subject: { site: 'website', kind: 'website', company: { website: 'https://shop.acme.co.uk', name: 'Acme' } },
      keys: ['dom:acme.co.uk'],
      badge: { text: '?' },
    });
  });

  it('takes the path an in-app navigation moved to from the report, the host from the browser', async () => {
    // The report can run ahead of the sender URL: the Navigation API announces the new URL first.
    await handleWebsitePageRead(db, read('https://www.acme.com/new-page'), sender('https://www.acme.com/old-page', 10));
    expect(await readTabState(10)).toMatchObject({ url: 'https://www.acme.com/new-page', keys: ['dom:acme.com'] });
  });

  it('keeps no query or fragment of the page’s URL, from the report or from the browser’s sender URL', async () => {
    const secret = 'https://app.acme.com/callback?code=4/SECRET&state=s#access_token=SECRET';
    await handleWebsitePageRead(db, read(secret), sender(secret, 15));
    const state = await readTabState(15);
    expect(state).toMatchObject({
      url: 'https://app.acme.com/callback',
      subject: { url: 'https://app.acme.com/callback' },
    });
    expect(JSON.stringify(state)).not.toContain('SECRET');
    await handleWebsitePageRead(db, null, sender(secret, 16));
    expect(await readTabState(16)).toMatchObject({ url: 'https://app.acme.com/callback', subject: null });
  });

  it.each`
    now                                          | left
    ${'https://app.acme.com/callback?code=next'} | ${false}
    ${'https://app.acme.com/callback#top'}       | ${false}
    ${'https://app.acme.com/settings'}           | ${true}
    ${'https://www.globex.com/callback'}         | ${true}
    ${undefined}                                 | ${true}
  `('counts a tab now at $now as having left the page: $left', async ({ now, left }) => {
    const url = 'https://app.acme.com/callback?code=4/SECRET';
    await handleWebsitePageRead(db, read(url), sender(url, 17));
    const state = await readTabState(17);
    if (!state) throw new Error('no state for tab 17');
    expect(hasLeftPage(state, now)).toBe(left);
  });

  it('records a page it does not read as one about no company', async () => {
    await handleWebsitePageRead(db, null, sender('https://www.acme.com/', 13));
    expect(await readTabState(13)).toMatchObject({ url: 'https://www.acme.com/', subject: null, resolution: null });
  });

  it.each`
    case                                      | page                                                                                     | from
    ${'speaking of another site'}             | ${read('https://www.globex.com/')}                                                       | ${sender('https://www.acme.com/')}
    ${'speaking of another port'}             | ${read('https://www.acme.com:8443/')}                                                    | ${sender('https://www.acme.com/')}
    ${'sent from a LinkedIn tab'}             | ${read('https://www.acme.com/')}                                                         | ${sender('https://www.linkedin.com/feed/')}
    ${'sent from a page that is not http(s)'} | ${read('https://www.acme.com/')}                                                         | ${sender('file:///home/me/acme.html')}
    ${'sent from a sub-frame'}                | ${read('https://www.acme.com/')}                                                         | ${{ ...sender('https://www.acme.com/'), frameId: 2 }}
    ${'sent by another extension'}            | ${read('https://www.acme.com/')}                                                         | ${{ ...sender('https://www.acme.com/'), id: 'other' }}
    ${'carrying more than it may'}            | ${read('https://www.acme.com/', { siteName: 'x'.repeat(301) })}                          | ${sender('https://www.acme.com/')}
    ${'carrying fields it has not'}           | ${{ ...read('https://www.acme.com/'), company: { linkedinSlug: 'acme' } }}               | ${sender('https://www.acme.com/')}
    ${'with too many organizations'}          | ${read('https://www.acme.com/', { organizations: Array(21).fill({}) })}                  | ${sender('https://www.acme.com/')}
    ${'with a LinkedIn id that is not one'}   | ${read('https://www.acme.com/', { chromeCompanies: [{ id: '1x', where: 'landmark' }] })} | ${sender('https://www.acme.com/')}
  `('is rejected when $case, with nothing written', async ({ page, from }) => {
    await expect(handleWebsitePageRead(db, page, { ...from, tab: { id: 9 } })).rejects.toBeInstanceOf(RejectedMessage);
    expect(await readTabState(9)).toBeUndefined();
  });

  it('is the only way a website reports: a detection result (pageDetected) from a website is rejected', async () => {
    const subject = {
      site: 'website',
      kind: 'website',
      url: 'https://www.acme.com/',
      company: { website: 'https://www.acme.com', name: 'Acme' },
      evidence: [{ from: 'url', detail: 'acme.com' }],
    };
    await expect(handlePageDetected(db, subject, sender('https://www.acme.com/', 14))).rejects.toBeInstanceOf(
      RejectedMessage,
    );
    expect(await readTabState(14)).toBeUndefined();
  });
});

describe('platforms, from the org’s settings', () => {
  const db = new TierlensDB(`platforms-${Math.random()}`);
  afterAll(() => db.delete());
  const github = read('https://github.com/acme', { organizations: [] });

  it('name no company by default: a page on github.com is no one’s website', async () => {
    await handleWebsitePageRead(db, github, sender('https://github.com/acme', 11));
    expect(await readTabState(11)).toMatchObject({ subject: null, resolution: null });
  });

  it('follow the org’s list: without github.com on it, the page is GitHub’s', async () => {
    const settings = { ...DEFAULT_SETTINGS, platforms: DEFAULT_SETTINGS.platforms.filter((p) => p !== 'github.com') };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });
    await handleWebsitePageRead(db, github, sender('https://github.com/acme', 12));
    expect(await readTabState(12)).toMatchObject({ keys: ['dom:github.com'] });
  });
});
