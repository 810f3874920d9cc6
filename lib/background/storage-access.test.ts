import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { restrictStorageToTrustedContexts } from './storage-access';

type Area = typeof fakeBrowser.storage.local & { setAccessLevel?: unknown };
const AREAS = { local: fakeBrowser.storage.local as Area, session: fakeBrowser.storage.session as Area };

/** Chrome's `setAccessLevel` on both areas (the fake browser has none, as Firefox). */
function withSetAccessLevel(impl: () => Promise<void> = async () => {}) {
  const calls = { local: vi.fn(impl), session: vi.fn(impl) };
  AREAS.local.setAccessLevel = calls.local;
  AREAS.session.setAccessLevel = calls.session;
  return calls;
}

afterEach(() => {
  delete AREAS.local.setAccessLevel;
  delete AREAS.session.setAccessLevel;
});

describe('the storage that holds settings, models and tab states', () => {
  it('is closed to content scripts: storage.local and storage.session are set to trusted contexts only', async () => {
    const calls = withSetAccessLevel();
    await restrictStorageToTrustedContexts();
    expect(calls.local).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(calls.session).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('is left as it is, without an error, where the browser has no setAccessLevel (Firefox) or refuses it', async () => {
    await expect(restrictStorageToTrustedContexts()).resolves.toBeUndefined();
    // Chrome before 140 refuses it for storage.local.
    withSetAccessLevel(() => Promise.reject(new Error('This storage area does not support setAccessLevel')));
    await expect(restrictStorageToTrustedContexts()).resolves.toBeUndefined();
  });

  it('is closed as the background starts', { timeout: 30_000 }, async () => {
    const calls = withSetAccessLevel();
    // What the fake browser lacks, and the start does not need here.
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => {});
    const { default: background } = await import('@/entrypoints/background');
    background.main();
    expect(calls.local).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(calls.session).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });
});
