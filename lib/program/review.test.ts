import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { Tier } from '../settings/types';
import { buildReview, cell, losesTarget, type Review, reviewMarkdown, reviewProposals } from './review';
import type { ScoreRow } from './score-row';
import { rowOf } from './test-rows';

const NOW = Date.UTC(2026, 11, 1, 12);
const DAY = 86_400_000;
const CRITERIA = { quietDays: 90, minGrade: 'C' as const };

/** Dana's account, touched yesterday unless said. */
const row = (id: string, assigned: Tier | undefined, recommended: Tier | undefined, over: Partial<ScoreRow> = {}) =>
  rowOf(id, assigned, recommended, { lastTouchAt: NOW - DAY, ...over });

describe('a target losing its designation (quiet 90 days, grade below C)', () => {
  it.each<[string, Partial<ScoreRow>, string | undefined]>([
    ['a B touched yesterday keeps it', {}, undefined],
    [
      'a D loses it',
      { grade: 'D', gradeWorst: 'D' },
      'grade D (worst case) is below C, the lowest grade a target keeps',
    ],
    [
      'a "B?" whose worst case is D loses it',
      { uncertain: true, gradeWorst: 'D' },
      'grade D (worst case) is below C, the lowest grade a target keeps',
    ],
    ['quiet for 90 days loses it', { lastTouchAt: NOW - 90 * DAY }, 'no touchpoint for 90 days (the criterion is 90)'],
    ['quiet for 89 days keeps it', { lastTouchAt: NOW - 89 * DAY }, undefined],
    ['never touched loses it', { lastTouchAt: undefined }, 'no touchpoint at all'],
    ['an account that is no target has nothing to lose', { isTarget: false, grade: 'F', gradeWorst: 'F' }, undefined],
  ])('%s', (_, over, expected) => {
    expect(losesTarget(row('x', 1, 1, { isTarget: true, ...over }), CRITERIA, NOW)).toBe(expected);
  });
});

describe('the review’s proposals', () => {
  it('proposes each tier move the model recommends, Tier 1 first, and targets to drop', () => {
    const rows = [
      row('stays', 2, 2),
      row('t2-up', 2, 1),
      row('new', undefined, 1),
      row('t1-down', 1, 3),
      row('t1-out', 1, undefined),
      row('t3-new', undefined, 3),
      row('quiet-target', 2, 2, { isTarget: true, lastTouchAt: NOW - 200 * DAY }),
    ];
    expect(reviewProposals(rows, CRITERIA, NOW).map((p) => [p.id, p.kind, p.from, p.to])).toEqual([
      ['t2-up', 'promote', 2, 1],
      ['new', 'add', undefined, 1],
      ['t1-down', 'demote', 1, 3],
      ['t1-out', 'remove', 1, undefined],
      ['t3-new', 'add', undefined, 3],
      ['quiet-target', 'drop-target', 2, 2],
    ]);
  });
});

describe('the review as Markdown', () => {
  const review: Review = {
    rep: 'Dana',
    quarter: { name: 'Q4 2026', from: Date.UTC(2026, 9, 1), to: Date.UTC(2027, 0, 1) },
    generatedAt: NOW,
    proposals: [
      { id: 'a', name: 'Acme | <b>Corp</b>', kind: 'promote', from: 2, to: 1, why: 'recommended for Tier 1' },
    ],
    tier1: [
      {
        id: 'g',
        name: 'Globex',
        stage: 'opportunity',
        opportunity: { name: 'Globex renewal', amount: 120000, stage: 'Proposal' },
        trend: 'surging',
        engagement: 81,
        lastTouchAt: Date.UTC(2026, 10, 30),
        champions: ['Robin Buyer'],
        blockers: [],
        actions: [{ title: 'Map the budget holder', owner: 'Dana', due: Date.UTC(2026, 11, 6) }],
      },
    ],
    tiers: [
      {
        tier: 1,
        name: 'Strategic',
        accounts: 1,
        sla: { kept: 3, late: 1, overdue: 0, open: 1 },
        slaHours: 4,
        programs: [{ name: 'Account review with sales', owner: 'Marketing + Sales', cadence: 'monthly' }],
      },
    ],
  };
  const md = reviewMarkdown(review);

  it('names who sat in the review under its title, when the BDR or the manager is given', () => {
    const rep = review.rep;
    expect(reviewMarkdown(review, { bdr: ' Sam Lee ', manager: 'Kim Park' }).split('\n').slice(0, 4)).toEqual([
      `# Account review: ${rep}, ${review.quarter.name}`,
      '',
      `With ${rep} (rep), Sam Lee (BDR) and Kim Park (manager).`,
      '',
    ]);
    expect(reviewMarkdown(review, { manager: 'Kim Park' })).toContain(`With ${rep} (rep), Kim Park (manager).`);
    expect(reviewMarkdown(review, { bdr: '  ' })).not.toContain('With ');
  });

  it('holds each Tier 1 account with its champion, its blocker, its opportunity and its actions', () => {
    expect(md).toContain('### Globex');
    expect(md).toContain('- Champion: Robin Buyer');
    expect(md).toContain('- Blocker: not mapped');
    expect(md).toContain('- Open opportunity: Globex renewal, $120,000 (Proposal)');
    expect(md).toContain('  - Map the budget holder (Dana, due 2026-12-06)');
  });

  it('holds the SLA and the commitments of each tier', () => {
    expect(md).toContain('| Tier 1 Strategic | 1 | 4 business hours | 3 | 1 | 0 | 1 |');
    expect(md).toContain('- Account review with sales (Marketing + Sales): monthly');
  });

  it('escapes a name that would break the table or render as markup', () => {
    expect(md).toContain('| Acme \\| \\<b\\>Corp\\</b\\> | Promote | Tier 2 | Tier 1 |');
    expect(cell('a\nb')).toBe('a b');
  });
});

describe('names in the Markdown export, as a Markdown renderer shows them', () => {
  // Real company names with characters Markdown reads as markup or as a table's column break.
  const NAMES = [
    'E*TRADE',
    '[24]7.ai',
    'Toys"R"Us',
    'AT&T',
    'C|Net',
    '#1 Dental',
    '_underscore_ Labs',
    'A<b>C',
    'back\\slash GmbH',
    'Yahoo!',
  ];
  const markdown = new MarkdownIt();

  it.each(NAMES)('renders %j as itself in a table cell, in one cell', (name) => {
    const html = markdown.render(`| Account | Tier |\n|---|---|\n| ${cell(name)} | 1 |\n`);
    const cells = [...html.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(cells).toEqual([markdown.utils.escapeHtml(name), '1']);
  });

  it.each(NAMES)('renders %j as itself in a heading', (name) => {
    expect(markdown.render(`### ${cell(name)}`).trim()).toBe(`<h3>${markdown.utils.escapeHtml(name)}</h3>`);
  });
});

describe('the SLA kept, by the tier each account had when its follow-up opened', () => {
  // Monday 2 November 2026, 09:00 (business hours 9–17 in the machine's time zone, as the SLA counts them).
  const MON_9 = new Date(2026, 10, 2, 9).getTime();
  const H = 3_600_000;
  const at = new Date(2026, 11, 1, 12).getTime();
  // Tier 2 (8 business hours) until it was promoted to Tier 1 (4 business hours) on 16 November.
  const promoted = new Date(2026, 10, 16, 9).getTime();
  const rows = [row('acme', 1, 1)];
  const touchpoints = new Map([
    [
      'acme',
      [
        // Answered after 6 business hours: in time for Tier 2, late for Tier 1.
        { id: 't1', accountId: 'acme', type: 'demo_request' as const, stage: 'BOFU' as const, at: MON_9 },
        { id: 't2', accountId: 'acme', type: 'sales_call' as const, stage: 'BOFU' as const, at: MON_9 + 6 * H },
        // After the promotion, answered after 6 business hours again: late for Tier 1.
        { id: 't3', accountId: 'acme', type: 'demo_request' as const, stage: 'BOFU' as const, at: promoted + 24 * H },
        { id: 't4', accountId: 'acme', type: 'meeting' as const, stage: 'BOFU' as const, at: promoted + 30 * H },
      ],
    ],
  ]);
  const review = (tierChanges?: Map<string, { at: number; before: 1 | 2 | null; after: 1 | 2 | null }[]>) =>
    buildReview({
      rep: 'Dana',
      rows,
      tier1: [],
      touchpoints,
      tierChanges,
      settings: DEFAULT_SETTINGS,
      criteria: CRITERIA,
      now: at,
    }).tiers.map((t) => [t.tier, t.sla]);

  it('counts the weeks before a promotion for the tier the account was in, against its SLA', () => {
    expect(review(new Map([['acme', [{ at: promoted, before: 2, after: 1 }]]]))).toEqual([
      [1, { kept: 0, late: 1, overdue: 0, open: 0 }],
      [2, { kept: 1, late: 0, overdue: 0, open: 0 }],
      [3, { kept: 0, late: 0, overdue: 0, open: 0 }],
    ]);
  });

  it("counts every follow-up for today's tier when no change is logged", () => {
    expect(review()).toEqual([
      [1, { kept: 0, late: 2, overdue: 0, open: 0 }],
      [2, { kept: 0, late: 0, overdue: 0, open: 0 }],
      [3, { kept: 0, late: 0, overdue: 0, open: 0 }],
    ]);
  });

  it('opens no follow-up while the account was untiered, so a later one counts for its tier', () => {
    const tps = new Map([
      [
        'acme',
        [
          // Untiered: a demo request nobody owed an answer to.
          { id: 'u1', accountId: 'acme', type: 'demo_request' as const, stage: 'BOFU' as const, at: MON_9 },
          // Tier 1 from 16 November: a request answered within the hour.
          { id: 'u2', accountId: 'acme', type: 'demo_request' as const, stage: 'BOFU' as const, at: promoted + 24 * H },
          { id: 'u3', accountId: 'acme', type: 'sales_call' as const, stage: 'BOFU' as const, at: promoted + 25 * H },
        ],
      ],
    ]);
    const tiers = buildReview({
      rep: 'Dana',
      rows,
      tier1: [],
      touchpoints: tps,
      tierChanges: new Map([['acme', [{ at: promoted, before: null, after: 1 as const }]]]),
      settings: DEFAULT_SETTINGS,
      criteria: CRITERIA,
      now: at,
    }).tiers;
    expect(tiers[0]?.sla).toEqual({ kept: 1, late: 0, overdue: 0, open: 0 });
  });
});
