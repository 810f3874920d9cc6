import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const watched = vi.hoisted(() => ({ calls: 0 }));
vi.mock('./watch-page', () => ({ watchPage: () => void watched.calls++ }));
vi.mock('../messaging', () => ({ sendMessage: vi.fn() }));
vi.mock('./lifetime', () => ({ startLifetime: () => ({}) }));

import { startWebsiteScript } from './website-script';

describe('the website content script', () => {
  beforeEach(() => {
    watched.calls = 0;
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('watches a company website', () => {
    vi.stubGlobal('location', { hostname: 'www.acme.com', href: 'https://www.acme.com/' });
    startWebsiteScript();
    expect(watched.calls).toBe(1);
  });

  it.each(['www.linkedin.com', 'linkedin.com', 'uk.linkedin.com', 'WWW.LINKEDIN.COM'])(
    'does nothing on %s, where an injection that raced the tab to LinkedIn lands: the LinkedIn script reads it',
    (hostname) => {
      vi.stubGlobal('location', { hostname, href: `https://${hostname}/company/acme/` });
      startWebsiteScript();
      expect(watched.calls).toBe(0);
    },
  );

  it('watches a site whose name merely contains linkedin', () => {
    vi.stubGlobal('location', { hostname: 'notlinkedin.com', href: 'https://notlinkedin.com/' });
    startWebsiteScript();
    expect(watched.calls).toBe(1);
  });
});
