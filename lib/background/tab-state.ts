import { browser } from 'wxt/browser';
import type { Resolution } from '../accounts/resolve';
import type { PersonMatch } from '../accounts/resolve-person';
import type { PageSubject } from '../detect/types';
import { sharedPageUrl } from '../detect/website/read-page';
import type { BadgeSpec } from './badge';

/**
 * What Tierlens knows about one tab. Kept in `storage.session`, so it outlives the service
 * worker (which the browser stops when idle) and is gone when the browser closes.
 */
export interface TabState {
  tabId: number;
  url: string;
  /** What the content script detected, kept so that switching an adapter back on shows it again. */
  detected?: PageSubject | null;
  /** What Tierlens shows: the detected subject, unless its site adapter is switched off. */
  subject: PageSubject | null;
  /**
   * The company keys the page vouches for (on a website, its domain): what resolves it, and all
   * that "Add to accounts" stores. A website's claimed keys are never among them.
   */
  keys: string[];
  resolution: Resolution | null;
  /** The known contact the page's person is, when the page is about a person. */
  person?: PersonMatch;
  badge: BadgeSpec;
  updatedAt: number;
}

/**
 * Whether a tab now at `tabUrl` has left the page its state is about. A website's state keeps
 * the page's origin and path only (sharedPageUrl), so a URL that differs in its query or
 * fragment alone is still that page.
 */
export function hasLeftPage(state: TabState, tabUrl: string | undefined): boolean {
  if (state.url === tabUrl) return false;
  try {
    return sharedPageUrl(new URL(state.url)) !== sharedPageUrl(new URL(tabUrl ?? ''));
  } catch {
    return true;
  }
}

const PREFIX = 'tab:';
export const tabStateKey = (tabId: number): string => `${PREFIX}${tabId}`;

export async function readTabState(tabId: number): Promise<TabState | undefined> {
  const key = tabStateKey(tabId);
  const stored = await browser.storage.session.get(key);
  return stored[key] as TabState | undefined;
}

export async function writeTabState(state: TabState): Promise<void> {
  await browser.storage.session.set({ [tabStateKey(state.tabId)]: state });
}

export async function removeTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabStateKey(tabId));
}

/** Every tab's state, for refreshing them after the accounts change. */
export async function readAllTabStates(): Promise<TabState[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([, value]) => value as TabState);
}
