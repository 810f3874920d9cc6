import { browser } from 'wxt/browser';
import { z } from 'zod';
import { groupByAccount } from '../accounts/account-rows';
import type { Account } from '../db/accounts';
import type { Contact } from '../db/contacts';
import type { TierlensDB } from '../db/db';
import { dataView } from '../db/generations';
import { type Touchpoint, touchpointsOf } from '../db/touchpoints';
import {
  type CalibratedModel,
  type CalibrationResult,
  calibrationSample,
  ENGAGEMENT_FEATURES,
  fitCalibration,
} from '../scoring/calibration';
import type { EngagementModel } from '../settings/types';

export const CALIBRATION_KEY = 'calibration';

/**
 * Fits the calibrated engagement model on every account with a won/lost outcome and a close
 * date, each from its touchpoints before that date (see calibrationSample); outcomes without
 * one are left out and counted. Each database is read in one transaction, and a sync's page
 * lands whole or not at all, so the fit never sees half a page.
 */
export async function calibrateFromDb(db: TierlensDB, model: EngagementModel, now: number): Promise<CalibrationResult> {
  const view = await dataView(db);
  const parts = await Promise.all(view.all.map(readOutcomes));
  const accounts = parts.flatMap((p) => p.accounts);
  const contacts = parts.flatMap((p) => p.contacts);
  const touchpoints = parts.flatMap((p) => p.touchpoints);
  let undated = 0;
  const samples = groupByAccount(accounts, contacts, touchpoints).flatMap(({ account, contacts, touchpoints }) => {
    const { id, outcome, closedAt } = account;
    if (!outcome) return [];
    const sample = calibrationSample({ id, outcome, closedAt }, touchpoints, contacts, model, now);
    if (!sample) undated++;
    return sample ? [sample] : [];
  });
  return fitCalibration(samples, { now, undated });
}

/** The won/lost accounts of one database with their rows, read in one transaction. */
function readOutcomes(
  db: TierlensDB,
): Promise<{ accounts: Account[]; contacts: Contact[]; touchpoints: Touchpoint[] }> {
  return db.transaction('r', [db.accounts, db.contacts, db.accountTouchpoints], async () => {
    // The outcome index (schema v2) reads only the few hundred accounts with one.
    const accounts = await db.accounts.where('outcome').anyOf(['won', 'lost']).toArray();
    const ids = accounts.map((a) => a.id);
    const contacts = await db.contacts.where('accountId').anyOf(ids).toArray();
    const touchpoints = (await db.accountTouchpoints.bulkGet(ids)).flatMap(touchpointsOf);
    return { accounts, contacts, touchpoints };
  });
}

const featureIds = ENGAGEMENT_FEATURES.map((f) => f.id);

/** A stored model, trusted only when it is whole and fitted on today's list of features. */
const calibratedModelSchema: z.ZodType<CalibratedModel> = z.object({
  intercept: z.number(),
  features: z
    .array(
      z.object({
        id: z.enum(featureIds),
        label: z.string(),
        weight: z.number(),
        mean: z.number(),
        scale: z.number().positive(),
      }),
    )
    .refine((fs) => fs.map((f) => f.id).join() === featureIds.join(), 'features differ from this version’s'),
  learntFrom: z.number().int().nonnegative(),
  won: z.number().int().nonnegative(),
  lost: z.number().int().nonnegative(),
  heldOut: z.number().int().nonnegative(),
  // Required: a model stored before outcomes had close dates learnt from what came after them.
  undated: z.number().int().nonnegative(),
  auc: z.number().min(0).max(1),
  defaultAuc: z.number().min(0).max(1),
  fittedAt: z.number(),
});

/** Stores the fitted model in `browser.storage.local`, for the side panel to score with. */
export async function saveCalibration(model: CalibratedModel): Promise<void> {
  await browser.storage.local.set({ [CALIBRATION_KEY]: model });
}

/** The stored model, or `undefined` when there is none or what is stored is not a valid model. */
export async function loadCalibration(): Promise<CalibratedModel | undefined> {
  const stored = await browser.storage.local.get(CALIBRATION_KEY);
  const parsed = calibratedModelSchema.safeParse(stored[CALIBRATION_KEY]);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Refits the model on the current data and stores it; when it cannot be fitted (too few
 * outcomes), removes any stored model, which no longer describes the data.
 */
export async function recalibrate(db: TierlensDB, model: EngagementModel, now: number): Promise<CalibrationResult> {
  const result = await calibrateFromDb(db, model, now);
  if (result.ok) await saveCalibration(result.model);
  else await browser.storage.local.remove(CALIBRATION_KEY);
  return result;
}

/**
 * After an update, a stored model this version refuses (fitted before outcomes had close
 * dates, or on other features) is refitted at once, instead of calibrated mode showing the
 * default level until the next sync or settings change. A valid stored model is kept.
 */
export async function refitRefusedModel(db: TierlensDB, model: EngagementModel, now: number): Promise<boolean> {
  if (model.mode !== 'calibrated') return false;
  const stored = await browser.storage.local.get(CALIBRATION_KEY);
  if (stored[CALIBRATION_KEY] === undefined || (await loadCalibration())) return false;
  await recalibrate(db, model, now);
  return true;
}
