import { browser } from 'wxt/browser';
import { recalibrate } from '@/lib/background/calibrate';
import { registerHandlers } from '@/lib/background/handlers';
import { readTabState } from '@/lib/background/tab-state';
import { forgetTab, refreshAllTabs } from '@/lib/background/tab-updates';
import { getDb } from '@/lib/db/db';
import { watchSettings } from '@/lib/settings/store';

export default defineBackground(() => {
  const db = getDb();
  registerHandlers(db);

  // The toolbar button opens the side panel (Chromium); Firefox shows its sidebar instead.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});

  // New tier names, colours or grade thresholds show on every open tab's badge at once.
  watchSettings((settings) => {
    void refreshAllTabs(db, settings);
    if (settings.engagement.mode === 'calibrated') void recalibrate(db, settings.engagement, Date.now());
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // A tab that starts loading another page forgets the old one; its content script reports the new.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'loading') return;
    void readTabState(tabId).then((state) => {
      if (state && state.url !== tab.url) void forgetTab(tabId);
    });
  });
});
