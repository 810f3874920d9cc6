import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BuyingRole, Contact } from '../db/contacts';
import type { Touchpoint } from '../db/touchpoints';
import { generateDemoData } from '../demo/generate';
import { createRng } from '../demo/random';
import { DEFAULT_ENGAGEMENT } from '../settings/defaults';
import {
  type CalibratedModel,
  type CalibrationSample,
  calibratedLevel,
  calibratedProbability,
  calibrationSample,
  ENGAGEMENT_FEATURES,
  engagementFeatures,
  fitCalibration,
  scoreCalibrated,
} from './calibration';
import { levelOf } from './engagement';
import { auc } from './logistic';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 20, 12);
const model = DEFAULT_ENGAGEMENT;

const contact = (id: string, buyingRoles: BuyingRole[] = []): Contact => ({
  id,
  accountId: 'acct',
  name: id,
  buyingRoles,
  updatedAt: 0,
});
let nextId = 0;
const touch = (daysAgo: number, over: Partial<Touchpoint> = {}): Touchpoint => ({
  id: `t${++nextId}`,
  accountId: 'acct',
  type: 'web_visit',
  stage: 'TOFU',
  at: now - daysAgo * DAY,
  ...over,
});

/**
 * Accounts whose outcome follows the number of senior buyers engaged in the last three weeks
 * (won from two, with one outcome in twenty flipped), buried under anonymous web traffic and
 * junior contacts' email opens of random volume: a signal the default model weighs poorly,
 * since it counts every touch and every contact.
 */
function syntheticSamples(count: number, seed: number): CalibrationSample[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const accountId = `synthetic:${i}`;
    const contacts = Array.from({ length: rng.int(2, 7) }, (_, k) =>
      contact(`${accountId}:c${k}`, [
        rng.chance(0.4) ? rng.pick(['DECISION_MAKER', 'BUDGET_HOLDER'] as const) : 'END_USER',
      ]),
    );
    const touchpoints: Touchpoint[] = [];
    for (let k = rng.int(0, 80); k > 0; k--) touchpoints.push(touch(rng.float(0, 60), { accountId }));
    for (let k = rng.int(0, 4); k > 0; k--) {
      touchpoints.push(touch(rng.float(0, 30), { accountId, type: 'pricing_page_visit', stage: 'BOFU' }));
    }
    let seniorEngaged = 0;
    for (const c of contacts) {
      if (!rng.chance(0.6)) continue;
      if (c.buyingRoles[0] !== 'END_USER') seniorEngaged++;
      for (let k = rng.int(1, 3); k > 0; k--) {
        touchpoints.push(touch(rng.float(0, 21), { accountId, contactId: c.id, type: 'email_open' }));
      }
    }
    const won = seniorEngaged >= 2 !== rng.chance(0.05);
    return calibrationSample({ id: accountId, outcome: won ? 'won' : 'lost' }, touchpoints, contacts, model, now);
  });
}

const fitted = (samples: CalibrationSample[]): CalibratedModel => {
  const result = fitCalibration(samples, { now });
  if (!result.ok) throw new Error(`not fitted: ${result.reason}`);
  return result.model;
};

describe('auc', () => {
  it.each([
    [1, 'perfect ranking: every won above every lost', [1, 2, 3, 4], [false, false, true, true]],
    [0, 'ranking upside down: every lost above every won', [4, 3, 2, 1], [false, false, true, true]],
    [0.5, 'ranking where all are tied', [5, 5, 5, 5], [false, true, false, true]],
    [0.875, 'ranking with one won–lost tie, which counts half', [1, 2, 2, 3], [false, false, true, true]],
    [0.75, 'ranking with one lost above a won', [1, 2, 3, 4], [false, true, false, true]],
  ])('is %s for a %s', (expected, _, scores, labels) => {
    expect(auc(scores, labels)).toBeCloseTo(expected, 10);
  });

  it('is about 0.5 for a random ranking', () => {
    const rng = createRng(7);
    const scores = Array.from({ length: 4000 }, () => rng.next());
    const labels = scores.map(() => rng.chance(0.4));
    expect(auc(scores, labels)).toBeCloseTo(0.5, 1);
  });

  it('is undefined (NaN) when only one outcome occurs', () => {
    expect(auc([1, 2, 3], [true, true, true])).toBeNaN();
  });
});

describe('engagementFeatures', () => {
  const dm = contact('dm', ['DECISION_MAKER']);
  const user = contact('user', ['END_USER']);

  it('reads an untouched account as zero engagement, last touched never', () => {
    expect(engagementFeatures([], [dm], model, now)).toEqual([0, 0, 0, 0, 0, 1]);
  });

  const byDm = (daysAgo: number) => touch(daysAgo, { contactId: 'dm' });
  const demoRequest = touch(0, { type: 'demo_request', stage: 'BOFU', contactId: 'dm' });

  it.each([
    [
      'contacts_engaged',
      'each contact once, whatever their touches',
      [byDm(1), byDm(2), touch(3, { contactId: 'user' })],
      2,
    ],
    ['senior_engaged', 'decision makers, not end users', [byDm(1), byDm(2), touch(3, { contactId: 'user' })], 1],
    ['touches_30d', 'touches under 30 days old, log1p', [touch(1), touch(29), touch(31)], Math.log1p(2)],
    ['staleness', 'days since the last touch over 120', [touch(30), touch(90)], 0.25],
    ['staleness', 'at most 120 days over 120', [touch(200)], 1],
    ['bofu_points', 'BOFU touches only, log1p', [demoRequest, touch(0)], Math.log1p(10 * 2.5 * 2)],
    ['points', 'the default model’s points with breadth, log1p', [demoRequest, touch(0)], Math.log1p(50 + 0.6 + 4)],
  ])('%s counts %s', (feature, _, touchpoints, expected) => {
    const j = ENGAGEMENT_FEATURES.findIndex((f) => f.id === feature);
    expect(engagementFeatures(touchpoints, [dm, user], model, now)[j]).toBeCloseTo(expected, 10);
  });
});

describe('fitCalibration', () => {
  const synthetic = syntheticSamples(400, 42);

  const won = synthetic.filter((s) => s.won);
  const lost = synthetic.filter((s) => !s.won);

  it.each([
    ['29 outcomes', synthetic.slice(0, 29), /^29 won or lost accounts; calibrating needs 30$/],
    ['no outcome at all', [], /^0 won or lost accounts/],
    ['only won outcomes', won.slice(0, 60), /^all 60 accounts with an outcome were won; it needs both$/],
    ['only lost outcomes', lost.slice(0, 60), /were lost/],
    ['one won among 40 lost', [...lost.slice(0, 40), ...won.slice(0, 1)], /^too few won or lost accounts to both/],
  ])('fits nothing from %s, and says why', (_, samples, reason) => {
    const result = fitCalibration(samples, { now });
    expect(result).toMatchObject({ ok: false, outcomes: samples.length, reason: expect.stringMatching(reason) });
  });

  it('fits the same model from the same outcomes', () => {
    expect(fitCalibration(synthetic, { now })).toEqual(fitCalibration(synthetic, { now }));
  });

  it('holds out the same accounts (about a quarter) whatever their order', () => {
    const m = fitted(synthetic);
    const shuffled = fitted(createRng(3).shuffle(synthetic));
    expect([shuffled.learntFrom, shuffled.heldOut]).toEqual([m.learntFrom, m.heldOut]);
    expect(m.learntFrom + m.heldOut).toBe(400);
    expect(m.won + m.lost).toBe(m.learntFrom);
    expect(m.heldOut / 400).toBeGreaterThan(0.18);
    expect(m.heldOut / 400).toBeLessThan(0.32);
    expect(shuffled.auc).toBeCloseTo(m.auc, 6);
  });

  it('beats the default score on held-out outcomes that depend on senior buyers engaging', () => {
    const m = fitted(synthetic);
    expect(m.auc).toBeGreaterThanOrEqual(0.75);
    expect(m.auc - m.defaultAuc).toBeGreaterThanOrEqual(0.1);
  });

  it('names what drives it: here senior buyers engaged weigh the most', () => {
    const m = fitted(synthetic);
    expect(m.features.map((f) => f.id)).toEqual(ENGAGEMENT_FEATURES.map((f) => f.id));
    const strongest = [...m.features].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))[0];
    expect(strongest).toMatchObject({ id: 'senior_engaged', label: 'senior buyers engaged' });
    expect(strongest?.weight).toBeGreaterThan(0);
  });

  it('stamps the model with when it was fitted', () => {
    expect(fitted(synthetic).fittedAt).toBe(now);
  });
});

describe('calibratedProbability and calibratedLevel', () => {
  const m = fitted(syntheticSamples(200, 9));

  it('gives a probability in 0..1 for any features', () => {
    const feature = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(feature, { minLength: 6, maxLength: 6 }), (x) => {
        const p = calibratedProbability(m, x);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never lowers the level as the probability rises', () => {
    const p = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(p, p, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(calibratedLevel(lo)).toBeLessThanOrEqual(calibratedLevel(hi));
      }),
    );
  });

  it.each([
    [0, 1],
    [0.19, 1],
    [0.2, 2],
    [0.45, 3],
    [0.6, 4],
    [0.8, 5],
    [1, 5],
  ])('puts probability %s at level %s, the default bands at × 100', (probability, level) => {
    expect(calibratedLevel(probability)).toBe(level);
    expect(calibratedLevel(probability)).toBe(levelOf(probability * 100));
  });
});

/** Rows grouped by account id (Map.groupBy needs Node 21). */
function byAccount<T extends { accountId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.accountId);
    if (list) list.push(row);
    else map.set(row.accountId, [row]);
  }
  return map;
}

describe('on the demo data', () => {
  const data = generateDemoData({ seed: 1, now });
  const withOutcome = data.accounts.flatMap(({ id, outcome }) => (outcome ? [{ id, outcome }] : []));
  const touchpointsOf = byAccount(data.touchpoints);
  const contactsOf = byAccount(data.contacts);
  const samples = withOutcome.map((a) =>
    calibrationSample(a, touchpointsOf.get(a.id) ?? [], contactsOf.get(a.id) ?? [], model, now),
  );
  const m = fitted(samples);

  it('learns from about three quarters of its 300 outcomes and tests on the rest', () => {
    expect(withOutcome).toHaveLength(300);
    expect(m.learntFrom + m.heldOut).toBe(300);
    expect(m.learntFrom).toBeGreaterThanOrEqual(200);
    expect(m.learntFrom).toBeLessThanOrEqual(250);
  });

  it('separates won from lost on the held-out outcomes (AUC 0.82 with seed 1)', () => {
    expect(m.auc).toBeGreaterThan(0.75);
    expect(m.defaultAuc).toBeGreaterThan(0.7);
  });

  it('levels the likeliest win above the least likely, saying what raised its odds', () => {
    const ranked = withOutcome
      .map((a) => ({ a, s: scoreCalibrated(m, touchpointsOf.get(a.id) ?? [], contactsOf.get(a.id) ?? [], model, now) }))
      .sort((x, y) => x.s.probability - y.s.probability);
    const hottest = ranked.at(-1)?.s;
    const coldest = ranked[0]?.s;
    expect(hottest?.level).toBeGreaterThan(coldest?.level ?? 5);
    expect(hottest?.drivers.length).toBeGreaterThan(0);
    expect(hottest?.drivers[0]?.detail).toMatch(/^raises the odds of a win \d+\.\d×$/);
  });
});
