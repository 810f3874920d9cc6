import { describe, expect, it } from 'vitest';
import type { Touchpoint, TouchpointType } from '../db/touchpoints';
import { followUps, quarterOf, slaKept, tierAt } from './sla';

// Monday 5 October 2026, 09:00 UTC: business hours run 9–17, Monday to Friday.
const MON_9 = Date.UTC(2026, 9, 5, 9);
const H = 3_600_000;
const PERIOD = { from: Date.UTC(2026, 9, 1), to: Date.UTC(2027, 0, 1) };

let n = 0;
const tp = (type: TouchpointType, at: number, stage: Touchpoint['stage'] = 'BOFU'): Touchpoint => ({
  id: `t${++n}`,
  accountId: 'acme',
  type,
  stage,
  at,
});

describe('the response SLA, follow-up by follow-up (Tier 1: 4 business hours)', () => {
  it.each<[string, Touchpoint[], string[]]>([
    [
      'a demo request answered by a call 3 hours later: kept',
      [tp('demo_request', MON_9), tp('sales_call', MON_9 + 3 * H)],
      ['kept'],
    ],
    ['answered exactly at the SLA: kept', [tp('demo_request', MON_9), tp('sales_call', MON_9 + 4 * H)], ['kept']],
    ['answered the next day: late', [tp('demo_request', MON_9), tp('meeting', MON_9 + 24 * H)], ['late']],
    // Friday 16:00 + 4 business hours = Monday 12:00: a call on Monday at 11:00 is in time.
    [
      'over a weekend, counted in business hours: kept',
      [tp('pricing_page_visit', MON_9 + 4 * 24 * H + 7 * H), tp('sales_call', MON_9 + 7 * 24 * H + 2 * H)],
      ['kept'],
    ],
    [
      'a second request while one is open joins it',
      [tp('demo_request', MON_9), tp('form_fill', MON_9 + H), tp('sales_call', MON_9 + 2 * H)],
      ['kept'],
    ],
    ['top-of-funnel activity opens nothing', [tp('web_visit', MON_9, 'TOFU'), tp('email_open', MON_9, 'MOFU')], []],
    ['a call nobody asked for answers nothing', [tp('sales_call', MON_9)], []],
    ['never answered, past its SLA: overdue', [tp('demo_request', MON_9)], ['overdue']],
  ])('%s', (_, touchpoints, statuses) => {
    expect(followUps(touchpoints, 4, PERIOD, MON_9 + 30 * 24 * H).map((f) => f.status)).toEqual(statuses);
  });

  it('leaves a follow-up still within its SLA open', () => {
    expect(followUps([tp('demo_request', MON_9)], 4, PERIOD, MON_9 + H).map((f) => f.status)).toEqual(['open']);
  });

  it('counts only follow-ups opened in the period', () => {
    const september = Date.UTC(2026, 8, 28, 9);
    const all = followUps(
      [tp('demo_request', september), tp('sales_call', september + H), tp('demo_request', MON_9)],
      4,
      PERIOD,
      MON_9 + 48 * H,
    );
    expect(all.map((f) => f.openedAt)).toEqual([MON_9]);
  });

  it('adds a tier’s follow-ups up by how each ended', () => {
    const all = [
      ...followUps([tp('demo_request', MON_9), tp('sales_call', MON_9 + H)], 4, PERIOD, MON_9 + 99 * H),
      ...followUps([tp('demo_request', MON_9), tp('sales_call', MON_9 + 50 * H)], 4, PERIOD, MON_9 + 99 * H),
      ...followUps([tp('demo_request', MON_9)], 4, PERIOD, MON_9 + 99 * H),
    ];
    expect(slaKept(all)).toEqual({ kept: 1, late: 1, overdue: 1, open: 0 });
  });
});

describe('the quarter', () => {
  it.each([
    // Local times: a quarter starts at midnight where the user is, as their business hours do.
    [new Date(2026, 11, 1).getTime(), 'Q4 2026', new Date(2026, 9, 1).getTime(), new Date(2027, 0, 1).getTime()],
    [new Date(2026, 0, 1).getTime(), 'Q1 2026', new Date(2026, 0, 1).getTime(), new Date(2026, 3, 1).getTime()],
    [
      new Date(2026, 5, 30, 23, 59).getTime(),
      'Q2 2026',
      new Date(2026, 3, 1).getTime(),
      new Date(2026, 6, 1).getTime(),
    ],
    [new Date(2026, 6, 1).getTime() - 1, 'Q2 2026', new Date(2026, 3, 1).getTime(), new Date(2026, 6, 1).getTime()],
  ])('of %i is %s', (at, name, from, to) => {
    expect(quarterOf(at)).toEqual({ name, from, to });
  });
});

describe('the tier an account had, from its logged tier changes', () => {
  const D = 86_400_000;
  // Untiered until day 10, Tier 2 from then, Tier 1 from day 20: today it is Tier 1.
  const changes = [
    { at: 20 * D, before: 2 as const, after: 1 as const },
    { at: 10 * D, before: null, after: 2 as const },
  ];
  it.each<[string, number, number | undefined]>([
    ['before the first change, the tier it left', 5 * D, undefined],
    ['at a change, the tier it set', 10 * D, 2],
    ['between the changes', 15 * D, 2],
    ['after the last change', 25 * D, 1],
  ])('%s', (_, at, tier) => {
    expect(tierAt(changes, at, 1)).toBe(tier);
  });
  it("is today's tier without any change", () => {
    expect(tierAt([], 5 * D, 3)).toBe(3);
  });
});
