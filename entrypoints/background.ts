import { browser } from 'wxt/browser';
import { recalibrate, refitRefusedModel } from '@/lib/background/calibrate';
import { registerHandlers } from '@/lib/background/handlers';
import { startPushRunner } from '@/lib/background/push-runner';
import { startRescoreRunner } from '@/lib/background/rescore-runner';
import { restrictStorageToTrustedContexts } from '@/lib/background/storage-access';
import { onSourceAccessAdded, onSyncAlarm, resumeSyncs } from '@/lib/background/sync-runner';
import { hasLeftPage, readTabState } from '@/lib/background/tab-state';
import { forgetTab, refreshAllTabs } from '@/lib/background/tab-updates';
import { syncWebsiteScript } from '@/lib/background/website-access';
import { getDb } from '@/lib/db/db';
import { isLinkedInUrl } from '@/lib/detect/linkedin/urls';
import { loadSettings, watchSettings } from '@/lib/settings/store';

export default defineBackground(() => {
  // Settings, models and tab states are for the extension's own pages, never a content script.
  void restrictStorageToTrustedContexts();
  const db = getDb();
  registerHandlers(db);

  // Sources sync on their alarms; a run the browser stopped with the idle worker goes on now.
  browser.alarms.onAlarm.addListener((alarm) => void onSyncAlarm(db, alarm.name));
  void resumeSyncs(db);
  // The outbox goes back to HubSpot on its alarm; what a stopped worker left is sent now.
  startPushRunner(db);
  // The program view's derived scores follow the data, the models and the edits.
  startRescoreRunner(db);

  // The toolbar button opens the side panel (Chromium); Firefox shows its sidebar instead.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});

  // New tier names, colours or grade thresholds show on every open tab's badge at once.
  watchSettings((settings) => {
    void refreshAllTabs(db, settings);
    if (settings.engagement.mode === 'calibrated') void recalibrate(db, settings.engagement, Date.now());
  });

  // A model an earlier version stored, and this one refuses, is refitted after the update.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'update') return;
    void loadSettings().then((settings) => refitRefusedModel(db, settings.engagement, Date.now()));
  });

  // The website content script runs only while the all-sites permission is granted.
  const syncWebsites = () => void syncWebsiteScript().catch(() => {});
  syncWebsites();
  browser.permissions.onAdded.addListener(syncWebsites);
  // A source refused its address syncs as soon as the user allows it again.
  browser.permissions.onAdded.addListener(() => void onSourceAccessAdded(db).catch(() => {}));
  browser.permissions.onRemoved.addListener(syncWebsites);

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // A tab that leaves LinkedIn for another page forgets the old one (the website script, where
  // allowed, reports the new). Within LinkedIn the content script reports every navigation,
  // in-app ones (pushState, Back) included, so forgetting there would only race its report.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'loading' || isLinkedInUrl(tab.url)) return;
    void readTabState(tabId).then((state) => {
      if (state && hasLeftPage(state, tab.url)) void forgetTab(tabId);
    });
  });
});
