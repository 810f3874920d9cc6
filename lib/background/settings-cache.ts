import { browser } from 'wxt/browser';
import { loadSettings, MANAGED_KEY, SETTINGS_KEY } from '../settings/store';
import type { Settings } from '../settings/types';

let cached: Promise<Settings> | undefined;

const onChanged = (changes: Record<string, unknown>, area: string) => {
  if (area === 'local' && (SETTINGS_KEY in changes || MANAGED_KEY in changes)) cached = undefined;
};

/**
 * The models in force (loadSettings), read once per worker and again after the user's or the
 * team's change: every page report needs them, and reading storage.local takes about as long as
 * the whole lookup. In memory only: a restarted worker reads them afresh.
 */
export function currentSettings(): Promise<Settings> {
  // Not listening (the first call, or the listener was removed): a change may have been missed.
  if (!browser.storage.onChanged.hasListener(onChanged)) {
    cached = undefined;
    browser.storage.onChanged.addListener(onChanged);
  }
  cached ??= loadSettings().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
