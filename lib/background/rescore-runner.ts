import { browser } from 'wxt/browser';
import type { TierlensDB } from '../db/db';
import { type RescoreOutcome, rescore } from '../program/rescore';
import { loadSettings, MANAGED_KEY, SETTINGS_KEY } from '../settings/store';
import { CALIBRATION_KEY, loadCalibration } from './calibrate';
import { foregroundPause } from './foreground';

/** Wakes the worker to resume a rescoring the browser stopped, or to score again as time passes. */
export const RESCORE_ALARM = 'rescore';
/** Score rows age (engagement decays, follow-ups fall due): the alarm looks every hour, and rescores past RESCORE_EVERY_MS. */
const PERIOD_MINUTES = 60;

let running: Promise<RescoreOutcome | undefined> | undefined;
let again = false;

async function once(db: TierlensDB): Promise<RescoreOutcome> {
  // Taken before the read: a model change logged earlier is in these settings, and the run that
  // scores with them completes its effect in the change log.
  const readAt = Date.now();
  const settings = await loadSettings();
  const calibration = settings.engagement.mode === 'calibrated' ? await loadCalibration() : undefined;
  // A newer request stops the run between pages; the next pass resumes it from its cursor when
  // its basis still holds (an edit), or starts again on the new data or models.
  return rescore(db, { settings, calibration, readAt }, { shouldStop: () => again, pause: foregroundPause });
}

async function loop(db: TierlensDB): Promise<RescoreOutcome | undefined> {
  let last: RescoreOutcome | undefined;
  while (again) {
    again = false;
    try {
      last = await once(db);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.derived.update('scores', { error: message }).catch(() => 0);
      last = undefined;
    }
  }
  return last;
}

/**
 * Brings the derived scores up to date (lib/program/rescore.ts), in the background and one run
 * at a time: a request during a run makes it stop at its next page and look again. Page by page,
 * so lookups are answered between pages; resolves when the scores are current.
 */
export function requestRescore(db: TierlensDB): Promise<RescoreOutcome | undefined> {
  again = true;
  running ??= loop(db).finally(() => {
    running = undefined;
  });
  return running;
}

/**
 * On every start of the worker: the scores follow the models and the calibrated model, a run the
 * browser stopped resumes (a few seconds in), and the hourly alarm keeps the rows from ageing.
 */
export function startRescoreRunner(db: TierlensDB): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (SETTINGS_KEY in changes || MANAGED_KEY in changes || CALIBRATION_KEY in changes) void requestRescore(db);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RESCORE_ALARM) void requestRescore(db);
  });
  void browser.alarms.get(RESCORE_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(RESCORE_ALARM, { periodInMinutes: PERIOD_MINUTES });
  });
  // After the page report that woke the worker, if one did: a cold navigation is answered first.
  setTimeout(() => void requestRescore(db), STARTUP_DELAY_MS);
}

/** How long a starting worker waits before it looks at the scores. */
const STARTUP_DELAY_MS = 3_000;
