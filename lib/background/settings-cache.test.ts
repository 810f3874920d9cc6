import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { SETTINGS_KEY } from '../settings/store';
import { currentSettings } from './settings-cache';

const renamed = (name: string) => ({
  ...DEFAULT_SETTINGS,
  tiers: DEFAULT_SETTINGS.tiers.map((t) => (t.tier === 1 ? { ...t, name } : t)),
});
const tierOneName = async () => (await currentSettings()).tiers.find((t) => t.tier === 1)?.name;

describe('the settings the background’s page reports use', () => {
  it('are read from storage once, not on every report', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await currentSettings();
    const reads = get.mock.calls.length;
    await currentSettings();
    await currentSettings();
    expect(get.mock.calls.length).toBe(reads);
  });

  it('follow a change the user saves', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: renamed('Strategic') });
    expect(await tierOneName()).toBe('Strategic');
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: renamed('Key accounts') });
    expect(await tierOneName()).toBe('Key accounts');
  });

  it('are read afresh by a restarted worker', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: renamed('Strategic') });
    expect(await tierOneName()).toBe('Strategic');
    vi.resetModules();
    const restarted = await import('./settings-cache');
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect((await restarted.currentSettings()).tiers.find((t) => t.tier === 1)?.name).toBe('Strategic');
    expect(get).toHaveBeenCalled();
  });
});
