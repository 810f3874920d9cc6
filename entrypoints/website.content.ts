import { watchPage } from '@/lib/content/watch-page';
import { detectWebsite } from '@/lib/detect/website/detect';
import { sendMessage } from '@/lib/messaging';

// Registered at run time only once the user allows all websites (or injected once on a toolbar
// click, through activeTab). No `matches` here: WXT would make them required host permissions.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    watchPage(
      ctx,
      // Platforms are the org's setting, applied by the background: the script reports every site.
      (url, doc) => detectWebsite(url, doc, { platforms: [] }),
      (subject) => sendMessage('pageDetected', subject),
    );
  },
});
