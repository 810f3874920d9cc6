import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TierlensDB } from '../db/db';
import { dropGeneration, generationDb } from '../db/generations';
import type { PageSubject } from '../detect/types';
import { recordEdit } from '../edits/record';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { buildAccount } from '../sync/records';
import { forgetVisibleData } from './page-lookup';
import { readTabState } from './tab-state';
import { updateTab } from './tab-updates';

const NOW = Date.UTC(2026, 11, 1);
const TAB = 5;

const companyPage = (slug: string): PageSubject => ({
  site: 'linkedin',
  kind: 'company',
  url: `https://www.linkedin.com/company/${slug}/`,
  company: { linkedinSlug: slug },
  evidence: [{ from: 'url', detail: `/company/${slug}/` }],
});

let main: TierlensDB;
beforeEach(async () => {
  main = new TierlensDB(`tab-updates-${Math.random().toString(36).slice(2)}`);
  // A file import: Acme, assigned Tier 2, in the visible generation 1.
  await generationDb(main, 'file', 1).accounts.put(
    buildAccount('file', 'acme', { name: 'Acme', linkedinSlugs: ['acme'], assignedTier: 2 }, NOW),
  );
  await generationDb(main, 'file', 1).contacts.put({
    id: 'file:jo',
    accountId: 'file:acme',
    name: 'Jo Smith',
    linkedinSlug: 'jo-smith',
    buyingRoles: [],
    updatedAt: NOW,
  });
  await main.syncState.put({ source: 'file', generation: 1, lastSuccess: NOW });
});
afterEach(async () => {
  forgetVisibleData();
  await dropGeneration(main, 'file', 1);
  main.close();
  await Dexie.delete(main.name);
});

describe('a page report on the tab', () => {
  it('sets the badge before it writes the tab’s state for the side panel', async () => {
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const title = vi.spyOn(fakeBrowser.action, 'setTitle');
    const state = vi.spyOn(fakeBrowser.storage.session, 'set');
    await updateTab(main, DEFAULT_SETTINGS, TAB, companyPage('acme').url, companyPage('acme'));
    const [badgeAt] = badge.mock.invocationCallOrder;
    const [titleAt] = title.mock.invocationCallOrder;
    const [stateAt] = state.mock.invocationCallOrder;
    expect(badgeAt).toBeLessThan(stateAt as number);
    expect(titleAt).toBeLessThan(stateAt as number);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('T2');
    expect((await readTabState(TAB))?.badge.text).toBe('T2');
  });

  it('shows on the badge the tier the user just set, before it is sent anywhere', async () => {
    await recordEdit(main, { kind: 'tier', entityId: 'file:acme', accountId: 'file:acme', value: 1, base: 2 }, NOW + 1);
    await updateTab(main, DEFAULT_SETTINGS, TAB, companyPage('acme').url, companyPage('acme'));
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('T1');
    expect((await readTabState(TAB))?.badge.text).toBe('T1');
  });

  it('leads from a known person to their account when the page names no company the accounts know', async () => {
    const profile: PageSubject = {
      site: 'linkedin',
      kind: 'profile',
      url: 'https://www.linkedin.com/in/jo-smith/',
      company: { name: 'Globex' },
      person: { linkedinSlug: 'jo-smith', name: 'Jo Smith' },
      evidence: [{ from: 'url', detail: '/in/jo-smith/' }],
    };
    const state = await updateTab(main, DEFAULT_SETTINGS, TAB, profile.url, profile);
    expect(state?.resolution).toMatchObject({ status: 'matched', accountId: 'file:acme', matchedBy: 'contact' });
    expect(state?.person).toMatchObject({ contactId: 'file:jo', matchedBy: 'linkedin-profile' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('T2');
  });

  it('clears the badge on a page about no company, reading no account', async () => {
    await updateTab(main, DEFAULT_SETTINGS, TAB, 'https://www.linkedin.com/feed/', null);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
    expect((await readTabState(TAB))?.resolution).toBeNull();
  });
});
