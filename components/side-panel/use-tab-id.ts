import { useEffect, useState } from 'react';
import { type Browser, browser } from 'wxt/browser';

/**
 * The tab the panel shows: the one named by `?tab=<id>` (a pop-out), else the active tab of
 * the panel's window, followed as the user switches tabs.
 */
export function useTabId(): number | undefined {
  const pinned = Number(new URLSearchParams(location.search).get('tab'));
  const [tabId, setTabId] = useState<number | undefined>(Number.isInteger(pinned) && pinned > 0 ? pinned : undefined);
  useEffect(() => {
    if (Number.isInteger(pinned) && pinned > 0) return;
    let windowId: number | undefined;
    const onActivated = (info: Browser.tabs.OnActivatedInfo) => {
      if (info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    void browser.windows.getCurrent().then(async (w) => {
      windowId = w.id;
      const [active] = await browser.tabs.query({ active: true, windowId });
      setTabId(active?.id);
    });
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned]);
  return tabId;
}
