import { useEffect, useState } from 'react';
import { type Browser, browser } from 'wxt/browser';
import { readTabState, type TabState, tabStateKey } from '@/lib/background/tab-state';

/** The background's state for a tab, kept current as the tab navigates. `null` until known. */
export function useTabState(tabId: number | undefined): TabState | undefined | null {
  const [state, setState] = useState<TabState | undefined | null>(null);
  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    void readTabState(tabId).then((s) => live && setState(s));
    const key = tabStateKey(tabId);
    const onChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
      if (area === 'session' && key in changes) setState(changes[key]?.newValue as TabState | undefined);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId]);
  return state;
}
