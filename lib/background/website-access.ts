import { browser } from 'wxt/browser';

/** The optional permission that lets Tierlens recognise company websites. */
export const ALL_SITES = { origins: ['*://*/*'] };

const SCRIPT_ID = 'tierlens-website';
/** Where WXT writes the website content script. */
export const WEBSITE_SCRIPT = 'content-scripts/website.js';

/**
 * Registers the website content script when the all-sites permission is granted, and
 * unregisters it when it is not (it may have been revoked at chrome://extensions at any time).
 */
export async function syncWebsiteScript(): Promise<'registered' | 'unregistered'> {
  const granted = await browser.permissions.contains(ALL_SITES);
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })).length > 0;
  if (granted && !registered) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        js: [WEBSITE_SCRIPT],
        matches: ALL_SITES.origins,
        // LinkedIn has its own content script.
        excludeMatches: ['*://*.linkedin.com/*'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } else if (!granted && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
  return granted ? 'registered' : 'unregistered';
}
