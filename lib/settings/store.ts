import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from './defaults';
import type { Settings } from './types';
import { type SettingsResult, validateSettings } from './validate';

export const SETTINGS_KEY = 'settings';

/** The org's models: the saved ones (migrated from any earlier version) when valid, else the defaults. */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  if (stored[SETTINGS_KEY] === undefined) return DEFAULT_SETTINGS;
  const result = validateSettings(stored[SETTINGS_KEY]);
  return result.ok ? result.settings : DEFAULT_SETTINGS;
}

/** Saves settings only when they are valid; otherwise saves nothing and says what is wrong. */
export async function saveSettings(input: unknown): Promise<SettingsResult> {
  const result = validateSettings(input);
  if (result.ok) await browser.storage.local.set({ [SETTINGS_KEY]: result.settings });
  return result;
}

/** Calls `listener` with the new settings whenever they are saved (in any context). */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const result = validateSettings(changes[SETTINGS_KEY]?.newValue);
    listener(result.ok ? result.settings : DEFAULT_SETTINGS);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
