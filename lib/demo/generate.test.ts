import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import { companyKeys } from '../keys/company-keys';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { summariseOpportunities } from '../sync/opportunities';
import { accountRecordSchema } from '../sync/records';
import { HOSTILE_COMPANY, REAL_COMPANIES } from './companies';
import { generateDemoData, TOUCHPOINT_STAGE } from './generate';
import { createRng } from './random';

const DAY = 86_400_000;
const now = Date.UTC(2025, 5, 1, 12);
const data = generateDemoData({ now });
const byId = new Map(data.accounts.map((a) => [a.id, a]));
const touchesOf = new Map<string, number[]>();
for (const t of data.touchpoints) {
  const list = touchesOf.get(t.accountId) ?? [];
  list.push(t.at);
  touchesOf.set(t.accountId, list);
}
const rolesOf = new Map<string, Set<string>>();
for (const c of data.contacts) {
  const roles = rolesOf.get(c.accountId) ?? new Set<string>();
  for (const r of c.buyingRoles) roles.add(r);
  rolesOf.set(c.accountId, roles);
}
const withTier = (tier: number | undefined): Account[] => data.accounts.filter((a) => a.assignedTier === tier);

describe('createRng', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 100 }, () => a.int(1, 6));
    expect(xs).toEqual(Array.from({ length: 100 }, () => b.int(1, 6)));
    expect(Math.min(...xs)).toBe(1);
    expect(Math.max(...xs)).toBe(6);
    expect(createRng(8).next()).not.toBe(createRng(7).next());
  });
});

describe('generateDemoData', () => {
  it('is deterministic for a seed and now, and differs for another seed', () => {
    expect(generateDemoData({ now })).toEqual(data);
    const other = generateDemoData({ seed: 2, now });
    expect(other.accounts.map((a) => a.name)).not.toEqual(data.accounts.map((a) => a.name));
    expect(other.touchpoints.length).not.toBe(data.touchpoints.length);
  });

  it('makes at least 2,000 well-formed accounts with unique ids and LinkedIn keys', () => {
    expect(data.accounts.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(data.accounts.map((a) => a.id)).size).toBe(data.accounts.length);
    const liKeys = data.accounts.flatMap((a) => a.keys.filter((k) => k.startsWith('li:')));
    expect(liKeys.length).toBe(data.accounts.length);
    expect(new Set(liKeys).size).toBe(liKeys.length);
    const domKeys = data.accounts.flatMap((a) => a.keys.filter((k) => k.startsWith('dom:')));
    expect(new Set(domKeys).size).toBe(domKeys.length);
    for (const a of data.accounts) {
      expect(a.id).toMatch(/^demo:\d+$/);
      expect(a.source).toBe('demo');
      expect(a.generation).toBe(1);
      expect(a.isTarget).toBe(a.assignedTier !== undefined);
      expect(a.updatedAt).toBeLessThanOrEqual(now);
      expect(a.updatedAt).toBeGreaterThan(now - 60 * DAY);
      expect(a.keys).toEqual(
        companyKeys({ name: a.name, linkedinSlugs: a.linkedinSlugs, linkedinIds: a.linkedinIds, websites: a.domains }),
      );
      expect(['lead', 'MQL', 'SQL', 'opportunity', 'customer']).toContain(a.lifecycleStage);
    }
  });

  it('includes every real company with its LinkedIn and domain keys and fixed tiers', () => {
    for (const r of REAL_COMPANIES) {
      const a = data.accounts.find((x) => x.name === r.name);
      expect(a, r.name).toBeDefined();
      expect(a?.keys).toContain(`li:${r.slug}`);
      expect(a?.keys).toContain(`dom:${r.domain}`);
      if (r.linkedinId) expect(a?.keys).toContain(`li#${r.linkedinId}`);
      expect(a?.assignedTier).toBe(r.tier);
    }
    const microsoft = data.accounts.find((a) => a.name === 'Microsoft');
    expect(microsoft?.keys).toEqual(expect.arrayContaining(['li:microsoft', 'li#1035', 'dom:microsoft.com']));
    expect(microsoft?.assignedTier).toBe(1);
    expect(data.accounts.find((a) => a.name === 'HubSpot')?.assignedTier).toBe(2);
    const audiense = data.accounts.find((a) => a.name === 'Audiense');
    expect(audiense?.assignedTier).toBe(2);
    expect(audiense?.keys).toEqual(expect.arrayContaining(['li:audiense', 'li#10529043', 'dom:audiense.com']));
  });

  it('has exactly one name with markup, with an ordinary slug', () => {
    const marked = data.accounts.filter((a) => /[<>&]/.test(a.name));
    expect(marked.map((a) => a.name)).toEqual([HOSTILE_COMPANY.name]);
    expect(marked[0]?.linkedinSlugs).toEqual(['hostile-co-demo']);
  });

  it('spreads accounts over the tiers in the intended proportions', () => {
    expect(withTier(1).length).toBeGreaterThanOrEqual(20);
    expect(withTier(1).length).toBeLessThanOrEqual(25);
    expect(withTier(2).length).toBeGreaterThanOrEqual(100);
    expect(withTier(2).length).toBeLessThanOrEqual(140);
    expect(withTier(3).length).toBeGreaterThanOrEqual(350);
    expect(withTier(3).length).toBeLessThanOrEqual(450);
    expect(withTier(undefined).length).toBeGreaterThan(1000);
  });

  it('leaves data gaps and hard disqualifiers', () => {
    for (const field of ['industry', 'employees', 'revenue', 'country', 'technologies'] as const) {
      const share = data.accounts.filter((a) => a[field] === undefined).length / data.accounts.length;
      expect(share, field).toBeGreaterThan(0.07);
      expect(share, field).toBeLessThan(0.18);
    }
    const crms = ['HubSpot', 'Salesforce', 'Microsoft Dynamics', 'Pipedrive'];
    const noCrm = data.accounts.filter((a) => a.technologies && !a.technologies.some((t) => crms.includes(t)));
    expect(noCrm.length).toBeGreaterThan(50);
    expect(noCrm.some((a) => a.technologies?.length === 0)).toBe(true);
  });

  it('keeps touchpoints within 90 days (before the close, for an outcome) and pointing at existing accounts and contacts', () => {
    expect(data.touchpoints.length).toBeGreaterThanOrEqual(40_000);
    expect(data.touchpoints.length).toBeLessThanOrEqual(80_000);
    const contacts = new Map(data.contacts.map((c) => [c.id, c]));
    expect(new Set(data.touchpoints.map((t) => t.id)).size).toBe(data.touchpoints.length);
    // One assertion over all rows: 50k expect() calls would dominate the run time.
    const bad = data.touchpoints.filter(
      (t) =>
        t.at > now ||
        t.at < (byId.get(t.accountId)?.closedAt ?? now) - 90 * DAY ||
        !byId.has(t.accountId) ||
        t.stage !== TOUCHPOINT_STAGE[t.type] ||
        (t.contactId !== undefined && contacts.get(t.contactId)?.accountId !== t.accountId),
    );
    expect(bad).toEqual([]);
    expect(data.touchpoints.some((t) => t.contactId === undefined)).toBe(true);
    expect(data.touchpoints.some((t) => t.contactId !== undefined)).toBe(true);
  });

  it('makes contacts at the account, with ids, emails at its domain and some LinkedIn slugs', () => {
    expect(new Set(data.contacts.map((c) => c.id)).size).toBe(data.contacts.length);
    const perAccount = new Map<string, number>();
    for (const c of data.contacts) {
      expect(c.id).toMatch(/^demo:c\d+$/);
      const account = byId.get(c.accountId);
      expect(account).toBeDefined();
      expect(c.email?.endsWith(`@${account?.domains[0]}`)).toBe(true);
      perAccount.set(c.accountId, (perAccount.get(c.accountId) ?? 0) + 1);
    }
    expect(Math.max(...perAccount.values())).toBeLessThanOrEqual(8);
    const slugged = data.contacts.filter((c) => c.linkedinSlug).length / data.contacts.length;
    expect(slugged).toBeGreaterThan(0.4);
    expect(slugged).toBeLessThan(0.6);
    expect(data.contacts.some((c) => c.buyingRoles.length === 0)).toBe(true);
    expect(data.contacts.some((c) => c.buyingRoles.length === 2)).toBe(true);
  });

  it('maps all required buyer roles on some tiered accounts and misses some on others', () => {
    for (const tier of [1, 2] as const) {
      const required = DEFAULT_SETTINGS.tiers.find((t) => t.tier === tier)?.requiredRoles ?? [];
      const covers = (a: Account): boolean => required.every((r) => rolesOf.get(a.id)?.has(r));
      expect(withTier(tier).filter(covers).length, `tier ${tier} covered`).toBeGreaterThan(0);
      expect(withTier(tier).filter((a) => !covers(a)).length, `tier ${tier} missing`).toBeGreaterThan(0);
    }
  });

  it('has hot untiered accounts and targets gone quiet', () => {
    const recent = (a: Account): number => (touchesOf.get(a.id) ?? []).filter((at) => at > now - 7 * DAY).length;
    expect(withTier(undefined).filter((a) => recent(a) >= 10).length).toBeGreaterThan(20);
    expect(data.accounts.filter((a) => a.isTarget && !touchesOf.has(a.id)).length).toBeGreaterThan(10);
  });

  describe('outcomes', () => {
    const won = data.accounts.filter((a) => a.outcome === 'won');
    const lost = data.accounts.filter((a) => a.outcome === 'lost');
    const mean = (as: Account[], f: (a: Account) => number): number => as.reduce((sum, a) => sum + f(a), 0) / as.length;

    it('closes about 300 deals, won and lost, within the last half year', () => {
      expect(won.length).toBeGreaterThan(50);
      expect(lost.length).toBeGreaterThan(50);
      expect(won.length + lost.length).toBeGreaterThanOrEqual(250);
      expect(won.length + lost.length).toBeLessThanOrEqual(350);
      const late = [...won, ...lost].filter(
        (a) => a.closedAt === undefined || a.closedAt > now - 10 * DAY || a.closedAt < now - 180 * DAY,
      );
      expect(late).toEqual([]);
      expect(data.accounts.filter((a) => a.outcome === undefined && a.closedAt !== undefined)).toEqual([]);
    });

    it('wins where senior buyers engaged before the close', () => {
      const senior = new Set(
        data.contacts
          .filter((c) =>
            c.buyingRoles.some((r) => ['DECISION_MAKER', 'BUDGET_HOLDER', 'EXECUTIVE_SPONSOR'].includes(r)),
          )
          .map((c) => c.id),
      );
      const seniorBefore = new Set(
        data.touchpoints
          .filter((t) => t.contactId && senior.has(t.contactId) && t.at < (byId.get(t.accountId)?.closedAt ?? 0))
          .map((t) => t.accountId),
      );
      const winRate = (as: Account[]): number => as.filter((a) => a.outcome === 'won').length / as.length;
      const closed = [...won, ...lost];
      const withSenior = closed.filter((a) => seniorBefore.has(a.id));
      const without = closed.filter((a) => !seniorBefore.has(a.id));
      expect(winRate(without)).toBeLessThan(0.2);
      expect(winRate(withSenior)).toBeGreaterThan(2 * winRate(without));
    });

    it('engages won accounts far more after their close than lost ones: customers engage after buying', () => {
      const afterPerMonth = (a: Account): number => {
        const closedAt = a.closedAt ?? now;
        const after = (touchesOf.get(a.id) ?? []).filter((at) => at >= closedAt).length;
        return (after * 30 * DAY) / (now - closedAt);
      };
      expect(mean(lost, afterPerMonth)).toBeLessThan(2);
      expect(mean(won, afterPerMonth)).toBeGreaterThan(4 * mean(lost, afterPerMonth));
    });
  });

  it('scales down to a handful of accounts, real companies first', () => {
    const small = generateDemoData({ now, accountCount: 5 });
    expect(small.accounts.map((a) => a.name)).toEqual(REAL_COMPANIES.slice(0, 5).map((r) => r.name));
    expect(generateDemoData({ now, accountCount: 100 }).accounts.length).toBe(100);
  });
});

describe('the demo accounts’ deals', () => {
  it('agree with each account’s outcome, close date and open opportunity', () => {
    const withDeals = data.accounts.filter((a) => a.opportunities?.length);
    expect(withDeals.length).toBeGreaterThan(50);
    for (const a of data.accounts) {
      expect(summariseOpportunities(a.opportunities ?? [])).toEqual({
        ...(a.openOpportunity ? { openOpportunity: a.openOpportunity } : {}),
        ...(a.outcome ? { outcome: a.outcome } : {}),
        ...(a.closedAt !== undefined ? { closedAt: a.closedAt } : {}),
      });
      expect(accountRecordSchema.safeParse({ ...a, generation: 0 }).success).toBe(true);
    }
    const won = data.accounts.find((a) => a.outcome === 'won');
    expect(won?.opportunities?.find((o) => o.status === 'won')).toMatchObject({
      stage: 'Closed Won',
      closedAt: won?.closedAt,
    });
    const open = data.accounts.flatMap((a) => a.opportunities ?? []).filter((o) => o.status === 'open');
    expect(open.length).toBeGreaterThan(20);
    expect(open.every((o) => o.amount !== undefined && o.stage !== undefined)).toBe(true);
  });

  it('are the same for the same seed', () => {
    const again = generateDemoData({ now });
    expect(again.accounts.map((a) => a.opportunities)).toEqual(data.accounts.map((a) => a.opportunities));
  });
});
