/**
 * How the demo's won and lost deals come about, so that the AUC the calibrated model reports
 * on them is earned: the outcome follows the activity before the close, and the activity after
 * it follows the outcome (customers engage more once they have bought), which a model reading
 * the account as of today, not as of the close, would mistake for evidence.
 */
import type { Outcome } from '../db/accounts';
import type { Contact } from '../db/contacts';
import type { Touchpoint } from '../db/touchpoints';
import type { Intensity } from './generate';
import type { Rng } from './random';

/** Days before `now` that the demo's deals closed: the last half year. */
export const CLOSED_DAYS_AGO: readonly [number, number] = [10, 180];

/**
 * The chance of a win with no senior buyer engaged, by the deal's pace before the close: slim
 * whatever the volume of touches.
 */
const WON_PROBABILITY: Record<Intensity, number> = {
  silent: 0.08,
  cold: 0.12,
  steady: 0.16,
  cooling: 0.16,
  surging: 0.2,
};
/** Log-odds each senior buyer engaged before the close adds (up to three): odds × e² ≈ 7.4 each. */
const PER_SENIOR = 2;
/** Log-odds each bottom-of-funnel touch before the close adds (up to six). */
const PER_BOFU = 0.1;
const SENIOR_ROLES: ReadonlySet<string> = new Set(['DECISION_MAKER', 'EXECUTIVE_SPONSOR', 'BUDGET_HOLDER']);

const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * Won or lost, drawn from what happened before the close only: deals are won when senior
 * buyers (decision maker, budget holder, executive sponsor) were at the table, a little more
 * often after bottom-of-funnel touches (pricing, demo, meetings) and at a faster pace.
 */
export function outcomeOf(
  rng: Rng,
  intensity: Intensity,
  before: readonly Pick<Touchpoint, 'at' | 'stage' | 'contactId'>[],
  contacts: readonly Contact[],
  closedAt: number,
): Outcome {
  const senior = new Set(contacts.filter((c) => c.buyingRoles.some((r) => SENIOR_ROLES.has(r))).map((c) => c.id));
  const engaged = new Set<string>();
  let bofu = 0;
  for (const t of before) {
    if (t.at >= closedAt) continue;
    if (t.stage === 'BOFU') bofu++;
    if (t.contactId && senior.has(t.contactId)) engaged.add(t.contactId);
  }
  const z = logit(WON_PROBABILITY[intensity]) + PER_SENIOR * Math.min(engaged.size, 3) + PER_BOFU * Math.min(bofu, 6);
  return rng.chance(1 / (1 + Math.exp(-z))) ? 'won' : 'lost';
}

/**
 * Ages in days (before now) of the touchpoints after a close `closedDaysAgo` days ago, with
 * their bottom-of-funnel boost: a customer is onboarded and keeps engaging (5–12 touches a
 * month, the ordinary mix), a lost account hears the odd newsletter (0–2 a month, mostly
 * top of the funnel). All strictly after the close.
 */
export function afterCloseAges(rng: Rng, outcome: Outcome, closedDaysAgo: number): [number, number][] {
  const months = closedDaysAgo / 30;
  const [lo, hi, boost] = outcome === 'won' ? [5, 12, 1] : [0, 2, 0.3];
  const count = Math.round(rng.int(lo, hi) * months);
  // A day short of the close, so that no touch lands on it.
  return Array.from({ length: count }, () => [rng.float(0, closedDaysAgo - 1), boost]);
}
