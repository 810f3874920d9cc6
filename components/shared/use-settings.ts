import { useEffect, useState } from 'react';
import { loadSettings, watchSettings } from '@/lib/settings/store';
import type { Settings } from '@/lib/settings/types';

/** The org's settings, kept current when they are saved on the options page. `undefined` while loading. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let live = true;
    void loadSettings().then((s) => live && setSettings(s));
    const stop = watchSettings(setSettings);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return settings;
}
