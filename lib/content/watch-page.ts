import type { Lifetime } from './lifetime';
import { onLocationChange } from './location-change';

/** Reads what a page says (a detection result, or the raw signals the background decides on). */
export type Reader<T> = (url: string, doc: Document) => T | undefined;

/** How long after an in-app navigation the new page's markup has usually rendered. */
const SETTLE_MS = 1500;

/**
 * Runs a reader on the page now, after every in-app navigation and once more when the new
 * page has settled. Every navigation is reported (the background may have forgotten the tab
 * meanwhile); the settled look is reported only when it adds something. A reader that throws
 * on odd markup falls back to what the URL alone says. Stops when `life` ends.
 */
export function watchPage<T>(life: Lifetime, read: Reader<T>, report: (result: T | null) => Promise<void>) {
  let lastSent: string | undefined;
  const run = (url: string, always: boolean) => {
    let result: T | null;
    try {
      result = read(url, document) ?? null;
    } catch {
      result = read(url, document.implementation.createHTMLDocument('')) ?? null;
    }
    const fingerprint = JSON.stringify(result);
    if (!always && fingerprint === lastSent) return;
    lastSent = fingerprint;
    report(result).catch(() => {
      // The background rejected or was restarting: send again on the next look.
      lastSent = undefined;
    });
  };
  run(location.href, true);
  // The navigation's new URL comes before location.href changes: read it from the event.
  onLocationChange(life, (newUrl) => {
    run(newUrl.href, true);
    life.setTimeout(() => {
      if (location.href === newUrl.href) run(newUrl.href, false);
    }, SETTLE_MS);
  });
}
