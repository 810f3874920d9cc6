import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncWebsiteScript } from './website-access';

/** The browser's registry of run-time content scripts, and the permission the user holds. */
let registered: { id: string; matches?: string[]; excludeMatches?: string[]; js?: string[] }[];
let granted: boolean;

beforeEach(() => {
  registered = [];
  granted = false;
  // fake-browser implements neither API: these stand in for Chromium's, keeping their contracts.
  Object.assign(fakeBrowser, {
    permissions: { contains: vi.fn(async () => granted) },
    scripting: {
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) =>
        registered.filter((s) => ids.includes(s.id)),
      ),
      registerContentScripts: vi.fn(async (scripts: typeof registered) => {
        registered.push(...scripts);
      }),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        registered = registered.filter((s) => !ids.includes(s.id));
      }),
    },
  });
});

describe('syncWebsiteScript', () => {
  it('registers nothing while the all-sites permission is not granted', async () => {
    expect(await syncWebsiteScript()).toBe('unregistered');
    expect(registered).toEqual([]);
  });

  it('registers the website script on every site but LinkedIn once the permission is granted, once', async () => {
    granted = true;
    await syncWebsiteScript();
    await syncWebsiteScript();
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({
      js: ['content-scripts/website.js'],
      matches: ['*://*/*'],
      excludeMatches: ['*://*.linkedin.com/*'],
    });
  });

  it('unregisters it when the permission is revoked', async () => {
    granted = true;
    await syncWebsiteScript();
    granted = false;
    expect(await syncWebsiteScript()).toBe('unregistered');
    expect(registered).toEqual([]);
  });
});
