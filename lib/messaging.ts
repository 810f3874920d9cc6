import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageSubject } from './detect/types';
import type { WebsitePage } from './detect/website/read-page';

/**
 * The one protocol between the extension's contexts. The background validates every payload
 * (lib/background/message-schemas.ts) and checks every sender; this file stays free of zod so
 * that content scripts stay small.
 */
export interface ProtocolMap {
  /** LinkedIn content script → background: what the page in this tab is about (`null`: no company). */
  pageDetected(subject: PageSubject | null): void;
  /**
   * Website content script → background: what the page in this tab says about its company
   * (`null`: a page it does not read). The background finds the registrable domain and decides.
   */
  websitePageRead(page: WebsitePage | null): void;
  /** Side panel → background: load the demo accounts; answers how many were loaded. */
  loadDemoData(): { accounts: number };
  /**
   * Side panel → background: add the company on this tab's page to the accounts. `url` is the
   * page the panel showed: a tab that has moved on to another page adds nothing.
   */
  addAccountFromTab(data: { tabId: number; url: string }): { accountId: string; added: boolean };
  /**
   * Options page → background: connect the team feed (its manifest address) or HubSpot (its API
   * address and private app token), then sync it. The page asked for the address's permission first.
   */
  connectSource(data: { source: 'feed' | 'hubspot'; url: string; token?: string; everyMinutes?: number }): {
    connected: true;
  };
  /** Options page → background: sync a connected source now; answers how the run ended. */
  syncNow(data: { source: 'feed' | 'hubspot' }): { status: string; error?: string };
  /** Options page → background: disconnect a source and remove its data. */
  disconnectSource(data: { source: 'feed' | 'hubspot' }): void;
  /** Options page → background: remove the demo accounts. */
  removeDemoData(): { removed: number };
  /** Options page → background: remove every account, contact, touchpoint, edit and connection. */
  clearAllData(): void;
  /** Options page → background: a file import switched to a new generation; show it on every tab. */
  dataChanged(): void;
  /**
   * Side panel or options page → background: the outbox changed (an edit, an undo, a retry, a
   * conflict settled, all written by the page itself with strict durability): update the badges
   * and push what is due.
   */
  editsChanged(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
