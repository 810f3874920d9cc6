import { watchPage } from '@/lib/content/watch-page';
import { detectLinkedInPage } from '@/lib/detect/linkedin/detect';
import { sendMessage } from '@/lib/messaging';

// Reads the page and reports to the background; never touches LinkedIn's DOM.
export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, detectLinkedInPage, (subject) => sendMessage('pageDetected', subject));
  },
});
