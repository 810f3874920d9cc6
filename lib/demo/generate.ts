/**
 * Deterministic demo data: about 2,000 accounts with contacts and 90 days of touchpoints,
 * spread so that every state of the side panel occurs (all tiers and grades, tier
 * disagreements, hot untiered accounts, quiet targets, mapped and missing buyer roles,
 * data gaps) and with won/lost outcomes for calibrating the engagement model. An account with
 * an outcome closed within the last half year: its touchpoints are the 90 days before the
 * close, which decide the outcome, and those since, which follow it (see ./outcomes).
 */
import type { Account, Outcome } from '../db/accounts';
import { BUYING_ROLES, type BuyingRole, type Contact } from '../db/contacts';
import { TOUCHPOINT_STAGE, type Touchpoint, type TouchpointType } from '../db/touchpoints';
import { companyKeys } from '../keys/company-keys';
import { normaliseName } from '../keys/normalise';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { Tier } from '../settings/types';
import { type Fit, HOSTILE_COMPANY, makeSyntheticCompany, REAL_COMPANIES, type SyntheticCompany } from './companies';
import { addDemoOpportunities } from './opportunities';
import { afterCloseAges, CLOSED_DAYS_AGO, outcomeOf } from './outcomes';
import { createRng, type Rng } from './random';

const DAY = 86_400_000;

export { TOUCHPOINT_STAGE } from '../db/touchpoints';

/** The reps who own demo accounts. */
export const DEMO_OWNERS = [
  'Alex Morgan',
  'Priya Shah',
  'Jonas Berg',
  'María García',
  'Sam Okafor',
  'Emma Lindqvist',
] as const;

/** Lifecycle stages used by the demo accounts, earliest first. */
export const DEMO_LIFECYCLE_STAGES = ['lead', 'MQL', 'SQL', 'opportunity', 'customer'] as const;

/**
 * How an account engages over the 90 days: `silent` has no touchpoint at all (a target that
 * went quiet), `cooling` was active 30–90 days ago, `surging` has a burst in the last 7 days.
 */
export type Intensity = 'silent' | 'cold' | 'steady' | 'cooling' | 'surging';

/** What {@link generateDemoData} produces. */
export interface DemoData {
  accounts: Account[];
  contacts: Contact[];
  touchpoints: Touchpoint[];
}

/** Options of {@link generateDemoData}; `now` is required so that the output is reproducible. */
export interface DemoOptions {
  /** Seed of the generator; default 1. */
  seed?: number;
  /**
   * Epoch milliseconds that the data is relative to (updates within 60 days, touchpoints 90;
   * an account with an outcome has the 90 days before its close and all since).
   */
  now: number;
  /** Total number of accounts, real companies included; default 2000. */
  accountCount?: number;
}

type TierOrNone = Tier | 0;
const INTENSITIES: readonly Intensity[] = ['silent', 'cold', 'steady', 'cooling', 'surging'];
/** Weights of each intensity by tier (0 = untiered): targets are worked harder, so warmer. */
const INTENSITY_WEIGHTS: Record<number, number[]> = {
  1: [5, 15, 40, 15, 25],
  2: [8, 20, 35, 20, 17],
  3: [12, 28, 30, 20, 10],
  0: [20, 38, 20, 15, 7],
};
/** Fit weights (strong, medium, poor) by tier: mostly agreeing, with some tier disagreements. */
const FIT_WEIGHTS: Record<number, number[]> = { 1: [70, 12, 18], 2: [60, 25, 15], 3: [35, 45, 20], 0: [10, 45, 45] };
const FITS: readonly Fit[] = ['strong', 'medium', 'poor'];
/** Share of accounts per tier, matching DESIGN.md's tier capacities for 2,000 accounts. */
const TIER_SHARE: Record<1 | 2 | 3, number> = { 1: 0.011, 2: 0.06, 3: 0.2 };
const OUTCOME_SHARE = 0.15;

/** Everything decided about an account before its rows are written. */
interface Plan {
  company: SyntheticCompany;
  linkedinIds: string[];
  tier: TierOrNone;
  /** How the account engages: over the last 90 days, or the 90 days before its close. */
  intensity: Intensity;
  /** Days ago that the account's deal closed, for the accounts with an outcome. */
  closedDaysAgo?: number;
  /** Drawn from the touchpoints before the close (see closeDeal). */
  outcome?: Outcome;
}

const zip = <T>(values: readonly T[], weights: readonly number[]): [T, number][] =>
  values.map((v, i) => [v, weights[i] ?? 0]);

function planAccounts(rng: Rng, count: number): Plan[] {
  const plans: Plan[] = [];
  const taken = new Set<string>();
  const planOf = (company: SyntheticCompany, tier: TierOrNone, linkedinIds: string[] = []): Plan => ({
    company,
    linkedinIds,
    tier,
    intensity: rng.weighted(zip(INTENSITIES, INTENSITY_WEIGHTS[tier] ?? [])),
  });
  for (const r of REAL_COMPANIES.slice(0, count)) {
    taken.add(normaliseName(r.name)).add(r.slug).add(r.domain);
    const { name, slug, domain, industry, employees, revenue, country } = r;
    // A copy, so that a caller editing an account cannot change the shared list.
    const technologies = [...r.technologies];
    const company = { name, slug, domains: [domain], industry, employees, revenue, country, technologies };
    plans.push(planOf(company, r.tier ?? 0, r.linkedinId ? [r.linkedinId] : []));
  }
  if (plans.length < count) {
    const h = HOSTILE_COMPANY;
    taken.add(h.slug).add(h.domain);
    const company = { name: h.name, slug: h.slug, domains: [h.domain], industry: 'Software', employees: 250 };
    plans.push(planOf({ ...company, revenue: 3e7, country: 'GB', technologies: ['HubSpot'] }, 3));
  }
  // Exact tier counts (shuffled), so the proportions hold for every seed.
  const slots: TierOrNone[] = [];
  for (const tier of [1, 2, 3] as const) {
    const fixed = plans.filter((p) => p.tier === tier).length;
    for (let i = Math.round(count * TIER_SHARE[tier]) - fixed; i > 0; i--) slots.push(tier);
  }
  while (slots.length < count - plans.length) slots.push(0);
  for (const tier of rng.shuffle(slots).slice(0, count - plans.length)) {
    const fit = rng.weighted(zip(FITS, FIT_WEIGHTS[tier] ?? []));
    plans.push(planOf(makeSyntheticCompany(rng, fit, taken), tier));
  }
  // Outcomes only on synthetic accounts, so the real companies stay predictable. Which ones
  // win is drawn later, from their touchpoints before the close.
  const synthetic = plans.slice(REAL_COMPANIES.length + 1);
  for (const p of rng.shuffle(synthetic).slice(0, Math.round(count * OUTCOME_SHARE))) {
    p.closedDaysAgo = rng.float(...CLOSED_DAYS_AGO);
  }
  return plans;
}

function buildAccount(rng: Rng, plan: Plan, index: number, now: number): Account {
  const { company: c, tier } = plan;
  const account: Account = {
    id: `demo:${index + 1}`,
    name: c.name,
    keys: companyKeys({ name: c.name, linkedinSlugs: [c.slug], linkedinIds: plan.linkedinIds, websites: c.domains }),
    domains: c.domains,
    linkedinSlugs: [c.slug],
    linkedinIds: plan.linkedinIds,
    isTarget: tier !== 0,
    updatedAt: now - Math.floor(rng.float(0, 60) * DAY),
    source: 'demo',
    generation: 1,
  };
  if (c.industry !== undefined) account.industry = c.industry;
  if (c.employees !== undefined) account.employees = c.employees;
  if (c.revenue !== undefined) account.revenue = c.revenue;
  if (c.country !== undefined) account.country = c.country;
  if (c.technologies !== undefined) account.technologies = c.technologies;
  if (tier !== 0) {
    account.assignedTier = tier;
    // Reviews run monthly (Tier 1) or quarterly: some are due, a few accounts were never reviewed.
    if (!rng.chance(0.1)) account.lastReviewedAt = now - Math.floor(rng.float(0, tier === 1 ? 40 : 100) * DAY);
  }
  if (tier !== 0 || rng.chance(0.75)) account.owner = rng.pick(DEMO_OWNERS);
  return account;
}

/** The account's open opportunity and lifecycle stage, which follow its engagement and outcome. */
function addPipeline(rng: Rng, plan: Plan, account: Account): void {
  const { company: c, tier, intensity, outcome } = plan;
  const oppOdds = { silent: 0.03, cold: 0.05, steady: 0.25, cooling: 0.15, surging: 0.45 }[intensity];
  if (rng.chance(oppOdds * (tier === 0 ? 0.6 : 1) * (outcome === 'won' ? 0.5 : 1))) {
    const [lo, hi] = tier === 1 ? [100, 600] : tier === 2 ? [40, 200] : [10, 80];
    account.openOpportunity = {
      name: `${c.name} - ${rng.pick(['New business', 'Platform expansion', 'Renewal', 'Pilot'])}`,
      amount: rng.int(lo, hi) * 1000,
      stage: rng.pick(['Discovery', 'Demo scheduled', 'Proposal', 'Negotiation']),
    };
  }
  const warm = intensity === 'surging' ? 2 : intensity === 'steady' || intensity === 'cooling' ? 1 : 0;
  account.lifecycleStage =
    outcome === 'won'
      ? 'customer'
      : account.openOpportunity
        ? 'opportunity'
        : rng.weighted<string>(
            zip(
              ['lead', 'MQL', 'SQL'],
              [
                [6, 3, 1],
                [3, 5, 2],
                [1, 4, 5],
              ][warm] ?? [],
            ),
          );
}

// Accented and apostrophised names on purpose: emails and slugs must fold them to ASCII.
const FIRST = [
  'Anna',
  'Ben',
  'Chloé',
  'David',
  'Elif',
  'Finn',
  'Grace',
  'Hugo',
  'Ines',
  'Jakob',
  'Kenji',
  'Lena',
  'Marco',
  'Nadia',
  'Oscar',
  'Paula',
  'Ravi',
  'Sofia',
  'Tom',
  'Ulla',
  'Victor',
  'Wei',
  'Yara',
  'Zoë',
  'Björn',
  'Aoife',
  'José',
  'Leila',
  'Mateo',
  'Noor',
];
const LAST = [
  'Andersson',
  'Brennan',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Gallagher',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Novak',
  "O'Neill",
  'Patel',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Urban',
  'Virtanen',
  'Walsh',
  'Yilmaz',
  'Zimmermann',
  'Müller',
  'Núñez',
  'Okafor',
];
/** Titles that make each buying role plausible, so that the mapped roles read as believable. */
const TITLES: Record<BuyingRole, string[]> = {
  DECISION_MAKER: ['VP Marketing', 'Head of Sales', 'VP Revenue Operations', 'Director of Marketing'],
  CHAMPION: ['Marketing Operations Manager', 'RevOps Lead', 'Demand Generation Manager'],
  BUDGET_HOLDER: ['CFO', 'VP Finance', 'Finance Director'],
  EXECUTIVE_SPONSOR: ['CEO', 'Chief Marketing Officer', 'Chief Revenue Officer', 'COO'],
  INFLUENCER: ['Senior Marketing Manager', 'Sales Enablement Manager', 'Head of Content'],
  END_USER: ['Account Executive', 'SDR', 'Marketing Specialist', 'Campaign Manager'],
  BLOCKER: ['IT Security Manager', 'Procurement Manager'],
  LEGAL_AND_COMPLIANCE: ['General Counsel', 'Data Protection Officer', 'Legal Counsel'],
  OTHER: ['Office Manager', 'Business Analyst'],
};
const PERSONA_WEIGHTS = zip(BUYING_ROLES, [12, 12, 6, 5, 20, 25, 5, 5, 10]);
/** A second role that often goes with the first (HubSpot's buying role is multi-select). */
const SECOND_ROLE: Record<BuyingRole, BuyingRole> = {
  DECISION_MAKER: 'BUDGET_HOLDER',
  CHAMPION: 'INFLUENCER',
  BUDGET_HOLDER: 'DECISION_MAKER',
  EXECUTIVE_SPONSOR: 'DECISION_MAKER',
  INFLUENCER: 'CHAMPION',
  END_USER: 'CHAMPION',
  BLOCKER: 'LEGAL_AND_COMPLIANCE',
  LEGAL_AND_COMPLIANCE: 'BLOCKER',
  OTHER: 'INFLUENCER',
};
/** How many contacts an account has, by tier (0 = untiered): targets are better mapped. */
const CONTACTS_PER_TIER: Record<number, [number, number]> = { 0: [0, 4], 1: [4, 8], 2: [2, 7], 3: [1, 5] };
/** Share of tiered accounts whose required roles are all mapped; the others miss one or two. */
const FULL_COVERAGE = 0.5;
const ascii = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase();

/**
 * The account's people. Higher tiers have more; for a tier with required roles, either every
 * required role is mapped (the first contacts are made to hold them) or one or two are
 * deliberately unmapped on every contact, so that "map a missing role" actions occur.
 */
function makeContacts(
  rng: Rng,
  account: Account,
  required: readonly BuyingRole[],
  firstId: number,
  now: number,
  slugsTaken: Set<string>,
): Contact[] {
  const tier = account.assignedTier ?? 0;
  const full = required.length > 0 && rng.chance(FULL_COVERAGE);
  const [lo, hi] = CONTACTS_PER_TIER[tier] ?? [0, 4];
  // Untiered accounts lean towards few known people: the smaller of two draws.
  let count = tier === 0 ? Math.min(rng.int(lo, hi), rng.int(lo, hi)) : rng.int(lo, hi);
  if (full) count = Math.max(count, required.length);
  const missing = new Set(full ? [] : rng.shuffle(required).slice(0, rng.chance(0.7) ? 1 : 2));
  const domain = account.domains[0];
  const emails = new Set<string>();
  const people: Contact[] = [];
  for (let i = 0; i < count; i++) {
    const forced = full ? required[i] : undefined;
    const persona = forced ?? rng.weighted(PERSONA_WEIGHTS);
    const shape = forced ? rng.weighted(zip([1, 2], [85, 15])) : rng.weighted(zip([0, 1, 2], [45, 42, 13]));
    const roles = [persona, SECOND_ROLE[persona]].slice(0, shape).filter((r) => !missing.has(r));
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const contact: Contact = {
      id: `demo:c${firstId + i}`,
      accountId: account.id,
      name: `${first} ${last}`,
      title: rng.pick(TITLES[persona]),
      buyingRoles: roles,
      updatedAt: now - Math.floor(rng.float(0, 60) * DAY),
    };
    if (domain) {
      let email = `${ascii(first)}.${ascii(last)}@${domain}`;
      for (let n = 2; emails.has(email); n++) email = `${ascii(first)}.${ascii(last)}${n}@${domain}`;
      emails.add(email);
      contact.email = email;
    }
    if (rng.chance(0.5)) {
      // LinkedIn's own pattern (name plus a hex tail) keeps slugs unique and obviously personal.
      let slug: string;
      do slug = `${ascii(first)}-${ascii(last)}-${rng.int(0x100000, 0xffffff).toString(16)}`;
      while (slugsTaken.has(slug));
      slugsTaken.add(slug);
      contact.linkedinSlug = slug;
    }
    people.push(contact);
  }
  return people;
}

const TYPES = Object.keys(TOUCHPOINT_STAGE) as TouchpointType[];
/** How common each type is in ordinary engagement, before any intent boost. */
const TYPE_BASE: Record<TouchpointType, number> = {
  web_visit: 30,
  email_open: 20,
  ad_click: 8,
  email_click: 9,
  content_download: 6,
  event_registered: 3,
  event_attended: 2,
  pricing_page_visit: 4,
  demo_page_visit: 3,
  form_fill: 2,
  demo_request: 0.8,
  meeting: 1.5,
  sales_call: 1.5,
  reply: 2.5,
};
/** Type weights with bottom-of-funnel types boosted by `bofu` (and middle by its root). */
function typeWeights(bofu: number): [TouchpointType, number][] {
  const boost = { TOFU: 1, MOFU: Math.sqrt(bofu), BOFU: bofu };
  return TYPES.map((t) => [t, TYPE_BASE[t] * boost[TOUCHPOINT_STAGE[t]]]);
}
/** Types that need a known person (email, sales contact) versus mostly-anonymous web and ads. */
const IDENTIFIED_SHARE: Partial<Record<TouchpointType, number>> = {
  web_visit: 0.3,
  ad_click: 0.3,
  pricing_page_visit: 0.4,
  demo_page_visit: 0.4,
  content_download: 0.9,
  event_registered: 0.9,
  event_attended: 0.9,
  form_fill: 0.9,
  demo_request: 0.9,
};

/**
 * Ages in days of one account's touchpoints (before now, or before the close of an account
 * with an outcome), with the BOFU boost of each.
 */
function touchAges(rng: Rng, plan: Plan): [number, number][] {
  const volume = plan.tier === 1 ? 1.5 : plan.tier === 2 ? 1.2 : 1;
  const n = (lo: number, hi: number): number => Math.round(rng.int(lo, hi) * volume);
  const spread = (k: number, lo: number, hi: number, b: number): [number, number][] =>
    Array.from({ length: k }, () => [rng.float(lo, hi), b]);
  switch (plan.intensity) {
    case 'silent':
      return [];
    case 'cold':
      return spread(rng.int(1, 6), 0, 90, 0.3);
    case 'steady':
      return spread(n(25, 75), 0, 90, 1);
    case 'cooling':
      return [...spread(n(22, 55), 30, 90, 1), ...spread(rng.int(0, 5), 14, 30, 1)];
    case 'surging':
      return [...spread(n(20, 50), 7, 90, 1), ...spread(n(15, 40), 0, 7, 3)];
  }
}

type TouchpointRow = Omit<Touchpoint, 'id'>;

/** Touchpoints at `ages` (days before `end`, each with its BOFU boost), oldest first. */
function makeTouchpoints(
  rng: Rng,
  ages: readonly [number, number][],
  accountId: string,
  contacts: Contact[],
  end: number,
): TouchpointRow[] {
  // Contacts with a buying role engage more: they are the ones being worked.
  const who = contacts.map((c) => [c.id, c.buyingRoles.length > 0 ? 2 : 1] as const);
  const tables = new Map<number, [TouchpointType, number][]>();
  const rows = ages.map(([age, bofu]) => {
    let table = tables.get(bofu);
    if (!table) {
      table = typeWeights(bofu);
      tables.set(bofu, table);
    }
    const type = rng.weighted(table);
    const at = end - Math.max(1, Math.floor(age * DAY));
    const row: TouchpointRow = { accountId, type, stage: TOUCHPOINT_STAGE[type], at };
    if (who.length > 0 && rng.chance(IDENTIFIED_SHARE[type] ?? 1)) row.contactId = rng.weighted(who);
    return row;
  });
  return rows.sort((a, b) => a.at - b.at);
}

/**
 * The touchpoints of an account whose deal closed `plan.closedDaysAgo` days ago, and its
 * outcome: the 90 days before the close follow its intensity, the outcome follows them, and
 * what came after follows the outcome (see ./outcomes).
 */
function closeDeal(rng: Rng, plan: Plan, account: Account, contacts: Contact[], now: number): TouchpointRow[] {
  const daysAgo = plan.closedDaysAgo ?? 0;
  const closedAt = now - Math.floor(daysAgo * DAY);
  const before = makeTouchpoints(rng, touchAges(rng, plan), account.id, contacts, closedAt);
  const outcome = outcomeOf(rng, plan.intensity, before, contacts, closedAt);
  plan.outcome = outcome;
  account.outcome = outcome;
  account.closedAt = closedAt;
  addPipeline(rng, plan, account);
  return [...before, ...makeTouchpoints(rng, afterCloseAges(rng, outcome, daysAgo), account.id, contacts, now)];
}

/**
 * Generates the demo data set. Deterministic: the same `seed` and `now` always give exactly
 * the same rows (no Math.random, no clock). The real companies of {@link REAL_COMPANIES} come
 * first with fixed tiers, then the hostile-name account, then synthetic companies.
 */
export function generateDemoData(options: DemoOptions): DemoData {
  const { seed = 1, now, accountCount = 2000 } = options;
  const rng = createRng(seed);
  const plans = planAccounts(rng, Math.max(0, Math.floor(accountCount)));
  const accounts: Account[] = [];
  const contacts: Contact[] = [];
  const touchpoints: Touchpoint[] = [];
  const slugsTaken = new Set<string>();
  plans.forEach((plan, i) => {
    const account = buildAccount(rng, plan, i, now);
    const closes = plan.closedDaysAgo !== undefined;
    if (!closes) addPipeline(rng, plan, account);
    const required = DEFAULT_SETTINGS.tiers.find((t) => t.tier === plan.tier)?.requiredRoles ?? [];
    const people = makeContacts(rng, account, required, contacts.length + 1, now, slugsTaken);
    accounts.push(account);
    contacts.push(...people);
    const rows = closes
      ? closeDeal(rng, plan, account, people, now)
      : makeTouchpoints(rng, touchAges(rng, plan), account.id, people, now);
    for (const row of rows) {
      touchpoints.push({ id: `demo:t${touchpoints.length + 1}`, ...row });
    }
    addDemoOpportunities(seed, i, account, now);
  });
  return { accounts, contacts, touchpoints };
}
