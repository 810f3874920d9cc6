import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from './defaults';
import { applyManagedModels, type ManagedModels, managedModelsSchema } from './managed';
import type { Settings } from './types';
import { type SettingsResult, validateSettings } from './validate';

export const SETTINGS_KEY = 'settings';
/** The org's models a team feed manages, as its visible generation's manifest carried them. */
export const MANAGED_KEY = 'managedModels';

/** The user's own models: the saved ones (migrated from any earlier version) when valid, else the defaults. */
export async function loadOwnSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  if (stored[SETTINGS_KEY] === undefined) return DEFAULT_SETTINGS;
  const result = validateSettings(stored[SETTINGS_KEY]);
  return result.ok ? result.settings : DEFAULT_SETTINGS;
}

/** The sections the team feed manages, when it manages any (and they are still valid). */
export async function loadManagedModels(): Promise<ManagedModels | undefined> {
  const stored = await browser.storage.local.get(MANAGED_KEY);
  const parsed = managedModelsSchema.safeParse(stored[MANAGED_KEY]);
  return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : undefined;
}

/** The models in force: the user's own, with every section the team feed manages replaced by the team's. */
export async function loadSettings(): Promise<Settings> {
  const [own, managed] = await Promise.all([loadOwnSettings(), loadManagedModels()]);
  return applyManagedModels(own, managed);
}

/** Saves settings only when they are valid; otherwise saves nothing and says what is wrong. */
export async function saveSettings(input: unknown): Promise<SettingsResult> {
  const result = validateSettings(input);
  if (result.ok) await browser.storage.local.set({ [SETTINGS_KEY]: result.settings });
  return result;
}

/** Stores the models a new feed generation manages (none: the feed stopped managing any). */
export async function saveManagedModels(managed: ManagedModels | undefined): Promise<void> {
  if (managed && Object.keys(managed).length > 0) await browser.storage.local.set({ [MANAGED_KEY]: managed });
  else await browser.storage.local.remove(MANAGED_KEY);
}

/** Calls `listener` with the models in force whenever the user's or the team's change (in any context). */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes || MANAGED_KEY in changes)) return;
    void loadSettings().then(listener);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
