import { FOLLOW_UP_TYPES, type Touchpoint } from '../db/touchpoints';
import { addBusinessHours } from '../scoring/business-time';
import type { Tier } from '../settings/types';

export { FOLLOW_UP_TYPES };

/**
 * How a tier's response SLA was kept (DESIGN.md: engagement from the account → sales follow-up
 * within the tier's business hours). An account's bottom-of-funnel touchpoint (a demo request,
 * a pricing page visit…) opens a follow-up; the next sales touch (a sales call or a meeting)
 * closes it: in time when it falls within the SLA from the touchpoint that opened it, late
 * after. Touchpoints while one is open join it: one follow-up answers them all.
 */

/** One follow-up the account's engagement called for. */
export interface FollowUp {
  accountId: string;
  /** The touchpoint that opened it. */
  openedAt: number;
  dueAt: number;
  /** The sales touch that answered it, if any yet. */
  answeredAt?: number;
  status: 'kept' | 'late' | 'overdue' | 'open';
}

/**
 * An account's follow-ups opened in [from, to), by its touchpoints and its tier's SLA in business
 * hours: one figure, or the SLA of the tier the account had when each follow-up opened, undefined
 * while it had none (an untiered account owes no response: its engagement opens no follow-up).
 */
export function followUps(
  touchpoints: readonly Touchpoint[],
  slaHours: number | ((openedAt: number) => number | undefined),
  period: { from: number; to: number },
  now: number,
): FollowUp[] {
  const hoursAt = typeof slaHours === 'number' ? () => slaHours : slaHours;
  // At the same instant, the sales touch comes after the engagement: it answers it.
  const isSales = (t: Touchpoint) => (FOLLOW_UP_TYPES.has(t.type) ? 1 : 0);
  const sorted = [...touchpoints].sort((a, b) => a.at - b.at || isSales(a) - isSales(b));
  const out: FollowUp[] = [];
  let open: FollowUp | undefined;
  for (const t of sorted) {
    if (FOLLOW_UP_TYPES.has(t.type)) {
      if (open) {
        open.answeredAt = t.at;
        open.status = t.at <= open.dueAt ? 'kept' : 'late';
        open = undefined;
      }
      continue;
    }
    if (t.stage !== 'BOFU' || open) continue;
    const hours = hoursAt(t.at);
    if (hours === undefined) continue;
    open = { accountId: t.accountId, openedAt: t.at, dueAt: addBusinessHours(t.at, hours), status: 'open' };
    out.push(open);
  }
  if (open && open.dueAt < now) open.status = 'overdue';
  return out.filter((f) => f.openedAt >= period.from && f.openedAt < period.to);
}

/** A tier's SLA over a period: how many follow-ups were kept, late, overdue and still open in time. */
export interface SlaKept {
  kept: number;
  late: number;
  overdue: number;
  open: number;
}

export function slaKept(all: readonly FollowUp[]): SlaKept {
  const counts: SlaKept = { kept: 0, late: 0, overdue: 0, open: 0 };
  for (const f of all) counts[f.status]++;
  return counts;
}

/**
 * The calendar quarter holding `at`, in the user's time zone as business hours are: [from, to)
 * from local midnight on its first day, and its name, "Q4 2026".
 */
export function quarterOf(at: number): { from: number; to: number; name: string } {
  const d = new Date(at);
  const q = Math.floor(d.getMonth() / 3);
  const from = new Date(d.getFullYear(), q * 3, 1).getTime();
  const to = new Date(d.getFullYear(), q * 3 + 3, 1).getTime();
  return { from, to, name: `Q${q + 1} ${d.getFullYear()}` };
}

/** A logged tier change of one account (lib/db/change-log.ts): when, and the tier before and after (null: untiered). */
export interface TierChange {
  at: number;
  before: Tier | null;
  after: Tier | null;
}

/**
 * The tier an account had at `at`, from its logged tier changes (any order) and the tier it has
 * now: the tier the last change before `at` set, else the one the first change after it left,
 * else today's. Undefined: untiered.
 */
export function tierAt(changes: readonly TierChange[], at: number, current: Tier | undefined): Tier | undefined {
  let last: TierChange | undefined;
  let next: TierChange | undefined;
  for (const c of changes) {
    if (c.at <= at) {
      if (!last || c.at >= last.at) last = c;
    } else if (!next || c.at < next.at) next = c;
  }
  const tier = last ? last.after : next ? next.before : current;
  return tier ?? undefined;
}
