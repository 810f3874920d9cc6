/**
 * Properties the scores must keep for any data, checked on generated accounts, contacts,
 * touchpoints and models. Where a table test pins one example, these pin the shape: scores
 * stay in range, more engagement or a better fit never counts against an account, and a
 * worse account is never recommended a more invested tier.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import { BUYING_ROLES, type Contact } from '../db/contacts';
import { type FunnelStage, TOUCHPOINT_TYPES, type Touchpoint } from '../db/touchpoints';
import { DEFAULT_ENGAGEMENT, DEFAULT_SETTINGS } from '../settings/defaults';
import { PRESETS } from '../settings/presets';
import type { EngagementModel, GradeLetter, IcpCriterion, Settings, TierDefinition } from '../settings/types';
import { type EngagementResult, levelOf, scoreEngagement } from './engagement';
import { type GradeResult, gradeAccount } from './grade';
import { recommendTier } from './tier';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 18, 12);
/** Enough runs to find edge cases, few enough to keep the suite fast. */
const RUNS = { numRuns: 200 };

const STAGES: readonly FunnelStage[] = ['TOFU', 'MOFU', 'BOFU'];
const LETTERS: readonly GradeLetter[] = ['A', 'B', 'C', 'D', 'F'];
const RANK: Record<GradeLetter, number> = { A: 4, B: 3, C: 2, D: 1, F: 0 };
/** Tier number, with "no tier" as the least invested of all. */
const investment = (t: TierDefinition | undefined): number => t?.tier ?? Number.POSITIVE_INFINITY;

const INDUSTRIES = ['Software', 'Financial Services', 'IT Services', 'Retail', 'Mining', 'software'];
const COUNTRIES = ['US', 'GB', 'SE', 'BR', 'JP', 'gb', 'IN'];
const TECHNOLOGIES = ['HubSpot', 'Salesforce', 'Pipedrive', 'Zoho CRM', 'Slack', 'Segment', 'salesforce'];

// ── Arbitraries built from the real types ──────────────────────────────────────────────────

/** Firmographics as imports deliver them: often missing, sometimes blank, NaN or absurd. */
const firmographics = fc.record(
  {
    industry: fc.oneof(fc.constantFrom(...INDUSTRIES), fc.constant(''), fc.string({ maxLength: 12 })),
    employees: fc.oneof(
      fc.integer({ min: 0, max: 3_000_000 }),
      fc.double({ min: -1e6, max: 1e12, noNaN: true }),
      fc.constant(Number.NaN),
    ),
    revenue: fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constant(Number.NaN)),
    country: fc.oneof(fc.constantFrom(...COUNTRIES), fc.constant('')),
    technologies: fc.array(fc.constantFrom(...TECHNOLOGIES), { maxLength: 4 }),
    assignedTier: fc.constantFrom(1, 2, 3, 4, 5),
  },
  { requiredKeys: [] },
);

/** Firmographics near the default ICP, so that every grade and tier is reached, not only the poor fits. */
const nearFit = fc.record(
  {
    industry: fc.constantFrom('Software', 'IT Services', 'Retail'),
    employees: fc.integer({ min: 50, max: 300_000 }),
    revenue: fc.double({ min: 1e6, max: 4e11, noNaN: true }),
    country: fc.constantFrom('GB', 'US', 'BR'),
    technologies: fc.constantFrom(['HubSpot'], ['Salesforce', 'Slack'], ['Slack'], []),
    assignedTier: fc.constantFrom(1, 2, 3, 4, 5),
  },
  { requiredKeys: [] },
);

/** An account's identity and bookkeeping, without any ICP data. */
const arbAccountBase: Omit<Account, 'isTarget'> = {
  id: 'prop:1',
  name: 'Prop Inc',
  keys: [],
  domains: [],
  linkedinSlugs: [],
  linkedinIds: [],
  updatedAt: 0,
  source: 'file',
  generation: 1,
};

const arbAccount: fc.Arbitrary<Account> = fc.oneof(firmographics, nearFit).map((f) => ({
  ...arbAccountBase,
  isTarget: f.assignedTier !== undefined,
  ...(f as Partial<Account>),
}));

const arbContacts: fc.Arbitrary<Contact[]> = fc
  .array(fc.subarray([...BUYING_ROLES], { maxLength: 3 }), { maxLength: 20 })
  .map((roles) =>
    roles.map((buyingRoles, i) => ({ id: `c${i}`, accountId: 'prop:1', name: `C ${i}`, buyingRoles, updatedAt: 0 })),
  );

/** One touchpoint up to a year old (or a little in the future: clocks disagree), by anyone. */
const arbTouch = (stage = fc.constantFrom(...STAGES)): fc.Arbitrary<Touchpoint> =>
  fc
    .record({
      type: fc.constantFrom(...TOUCHPOINT_TYPES),
      stage,
      // c0…c24: most of them contacts of the account, some unknown to it; undefined: anonymous.
      contact: fc.option(fc.nat({ max: 24 }), { nil: undefined }),
      ageMs: fc.integer({ min: -DAY, max: 365 * DAY }),
    })
    .map(({ type, stage, contact, ageMs }) => ({
      id: `t-${type}-${ageMs}`,
      accountId: 'prop:1',
      ...(contact === undefined ? {} : { contactId: `c${contact}` }),
      type,
      stage,
      at: now - ageMs,
    }));
const arbTouchpoints = fc.array(arbTouch(), { maxLength: 120 });

/** A weight as the settings schema allows it: 0–100. */
const weight = fc.double({ min: 0, max: 100, noNaN: true });
const record = <K extends string>(keys: readonly K[]) =>
  fc
    .tuple(...keys.map(() => weight))
    .map((ws) => Object.fromEntries(keys.map((k, i) => [k, ws[i]])) as Record<K, number>);

/** Any engagement model the settings schema accepts. */
const arbModel: fc.Arbitrary<EngagementModel> = fc.record({
  mode: fc.constantFrom('default', 'calibrated'),
  halfLifeDays: fc.double({ min: 0.01, max: 365, noNaN: true }),
  typeWeights: record(TOUCHPOINT_TYPES),
  stageMultipliers: record(STAGES),
  roleMultipliers: record(BUYING_ROLES),
  knownContactMultiplier: weight,
  anonymousMultiplier: weight,
  breadthPoints: weight,
  saturation: fc.double({ min: 0.001, max: 10_000, noNaN: true }),
  surgeRatio: fc.double({ min: 1, max: 10, noNaN: true }),
});

/**
 * An ICP the settings schema accepts, with at most one criterion per account field: then
 * changing one field changes exactly one criterion, which is what the monotonicity needs.
 */
const arbCriteria: fc.Arbitrary<IcpCriterion[]> = fc
  .record({
    industry: fc.subarray(INDUSTRIES.slice(0, 5), { minLength: 1 }),
    country: fc.subarray(COUNTRIES.slice(0, 5), { minLength: 1 }),
    employees: fc.tuple(fc.option(fc.integer({ min: 0, max: 10_000 })), fc.option(fc.integer({ min: 0, max: 1e6 }))),
    revenue: fc.tuple(
      fc.option(fc.double({ min: 0, max: 1e9, noNaN: true })),
      fc.option(fc.double({ min: 0, max: 1e12, noNaN: true })),
    ),
    technologies: fc.subarray(TECHNOLOGIES.slice(0, 4), { minLength: 1 }),
    weights: fc.tuple(weight, weight, weight, weight, weight),
    disqualifying: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
    order: fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 1 }),
  })
  .map((r) => {
    const range = ([a, b]: [number | null, number | null]) => {
      const [min, max] = a !== null && b !== null && a > b ? [b, a] : [a, b];
      return { ...(min === null ? {} : { min }), ...(max === null ? {} : { max }) };
    };
    const w = (i: number) => ({ weight: r.weights[i] ?? 0, disqualifying: r.disqualifying[i] ?? false });
    const all: IcpCriterion[] = [
      { kind: 'in_set', id: 'industry', label: 'Industry', field: 'industry', values: r.industry, ...w(0) },
      { kind: 'in_set', id: 'geography', label: 'Geography', field: 'country', values: r.country, ...w(1) },
      { kind: 'range', id: 'employees', label: 'Size', field: 'employees', ...range(r.employees), ...w(2) },
      { kind: 'range', id: 'revenue', label: 'Revenue', field: 'revenue', ...range(r.revenue), ...w(3) },
      { kind: 'includes_any', id: 'crm', label: 'CRM', field: 'technologies', values: r.technologies, ...w(4) },
    ];
    return r.order.map((i) => all[i] as IcpCriterion);
  });

/** Falling thresholds A > B > C > D, anywhere in 0–100. */
const arbThresholds = fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }).map((xs) => {
  const [A = 0, B = 0, C = 0, D = 0] = [...xs].sort((a, b) => b - a);
  return { A, B, C, D };
});

const arbIcp: fc.Arbitrary<Settings['icp']> = fc.record({
  criteria: arbCriteria,
  thresholds: arbThresholds,
  minConfidence: fc.double({ min: 0, max: 1, noNaN: true }),
});

// ── Properties ────────────────────────────────────────────────────────────────────────────

describe('property: every score stays in its range', () => {
  it('the grade score is 0–100 and the confidence 0–1, for the default ICP and any valid one', () => {
    fc.assert(
      fc.property(arbAccount, fc.oneof(fc.constant(DEFAULT_SETTINGS.icp), arbIcp), (account, icp) => {
        const g = gradeAccount(account, icp);
        expect(g.score).toBeGreaterThanOrEqual(0);
        expect(g.score).toBeLessThanOrEqual(100);
        expect(Number.isInteger(g.score)).toBe(true);
        expect(g.confidence).toBeGreaterThanOrEqual(0);
        expect(g.confidence).toBeLessThanOrEqual(1);
        for (const credit of Object.values(g.credits)) {
          if (credit !== null) expect(credit >= 0 && credit <= 1).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('the engagement score is 0–100 and its level 1–5, for the default model and any valid one', () => {
    fc.assert(
      fc.property(
        arbTouchpoints,
        arbContacts,
        fc.oneof(fc.constant(DEFAULT_ENGAGEMENT), arbModel),
        (touchpoints, contacts, model) => {
          const e = scoreEngagement(touchpoints, contacts, model, now);
          expect(e.score).toBeGreaterThanOrEqual(0);
          expect(e.score).toBeLessThanOrEqual(100);
          expect(Number.isInteger(e.score)).toBe(true);
          // Levels 1–5 in bands of 20 points (0–19 → 1 … 80–100 → 5), counted here, not looked up.
          expect(e.level).toBe(Math.min(5, 1 + Math.floor(e.score / 20)));
        },
      ),
      RUNS,
    );
  });

  it('every engagement driver states a finite share of the score, even when nothing scores', () => {
    // Found by this property: touchpoints worth 0 points (a type weighted 0, or a date so old
    // that the decay underflows, such as a missing date read as 1970) made the drivers read
    // "NaN% of the score". Fixed in engagement.ts: a share of a zero total is 0%.
    const ancient = fc.record({ type: fc.constantFrom(...TOUCHPOINT_TYPES), stage: fc.constantFrom(...STAGES) });
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            arbTouch(),
            ancient.map((t) => ({ id: 'old', accountId: 'prop:1', ...t, at: 0 })),
          ),
          {
            maxLength: 20,
          },
        ),
        arbContacts,
        fc.oneof(fc.constant(DEFAULT_ENGAGEMENT), arbModel),
        (touchpoints, contacts, model) => {
          for (const d of scoreEngagement(touchpoints, contacts, model, now).drivers) {
            expect(d.detail).not.toContain('NaN');
            expect(Number.isFinite(d.points)).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('property: more engagement never counts against an account', () => {
  it('an extra BOFU touchpoint never lowers the engagement score or level', () => {
    fc.assert(
      fc.property(
        arbTouchpoints,
        arbContacts,
        arbTouch(fc.constant('BOFU')),
        fc.nat(),
        fc.oneof(fc.constant(DEFAULT_ENGAGEMENT), arbModel),
        (touchpoints, contacts, extra, at, model) => {
          const before = scoreEngagement(touchpoints, contacts, model, now);
          // Anywhere in the list: the order of the rows must not matter either.
          const i = at % (touchpoints.length + 1);
          const more = [...touchpoints.slice(0, i), extra, ...touchpoints.slice(i)];
          const after = scoreEngagement(more, contacts, model, now);
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          expect(after.level).toBeGreaterThanOrEqual(before.level);
        },
      ),
      RUNS,
    );
  });

  it('the level never falls as the score rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 110, noNaN: true }),
        fc.double({ min: -10, max: 110, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(levelOf(lo)).toBeLessThanOrEqual(levelOf(hi));
        },
      ),
      { numRuns: 1000 },
    );
    // And every level is reached, at its documented edge.
    expect([0, 20, 40, 60, 80, 100].map(levelOf)).toEqual([1, 2, 3, 4, 5, 5]);
  });
});

/** The account changed so that `criterion` fully matches; `pick` (0–1) chooses among the matching values. */
function matching(account: Account, criterion: IcpCriterion, pick: number): Account {
  switch (criterion.kind) {
    case 'in_set': {
      const value = criterion.values[Math.floor(pick * criterion.values.length)] ?? criterion.values[0];
      return { ...account, [criterion.field]: pick < 0.5 ? value : value?.toUpperCase() };
    }
    case 'range': {
      const min = criterion.min ?? 0;
      const max = criterion.max ?? min + 1e6;
      return { ...account, [criterion.field]: Math.min(max, Math.max(min, min + pick * (max - min))) };
    }
    case 'includes_any': {
      const value = criterion.values[Math.floor(pick * criterion.values.length)] ?? criterion.values[0] ?? '';
      return { ...account, technologies: [...(account.technologies ?? []), value] };
    }
  }
}

describe('property: a better fit never lowers the grade', () => {
  /**
   * "One more criterion fully matches": the account changes in the one field a criterion reads
   * (each field is read by one criterion) from missing, missed or partial data to a full match.
   * That criterion is not a disqualifier; others may be. The score must not fall, and a graded
   * account must keep a letter at least as good. (An ungraded account has no letter to keep.)
   */
  it('an extra matched criterion never lowers the grade score nor the letter', () => {
    const setup = arbIcp.chain((icp) =>
      fc.record({
        icp: fc.constant(icp),
        account: arbAccount,
        index: fc.nat({ max: icp.criteria.length - 1 }),
        pick: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(setup, ({ icp, account, index, pick }) => {
        const target = icp.criteria[index] as IcpCriterion;
        const criteria = icp.criteria.map((c, i) => (i === index ? { ...c, disqualifying: false } : c));
        const model = { ...icp, criteria };
        const before = gradeAccount(account, model);
        fc.pre(before.credits[target.id] !== 1);
        const after = gradeAccount(matching(account, target, pick), model);
        expect(after.credits[target.id]).toBe(1);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        if (before.letter !== null) {
          expect(after.letter).not.toBeNull();
          expect(RANK[after.letter ?? 'F']).toBeGreaterThanOrEqual(RANK[before.letter]);
        }
      }),
      RUNS,
    );
  });
});

const gradeOf = (letter: GradeLetter | null, credits: GradeResult['credits']): GradeResult => ({
  letter,
  score: 0,
  range: letter === null ? null : { worst: letter, worstScore: 0, best: letter, bestScore: 0, unknown: [] },
  uncertain: false,
  confidence: 1,
  missing: [],
  credits,
  reasons: [],
});
const engagementOf = (score: number): EngagementResult => ({
  score,
  level: levelOf(score),
  trend: 'steady',
  lastWeek: 0,
  weeklyMean: 0,
  engagedContacts: 0,
  weekly: [],
  drivers: [],
});

/** Tier definitions as an org might edit them: any bars, any ladder filters, in any order. */
const arbTiers: fc.Arbitrary<TierDefinition[]> = fc
  .shuffledSubarray([1, 2, 3, 4, 5] as const, { minLength: 1 })
  .chain((numbers) =>
    fc.tuple(
      ...numbers.map((tier) =>
        fc
          .record({
            minGrade: fc.constantFrom(...LETTERS),
            minEngagement: fc.integer({ min: 0, max: 100 }),
            requiredCriteria: fc.subarray(DEFAULT_SETTINGS.icp.criteria.map((c) => c.id)),
          })
          .map((bars): TierDefinition => ({ ...(DEFAULT_SETTINGS.tiers[2] as TierDefinition), tier, ...bars })),
      ),
    ),
  );
const arbSettings: fc.Arbitrary<Settings> = fc.oneof(
  fc.constant(PRESETS.three_tier.settings),
  fc.constant(PRESETS.icp_ladder.settings),
  arbTiers.map((tiers) => ({ ...DEFAULT_SETTINGS, tiers })),
);
const arbCredits: fc.Arbitrary<GradeResult['credits']> = fc
  .tuple(
    ...DEFAULT_SETTINGS.icp.criteria.map(() =>
      fc.oneof(fc.constant(null), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    ),
  )
  .map((cs) => Object.fromEntries(DEFAULT_SETTINGS.icp.criteria.map((c, i) => [c.id, cs[i] ?? null])));

describe('property: a worse account is never recommended a more invested tier', () => {
  it('with the same ICP data, a lower grade or lower engagement never raises the recommendation', () => {
    fc.assert(
      fc.property(
        arbSettings,
        arbAccount,
        arbCredits,
        fc.constantFrom(...LETTERS),
        fc.constantFrom(...LETTERS),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (settings, account, credits, g1, g2, e1, e2) => {
          const [better, worse] = RANK[g1] >= RANK[g2] ? [g1, g2] : [g2, g1];
          const [high, low] = e1 >= e2 ? [e1, e2] : [e2, e1];
          const top = recommendTier(account, gradeOf(better, credits), engagementOf(high), settings);
          for (const [letter, score] of [
            [worse, high],
            [better, low],
            [worse, low],
          ] as const) {
            const r = recommendTier(account, gradeOf(letter, credits), engagementOf(score), settings);
            expect(investment(r.recommended)).toBeGreaterThanOrEqual(investment(top.recommended));
          }
        },
      ),
      RUNS,
    );
  });

  /**
   * End to end, from the account's own data: one criterion's known data gets worse (its credit
   * falls, the data stays known) and some touchpoints go away. Grade and engagement then fall
   * or stay, and the recommended tier must not become more invested.
   */
  it('worse known data and fewer touchpoints never raise the recommendation', () => {
    const worsen: Record<IcpCriterion['id'], (a: Account) => Account> = {
      industry: (a) => ({ ...a, industry: 'Mining' }),
      employees: (a) => ({ ...a, employees: 3 }),
      revenue: (a) => ({ ...a, revenue: 1_000 }),
      geography: (a) => ({ ...a, country: 'BR' }),
      crm: (a) => ({ ...a, technologies: ['Slack'] }),
    };
    const known = (a: Account, id: string) => gradeAccount(a, DEFAULT_SETTINGS.icp).credits[id] !== null;
    fc.assert(
      fc.property(
        arbSettings,
        arbAccount,
        arbContacts,
        arbTouchpoints,
        fc.constantFrom(...Object.keys(worsen)),
        fc.nat(),
        (settings, account, contacts, touchpoints, id, keep) => {
          fc.pre(known(account, id));
          const worse = (worsen[id] as (a: Account) => Account)(account);
          const fewer = touchpoints.slice(0, keep % (touchpoints.length + 1));
          const rec = (a: Account, t: Touchpoint[]) => {
            const g = gradeAccount(a, settings.icp);
            return recommendTier(a, g, scoreEngagement(t, contacts, settings.engagement, now), settings).recommended;
          };
          expect(investment(rec(worse, fewer))).toBeGreaterThanOrEqual(investment(rec(account, touchpoints)));
        },
      ),
      RUNS,
    );
  });
});

// ── The grade's range over the unknown criteria ────────────────────────────────────────────

/** The account without the data `criterion` reads: that criterion becomes unknown. */
function without(account: Account, criterion: IcpCriterion): Account {
  const { [criterion.field]: _dropped, ...rest } = account;
  return rest as Account;
}

/** An ICP and an account, and one of the ICP's criteria (each reads its own field). */
const icpAccountCriterion = fc.oneof(fc.constant(DEFAULT_SETTINGS.icp), arbIcp).chain((icp) =>
  fc.record({
    icp: fc.constant(icp),
    account: arbAccount,
    index: fc.nat({ max: icp.criteria.length - 1 }),
    pick: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  }),
);

describe('property: the grade is honest about missing data', () => {
  it('the grade on known data lies between its worst and best case', () => {
    fc.assert(
      fc.property(arbAccount, fc.oneof(fc.constant(DEFAULT_SETTINGS.icp), arbIcp), (account, icp) => {
        const g = gradeAccount(account, icp);
        if (g.letter === null) {
          expect(g.range).toBeNull();
          return;
        }
        const r = g.range as NonNullable<GradeResult['range']>;
        expect(RANK[r.worst]).toBeLessThanOrEqual(RANK[g.letter]);
        expect(RANK[g.letter]).toBeLessThanOrEqual(RANK[r.best]);
        expect(r.worstScore).toBeLessThanOrEqual(r.bestScore);
        expect(g.uncertain).toBe(r.worst !== r.best);
      }),
      RUNS,
    );
  });

  it('removing a field never raises the worst case (nor lowers the best)', () => {
    fc.assert(
      fc.property(icpAccountCriterion, ({ icp, account, index }) => {
        const target = icp.criteria[index] as IcpCriterion;
        const before = gradeAccount(account, icp);
        const after = gradeAccount(without(account, target), icp);
        // Less data can leave an account ungraded, never grade an ungraded one.
        if (after.range === null) return;
        const was = before.range;
        expect(was).not.toBeNull();
        if (was === null) return;
        expect(RANK[after.range.worst]).toBeLessThanOrEqual(RANK[was.worst]);
        expect(after.range.worstScore).toBeLessThanOrEqual(was.worstScore);
        expect(RANK[after.range.best]).toBeGreaterThanOrEqual(RANK[was.best]);
      }),
      RUNS,
    );
  });

  it('adding a matching field never lowers the worst case', () => {
    fc.assert(
      fc.property(icpAccountCriterion, ({ icp, account, index, pick }) => {
        const target = icp.criteria[index] as IcpCriterion;
        const lacking = without(account, target);
        const before = gradeAccount(lacking, icp);
        const after = gradeAccount(matching(lacking, target, pick), icp);
        expect(before.credits[target.id]).toBeNull();
        expect(after.credits[target.id]).toBe(1);
        if (before.range === null) return;
        expect(after.range).not.toBeNull();
        if (after.range === null) return;
        expect(RANK[after.range.worst]).toBeGreaterThanOrEqual(RANK[before.range.worst]);
        expect(after.range.worstScore).toBeGreaterThanOrEqual(before.range.worstScore);
      }),
      RUNS,
    );
  });

  /** An account with data for the default ICP's criterion `i` only (any value the imports deliver). */
  const oneKnown = fc.tuple(fc.nat({ max: 4 }), fc.oneof(firmographics, nearFit)).map(([i, f]): Account => {
    const criterion = DEFAULT_SETTINGS.icp.criteria[i] as IcpCriterion;
    const value = (f as Partial<Account>)[criterion.field];
    return { ...arbAccountBase, isTarget: false, ...(value === undefined ? {} : { [criterion.field]: value }) };
  });

  it('one known criterion of five (default ICP) never yields a confident A', () => {
    fc.assert(
      fc.property(oneKnown, (account) => {
        const g = gradeAccount(account, DEFAULT_SETTINGS.icp);
        // The heaviest criterion weighs 30 of 100: never an A at worst, so never a confident A.
        expect(g.letter === 'A' && !g.uncertain).toBe(false);
        if (g.range) expect(g.range.worst).not.toBe('A');
      }),
      RUNS,
    );
  });

  it('nor on any ICP of five criteria where the known one weighs less than the A bar', () => {
    const setup = arbIcp
      .filter((icp) => icp.criteria.length === 5)
      .chain((icp) => fc.record({ icp: fc.constant(icp), account: arbAccount, index: fc.nat({ max: 4 }) }));
    fc.assert(
      fc.property(setup, ({ icp, account, index }) => {
        const target = icp.criteria[index] as IcpCriterion;
        const total = icp.criteria.reduce((sum, c) => sum + c.weight, 0);
        fc.pre(total > 0 && Math.round((target.weight / total) * 100) < icp.thresholds.A);
        const only = icp.criteria.reduce((a, c) => (c === target ? a : without(a, c)), account);
        const g = gradeAccount(only, icp);
        expect(g.letter === 'A' && !g.uncertain).toBe(false);
      }),
      RUNS,
    );
  });

  it('removing a field never raises the recommended tier: nothing is promoted on missing data', () => {
    fc.assert(
      fc.property(
        arbSettings,
        arbAccount,
        arbContacts,
        arbTouchpoints,
        fc.nat({ max: DEFAULT_SETTINGS.icp.criteria.length - 1 }),
        (settings, account, contacts, touchpoints, index) => {
          const target = settings.icp.criteria[index] as IcpCriterion;
          const engagement = scoreEngagement(touchpoints, contacts, settings.engagement, now);
          const rec = (a: Account) => recommendTier(a, gradeAccount(a, settings.icp), engagement, settings).recommended;
          expect(investment(rec(without(account, target)))).toBeGreaterThanOrEqual(investment(rec(account)));
        },
      ),
      RUNS,
    );
  });
});
