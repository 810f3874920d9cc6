import { startWebsiteScript } from '@/lib/content/website-script';

// Registered at run time only once the user allows all websites (or injected once on a toolbar
// click, through activeTab). No `matches` here: WXT would make them required host permissions.
// It sends what the page says; the background, which holds the Public Suffix List, decides
// (lib/detect/website/detect.ts). Like the LinkedIn script, it says nothing to the page.
export default defineContentScript({
  registration: 'runtime',
  main() {
    startWebsiteScript();
  },
});
