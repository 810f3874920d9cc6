import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TIER_COLORS } from '../colors';
import { TierlensDB } from '../db/db';
import { loadDemoData } from '../demo/load';
import type { PageSubject } from '../detect/types';
import { handleLoadDemoData, handlePageDetected, RejectedMessage } from './handlers';
import { readTabState } from './tab-state';

// The real demo generator, cut to 100 accounts: the real companies (Microsoft is `demo:1`, Tier 1)
// come first whatever the size, and 2,000 accounts take seconds per load on fake-indexeddb.
vi.mock('../demo/generate', async (importOriginal) => {
  const real = await importOriginal<typeof import('../demo/generate')>();
  return {
    ...real,
    generateDemoData: (options: Parameters<typeof real.generateDemoData>[0]) =>
      real.generateDemoData({ ...options, accountCount: 100 }),
  };
});

type Sender = Browser.runtime.MessageSender;

const SEEDED_AT = Date.UTC(2026, 10, 20, 12);
const TAB = 7;
const MICROSOFT_URL = 'https://www.linkedin.com/company/microsoft/';

const microsoft: PageSubject = {
  site: 'linkedin',
  kind: 'company',
  url: MICROSOFT_URL,
  company: { name: 'Microsoft', linkedinSlug: 'microsoft' },
  evidence: [{ from: 'url', detail: '/company/microsoft/' }],
};

/** This extension's content script in the top frame of a LinkedIn tab. */
const contentScript = (url = MICROSOFT_URL, tabId = TAB): Sender => ({
  id: fakeBrowser.runtime.id,
  tab: { id: tabId, url } as Browser.tabs.Tab,
  frameId: 0,
  url,
});
/** This extension's side panel. */
const sidePanel = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') });

/** A subject for a LinkedIn company URL, its identifiers as the detector would report them. */
const subjectAt = (url: string, company: PageSubject['company']): PageSubject => ({
  ...microsoft,
  url,
  company,
});

let db: TierlensDB;
let dbCount = 0;
const newDb = () => new TierlensDB(`tierlens-handlers-${++dbCount}`);

beforeAll(async () => {
  db = newDb();
  await loadDemoData(db, SEEDED_AT);
});

afterAll(async () => {
  db.close();
  await db.delete();
});

/** Spies on every way a handler could show something: tab state and the toolbar badge. */
function watchSideEffects() {
  return [
    vi.spyOn(fakeBrowser.storage.session, 'set'),
    vi.spyOn(fakeBrowser.storage.session, 'remove'),
    vi.spyOn(fakeBrowser.action, 'setBadgeText'),
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor'),
    vi.spyOn(fakeBrowser.action, 'setTitle'),
  ];
}

async function expectNothingShown() {
  expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
}

describe('handlePageDetected: accepted from this extension’s LinkedIn content script', () => {
  it.each`
    page                                      | url                                                                         | company                                                 | badge
    ${'Microsoft (Tier 1) by slug'}           | ${MICROSOFT_URL}                                                            | ${{ name: 'Microsoft', linkedinSlug: 'microsoft' }}     | ${'T1'}
    ${'Microsoft by slug, with a query'}      | ${'https://www.linkedin.com/company/microsoft/?trk=public_profile_topcard'} | ${{ linkedinSlug: 'microsoft' }}                        | ${'T1'}
    ${'Microsoft by numeric id'}              | ${'https://www.linkedin.com/company/1035/'}                                 | ${{ linkedinId: '1035' }}                               | ${'T1'}
    ${'Audiense (Tier 2) on uk.linkedin.com'} | ${'https://uk.linkedin.com/company/audiense/about/'}                        | ${{ name: 'Audiense', linkedinSlug: 'audiense' }}       | ${'T2'}
    ${'Google, untiered, graded F (no CRM)'}  | ${'https://www.linkedin.com/company/google/'}                               | ${{ name: 'Google', linkedinSlug: 'google' }}           | ${'F'}
    ${'a company not in the accounts'}        | ${'https://www.linkedin.com/company/initech-nowhere/'}                      | ${{ name: 'Initech', linkedinSlug: 'initech-nowhere' }} | ${'?'}
  `('$page shows $badge', async ({ url, company, badge }) => {
    await handlePageDetected(db, subjectAt(url, company), contentScript(url));
    const state = await readTabState(TAB);
    expect(state?.badge.text).toBe(badge);
    expect(state?.url).toBe(url);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe(badge);
  });

  it('stores the resolved account for the side panel and sets the tab’s badge', async () => {
    await handlePageDetected(db, microsoft, contentScript());
    const state = await readTabState(TAB);
    expect(state).toMatchObject({
      tabId: TAB,
      url: MICROSOFT_URL,
      subject: microsoft,
      resolution: { status: 'matched', accountId: 'demo:1', matchedBy: 'li:microsoft', lowConfidence: false },
      badge: { text: 'T1', color: TIER_COLORS[1] },
    });
    expect(state?.keys).toEqual(['li:microsoft', 'name:microsoft']);
    expect(state?.badge.title).toMatch(/Microsoft.*Tier 1 Strategic.*grade [A-F]/);
    expect(await fakeBrowser.action.getTitle({ tabId: TAB })).toBe(state?.badge.title);
    // Other tabs are not touched.
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB + 1 })).toBe('');
  });

  it('clears the badge when the page is about no company', async () => {
    await handlePageDetected(db, microsoft, contentScript());
    const feed = 'https://www.linkedin.com/feed/';
    await handlePageDetected(db, null, contentScript(feed));
    expect(await readTabState(TAB)).toMatchObject({
      url: feed,
      subject: null,
      keys: [],
      resolution: null,
      badge: { text: '' },
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });
});

describe('handlePageDetected: rejected senders change nothing', () => {
  const valid = contentScript();
  it.each<[string, Sender]>([
    ['another extension', { ...valid, id: 'another-extension-id' }],
    ['a sender without an extension id (a web page)', { ...valid, id: undefined }],
    ['a sender without a tab', { ...valid, tab: undefined }],
    ['a tab without an id', { ...valid, tab: {} as Browser.tabs.Tab }],
    ['a negative tab id (not a real tab)', { ...valid, tab: { id: -1 } as Browser.tabs.Tab }],
    ['a sub-frame', { ...valid, frameId: 1 }],
    ['a sender without a frame id', { ...valid, frameId: undefined }],
    ['a page that is not LinkedIn', { ...valid, url: 'https://example.com/company/microsoft/' }],
    ['a look-alike host', { ...valid, url: 'https://www.linkedin.com.evil.example/company/microsoft/' }],
    ['a sender without a URL', { ...valid, url: undefined }],
    ['an extension page', { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') }],
  ])('rejects %s', async (_, sender) => {
    const effects = watchSideEffects();
    await expect(handlePageDetected(db, microsoft, sender)).rejects.toBeInstanceOf(RejectedMessage);
    for (const spy of effects) expect(spy).not.toHaveBeenCalled();
    await expectNothingShown();
  });
});

describe('handlePageDetected: malformed or inconsistent payloads change nothing', () => {
  const { company, evidence } = microsoft;
  it.each<[string, unknown]>([
    ['no payload', undefined],
    ['a string', 'microsoft'],
    ['an array', [microsoft]],
    ['another site', { ...microsoft, site: 'twitter' }],
    ['an unknown page kind', { ...microsoft, kind: 'person' }],
    ['a numeric slug', { ...microsoft, company: { ...company, linkedinSlug: 42 } }],
    ['a non-numeric LinkedIn id', { ...microsoft, company: { ...company, linkedinId: '1035; drop' } }],
    ['evidence that is not a list', { ...microsoft, evidence: 'trust me' }],
    ['evidence from an unknown source', { ...microsoft, evidence: [{ from: 'cookie', detail: 'x' }] }],
    ['a url that is a number', { ...microsoft, url: 1035 }],
    ['an extra top-level key', { ...microsoft, fetch: 'https://evil.example/' }],
    ['an extra company key', { ...microsoft, company: { ...company, token: 'secret' } }],
    ['an extra evidence key', { ...microsoft, evidence: [{ ...evidence[0], html: '<img>' }] }],
    ['a missing site', { ...microsoft, site: undefined }],
    ['a missing url', { ...microsoft, url: undefined }],
    ['a missing company', { ...microsoft, company: undefined }],
    ['missing evidence', { ...microsoft, evidence: undefined }],
    ['a huge name', { ...microsoft, company: { ...company, name: 'M'.repeat(100_000) } }],
    ['a huge slug', { ...microsoft, company: { ...company, linkedinSlug: 'm'.repeat(5_000) } }],
    ['a huge url', { ...microsoft, url: `${MICROSOFT_URL}?q=${'x'.repeat(5_000)}` }],
    ['too much evidence', { ...microsoft, evidence: new Array(51).fill(evidence[0]) }],
    ['a javascript: url', { ...microsoft, url: 'javascript:alert(document.cookie)//linkedin.com/company/microsoft/' }],
    ['a url that is not a url', { ...microsoft, url: 'www.linkedin.com/company/microsoft/' }],
    ['a slug its URL disagrees with', { ...microsoft, company: { ...company, linkedinSlug: 'salesforce' } }],
    [
      'a LinkedIn id its URL disagrees with',
      subjectAt('https://www.linkedin.com/company/1035/', { linkedinId: '3185', linkedinSlug: 'salesforce' }),
    ],
    ['a kind its URL disagrees with', { ...microsoft, kind: 'showcase' }],
    ['a URL that is no company page', subjectAt('https://www.linkedin.com/feed/', company)],
    ['a company URL on another site', subjectAt('https://example.com/company/microsoft/', company)],
  ])('rejects %s', async (_, payload) => {
    const effects = watchSideEffects();
    await expect(handlePageDetected(db, payload, contentScript())).rejects.toBeInstanceOf(RejectedMessage);
    for (const spy of effects) expect(spy).not.toHaveBeenCalled();
    await expectNothingShown();
  });

  it('keeps what the tab showed when a later report is rejected', async () => {
    await handlePageDetected(db, microsoft, contentScript());
    const before = await readTabState(TAB);
    const forged = { ...microsoft, company: { ...microsoft.company, linkedinSlug: 'salesforce' } };
    await expect(handlePageDetected(db, forged, contentScript())).rejects.toBeInstanceOf(RejectedMessage);
    expect(await readTabState(TAB)).toEqual(before);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('T1');
  });
});

describe('handleLoadDemoData', () => {
  let fresh: TierlensDB;
  beforeEach(() => {
    fresh = newDb();
    return async () => {
      fresh.close();
      await fresh.delete();
    };
  });

  it('loads the demo for the side panel and refreshes the open tabs', async () => {
    await handlePageDetected(fresh, microsoft, contentScript());
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('?');

    const answer = await handleLoadDemoData(fresh, undefined, sidePanel());

    expect(answer).toEqual({ accounts: 100 });
    expect(await fresh.accounts.count()).toBe(100);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('T1');
    expect((await readTabState(TAB))?.resolution).toMatchObject({ status: 'matched', accountId: 'demo:1' });
  });

  it.each<[string, Sender, unknown]>([
    ['a LinkedIn content script', contentScript(), undefined],
    [
      'another extension’s page',
      { id: 'another-extension-id', url: 'chrome-extension://another-extension-id/x.html' },
      undefined,
    ],
    ['a web page', { url: 'https://www.linkedin.com/company/microsoft/' }, undefined],
    ['the side panel, with a payload', sidePanel(), { accountCount: 1_000_000 }],
  ])('rejects a request from %s and loads nothing', async (_, sender, payload) => {
    const effects = watchSideEffects();
    await expect(handleLoadDemoData(fresh, payload, sender)).rejects.toBeInstanceOf(RejectedMessage);
    expect(await fresh.accounts.count()).toBe(0);
    expect(await fresh.syncState.get('demo')).toBeUndefined();
    for (const spy of effects) expect(spy).not.toHaveBeenCalled();
  });
});
