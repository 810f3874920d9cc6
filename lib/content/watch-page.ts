import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageSubject } from '../detect/types';

export type Detector = (url: string, doc: Document) => PageSubject | undefined;

/** How long after an in-app navigation the new page's markup has usually rendered. */
const SETTLE_MS = 1500;

/**
 * Runs a detector on the page now, after every in-app navigation and once more when the new
 * page has settled. Every navigation is reported (the background may have forgotten the tab
 * meanwhile); the settled look is reported only when it adds something. A detector that throws
 * on odd markup falls back to what the URL alone says.
 */
export function watchPage(
  ctx: ContentScriptContext,
  detect: Detector,
  report: (s: PageSubject | null) => Promise<void>,
) {
  let lastSent: string | undefined;
  const run = (url: string, always: boolean) => {
    let subject: PageSubject | null;
    try {
      subject = detect(url, document) ?? null;
    } catch {
      subject = detect(url, document.implementation.createHTMLDocument('')) ?? null;
    }
    const fingerprint = JSON.stringify(subject);
    if (!always && fingerprint === lastSent) return;
    lastSent = fingerprint;
    report(subject).catch(() => {
      // The background rejected or was restarting: send again on the next look.
      lastSent = undefined;
    });
  };
  run(location.href, true);
  // WXT fires this before location.href changes: the new URL is on the event.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
    run(newUrl.href, true);
    ctx.setTimeout(() => {
      if (location.href === newUrl.href) run(newUrl.href, false);
    }, SETTLE_MS);
  });
}
