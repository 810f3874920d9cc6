import type { Lifetime } from './lifetime';
import { onLocationChange } from './location-change';

/** Reads what a page says (a detection result, or the raw signals the background decides on). */
export type Reader<T> = (url: string, doc: Document) => T | undefined;

/** How long after an in-app navigation the new page's markup has usually rendered. */
export const SETTLE_MS = 1500;
/** A burst of navigations (they came while a report was on its way) is reported once it has been quiet this long… */
export const QUIET_MS = 200;
/** …or, when it never quiets (a page calling `pushState` in a loop), once this long after it began. */
export const MAX_WAIT_MS = 1000;

/** A look at the page to report: `always`, or only when it says something new. */
interface Look {
  url: string;
  always: boolean;
}

const prerendering = (): boolean => (document as { prerendering?: boolean }).prerendering === true;

/**
 * Runs a reader on the page now, after every in-app navigation and once more when the new
 * page has settled, and reports what it read. Every navigation is reported (the background may
 * have forgotten the tab meanwhile); the settled look is reported only when it adds something.
 * A reader that throws on odd markup falls back to what the URL alone says. Stops when `life` ends.
 *
 * Bounded on pages that navigate in a loop: a navigation while no report is on its way is read
 * and reported at once (in-app navigation → badge is the fast path); navigations that come while
 * one is on its way are a burst, read and reported once, at its latest URL, when the burst has
 * been quiet for QUIET_MS or at the latest MAX_WAIT_MS after it began. So ten thousand
 * `pushState` calls in a loop make two reports, and a loop faster than the background answers
 * one a second; the background never has more than one of this page's reports to handle at a
 * time. (A rate cap on navigations the background keeps up with would also slow a user, and the
 * benchmark, which navigate as fast as each answer comes.)
 *
 * The page is looked at again when it comes back from the back/forward cache (its script
 * resumes where it stopped, while the tab's state is the page left since) and when a
 * prerendered page is shown: nothing is reported while it prerenders (it is not the tab's page
 * yet, and the background accepts only the tab's top frame).
 */
export function watchPage<T>(life: Lifetime, read: Reader<T>, report: (result: T | null) => Promise<void>) {
  let lastSent: string | undefined;
  /** The report on its way, if any. */
  let inFlight: Promise<void> | undefined;
  /** The burst's latest look, reported when the burst ends. */
  let pending: Look | undefined;
  let cancelBurst: (() => void) | undefined;
  let burstStart = 0;
  let cancelSettle: (() => void) | undefined;

  const run = ({ url, always }: Look) => {
    let result: T | null;
    try {
      result = read(url, document) ?? null;
    } catch {
      result = read(url, document.implementation.createHTMLDocument('')) ?? null;
    }
    const fingerprint = JSON.stringify(result);
    if (!always && fingerprint === lastSent) return;
    lastSent = fingerprint;
    const sent = report(result).catch(() => {
      // The background rejected or was restarting: send again on the next look.
      lastSent = undefined;
    });
    inFlight = sent;
    void sent.then(() => {
      if (inFlight === sent) inFlight = undefined;
    });
  };

  const endBurst = () => {
    cancelBurst = undefined;
    const look = pending;
    pending = undefined;
    if (look) run(look);
  };

  const request = (look: Look) => {
    // Not the tab's page yet: it is read when shown (prerenderingchange).
    if (prerendering()) return;
    if (!inFlight && !cancelBurst) {
      run(look);
      return;
    }
    if (!cancelBurst) burstStart = Date.now();
    pending = { url: look.url, always: look.always || pending?.always === true };
    cancelBurst?.();
    const wait = Math.min(QUIET_MS, Math.max(0, burstStart + MAX_WAIT_MS - Date.now()));
    cancelBurst = life.setTimeout(endBurst, wait);
  };

  const { signal } = life;
  // Back from the back/forward cache: the tab's state has moved on to the page left since.
  addEventListener(
    'pageshow',
    (event) => {
      if (!event.persisted) return;
      // A report that was on its way when the page was frozen may never be answered.
      inFlight = undefined;
      request({ url: location.href, always: true });
    },
    { signal },
  );
  // A prerendered page the user now sees: what it read while hidden was never reported.
  document.addEventListener('prerenderingchange', () => request({ url: location.href, always: true }), { signal });

  request({ url: location.href, always: true });
  // The navigation's new URL comes before location.href changes: read it from the event.
  onLocationChange(life, (newUrl) => {
    request({ url: newUrl.href, always: true });
    cancelSettle?.();
    cancelSettle = life.setTimeout(() => {
      cancelSettle = undefined;
      if (location.href === newUrl.href) request({ url: newUrl.href, always: false });
    }, SETTLE_MS);
  });
}
