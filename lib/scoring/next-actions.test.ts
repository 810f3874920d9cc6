import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import type { BuyingRole, Contact } from '../db/contacts';
import type { FunnelStage, Touchpoint, TouchpointType } from '../db/touchpoints';
import { followUps } from '../program/sla';
import { DEFAULT_ORCHESTRATION, DEFAULT_SETTINGS } from '../settings/defaults';
import type { GradeLetter, Tier } from '../settings/types';
import { commitmentsFor } from './commitments';
import { type EngagementResult, levelOf, type Trend } from './engagement';
import { type GradeResult, gradeAccount } from './grade';
import { type NextAction, nextActions } from './next-actions';
import { orchestrationFor } from './orchestration';
import { roleCoverage } from './roles';
import { recommendTier } from './tier';

// Local time throughout, as the SLA is counted in the browser's business hours.
// November 2026: Mon 16, Tue 17, Wed 18, Thu 19, Fri 20, Sat 21, Sun 22, Mon 23.
const DAY = 86_400_000;
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Fri 20 16:00" → that local moment in November 2026; the day name guards against typos. */
function parse(text: string): number {
  const [name, day, hour, minute] = text.split(/[ :]/);
  const d = new Date(2026, 10, Number(day), Number(hour), Number(minute));
  if (DAY_NAMES[d.getDay()] !== name) throw new Error(`${text}: that day is a ${DAY_NAMES[d.getDay()]}`);
  return d.getTime();
}
/** A local moment as "Mon 23 12:00". */
function show(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAY_NAMES[d.getDay()]} ${d.getDate()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const now = parse('Wed 18 12:00');

/** Someone holding every role any default tier requires: no role is missing unless a test says so. */
const everyone: Contact = {
  id: 'c:all',
  accountId: 'acct',
  name: 'Robin Roles',
  buyingRoles: ['DECISION_MAKER', 'CHAMPION', 'BUDGET_HOLDER', 'EXECUTIVE_SPONSOR'],
  updatedAt: 0,
};
const holding = (...buyingRoles: BuyingRole[]): Contact => ({
  ...everyone,
  id: `c:${buyingRoles.join('+')}`,
  buyingRoles,
});

let nextId = 0;
const touch = (at: number, type: TouchpointType, stage: FunnelStage): Touchpoint => ({
  id: `t${++nextId}`,
  accountId: 'acct',
  type,
  stage,
  at,
});
const bofu = (at: number) => touch(at, 'demo_request', 'BOFU');

/** What the account looks like to the rules; by default a calm, mapped, well-known, untiered C. */
interface Scenario {
  tier?: Tier;
  isTarget?: boolean;
  owner?: string | null;
  letter?: GradeLetter;
  confidence?: number;
  missing?: string[];
  engagement?: number;
  trend?: Trend;
  /** `null`: never touched. */
  lastTouchAt?: number | null;
  touchpoints?: Touchpoint[];
  contacts?: Contact[];
  /** `null`: never reviewed. By default reviewed yesterday, so no review is due. */
  lastReviewedAt?: number | null;
  /** Firmographics graded for real with the default ICP, in place of `letter`, `confidence` and `missing`. */
  firmographics?: Partial<Account>;
  /** Orchestration by grade with the default template, the account ranked this by fit. */
  fitRank?: { rank: number; of: number };
}

/** The next actions of a scenario, with the real tier, role and commitment logic in between. */
function actionsFor(s: Scenario = {}): NextAction[] {
  const account: Account = {
    id: 'acct',
    name: 'Acme',
    keys: [],
    domains: [],
    linkedinSlugs: [],
    linkedinIds: [],
    assignedTier: s.tier,
    lastReviewedAt: s.lastReviewedAt === null ? undefined : (s.lastReviewedAt ?? now - DAY),
    isTarget: s.isTarget ?? s.tier !== undefined,
    owner: s.owner === null ? undefined : (s.owner ?? 'Priya Shah'),
    updatedAt: 0,
    source: 'file',
    generation: 1,
  };
  const letter = s.letter ?? 'C';
  const fixed: GradeResult = {
    credits: {},
    letter,
    score: 50,
    range: { worst: letter, worstScore: 50, best: letter, bestScore: 50, unknown: [] },
    uncertain: false,
    confidence: s.confidence ?? 1,
    missing: s.missing ?? [],
    reasons: [],
  };
  const grade = s.firmographics ? gradeAccount({ ...account, ...s.firmographics }, DEFAULT_SETTINGS.icp) : fixed;
  const score = s.engagement ?? 30;
  const engagement: EngagementResult = {
    score,
    level: levelOf(score),
    trend: s.trend ?? 'steady',
    lastWeek: s.trend === 'surging' ? 6 : 1,
    weeklyMean: 1,
    engagedContacts: 1,
    weekly: [],
    lastTouchAt: s.lastTouchAt === null ? undefined : (s.lastTouchAt ?? now - DAY),
    drivers: [],
  };
  const tier = recommendTier(account, grade, engagement, DEFAULT_SETTINGS);
  return nextActions({
    account,
    touchpoints: s.touchpoints ?? [],
    grade,
    engagement,
    tier,
    roles: roleCoverage(s.contacts ?? [everyone], tier.assigned),
    commitments: commitmentsFor(tier.assigned?.tier, DEFAULT_SETTINGS),
    ...(s.fitRank ? { orchestration: orchestrationFor(grade, s.fitRank, DEFAULT_ORCHESTRATION) } : {}),
    settings: DEFAULT_SETTINGS,
    now,
  });
}
const ids = (s: Scenario) => actionsFor(s).map((a) => a.id);
const find = (s: Scenario, id: string) => actionsFor(s).find((a) => a.id === id);

/**
 * The facts an action's explanation must state. The wording is the product's to polish; the
 * facts (which tier, which grade, how long) are what the reader relies on.
 */
function expectWhyToName(action: NextAction | undefined, ...facts: string[]): void {
  expect(action).toBeDefined();
  for (const fact of facts) expect(action?.why).toContain(fact);
}

/** Scenarios in which the model agrees with the assigned tier, so that no tier action shows up. */
const AGREED: Record<Tier, Scenario> = {
  1: { tier: 1, letter: 'A', engagement: 70 },
  2: { tier: 2, letter: 'B', engagement: 50 },
  3: { tier: 3, letter: 'C', engagement: 30 },
  4: {},
  5: {},
};

describe('nextActions', () => {
  it.each`
    case                  | scenario
    ${'an untiered C'}    | ${{}}
    ${'an agreed Tier 1'} | ${AGREED[1]}
    ${'an agreed Tier 2'} | ${AGREED[2]}
    ${'an agreed Tier 3'} | ${AGREED[3]}
  `('asks nothing of $case that is mapped, known and calm', ({ scenario }) => {
    expect(actionsFor(scenario)).toEqual([]);
  });
});

describe('nextActions: follow up within the tier’s response SLA', () => {
  it.each`
    who                      | scenario     | touchAt           | due               | sla
    ${'Tier 1'}              | ${AGREED[1]} | ${'Wed 18 10:00'} | ${'Wed 18 14:00'} | ${'4 business hours'}
    ${'Tier 1'}              | ${AGREED[1]} | ${'Fri 13 16:00'} | ${'Mon 16 12:00'} | ${'4 business hours'}
    ${'Tier 2'}              | ${AGREED[2]} | ${'Tue 17 16:00'} | ${'Wed 18 16:00'} | ${'1 business day'}
    ${'Tier 3'}              | ${AGREED[3]} | ${'Mon 16 10:00'} | ${'Thu 19 10:00'} | ${'3 business days'}
    ${'untiered (T3’s SLA)'} | ${{}}        | ${'Wed 18 10:00'} | ${'Mon 23 10:00'} | ${'3 business days'}
  `('$who: a BOFU touch on $touchAt is due by $due ($sla after the touch)', ({ scenario, touchAt, due, sla }) => {
    const a = find({ ...scenario, touchpoints: [bofu(parse(touchAt))] }, 'follow-up');
    expect(a).toMatchObject({ title: 'Follow up on recent engagement', owner: 'Priya Shah', priority: 1 });
    expect(show(a?.due ?? 0)).toBe(due);
    expectWhyToName(a, 'demo request', sla);
  });

  it('counts from the first BOFU touch not answered yet, as the review counts the SLA kept', () => {
    const touchpoints = [bofu(parse('Mon 16 10:00')), touch(parse('Tue 17 15:00'), 'pricing_page_visit', 'BOFU')];
    const a = find({ ...AGREED[1], touchpoints }, 'follow-up');
    expect(show(a?.due ?? 0)).toBe('Mon 16 14:00');
    expectWhyToName(a, 'demo request on 16 Nov', '1 more', '17 Nov', 'overdue');
    const kept = followUps(touchpoints, 4, { from: 0, to: now }, now);
    expect(kept.map((f) => [show(f.dueAt), f.status])).toEqual([['Mon 16 14:00', 'overdue']]);
  });

  it('is answered by a sales call or meeting after the touch: nothing left to follow up', () => {
    for (const type of ['sales_call', 'meeting'] as const) {
      const touchpoints = [bofu(parse('Mon 16 10:00')), touch(parse('Tue 17 09:00'), type, 'BOFU')];
      expect(ids({ ...AGREED[1], touchpoints }), type).not.toContain('follow-up');
    }
  });

  it('opens again with a BOFU touch after the last sales touch, due from that touch', () => {
    const touchpoints = [
      bofu(parse('Mon 16 10:00')),
      touch(parse('Mon 16 11:00'), 'sales_call', 'BOFU'),
      touch(parse('Wed 18 10:00'), 'pricing_page_visit', 'BOFU'),
    ];
    const a = find({ ...AGREED[1], touchpoints }, 'follow-up');
    expect(show(a?.due ?? 0)).toBe('Wed 18 14:00');
    expectWhyToName(a, 'pricing page visit on 18 Nov');
  });

  it('follows up on a surge without a BOFU touch, from its first touch since the last sales touch', () => {
    const touchpoints = [
      touch(parse('Mon 16 09:00'), 'sales_call', 'BOFU'),
      touch(parse('Mon 16 10:00'), 'web_visit', 'TOFU'),
      touch(parse('Tue 17 11:00'), 'content_download', 'MOFU'),
    ];
    const a = find({ ...AGREED[1], trend: 'surging', touchpoints }, 'follow-up');
    expect(show(a?.due ?? 0)).toBe('Mon 16 14:00');
    expectWhyToName(a, 'surge', '6 touchpoints', '4 business hours');
    // The same surge once sales has called: answered.
    const answered = [...touchpoints, touch(parse('Tue 17 16:00'), 'meeting', 'BOFU')];
    expect(ids({ ...AGREED[1], trend: 'surging', touchpoints: answered })).not.toContain('follow-up');
  });

  it('follows up on a surge seen only in the counts from now', () => {
    const a = find({ ...AGREED[1], trend: 'surging' }, 'follow-up');
    expect(show(a?.due ?? 0)).toBe('Wed 18 16:00');
  });

  it("is due when the review's SLA says the account's open follow-up is, for any touches", () => {
    const types = ['demo_request', 'pricing_page_visit', 'web_visit', 'sales_call', 'meeting'] as const;
    const stage = (t: (typeof types)[number]): FunnelStage => (t === 'web_visit' ? 'TOFU' : 'BOFU');
    fc.assert(
      fc.property(
        fc.array(fc.record({ hoursAgo: fc.integer({ min: 0, max: 24 * 13 }), type: fc.constantFrom(...types) }), {
          maxLength: 12,
        }),
        (drawn) => {
          const touchpoints = drawn.map((d) => touch(now - d.hoursAgo * 3_600_000, d.type, stage(d.type)));
          const action = find({ ...AGREED[1], touchpoints }, 'follow-up');
          const last = followUps(touchpoints, 4, { from: 0, to: now + 1 }, now).at(-1);
          const open = last && (last.status === 'open' || last.status === 'overdue') ? last : undefined;
          expect(action?.due).toBe(open?.dueAt);
        },
      ),
    );
  });

  it('says when the SLA has passed', () => {
    const a = find({ ...AGREED[1], touchpoints: [bofu(now - 10 * DAY)] }, 'follow-up');
    expect(a?.due).toBeLessThan(now);
    expectWhyToName(a, 'overdue');
    expect(find({ ...AGREED[1], touchpoints: [bofu(now - 60_000)] }, 'follow-up')?.why).not.toContain('overdue');
  });

  it.each`
    case                                    | touchpoints                                                                              | trend
    ${'no touchpoints'}                     | ${[]}                                                                                    | ${'steady'}
    ${'TOFU and MOFU touches only'}         | ${[touch(now - DAY, 'web_visit', 'TOFU'), touch(now - DAY, 'content_download', 'MOFU')]} | ${'steady'}
    ${'a BOFU touch 15 days ago'}           | ${[bofu(now - 15 * DAY)]}                                                                | ${'cooling'}
    ${'a BOFU touch 14 days and 1 min ago'} | ${[bofu(now - 14 * DAY - 60_000)]}                                                       | ${'quiet'}
  `('does not follow up after $case', ({ touchpoints, trend }) => {
    expect(ids({ ...AGREED[1], touchpoints, trend })).not.toContain('follow-up');
  });

  it('still follows up on a BOFU touch exactly 14 days old', () => {
    expect(ids({ ...AGREED[1], touchpoints: [bofu(now - 14 * DAY)] })).toContain('follow-up');
  });

  it('falls back to a generic owner when the account has none', () => {
    expect(find({ ...AGREED[1], owner: null, trend: 'surging' }, 'follow-up')?.owner).toBe('Account owner');
  });
});

describe('nextActions: map the buyer roles the tier requires', () => {
  it.each`
    who           | scenario     | contacts                                            | missing
    ${'Tier 1'}   | ${AGREED[1]} | ${[holding('DECISION_MAKER'), holding('CHAMPION')]} | ${['BUDGET_HOLDER', 'EXECUTIVE_SPONSOR']}
    ${'Tier 1'}   | ${AGREED[1]} | ${[]}                                               | ${['DECISION_MAKER', 'CHAMPION', 'BUDGET_HOLDER', 'EXECUTIVE_SPONSOR']}
    ${'Tier 2'}   | ${AGREED[2]} | ${[holding('DECISION_MAKER', 'INFLUENCER')]}        | ${['CHAMPION']}
    ${'Tier 2'}   | ${AGREED[2]} | ${[holding('CHAMPION'), holding('DECISION_MAKER')]} | ${[]}
    ${'Tier 3'}   | ${AGREED[3]} | ${[]}                                               | ${[]}
    ${'untiered'} | ${{}}        | ${[]}                                               | ${[]}
  `('$who with $contacts.length role holders: $missing.length roles to map', ({ scenario, contacts, missing }) => {
    const mapping = actionsFor({ ...scenario, contacts }).filter((a) => a.id.startsWith('map-role:'));
    expect(mapping.map((a) => a.id)).toEqual(missing.map((r: string) => `map-role:${r}`));
  });

  it('says which role, why, who and by when', () => {
    const contacts = [holding('DECISION_MAKER', 'CHAMPION', 'EXECUTIVE_SPONSOR')];
    const a = find({ ...AGREED[1], contacts }, 'map-role:BUDGET_HOLDER');
    expect(a).toMatchObject({ title: 'Map the budget holder', owner: 'Priya Shah', due: now + 5 * DAY, priority: 2 });
    expectWhyToName(a, 'Tier 1', 'budget holder', 'Acme');
  });
});

describe('nextActions: fill the data gaps that keep the grade uncertain (under 75% confidence)', () => {
  it.each`
    confidence | missing                                | fires
    ${0.7}     | ${['Target industry']}                 | ${true}
    ${0.35}    | ${['Target industry', 'Company size']} | ${true}
    ${0.74}    | ${['Annual revenue']}                  | ${true}
    ${0.75}    | ${['Company size']}                    | ${false}
    ${0.9}     | ${['Uses a CRM']}                      | ${false}
    ${1}       | ${[]}                                  | ${false}
  `('confidence $confidence, missing $missing: data gap $fires', ({ confidence, missing, fires }) => {
    expect(ids({ confidence, missing }).includes('data-gap')).toBe(fires);
  });

  it('names the missing fields and hands them to marketing ops', () => {
    const a = find({ confidence: 0.45, missing: ['Target industry', 'Company size'] }, 'data-gap');
    expect(a).toMatchObject({
      title: 'Fill in target industry, company size',
      owner: 'Marketing ops',
      due: now + 7 * DAY,
      priority: 3,
    });
    expectWhyToName(a, '45%');
  });
});

describe('nextActions: warm up a good-fit account with low engagement', () => {
  it.each`
    letter | engagement | level | fires
    ${'A'} | ${0}       | ${1}  | ${true}
    ${'A'} | ${39}      | ${2}  | ${true}
    ${'B'} | ${20}      | ${2}  | ${true}
    ${'A'} | ${40}      | ${3}  | ${false}
    ${'B'} | ${55}      | ${3}  | ${false}
    ${'C'} | ${0}       | ${1}  | ${false}
    ${'D'} | ${0}       | ${1}  | ${false}
    ${'F'} | ${0}       | ${1}  | ${false}
  `('grade $letter at engagement $engagement (level $level): warm-up $fires', ({ letter, engagement, fires }) => {
    expect(ids({ letter, engagement }).includes('warm-up')).toBe(fires);
  });

  it('names the tier’s first committed programs', () => {
    const a = find({ tier: 2, letter: 'B', engagement: 10 }, 'warm-up');
    expect(a).toMatchObject({ owner: 'Marketing', priority: 2, due: now + 7 * DAY });
    expectWhyToName(a, 'grade B', 'engagement 10', 'sales calls', 'bdr follow-up', 'sdr sequence');
  });

  it('names what the account’s segment gets when the org orchestrates by grade', () => {
    // Ranked 30th: not in the top 20, so "A and B", which gets company emails, sales calls and LinkedIn ads first.
    const a = find({ tier: 2, letter: 'B', engagement: 10, fitRank: { rank: 30, of: 100 } }, 'warm-up');
    expectWhyToName(a, 'grade B', 'A and B gets', 'company emails', 'sales calls', 'linkedin ads by persona');
    expect(a?.why).not.toContain('sdr sequence');
  });

  it('names no programs for an untiered account', () => {
    const a = find({ letter: 'A', engagement: 5 }, 'warm-up');
    expectWhyToName(a, 'grade A', 'engagement 5');
    expect(a?.why).not.toContain('committed');
  });
});

describe('nextActions: propose a promotion', () => {
  it.each`
    case                                          | scenario                                    | title
    ${'Tier 2 recommended Tier 1'}                | ${{ tier: 2, letter: 'A', engagement: 70 }} | ${'Propose Tier 1 Strategic'}
    ${'Tier 3 recommended Tier 2'}                | ${{ tier: 3, letter: 'B', engagement: 50 }} | ${'Propose Tier 2 ABM Lite'}
    ${'untiered and hot (level 4)'}               | ${{ letter: 'B', engagement: 65 }}          | ${'Propose Tier 2 ABM Lite'}
    ${'untiered and on fire (level 5)'}           | ${{ letter: 'A', engagement: 90 }}          | ${'Propose Tier 1 Strategic'}
    ${'Tier 2 recommended Tier 2'}                | ${{ tier: 2, letter: 'B', engagement: 50 }} | ${undefined}
    ${'Tier 1 recommended Tier 3'}                | ${{ tier: 1, letter: 'C', engagement: 80 }} | ${undefined}
    ${'untiered and warm (level 3)'}              | ${{ letter: 'A', engagement: 59 }}          | ${undefined}
    ${'untiered and hot but not recommended (D)'} | ${{ letter: 'D', engagement: 90 }}          | ${undefined}
  `('$case: $title', ({ scenario, title }) => {
    expect(find(scenario, 'promote')?.title).toBe(title);
  });

  it('gives the model’s reason beside the assigned tier', () => {
    const a = find({ tier: 2, letter: 'A', engagement: 70 }, 'promote');
    expect(a).toMatchObject({ owner: 'Priya Shah', due: now + 14 * DAY, priority: 2 });
    expectWhyToName(a, 'Tier 1', 'assigned Tier 2', 'grade A', '70');
    expectWhyToName(find({ letter: 'B', engagement: 65 }, 'promote'), 'untiered', 'grade B', '65');
  });
});

describe('nextActions: review a tier the model ranks lower', () => {
  it.each`
    case                            | scenario                                    | facts
    ${'Tier 1 recommended Tier 3'}  | ${{ tier: 1, letter: 'C', engagement: 80 }} | ${['Tier 3', 'grade C', '80']}
    ${'Tier 1 recommended Tier 2'}  | ${{ tier: 1, letter: 'A', engagement: 40 }} | ${['Tier 2', 'grade A', '40']}
    ${'Tier 2 that clears no tier'} | ${{ tier: 2, letter: 'F', engagement: 80 }} | ${["no tier's bar", 'grade F']}
  `('$case: a review of the assigned tier naming $facts', ({ scenario, facts }) => {
    const a = find(scenario, 'review-tier');
    expect(a).toMatchObject({
      title: `Review Tier ${scenario.tier} at the next account review`,
      owner: 'Priya Shah',
      due: now + 14 * DAY,
      priority: 3,
    });
    expectWhyToName(a, ...facts);
  });

  it.each`
    case                           | scenario
    ${'Tier 2 recommended Tier 2'} | ${AGREED[2]}
    ${'Tier 3 recommended Tier 1'} | ${{ tier: 3, letter: 'A', engagement: 90 }}
    ${'untiered'}                  | ${{ letter: 'F' }}
  `('$case: no tier review', ({ scenario }) => {
    expect(ids(scenario)).not.toContain('review-tier');
  });
});

describe('nextActions: review a quiet target for demotion (90 days)', () => {
  it.each`
    case                                 | scenario                                          | fires
    ${'a target quiet for 90 days'}      | ${{ ...AGREED[3], lastTouchAt: now - 90 * DAY }}  | ${true}
    ${'a target quiet for 200 days'}     | ${{ ...AGREED[3], lastTouchAt: now - 200 * DAY }} | ${true}
    ${'a target never touched'}          | ${{ ...AGREED[3], lastTouchAt: null }}            | ${true}
    ${'a target touched 89 days ago'}    | ${{ ...AGREED[3], lastTouchAt: now - 89 * DAY }}  | ${false}
    ${'a non-target quiet for 200 days'} | ${{ lastTouchAt: now - 200 * DAY }}               | ${false}
    ${'a non-target never touched'}      | ${{ lastTouchAt: null }}                          | ${false}
  `('$case: demotion review $fires', ({ scenario, fires }) => {
    expect(ids(scenario).includes('demotion-review')).toBe(fires);
  });

  it('says how long the account has been quiet', () => {
    expectWhyToName(find({ ...AGREED[3], lastTouchAt: now - 100 * DAY }, 'demotion-review'), '10 Aug', '100 days');
    expectWhyToName(find({ ...AGREED[3], lastTouchAt: null }, 'demotion-review'), 'no touchpoint', '90 days');
  });
});

describe('nextActions: order', () => {
  it('puts the most urgent first: by priority, then by due date', () => {
    const actions = actionsFor({
      tier: 1,
      letter: 'A',
      engagement: 10,
      confidence: 0.7,
      missing: ['Annual revenue'],
      contacts: [holding('DECISION_MAKER')],
      touchpoints: [bofu(now - DAY)],
    });
    expect(actions.map((a) => [a.priority, a.id])).toEqual([
      [1, 'follow-up'],
      [2, 'map-role:CHAMPION'],
      [2, 'map-role:BUDGET_HOLDER'],
      [2, 'map-role:EXECUTIVE_SPONSOR'],
      [2, 'warm-up'],
      [3, 'data-gap'],
      [3, 'review-tier'],
    ]);
    for (let i = 1; i < actions.length; i++) {
      const [before, after] = [actions[i - 1], actions[i]] as [NextAction, NextAction];
      expect(before.priority < after.priority || (before.priority === after.priority && before.due <= after.due)).toBe(
        true,
      );
    }
  });

  it('puts an earlier due date first within a priority', () => {
    // Demotion review (due in 7 days) before the tier review (due in 14), both priority 3.
    const actions = actionsFor({ tier: 1, letter: 'C', engagement: 80, lastTouchAt: null });
    expect(actions.map((a) => a.id)).toEqual(['demotion-review', 'review-tier']);
  });
});

describe('nextActions: the tier’s account review, shown from 14 days before it is due', () => {
  // Tier 1 is reviewed every 30 days, Tiers 2 and 3 every 91. `dueInDays` null: not shown.
  it.each`
    case                                       | scenario                                            | dueInDays
    ${'Tier 1 never reviewed'}                 | ${{ ...AGREED[1], lastReviewedAt: null }}           | ${0}
    ${'Tier 1 reviewed 25 days ago'}           | ${{ ...AGREED[1], lastReviewedAt: now - 25 * DAY }} | ${5}
    ${'Tier 1 reviewed 16 days ago'}           | ${{ ...AGREED[1], lastReviewedAt: now - 16 * DAY }} | ${14}
    ${'Tier 1 reviewed 15 days ago'}           | ${{ ...AGREED[1], lastReviewedAt: now - 15 * DAY }} | ${null}
    ${'Tier 1 reviewed yesterday'}             | ${{ ...AGREED[1], lastReviewedAt: now - DAY }}      | ${null}
    ${'Tier 1 reviewed 40 days ago (overdue)'} | ${{ ...AGREED[1], lastReviewedAt: now - 40 * DAY }} | ${-10}
    ${'Tier 2 reviewed 80 days ago'}           | ${{ ...AGREED[2], lastReviewedAt: now - 80 * DAY }} | ${11}
    ${'Tier 3 reviewed 60 days ago'}           | ${{ ...AGREED[3], lastReviewedAt: now - 60 * DAY }} | ${null}
    ${'untiered, never reviewed'}              | ${{ lastReviewedAt: null }}                         | ${null}
    ${'untiered, reviewed 200 days ago'}       | ${{ lastReviewedAt: now - 200 * DAY }}              | ${null}
  `('$case: due in $dueInDays days', ({ scenario, dueInDays }) => {
    const a = find(scenario, 'account-review');
    if (dueInDays === null) expect(a).toBeUndefined();
    else expect(a).toMatchObject({ owner: 'Marketing + Sales', priority: 3, due: now + dueInDays * DAY });
  });

  it('names the tier, its cadence and the last review', () => {
    const never = find({ ...AGREED[1], lastReviewedAt: null }, 'account-review');
    expect(never?.title).toBe('Tier 1 account review');
    expectWhyToName(never, 'never reviewed', 'every 30 days');
    const due = find({ ...AGREED[2], lastReviewedAt: now - 80 * DAY }, 'account-review');
    expect(due?.title).toBe('Tier 2 account review');
    expectWhyToName(due, '30 Aug', 'every 91 days');
  });
});

describe('nextActions on a grade the missing data could change', () => {
  // Graded for real on the default ICP (industry 30, size 25, revenue 20, geography 15, CRM 10).
  /** Industry, geography and CRM match: 55 of 55 known (A); size and revenue unknown: C at worst. */
  const sparseA: Partial<Account> = { industry: 'Software', country: 'GB', technologies: ['HubSpot'] };
  /** The same account with size and revenue known and matching: A whatever. */
  const fullA: Partial<Account> = { ...sparseA, employees: 1_000, revenue: 100_000_000 };

  it('proposes no promotion on it: the untiered, hot "A?" is proposed Tier 3, not Tier 1', () => {
    const a = find({ firmographics: sparseA, engagement: 90 }, 'promote');
    expect(a?.title).toBe('Propose Tier 3 Programmatic');
    expectWhyToName(
      a,
      'grade A? (could be A–C: headcount and revenue unknown)',
      'not Tier 1: headcount and revenue unknown',
    );
    expect(find({ firmographics: fullA, engagement: 90 }, 'promote')?.title).toBe('Propose Tier 1 Strategic');
  });

  it('does not propose a Tier 2 account for Tier 1 on it', () => {
    expect(ids({ tier: 2, firmographics: sparseA, engagement: 90 })).not.toContain('promote');
    expect(ids({ tier: 2, firmographics: fullA, engagement: 90 })).toContain('promote');
  });

  it('does not warm it up as a good fit (orchestration by grade reads the worst case)', () => {
    expect(ids({ firmographics: sparseA, engagement: 5 })).not.toContain('warm-up');
    expect(ids({ firmographics: fullA, engagement: 5 })).toContain('warm-up');
  });

  it('asks for the data instead of a review when the data could justify the assigned tier', () => {
    const actions = ids({ tier: 1, firmographics: sparseA, engagement: 90 });
    expect(actions).not.toContain('review-tier');
    const gap = find({ tier: 1, firmographics: sparseA, engagement: 90 }, 'data-gap');
    expect(gap?.title).toBe('Fill in company size, annual revenue');
    expectWhyToName(gap, 'could be A–C', 'Tier 1 Strategic needs headcount and revenue');
  });

  it('asks for the CRM when an unknown disqualifier keeps an otherwise ideal account from every tier', () => {
    // 90 of 90 known, an A; at 90% confidence the old rule asked for nothing.
    const gap = find({ firmographics: { ...fullA, technologies: undefined } }, 'data-gap');
    expect(gap?.title).toBe('Fill in uses a crm');
    expectWhyToName(gap, 'A? (could be A–F: technologies unknown)');
  });
});
