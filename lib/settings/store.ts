import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from './defaults';
import { type Settings, settingsSchema } from './types';

const KEY = 'settings';

/** The org's models: the saved ones when valid, else the defaults. */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  const parsed = settingsSchema.safeParse(stored[KEY]);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
