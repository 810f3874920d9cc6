import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { originPattern, sourceUrlSchema } from '@/lib/background/source-messages';

/** The host-permission pattern for an address, or undefined while it is no valid source address. */
function patternOf(url: string): string | undefined {
  if (!sourceUrlSchema.safeParse(url).success) return undefined;
  try {
    return originPattern(url.trim());
  } catch {
    return undefined;
  }
}

/**
 * Whether Tierlens may read `url`'s origin, known before the click: `ensure()` must call
 * `permissions.request` first thing in the click handler (the browser asks only during a user
 * gesture), and must not ask again for an origin already granted.
 */
export function useOriginAccess(url: string): { granted: boolean | undefined; ensure: () => Promise<boolean> } {
  const pattern = patternOf(url);
  const [granted, setGranted] = useState<{ pattern: string; granted: boolean }>();
  useEffect(() => {
    if (!pattern) return;
    let live = true;
    const check = () =>
      void browser.permissions
        .contains({ origins: [pattern] })
        .then((g) => live && setGranted({ pattern, granted: g }))
        .catch(() => live && setGranted({ pattern, granted: false }));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [pattern]);
  const known = granted && granted.pattern === pattern ? granted.granted : undefined;
  return {
    granted: known,
    ensure: async () => {
      if (!pattern) return false;
      if (known === true) return true;
      return browser.permissions.request({ origins: [pattern] });
    },
  };
}
