import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TierlensDB } from '../db/db';
import { loadDemoData } from '../demo/load';
import type { CalibratedModel, CalibrationResult } from '../scoring/calibration';
import { DEFAULT_ENGAGEMENT } from '../settings/defaults';
import { CALIBRATION_KEY, calibrateFromDb, loadCalibration, refitRefusedModel, saveCalibration } from './calibrate';

// The real generator, cut to 600 accounts (90 with an outcome): the full 2,000 take seconds to
// load on fake-indexeddb, and what these tests pin does not depend on the size.
vi.mock('../demo/generate', async (importOriginal) => {
  const real = await importOriginal<typeof import('../demo/generate')>();
  return {
    ...real,
    generateDemoData: (options: Parameters<typeof real.generateDemoData>[0]) =>
      real.generateDemoData({ ...options, accountCount: 600 }),
  };
});

const now = Date.UTC(2026, 10, 20, 12);
let db: TierlensDB;
/** The fit of the demo accounts, done once: each takes a while on fake-indexeddb. */
let result: CalibrationResult;

beforeAll(async () => {
  db = new TierlensDB(`calib-${Math.random().toString(36).slice(2)}`);
  await loadDemoData(db, now);
  result = await calibrateFromDb(db, DEFAULT_ENGAGEMENT, now);
}, 30_000);

const fitted = (): CalibratedModel => {
  if (!result.ok) throw new Error(result.reason);
  return result.model;
};

afterAll(async () => {
  db.close();
  await db.delete();
});

describe('calibrateFromDb', () => {
  it('fits on every account with an outcome, learning from most and testing on the rest', async () => {
    const withOutcome = await db.accounts.filter((a) => a.outcome !== undefined).toArray();
    const won = withOutcome.filter((a) => a.outcome === 'won').length;
    const model = fitted();
    expect(withOutcome).toHaveLength(90);
    expect(model.undated).toBe(0);
    expect(model.learntFrom + model.heldOut).toBe(withOutcome.length);
    expect(model.won + model.lost).toBe(model.learntFrom);
    expect(model.won).toBeLessThanOrEqual(won);
    expect(model.heldOut).toBeGreaterThan(10);
    expect(model.auc).toBeGreaterThan(0.5);
    expect(model.fittedAt).toBe(now);
  });

  it('leaves out the outcomes without a close date, and says how many', async () => {
    const undated = new TierlensDB(`calib-undated-${Math.random().toString(36).slice(2)}`);
    try {
      await loadDemoData(undated, now);
      const outcomes = await undated.accounts.where('outcome').anyOf(['won', 'lost']).primaryKeys();
      const stripped = outcomes.slice(0, 15);
      await undated.accounts
        .where('id')
        .anyOf(stripped)
        .modify((a) => {
          delete a.closedAt;
        });
      const result = await calibrateFromDb(undated, DEFAULT_ENGAGEMENT, now);
      expect(result).toMatchObject({ ok: true, model: { undated: 15 } });
      if (result.ok) expect(result.model.learntFrom + result.model.heldOut).toBe(90 - 15);
    } finally {
      undated.close();
      await undated.delete();
    }
  }, 30_000);

  it('fits nothing, and says why, when no account has an outcome', async () => {
    const empty = new TierlensDB(`calib-empty-${Math.random().toString(36).slice(2)}`);
    try {
      expect(await calibrateFromDb(empty, DEFAULT_ENGAGEMENT, now)).toEqual({
        ok: false,
        outcomes: 0,
        reason: '0 won or lost accounts; calibrating needs 30',
      });
    } finally {
      empty.close();
      await empty.delete();
    }
  });
});

describe('saveCalibration and loadCalibration', () => {
  it('loads the model it saved', async () => {
    const model = fitted();
    await saveCalibration(model);
    expect(await loadCalibration()).toEqual(model);
  });

  it('loads nothing when nothing was saved', async () => {
    expect(await loadCalibration()).toBeUndefined();
  });

  it.each([
    ['a string', 'calibrated!'],
    ['an empty object', {}],
    ['a model missing its AUC', { intercept: 0, features: [], learntFrom: 1, won: 1, lost: 0, heldOut: 0 }],
  ])('loads nothing from %s in storage', async (_, garbage) => {
    await fakeBrowser.storage.local.set({ [CALIBRATION_KEY]: garbage });
    expect(await loadCalibration()).toBeUndefined();
  });

  it('loads nothing fitted before outcomes had close dates (no count of the undated): it learnt from after the close', async () => {
    const { undated: _, ...leaky } = fitted();
    await fakeBrowser.storage.local.set({ [CALIBRATION_KEY]: leaky });
    expect(await loadCalibration()).toBeUndefined();
  });

  it('loads nothing fitted on other features than this version computes', async () => {
    const model = fitted();
    await fakeBrowser.storage.local.set({ [CALIBRATION_KEY]: { ...model, features: model.features.slice(1) } });
    expect(await loadCalibration()).toBeUndefined();
  });
});

describe('refitRefusedModel, after an update', () => {
  const calibrated = { ...DEFAULT_ENGAGEMENT, mode: 'calibrated' as const };

  it('refits a stored model this version refuses, so calibrated mode does not fall back until the next sync', async () => {
    const { undated: _, ...leaky } = fitted();
    await fakeBrowser.storage.local.set({ [CALIBRATION_KEY]: leaky });
    expect(await refitRefusedModel(db, calibrated, now)).toBe(true);
    // The same data at the same time: the fit of the data as it is now.
    expect(await loadCalibration()).toEqual(fitted());
  }, 30_000);

  it('keeps a stored model this version accepts', async () => {
    await saveCalibration(fitted());
    expect(await refitRefusedModel(db, calibrated, now)).toBe(false);
  });

  it('fits nothing when nothing was stored, or when the engagement model is not calibrated', async () => {
    expect(await refitRefusedModel(db, calibrated, now)).toBe(false);
    await fakeBrowser.storage.local.set({ [CALIBRATION_KEY]: 'old' });
    expect(await refitRefusedModel(db, { ...DEFAULT_ENGAGEMENT, mode: 'default' }, now)).toBe(false);
    expect(await loadCalibration()).toBeUndefined();
  });
});
