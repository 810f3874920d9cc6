import { isLinkedInHost } from '../detect/linkedin/urls';
import { readWebsitePage } from '../detect/website/read-page';
import { sendMessage } from '../messaging';
import { startLifetime } from './lifetime';
import { watchPage } from './watch-page';

/**
 * The website content script's start: reports what the page says (the background decides, see
 * lib/detect/website/detect.ts). Not on LinkedIn, which has its own script: an injection on a
 * toolbar click reads the tab's URL first and can land in the LinkedIn page the tab moved on to,
 * where it would read every in-app navigation a second time for nothing.
 */
export function startWebsiteScript(): void {
  if (isLinkedInHost(location.hostname)) return;
  watchPage(startLifetime('website'), readWebsitePage, (page) => sendMessage('websitePageRead', page));
}
