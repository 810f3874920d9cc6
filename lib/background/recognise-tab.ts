import { browser } from 'wxt/browser';
import { isLinkedInUrl } from '../detect/linkedin/urls';
import { ALL_SITES, WEBSITE_SCRIPT } from './website-access';

export type RecogniseResult = 'injected' | 'linkedin' | 'not-allowed';

/**
 * Recognises the website in a tab once, on request: a toolbar click grants activeTab for that
 * tab, which lets the side panel run the website content script there without the all-sites
 * permission. LinkedIn tabs have their own content script and are left alone.
 */
export async function recogniseTabOnce(tabId: number): Promise<RecogniseResult> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (isLinkedInUrl(tab.url)) return 'linkedin';
    await browser.scripting.executeScript({ target: { tabId }, files: [`/${WEBSITE_SCRIPT}`] });
    return 'injected';
  } catch {
    return 'not-allowed';
  }
}

/** Whether Tierlens may recognise every website (the optional permission). */
export function hasAllSites(): Promise<boolean> {
  return browser.permissions.contains(ALL_SITES);
}

/** Asks for the all-sites permission; must run in a click handler (a user gesture). */
export function requestAllSites(): Promise<boolean> {
  return browser.permissions.request(ALL_SITES);
}
