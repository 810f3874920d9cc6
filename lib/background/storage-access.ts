import { browser } from 'wxt/browser';

/** The part of a storage area this file uses: Chrome's `setAccessLevel`, which Firefox lacks. */
interface RestrictableArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Keeps the storage areas that hold the org's settings and models (`storage.local`: settings,
 * the team feed's managed models, the calibrated engagement model) and the tabs' states
 * (`storage.session`) out of the content scripts' reach: only the extension's own pages and its
 * worker may read them. Content scripts run inside pages a hostile site controls, and need none
 * of it: they report what they read and the background decides.
 *
 * `storage.local` is open to content scripts by default and can be closed from Chrome 140;
 * `storage.session` is closed by default, and is set again so that nothing opens it by accident.
 * Firefox has no `setAccessLevel`: there a content script could read `storage.local` (ours never
 * do), which holds no token (tokens live in the extension's IndexedDB, lib/db/source-config.ts).
 * Never throws: a browser that refuses keeps its default.
 */
export async function restrictStorageToTrustedContexts(): Promise<void> {
  const areas = [browser.storage.local, browser.storage.session] as unknown as (RestrictableArea | undefined)[];
  await Promise.all(
    areas.map(async (area) => {
      if (typeof area?.setAccessLevel !== 'function') return;
      try {
        await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      } catch {
        // Chrome before 140 supports it for storage.session only.
      }
    }),
  );
}
