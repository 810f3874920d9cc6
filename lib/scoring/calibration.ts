import type { Outcome } from '../db/accounts';
import type { Contact } from '../db/contacts';
import type { Touchpoint } from '../db/touchpoints';
import type { EngagementModel } from '../settings/types';
import { type EngagementResult, levelOf, roleMultiplier, scoreEngagement } from './engagement';
import { auc, fitLogistic, predictLogistic } from './logistic';
import type { Reason } from './reason';

/** The features the calibrated model learns from, in the order {@link engagementFeatures} returns them. */
export const ENGAGEMENT_FEATURES = [
  { id: 'points', label: 'engagement points (log)' },
  { id: 'bofu_points', label: 'bottom-of-funnel points (log)' },
  { id: 'contacts_engaged', label: 'contacts engaged' },
  { id: 'senior_engaged', label: 'senior buyers engaged' },
  { id: 'touches_30d', label: 'touches in the last 30 days (log)' },
  { id: 'staleness', label: 'days since the last touch' },
] as const;
export type EngagementFeatureId = (typeof ENGAGEMENT_FEATURES)[number]['id'];

/** Outcomes needed before a model is fitted: fewer would learn noise. */
export const MIN_OUTCOMES = 30;

const DAY = 86_400_000;
const STALE_DAYS = 120;
/** Roles that sign, fund or sponsor the purchase. */
const SENIOR_ROLES: ReadonlySet<string> = new Set(['DECISION_MAKER', 'EXECUTIVE_SPONSOR', 'BUDGET_HOLDER']);

/**
 * An account's engagement as numbers, one per {@link ENGAGEMENT_FEATURES} entry: the default
 * model's points (with breadth) and its bottom-of-funnel share, both log1p; distinct contacts
 * and senior buyers engaged; touches in the last 30 days (log1p); and days since the last touch
 * as min(days, 120) / 120 (1 when never touched). One pass over the touchpoints.
 */
export function engagementFeatures(
  touchpoints: readonly Touchpoint[],
  contacts: readonly Contact[],
  model: EngagementModel,
  now: number,
): number[] {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const engaged = new Set<string>();
  const senior = new Set<string>();
  let raw = 0;
  let bofu = 0;
  let recent = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const t of touchpoints) {
    const ageDays = Math.max(0, (now - t.at) / DAY);
    const contact = t.contactId ? byId.get(t.contactId) : undefined;
    const role = roleMultiplier(contact, model);
    const points =
      (model.typeWeights[t.type] ?? 0) * model.stageMultipliers[t.stage] * role * 0.5 ** (ageDays / model.halfLifeDays);
    raw += points;
    if (t.stage === 'BOFU') bofu += points;
    if (t.contactId) engaged.add(t.contactId);
    if (contact?.buyingRoles.some((r) => SENIOR_ROLES.has(r))) senior.add(contact.id);
    if (ageDays < 30) recent++;
    last = Math.max(last, t.at);
  }
  const staleDays = Number.isFinite(last) ? Math.min(STALE_DAYS, Math.max(0, (now - last) / DAY)) : STALE_DAYS;
  return [
    Math.log1p(raw + engaged.size * model.breadthPoints),
    Math.log1p(bofu),
    engaged.size,
    senior.size,
    Math.log1p(recent),
    staleDays / STALE_DAYS,
  ];
}

/** One account with a closed outcome: its features, whether it was won, and its default score. */
export interface CalibrationSample {
  id: string;
  features: number[];
  won: boolean;
  /** The default model's 0–100 score, to compare the calibrated model with. */
  defaultScore: number;
}

/** An account with a closed outcome, and when it closed (epoch ms) where the source says. */
export interface ClosedOutcome {
  id: string;
  outcome: Outcome;
  closedAt?: number;
}

/**
 * The sample of one account with an outcome, as {@link fitCalibration} takes it: the account
 * as it stood when the outcome closed. Only the touchpoints before `closedAt` count, and every
 * age (decay, the 30-day window, days since the last touch) is measured from `closedAt`, for
 * the features and the default score alike: customers engage more after they buy, and what
 * came after a win is no evidence for it. A close date after `now` counts as `now`.
 *
 * Undefined when the outcome has no close date: which touchpoints came before it cannot be
 * told, and taking them all would leak the outcome into its own features. Such outcomes are
 * left out of the fit, and counted (`undated` of {@link fitCalibration}).
 *
 * Contacts' buying roles are as they are now: no source dates them.
 */
export function calibrationSample(
  account: ClosedOutcome,
  touchpoints: readonly Touchpoint[],
  contacts: readonly Contact[],
  model: EngagementModel,
  now: number,
): CalibrationSample | undefined {
  if (account.closedAt === undefined) return undefined;
  const asOf = Math.min(account.closedAt, now);
  const before = touchpoints.filter((t) => t.at < asOf);
  return {
    id: account.id,
    features: engagementFeatures(before, contacts, model, asOf),
    won: account.outcome === 'won',
    defaultScore: scoreEngagement(before, contacts, model, asOf).score,
  };
}

/** How much one feature counts, per standard deviation, in log-odds of a win. */
export interface CalibratedFeature {
  id: EngagementFeatureId;
  label: string;
  weight: number;
  mean: number;
  scale: number;
}

/** A logistic model fitted on the org's won/lost accounts, with how well it did. Plain JSON. */
export interface CalibratedModel {
  intercept: number;
  features: CalibratedFeature[];
  /** Outcomes it learnt from (the training set), and how many of them were won and lost. */
  learntFrom: number;
  won: number;
  lost: number;
  /** Outcomes held out of the fit, on which both AUCs are measured. */
  heldOut: number;
  /** Outcomes left out of both because they have no close date (see {@link calibrationSample}). */
  undated: number;
  /** AUC of the calibrated probability on the held-out outcomes. */
  auc: number;
  /** AUC of the default 0–100 score on the same held-out outcomes. */
  defaultAuc: number;
  /** Epoch ms. */
  fittedAt: number;
}

/** A fitted model, or why none was fitted and how many outcomes there were. */
export type CalibrationResult = { ok: true; model: CalibratedModel } | { ok: false; reason: string; outcomes: number };

/** FNV-1a of the id: an account stays on the same side of the split as outcomes are added. */
function isHeldOut(id: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 4 === 0;
}

const hasBoth = (s: readonly CalibrationSample[]): boolean => s.some((x) => x.won) && s.some((x) => !x.won);

/**
 * Fits the calibrated model: L2-regularised logistic regression on standardised features,
 * trained on about 75% of the outcomes and tested on the rest (split by a hash of the account
 * id, so deterministic). Not fitted, with a reason, below {@link MIN_OUTCOMES} outcomes or
 * when won and lost do not both occur in each part. `undated` counts the outcomes the caller
 * left out for want of a close date: the model and every reason report them.
 */
export function fitCalibration(
  samples: readonly CalibrationSample[],
  options: { now: number; lambda?: number; undated?: number },
): CalibrationResult {
  const outcomes = samples.length;
  const undated = options.undated ?? 0;
  const notFitted = (reason: string): CalibrationResult => ({
    ok: false,
    outcomes,
    reason: undated > 0 ? `${reason} (${undated} more have no close date and are left out)` : reason,
  });
  if (outcomes < MIN_OUTCOMES) {
    return notFitted(`${outcomes} won or lost accounts; calibrating needs ${MIN_OUTCOMES}`);
  }
  if (!hasBoth(samples)) {
    const only = samples[0]?.won ? 'won' : 'lost';
    return notFitted(`all ${outcomes} accounts with an outcome were ${only}; it needs both`);
  }
  const test = samples.filter((s) => isHeldOut(s.id));
  const train = samples.filter((s) => !isHeldOut(s.id));
  if (!hasBoth(test) || !hasBoth(train)) {
    return notFitted('too few won or lost accounts to both learn and test on');
  }
  const width = ENGAGEMENT_FEATURES.length;
  if (samples.some((s) => s.features.length !== width)) throw new Error(`each sample needs ${width} features`);
  const fit = fitLogistic(
    train.map((s) => s.features),
    train.map((s) => s.won),
    { lambda: options.lambda ?? 1 },
  );
  const features = ENGAGEMENT_FEATURES.map(({ id, label }, j) => ({
    id,
    label,
    weight: fit.weights[j] ?? 0,
    mean: fit.means[j] ?? 0,
    scale: fit.scales[j] ?? 1,
  }));
  const labels = test.map((s) => s.won);
  const model: CalibratedModel = {
    intercept: fit.intercept,
    features,
    learntFrom: train.length,
    won: train.filter((s) => s.won).length,
    lost: train.filter((s) => !s.won).length,
    heldOut: test.length,
    undated,
    auc: auc(
      test.map((s) => predictLogistic(fit, s.features)),
      labels,
    ),
    defaultAuc: auc(
      test.map((s) => s.defaultScore),
      labels,
    ),
    fittedAt: options.now,
  };
  return { ok: true, model };
}

/** The calibrated probability of a win, in 0..1, for one account's {@link engagementFeatures}. */
export function calibratedProbability(model: CalibratedModel, features: readonly number[]): number {
  return predictLogistic(
    {
      intercept: model.intercept,
      weights: model.features.map((f) => f.weight),
      means: model.features.map((f) => f.mean),
      scales: model.features.map((f) => f.scale),
    },
    features,
  );
}

/** Level 1–5 of a probability: the default model's bands at probability × 100. */
export function calibratedLevel(probability: number): EngagementResult['level'] {
  return levelOf(probability * 100);
}

/**
 * An account's calibrated engagement: the probability of a win, its level, and up to three
 * features that moved the odds most against the average account the model learnt from.
 */
export function scoreCalibrated(
  model: CalibratedModel,
  touchpoints: readonly Touchpoint[],
  contacts: readonly Contact[],
  engagement: EngagementModel,
  now: number,
): { probability: number; level: EngagementResult['level']; drivers: Reason[] } {
  const x = engagementFeatures(touchpoints, contacts, engagement, now);
  const probability = calibratedProbability(model, x);
  const drivers = model.features
    .map((f, j) => ({ label: f.label, effect: (f.weight * ((x[j] ?? 0) - f.mean)) / f.scale }))
    .filter((d) => Math.abs(d.effect) >= 0.1)
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
    .slice(0, 3)
    .map(({ label, effect }) => ({
      label,
      detail: `${effect > 0 ? 'raises' : 'lowers'} the odds of a win ${Math.exp(Math.abs(effect)).toFixed(1)}×`,
    }));
  return { probability, level: calibratedLevel(probability), drivers };
}
