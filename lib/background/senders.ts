import type { Browser } from 'wxt/browser';
import { isLinkedInHost } from '../detect/linkedin/urls';

type Sender = Browser.runtime.MessageSender;
type TabSender = Sender & { tab: { id: number } };

/** The sender's page URL, when it has a valid one. */
function urlOf(sender: Sender): URL | undefined {
  try {
    return sender.url ? new URL(sender.url) : undefined;
  } catch {
    return undefined;
  }
}

/** A message from this extension's content script in the top frame of a real tab. */
function fromOwnTopFrame(sender: Sender, extensionId: string): sender is TabSender {
  return sender.id === extensionId && typeof sender.tab?.id === 'number' && sender.tab.id >= 0 && sender.frameId === 0;
}

/** A message from this extension's content script in the top frame of a LinkedIn tab. */
export function isLinkedInContentScript(sender: Sender, extensionId: string): sender is TabSender {
  const url = urlOf(sender);
  return fromOwnTopFrame(sender, extensionId) && url !== undefined && isLinkedInHost(url.hostname);
}

/** A message from this extension's website content script, in the top frame of an http(s) tab off LinkedIn. */
export function isWebsiteContentScript(sender: Sender, extensionId: string): sender is TabSender {
  const url = urlOf(sender);
  return (
    fromOwnTopFrame(sender, extensionId) &&
    url !== undefined &&
    /^https?:$/.test(url.protocol) &&
    !isLinkedInHost(url.hostname)
  );
}

/** A message from one of this extension's own pages (side panel, options). */
export function isExtensionPage(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
