import { describe, expect, it } from 'vitest';
import type { Touchpoint, TouchpointType } from '../db/touchpoints';
import { followUps, quarterOf, slaKept } from './sla';

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
    [Date.UTC(2026, 11, 1), 'Q4 2026', Date.UTC(2026, 9, 1), Date.UTC(2027, 0, 1)],
    [Date.UTC(2026, 0, 1), 'Q1 2026', Date.UTC(2026, 0, 1), Date.UTC(2026, 3, 1)],
    [Date.UTC(2026, 5, 30, 23), 'Q2 2026', Date.UTC(2026, 3, 1), Date.UTC(2026, 6, 1)],
  ])('of %i is %s', (at, name, from, to) => {
    expect(quarterOf(at)).toEqual({ name, from, to });
  });
});
