import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageSubject } from './detect/types';

/**
 * The one protocol between the extension's contexts. The background validates every payload
 * (lib/background/message-schemas.ts) and checks every sender; this file stays free of zod so
 * that content scripts stay small.
 */
export interface ProtocolMap {
  /** Content script → background: what the page in this tab is about (`null`: no company). */
  pageDetected(subject: PageSubject | null): void;
  /** Side panel → background: load the demo accounts; answers how many were loaded. */
  loadDemoData(): { accounts: number };
  /** Side panel → background: add the company on this tab's page to the accounts. */
  addAccountFromTab(data: { tabId: number }): { accountId: string; added: boolean };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
