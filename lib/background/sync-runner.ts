import { browser } from 'wxt/browser';
import { sourceWho } from '../db/change-log';
import type { TierlensDB } from '../db/db';
import { collectGenerations } from '../db/generations';
import type { SourceConfig } from '../db/source-config';
import { logModelChange } from '../program/change-log-model';
import { loadSettings, saveManagedModels } from '../settings/store';
import { type RunOutcome, runSync } from '../sync/engine';
import { managedModels } from '../sync/feed/source';
import { recordError } from '../sync/generation';
import { dropAbandonedImport } from '../sync/import-lock';
import { adapterFor } from '../sync/sources';
import { recalibrate } from './calibrate';
import { forgetVisibleData } from './page-lookup';
import { requestRescore } from './rescore-runner';
import { originPattern } from './source-messages';
import { refreshAllTabs } from './tab-updates';

const ALARM_PREFIX = 'sync:';
export const alarmName = (source: SourceConfig['source']): string => `${ALARM_PREFIX}${source}`;

/** After new data: every open tab's badge and panel re-resolve, and the calibrated model refits. */
export async function afterDataChanged(db: TierlensDB): Promise<void> {
  // The generations the lookups read may have changed: the next one reads the sync states first.
  forgetVisibleData();
  const settings = await loadSettings();
  await refreshAllTabs(db, settings);
  if (settings.engagement.mode === 'calibrated') await recalibrate(db, settings.engagement, Date.now());
  // The program view's scores follow, in the background: nothing here waits for them.
  void requestRescore(db);
  // A page whose read of the replaced generation was in flight when it was deleted opens it
  // again, which creates it anew, empty: collect such leftovers once the pages have moved on.
  setTimeout(() => void collectGenerations(db).catch(() => []), LEFTOVER_SWEEP_MS);
}

/** How long after a switch the leftovers of pages that were still reading the old data are collected. */
const LEFTOVER_SWEEP_MS = 2_000;

const NO_ACCESS = 'Tierlens may not read';

/** Whether the user allowed Tierlens to read the source's address. */
async function mayRead(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(url)] });
  } catch {
    return false;
  }
}

/**
 * Runs one connected source now (an alarm, "Sync now", a resumed run after the worker stopped):
 * checks that its address may still be read, runs the engine, shows new data on every tab and
 * schedules the next run — sooner after a retryable failure, at the server's `Retry-After`.
 */
export async function syncSource(
  db: TierlensDB,
  source: SourceConfig['source'],
  options: { asked?: boolean } = {},
): Promise<RunOutcome | undefined> {
  const config = await db.sourceConfig.get(source);
  if (!config) return undefined;
  const now = Date.now();
  if (!(await mayRead(config.url))) {
    const message = `${NO_ACCESS} ${new URL(config.url).origin}: allow it again on the options page (Sources).`;
    await recordError(db, source, message, now);
    // Tried again at the usual time, and at once when the access is given back (onSourceAccessAdded).
    await schedule(db, source, now + config.everyMinutes * 60_000);
    return { status: 'failed', error: message, rejected: true };
  }
  // Running now: a wait set by an earlier failure no longer holds, so a worker stopped during
  // this run resumes it on its next start (resumeSyncs) rather than at that retry's alarm.
  await db.syncState.update(source, { nextRunAt: undefined });
  // Tags pushed to HubSpot come back with the sync, from the property they were written to.
  const { writeBack } = await loadSettings();
  // Asked for ("Sync now"): HubSpot's deletions too, whenever they were last listed.
  const adapter = adapterFor(config, { tagsProperty: writeBack.tagsProperty, listDeletions: options.asked });
  const outcome = await runSync(db, adapter, {
    retryLaterMs: 5 * 60_000,
  });
  // The team's models come with the generation that carried them, and go when a generation has none.
  if (outcome.status === 'switched' && source === 'feed') await replaceManagedModels(db, outcome.plan);
  if (outcome.status === 'switched' || outcome.status === 'updated') await afterDataChanged(db);
  const nextRunAt =
    outcome.status === 'failed' && outcome.retryAt ? outcome.retryAt : Date.now() + config.everyMinutes * 60_000;
  await schedule(db, source, nextRunAt);
  return outcome;
}

/**
 * Stores the models a new feed generation carries and logs what changed, by "team feed". The
 * entry's effect (counts per grade and tier) is not computed here, which would score every
 * account a second time: the rescoring that follows fills it in when its run switches
 * (lib/program/model-effects.ts).
 */
async function replaceManagedModels(db: TierlensDB, plan: Parameters<typeof managedModels>[0]): Promise<void> {
  const before = await loadSettings();
  await saveManagedModels(managedModels(plan));
  const after = await loadSettings();
  // Named as the feed's tier changes are: the log tells sources from people by this name.
  await logModelChange(db, { before, after, who: sourceWho('feed'), now: Date.now() }).catch(() => false);
}

async function schedule(db: TierlensDB, source: SourceConfig['source'], at: number): Promise<void> {
  // Alarms fire at most every 30 s; a sooner retry waits for the next one.
  await browser.alarms.create(alarmName(source), { when: Math.max(at, Date.now() + 30_000) });
  await db.syncState.update(source, { nextRunAt: at });
}

/**
 * When the user gives access back (`permissions.onAdded`, from the options page or the browser's
 * own site-access menu), each connected source that was refused it syncs now.
 */
export async function onSourceAccessAdded(db: TierlensDB): Promise<void> {
  for (const config of await db.sourceConfig.toArray()) {
    const state = await db.syncState.get(config.source);
    if (state?.lastError?.message.startsWith(NO_ACCESS) && (await mayRead(config.url))) {
      void syncSource(db, config.source);
    }
  }
}

/** Runs the alarm's source, when the alarm is one of the sync's. */
export async function onSyncAlarm(db: TierlensDB, name: string): Promise<void> {
  if (!name.startsWith(ALARM_PREFIX)) return;
  const source = name.slice(ALARM_PREFIX.length);
  if (source === 'feed' || source === 'hubspot') await syncSource(db, source);
}

/**
 * On every start of the worker: a run the browser stopped goes on at once, every connected
 * source has its alarm, and generations nothing points at are deleted.
 */
export async function resumeSyncs(db: TierlensDB): Promise<void> {
  await dropAbandonedImport(db).catch(() => false);
  await collectGenerations(db).catch(() => []);
  for (const config of await db.sourceConfig.toArray()) {
    const state = await db.syncState.get(config.source);
    const due = state?.nextRunAt === undefined || state.nextRunAt <= Date.now();
    // A run the browser stopped goes on, unless it had failed and its retry is set for later
    // (HubSpot's daily limit): the worker wakes with every navigation, and each would ask again.
    const interrupted = state?.staging !== undefined && !(state.lastError && !due);
    if (interrupted || due) void syncSource(db, config.source);
    else if (!(await browser.alarms.get(alarmName(config.source))))
      await schedule(db, config.source, state.nextRunAt ?? Date.now());
  }
}
