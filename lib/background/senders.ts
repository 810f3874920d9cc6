import type { Browser } from 'wxt/browser';
import { isLinkedInHost } from '../detect/linkedin/urls';

type Sender = Browser.runtime.MessageSender;

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** A message from this extension's content script in the top frame of a LinkedIn tab. */
export function isLinkedInContentScript(
  sender: Sender,
  extensionId: string,
): sender is Sender & { tab: { id: number } } {
  const host = hostOf(sender.url);
  return (
    sender.id === extensionId &&
    typeof sender.tab?.id === 'number' &&
    sender.tab.id >= 0 &&
    sender.frameId === 0 &&
    host !== undefined &&
    isLinkedInHost(host)
  );
}

/** A message from this extension's website content script, in the top frame of an http(s) tab. */
export function isWebsiteContentScript(
  sender: Sender,
  extensionId: string,
): sender is Sender & { tab: { id: number } } {
  const url = sender.url ? safeUrl(sender.url) : undefined;
  return (
    sender.id === extensionId &&
    typeof sender.tab?.id === 'number' &&
    sender.tab.id >= 0 &&
    sender.frameId === 0 &&
    url !== undefined &&
    /^https?:$/.test(url.protocol) &&
    !isLinkedInHost(url.hostname)
  );
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A message from one of this extension's own pages (side panel, options). */
export function isExtensionPage(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
