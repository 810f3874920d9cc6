import { type Browser, browser } from 'wxt/browser';
import { getStrictDb, type TierlensDB } from '../db/db';
import { loadSettings } from '../settings/store';
import { createHubSpotTarget } from '../sync/hubspot/push';
import { type PushRunResult, runPush } from '../sync/push/engine';
import { noPayloadSchema } from './message-schemas';
import { requestRescore } from './rescore-runner';
import { isExtensionPage } from './senders';
import { originPattern } from './source-messages';
import { refreshAllTabs } from './tab-updates';

type Sender = Browser.runtime.MessageSender;

/** The alarm that sends the outbox's edits again when their backoff is over. */
export const PUSH_ALARM = 'push';
/** Chrome fires alarms 30 s apart at the soonest: a sooner retry also gets a timer while the worker lives. */
const ALARM_MIN_MS = 30_000;
/** While a run is under way, an alarm this far out resumes it should the browser stop the worker. */
const RESUME_AFTER_MS = 60_000;

/** Thrown for a message that is dropped unread: it changes nothing. */
export class RejectedPushMessage extends Error {}

/** What the runner needs besides the main database; tests replace them. */
export interface PushRunnerDeps {
  /** The strict-durability connection the engine writes the outbox with (default: getStrictDb()). */
  strict?: TierlensDB;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
}

let running: Promise<PushRunResult | undefined> | undefined;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Pushes the outbox to HubSpot now, one run at a time: asked while a run is under way, it runs
 * once more after it (edits may have come in since that run read the outbox). Does nothing
 * unless HubSpot is connected and its address may be reached. Answers the last run's result.
 *
 * One at a time is what keeps two runs from sending the same edits: a run claims edits whatever
 * their state (an edit `pushing` may be one a stopped worker sent), so claiming alone excludes
 * nobody. Every run starts here, and the browser runs one service worker at a time; a stopped
 * worker's run is gone with it.
 */
export function pushSoon(db: TierlensDB, deps: PushRunnerDeps = {}): Promise<PushRunResult | undefined> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let result: PushRunResult | undefined;
    try {
      do {
        again = false;
        result = await pushOnce(db, deps);
      } while (again);
    } finally {
      running = undefined;
    }
    return result;
  })();
  return running;
}

async function pushOnce(db: TierlensDB, deps: PushRunnerDeps): Promise<PushRunResult | undefined> {
  const config = await db.sourceConfig.get('hubspot');
  if (!config?.token || !(await mayReach(config.url))) return undefined;
  const now = deps.now ?? Date.now;
  await browser.alarms.create(PUSH_ALARM, { when: now() + RESUME_AFTER_MS });
  const settings = await loadSettings();
  // The token is read here, in the background, and goes nowhere but HubSpot's API.
  const target = createHubSpotTarget({
    token: config.token,
    apiBase: config.url,
    writeBack: settings.writeBack,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    now,
  });
  const result = await runPush(deps.strict ?? getStrictDb(), target, { source: 'hubspot', now });
  const settled = result.confirmed + result.conflicts + result.failed;
  if (settled > 0) await refreshAllTabs(db, settings);
  await scheduleNext(db, deps, result.nextAttemptAt);
  return result;
}

/** The alarm (and, for a sooner one, a timer) for the earliest edit waiting; none when nothing waits. */
async function scheduleNext(db: TierlensDB, deps: PushRunnerDeps, at: number | undefined): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (at === undefined) {
    await browser.alarms.clear(PUSH_ALARM);
    return;
  }
  const now = (deps.now ?? Date.now)();
  await browser.alarms.create(PUSH_ALARM, { when: Math.max(at, now + ALARM_MIN_MS) });
  if (at - now < ALARM_MIN_MS) timer = setTimeout(() => void pushSoon(db, deps), Math.max(0, at - now));
}

/** Whether the user allowed Tierlens to reach HubSpot's address (asked for on connect). */
async function mayReach(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(url)] });
  } catch {
    return false;
  }
}

/**
 * A Tierlens page changed the outbox (it writes edits itself, with strict durability): the
 * badges show the edit at once, and the push starts without the page waiting for HubSpot.
 */
export async function handleEditsChanged(
  db: TierlensDB,
  data: unknown,
  sender: Sender,
  deps: PushRunnerDeps = {},
): Promise<void> {
  if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
    throw new RejectedPushMessage('editsChanged is accepted only from Tierlens pages');
  }
  if (!noPayloadSchema.safeParse(data).success) throw new RejectedPushMessage('editsChanged takes no payload');
  await refreshAllTabs(db, await loadSettings());
  // The edited accounts' rows in the program view's scores are rescored.
  void requestRescore(db);
  void pushSoon(db, deps).catch(() => undefined);
}

/**
 * On every start of the worker: the alarm resumes the push when an edit's backoff is over,
 * and a push starts now for what a stopped worker left (edits still `pushing` are checked
 * against HubSpot before anything is written again).
 */
export function startPushRunner(db: TierlensDB, deps: PushRunnerDeps = {}): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PUSH_ALARM) void pushSoon(db, deps).catch(() => undefined);
  });
  void pushSoon(db, deps).catch(() => undefined);
}
