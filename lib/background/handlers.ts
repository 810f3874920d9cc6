import { type Browser, browser } from 'wxt/browser';
import { addAccountFromPage } from '../accounts/add-account';
import { getStrictDb, type TierlensDB } from '../db/db';
import { loadDemoData } from '../demo/load';
import { matchLinkedInUrl } from '../detect/linkedin/urls';
import type { PageSubject } from '../detect/types';
import { websiteSubject } from '../detect/website/detect';
import { sharedPageUrl } from '../detect/website/read-page';
import { onMessage } from '../messaging';
import { loadSettings } from '../settings/store';
import { recalibrate } from './calibrate';
import { addAccountFromTabSchema, noPayloadSchema, pageDetectedSchema, websitePageReadSchema } from './message-schemas';
import { handleEditsChanged } from './push-runner';
import { requestRescore } from './rescore-runner';
import { isExtensionPage, isLinkedInContentScript, isWebsiteContentScript } from './senders';
import { currentSettings } from './settings-cache';
import {
  handleClearAllData,
  handleConnectSource,
  handleDataChanged,
  handleDisconnectSource,
  handleRemoveDemoData,
  handleSyncNow,
} from './source-handlers';
import { readTabState } from './tab-state';
import { refreshAllTabs, updateTab } from './tab-updates';

type Sender = Browser.runtime.MessageSender;

/** Thrown for a message that is dropped unread: it changes nothing. */
export class RejectedMessage extends Error {}

/** A LinkedIn subject's own identifiers must be the ones its URL carries. */
function agreesWithItsUrl(subject: PageSubject): boolean {
  if (subject.site !== 'linkedin') return false;
  const match = matchLinkedInUrl(subject.url);
  if (!match || match.kind !== subject.kind) return false;
  if (match.slug !== undefined && subject.company.linkedinSlug !== match.slug) return false;
  if (match.id !== undefined && subject.company.linkedinId !== match.id) return false;
  if (match.personSlug !== undefined && subject.person?.linkedinSlug !== match.personSlug) return false;
  return true;
}

/** The LinkedIn content script reports what its page is about. */
export async function handlePageDetected(db: TierlensDB, data: unknown, sender: Sender): Promise<void> {
  if (!isLinkedInContentScript(sender, browser.runtime.id)) {
    throw new RejectedMessage('pageDetected is accepted only from the Tierlens LinkedIn content script in a tab');
  }
  const parsed = pageDetectedSchema.safeParse(data);
  if (!parsed.success) throw new RejectedMessage(`malformed pageDetected: ${parsed.error.issues[0]?.message}`);
  const subject = parsed.data;
  if (subject && !agreesWithItsUrl(subject)) throw new RejectedMessage('pageDetected: company does not match its URL');
  await updateTab(db, await currentSettings(), sender.tab.id, subject?.url ?? sender.url ?? '', subject);
}

/**
 * The website content script reports what its page says; the registrable domain, the platforms
 * and which Organization is the site's own are decided here (websiteSubject), on the sender's
 * origin as the browser gives it: the page's report supplies only the path it has moved to.
 * No query or fragment is kept (sharedPageUrl): the tab's state, the panel and an added
 * account see the origin and path only.
 */
export async function handleWebsitePageRead(db: TierlensDB, data: unknown, sender: Sender): Promise<void> {
  if (!isWebsiteContentScript(sender, browser.runtime.id)) {
    throw new RejectedMessage('websitePageRead is accepted only from the Tierlens website content script in a tab');
  }
  const parsed = websitePageReadSchema.safeParse(data);
  if (!parsed.success) throw new RejectedMessage(`malformed websitePageRead: ${parsed.error.issues[0]?.message}`);
  // isWebsiteContentScript vouched for an http(s) sender URL.
  const site = new URL(sender.url ?? '');
  const page = parsed.data;
  const reported = page ? new URL(page.url) : undefined;
  if (reported && reported.origin !== site.origin) {
    throw new RejectedMessage('websitePageRead: a website may speak only of itself');
  }
  // Platforms are the org's setting, applied with the others in updateTab (and again when it changes).
  const url = sharedPageUrl(reported ? new URL(reported.pathname, site.origin) : site);
  const subject = page ? (websiteSubject({ ...page, url }, { platforms: [] }) ?? null) : null;
  await updateTab(db, await currentSettings(), sender.tab.id, url, subject);
}

/** The side panel asks for the demo accounts. */
export async function handleLoadDemoData(db: TierlensDB, data: unknown, sender: Sender): Promise<{ accounts: number }> {
  if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
    throw new RejectedMessage('loadDemoData is accepted only from Tierlens pages');
  }
  if (!noPayloadSchema.safeParse(data).success) throw new RejectedMessage('loadDemoData takes no payload');
  const accounts = await loadDemoData(db, Date.now());
  const settings = await loadSettings();
  await refreshAllTabs(db, settings);
  // The demo carries won/lost outcomes: fit the calibrated engagement model on them.
  await recalibrate(db, settings.engagement, Date.now());
  void requestRescore(db);
  return { accounts };
}

/** The side panel adds the company on a tab's page to the accounts. */
export async function handleAddAccountFromTab(
  data: unknown,
  sender: Sender,
): Promise<{ accountId: string; added: boolean }> {
  if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
    throw new RejectedMessage('addAccountFromTab is accepted only from Tierlens pages');
  }
  const parsed = addAccountFromTabSchema.safeParse(data);
  if (!parsed.success) throw new RejectedMessage(`malformed addAccountFromTab: ${parsed.error.issues[0]?.message}`);
  const state = await readTabState(parsed.data.tabId);
  if (!state?.subject) throw new RejectedMessage('that tab shows no company');
  // The company the user saw, or nothing: a navigation in between must not add another one.
  if (state.subject.url !== parsed.data.url) {
    throw new RejectedMessage('the tab has moved on to another page since: nothing was added');
  }
  // User edits go through the strict-durability connection: confirmed only once on disk.
  const strict = getStrictDb();
  const { account, added } = await addAccountFromPage(strict, state.subject, state.keys, Date.now());
  await updateTab(strict, await loadSettings(), state.tabId, state.url, state.subject);
  return { accountId: account.id, added };
}

/** Wires the protocol's handlers to the background's database. */
export function registerHandlers(db: TierlensDB): void {
  onMessage('pageDetected', ({ data, sender }) => handlePageDetected(db, data, sender));
  onMessage('websitePageRead', ({ data, sender }) => handleWebsitePageRead(db, data, sender));
  onMessage('loadDemoData', ({ data, sender }) => handleLoadDemoData(db, data, sender));
  onMessage('addAccountFromTab', ({ data, sender }) => handleAddAccountFromTab(data, sender));
  onMessage('connectSource', ({ data, sender }) => handleConnectSource(db, data, sender));
  onMessage('syncNow', ({ data, sender }) => handleSyncNow(db, data, sender));
  onMessage('disconnectSource', ({ data, sender }) => handleDisconnectSource(db, data, sender));
  onMessage('removeDemoData', ({ data, sender }) => handleRemoveDemoData(db, data, sender));
  onMessage('clearAllData', ({ data, sender }) => handleClearAllData(db, data, sender));
  onMessage('dataChanged', ({ data, sender }) => handleDataChanged(db, data, sender));
  onMessage('editsChanged', ({ data, sender }) => handleEditsChanged(db, data, sender));
}
