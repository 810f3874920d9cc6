import { startLifetime } from '@/lib/content/lifetime';
import { watchPage } from '@/lib/content/watch-page';
import { detectLinkedInPage } from '@/lib/detect/linkedin/detect';
import { sendMessage } from '@/lib/messaging';

// Reads the page and reports to the background; never touches LinkedIn's DOM, and says nothing
// to the page: `main` gets no WXT context (lib/content/quiet-entry-plugin.ts), it keeps its own.
export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_idle',
  main() {
    watchPage(startLifetime('linkedin'), detectLinkedInPage, (subject) => sendMessage('pageDetected', subject));
  },
});
