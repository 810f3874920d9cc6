import { describe, expect, it } from 'vitest';
import type { BuyingRole, Contact } from '../db/contacts';
import type { FunnelStage, Touchpoint, TouchpointType } from '../db/touchpoints';
import { DEFAULT_ENGAGEMENT } from '../settings/defaults';
import { levelOf, scoreEngagement } from './engagement';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 20, 12);
const model = DEFAULT_ENGAGEMENT;

let nextId = 0;
/** A touchpoint `daysAgo` days before now. */
const touch = (daysAgo: number, over: Partial<Touchpoint> = {}): Touchpoint => ({
  id: `t${++nextId}`,
  accountId: 'acct',
  type: 'meeting',
  stage: 'TOFU',
  at: now - daysAgo * DAY,
  ...over,
});
const contact = (id: string, buyingRoles: BuyingRole[] = []): Contact => ({
  id,
  accountId: 'acct',
  name: id,
  buyingRoles,
  updatedAt: 0,
});
const dm = contact('dm', ['DECISION_MAKER']);

/** The points a set of touchpoints of one type earns, as the score's top driver reports them. */
const pointsOf = (touchpoints: Touchpoint[], contacts: Contact[] = [dm]): number | undefined =>
  scoreEngagement(touchpoints, contacts, model, now).drivers[0]?.points;

/** `n` touchpoints spread over the given age range (days ago, end exclusive). */
const spread = (n: number, fromDays: number, toDays: number, over: Partial<Touchpoint> = {}): Touchpoint[] =>
  Array.from({ length: n }, (_, i) => touch(fromDays + ((toDays - fromDays) * i) / n, over));

describe('scoreEngagement: recency', () => {
  // A meeting (8) at the top of the funnel (×1) by a decision maker (×2) is worth 16 points today.
  it.each`
    daysAgo | points
    ${0}    | ${16}
    ${14}   | ${8}
    ${28}   | ${4}
    ${42}   | ${2}
  `('a touch $daysAgo days old counts $points of 16 points (half-life 14 days)', ({ daysAgo, points }) => {
    expect(pointsOf([touch(daysAgo, { contactId: 'dm' })])).toBe(points);
  });

  it('follows the org’s half-life', () => {
    const t = [touch(7, { contactId: 'dm' })];
    expect(scoreEngagement(t, [dm], { ...model, halfLifeDays: 7 }, now).drivers[0]?.points).toBe(8);
  });

  it('counts a touch stamped in the future as a touch today, never more', () => {
    expect(pointsOf([touch(-30, { contactId: 'dm' })])).toBe(16);
  });

  it('scores an older touch lower than the same touch today', () => {
    const fresh = scoreEngagement([touch(0)], [], model, now).score;
    const old = scoreEngagement([touch(30)], [], model, now).score;
    expect(old).toBeLessThan(fresh);
  });
});

describe('scoreEngagement: funnel stage', () => {
  it.each`
    stage     | points
    ${'TOFU'} | ${16}
    ${'MOFU'} | ${24}
    ${'BOFU'} | ${40}
  `('a decision maker’s meeting at $stage counts $points points', ({ stage, points }) => {
    expect(pointsOf([touch(0, { contactId: 'dm', stage })])).toBe(points);
  });

  it('ranks BOFU above MOFU above TOFU in the score', () => {
    const score = (stage: FunnelStage) => scoreEngagement([touch(0, { stage })], [], model, now).score;
    expect(score('BOFU')).toBeGreaterThan(score('MOFU'));
    expect(score('MOFU')).toBeGreaterThan(score('TOFU'));
  });
});

describe('scoreEngagement: who engaged', () => {
  // A TOFU meeting (8 points) by each kind of person.
  it.each`
    who                                   | roles                               | points
    ${'a decision maker'}                 | ${['DECISION_MAKER']}               | ${16}
    ${'an executive sponsor'}             | ${['EXECUTIVE_SPONSOR']}            | ${16}
    ${'a budget holder'}                  | ${['BUDGET_HOLDER']}                | ${14}
    ${'a champion'}                       | ${['CHAMPION']}                     | ${13}
    ${'an influencer'}                    | ${['INFLUENCER']}                   | ${10}
    ${'an end user'}                      | ${['END_USER']}                     | ${8}
    ${'a known contact without a role'}   | ${[]}                               | ${8}
    ${'an influencer and decision maker'} | ${['INFLUENCER', 'DECISION_MAKER']} | ${16}
  `('a meeting with $who counts $points points', ({ roles, points }) => {
    expect(pointsOf([touch(0, { contactId: 'c' })], [contact('c', roles)])).toBe(points);
  });

  it('counts an anonymous touch (no known contact) at 0.6', () => {
    // 8 × 0.6 = 4.8, shown rounded.
    expect(pointsOf([touch(0)], [])).toBe(5);
    expect(pointsOf([touch(0, { contactId: 'someone-not-in-the-crm' })], [])).toBe(5);
  });

  it('counts a blocker below a contact without a role (8 × 0.8 = 6.4)', () => {
    expect(pointsOf([touch(0, { contactId: 'b' })], [contact('b', ['BLOCKER'])])).toBe(6);
  });

  it('scores a decision maker above an anonymous visitor', () => {
    const byDm = scoreEngagement([touch(0, { contactId: 'dm' })], [dm], model, now).score;
    const anonymous = scoreEngagement([touch(0)], [], model, now).score;
    expect(byDm).toBeGreaterThan(anonymous);
  });
});

describe('scoreEngagement: breadth', () => {
  const a = contact('a');
  const b = contact('b');
  const c = contact('c');

  it.each`
    case                        | touchpoints                                                                                   | engaged | breadthPoints
    ${'one contact twice'}      | ${[touch(0, { contactId: 'a' }), touch(1, { contactId: 'a' })]}                               | ${1}    | ${4}
    ${'two contacts once each'} | ${[touch(0, { contactId: 'a' }), touch(1, { contactId: 'b' })]}                               | ${2}    | ${8}
    ${'three contacts'}         | ${[touch(0, { contactId: 'a' }), touch(1, { contactId: 'b' }), touch(2, { contactId: 'c' })]} | ${3}    | ${12}
    ${'anonymous touches only'} | ${[touch(0), touch(1)]}                                                                       | ${0}    | ${undefined}
  `('$case: $engaged engaged contacts, $breadthPoints breadth points', ({ touchpoints, engaged, breadthPoints }) => {
    const r = scoreEngagement(touchpoints, [a, b, c], model, now);
    expect(r.engagedContacts).toBe(engaged);
    expect(r.drivers.find((d) => d.label === 'contacts engaged')?.points).toBe(breadthPoints);
  });

  it('scores the same touches higher when more people made them', () => {
    const one = scoreEngagement([touch(0, { contactId: 'a' }), touch(0, { contactId: 'a' })], [a, b], model, now);
    const two = scoreEngagement([touch(0, { contactId: 'a' }), touch(0, { contactId: 'b' })], [a, b], model, now);
    expect(two.score).toBeGreaterThan(one.score);
  });
});

describe('scoreEngagement: score and level', () => {
  const flood = (n: number, type: TouchpointType) => spread(n, 0, 7, { type, stage: 'BOFU', contactId: 'dm' });

  it.each`
    case                                    | touchpoints                           | min    | max
    ${'no touchpoints'}                     | ${[]}                                 | ${0}   | ${0}
    ${'one web visit 80 days ago'}          | ${[touch(80, { type: 'web_visit' })]} | ${0}   | ${1}
    ${'a decision maker’s demo request'}    | ${flood(1, 'demo_request')}           | ${1}   | ${99}
    ${'a thousand demo requests this week'} | ${flood(1000, 'demo_request')}        | ${100} | ${100}
  `('$case scores between $min and $max', ({ touchpoints, min, max }) => {
    const { score } = scoreEngagement(touchpoints, [dm], model, now);
    expect(Number.isInteger(score)).toBe(true);
    expect(score).toBeGreaterThanOrEqual(min);
    expect(score).toBeLessThanOrEqual(max);
  });

  it.each`
    score  | level
    ${0}   | ${1}
    ${19}  | ${1}
    ${20}  | ${2}
    ${39}  | ${2}
    ${40}  | ${3}
    ${59}  | ${3}
    ${60}  | ${4}
    ${79}  | ${4}
    ${80}  | ${5}
    ${100} | ${5}
  `('a score of $score is level $level', ({ score, level }) => {
    expect(levelOf(score)).toBe(level);
  });

  // By hand, DESIGN.md's default model: a decision maker's meeting today is 8 × stage × 2, plus
  // 4 for the one contact engaged, and the score is 100 × (1 − e^(−points / 60)), rounded:
  // 20 → 28.3, 44 → 52.0, 84 → 75.3, 124 → 87.3. Levels from 20, 40, 60 and 80.
  it.each`
    case                                | touchpoints                                                          | points | score | level
    ${'no touchpoints'}                 | ${[]}                                                                | ${0}   | ${0}  | ${1}
    ${'one TOFU meeting (8 × 1 × 2)'}   | ${[touch(0, { contactId: 'dm' })]}                                   | ${20}  | ${28} | ${2}
    ${'one BOFU meeting (8 × 2.5 × 2)'} | ${[touch(0, { contactId: 'dm', stage: 'BOFU' })]}                    | ${44}  | ${52} | ${3}
    ${'two BOFU meetings'}              | ${[0, 0].map(() => touch(0, { contactId: 'dm', stage: 'BOFU' }))}    | ${84}  | ${75} | ${4}
    ${'three BOFU meetings'}            | ${[0, 0, 0].map(() => touch(0, { contactId: 'dm', stage: 'BOFU' }))} | ${124} | ${87} | ${5}
  `('$case: $points points score $score, level $level', ({ touchpoints, points, score, level }) => {
    const r = scoreEngagement(touchpoints, [dm], model, now);
    // The drivers account for every point: the meetings' and the contact's.
    expect(r.drivers.reduce((sum, d) => sum + (d.points ?? 0), 0)).toBe(points);
    expect(r.score).toBe(score);
    expect(r.level).toBe(level);
  });
});

describe('scoreEngagement: trend (last 7 days vs the weekly mean of the 21 before)', () => {
  it.each`
    lastWeek | before | older | trend
    ${0}     | ${0}   | ${0}  | ${'quiet'}
    ${0}     | ${0}   | ${5}  | ${'quiet'}
    ${2}     | ${0}   | ${0}  | ${'surging'}
    ${6}     | ${9}   | ${0}  | ${'surging'}
    ${5}     | ${9}   | ${0}  | ${'steady'}
    ${3}     | ${9}   | ${0}  | ${'steady'}
    ${1}     | ${0}   | ${0}  | ${'steady'}
    ${2}     | ${6}   | ${0}  | ${'steady'}
    ${1}     | ${6}   | ${0}  | ${'cooling'}
    ${0}     | ${3}   | ${0}  | ${'cooling'}
  `(
    '$lastWeek this week after $before in the 3 weeks before (and $older older) is $trend',
    ({ lastWeek, before, older, trend }) => {
      const touchpoints = [...spread(lastWeek, 0, 7), ...spread(before, 7, 28), ...spread(older, 30, 80)];
      const r = scoreEngagement(touchpoints, [], model, now);
      expect(r.trend).toBe(trend);
      expect(r.lastWeek).toBe(lastWeek);
      expect(r.weeklyMean).toBeCloseTo(before / 3);
    },
  );
});

describe('scoreEngagement: weekly sparkline', () => {
  it('has 13 weekly buckets, all zero without touchpoints', () => {
    expect(scoreEngagement([], [], model, now).weekly).toEqual(new Array(13).fill(0));
  });

  it.each`
    daysAgo | bucket
    ${0}    | ${12}
    ${6.9}  | ${12}
    ${7}    | ${11}
    ${13}   | ${11}
    ${14}   | ${10}
    ${84}   | ${0}
    ${90}   | ${0}
  `('counts a touch $daysAgo days old in bucket $bucket (oldest first)', ({ daysAgo, bucket }) => {
    const weekly = scoreEngagement([touch(daysAgo)], [], model, now).weekly;
    const expected = new Array(13).fill(0);
    expected[bucket] = 1;
    expect(weekly).toEqual(expected);
  });

  it('leaves out touches older than 13 weeks, but still scores them', () => {
    // A decision maker's demo request 91 days old: 10 × 2.5 × 2 × 0.5^(91/14) = 0.55 points, plus
    // 4 for the contact engaged: 100 × (1 − e^(−4.55/60)) = 7.3 → 7 (6 on the contact alone).
    const r = scoreEngagement([touch(91, { type: 'demo_request', stage: 'BOFU', contactId: 'dm' })], [dm], model, now);
    expect(r.weekly).toEqual(new Array(13).fill(0));
    expect(r.score).toBe(7);
    expect(r.lastTouchAt).toBe(now - 91 * DAY);
  });

  it('sums several touches per week', () => {
    const weekly = scoreEngagement([touch(0), touch(1), touch(8), touch(20), touch(20)], [], model, now).weekly;
    expect(weekly.slice(-3)).toEqual([2, 1, 2]);
  });
});

describe('scoreEngagement: drivers', () => {
  it('names the three types that earn most, largest first, and the contacts engaged', () => {
    const r = scoreEngagement(
      [
        touch(0, { type: 'web_visit' }),
        touch(0, { type: 'email_open' }),
        touch(0, { type: 'demo_request', stage: 'BOFU', contactId: 'dm' }),
        touch(0, { type: 'content_download', stage: 'MOFU' }),
      ],
      [dm],
      model,
      now,
    );
    expect(r.drivers.map((d) => d.label)).toEqual([
      'demo request',
      'content download',
      'web visit',
      'contacts engaged',
    ]);
    expect(r.lastTouchAt).toBe(now);
  });
});
