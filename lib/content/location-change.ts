import type { Lifetime } from './lifetime';

/** How often the URL is compared where the Navigation API is missing (WXT's own watcher: 1 s). */
export const POLL_MS = 1000;

/** The part of the Navigation API read here (Chromium; not in TypeScript's DOM library yet). */
interface NavigationLike {
  addEventListener(
    type: 'navigate',
    listener: (event: { destination: { url: string } }) => void,
    options: {
      signal: AbortSignal;
    },
  ): void;
}

/**
 * Calls `listener` with the new URL on every navigation that changes the URL, in-app ones
 * (`history.pushState`, Back) included, for as long as `life` lasts. A content script lives in
 * an isolated world and cannot see the page's `pushState` calls, so, as WXT's location watcher
 * does: the Navigation API's `navigate` event where the browser has it, which fires before
 * `location.href` changes (hence the URL passed in); elsewhere (Firefox) `location.href` polled
 * every second. Neither is visible to the page.
 */
export function onLocationChange(life: Lifetime, listener: (newUrl: URL) => void): void {
  let last = location.href;
  const seen = (href: string) => {
    if (href === last || !life.isValid) return;
    last = href;
    listener(new URL(href));
  };
  const navigation = (globalThis as { navigation?: Partial<NavigationLike> }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    (navigation as NavigationLike).addEventListener('navigate', (event) => seen(event.destination.url), {
      signal: life.signal,
    });
  } else {
    life.setInterval(() => seen(location.href), POLL_MS);
  }
}
