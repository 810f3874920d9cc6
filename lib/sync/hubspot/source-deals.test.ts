import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type HubSpotServer,
  READ_SCOPES_WITHOUT_DEALS,
  startHubSpotServer,
  WRITE_SCOPES,
} from '../../../test/support/hubspot-server';
import type { Account } from '../../db/accounts';
import type { SyncState } from '../../db/sync-state';
import { accountRecordSchema, type SyncRecord } from '../records';
import { MISSING_DEALS_SCOPE } from './deals';
import { createHubSpotSource } from './source';
import { runToEnd } from './test-run';
import { ARCHIVED_SWEEP_EVERY_MS } from './watermark';

// Deals as deals.ts describes them: read with their companies, stages labelled from the
// default pipeline (pipelines.ts of the test server), and their outcome on the account.

const DAY = 86_400_000;
let clock = Date.UTC(2026, 2, 2, 9);
let server: HubSpotServer;

beforeEach(async () => {
  clock = Date.UTC(2026, 2, 2, 9);
  server = await startHubSpotServer({ now: () => clock, searchPerSecond: 1000, tenSecondlyLimit: 100_000 });
});
afterEach(() => server.close());

const source = () =>
  createHubSpotSource({
    token: server.token,
    apiBase: server.url,
    now: () => clock,
    random: () => 1,
    sleep: async () => {},
  });
const accounts = (records: readonly SyncRecord[]): Map<string, Account> =>
  new Map(records.flatMap((r) => (r.kind === 'account' ? [[r.record.id, r.record] as const] : [])));
const visible = (checkpoint: string | undefined, notice?: string): SyncState => ({
  source: 'hubspot',
  generation: 1,
  checkpoint,
  ...(notice ? { notice } : {}),
});

/** 150 companies (two list pages), the first 40 with deals: open, won and lost ones. */
function seed() {
  const companies = server.data.seedCompanies(150, { at: (i) => clock - 3 * DAY + i });
  const withDeals = companies.slice(0, 40).map((c) => c.id);
  // 100 deals over 40 companies: each of these has two or three.
  const deals = server.data.seedDeals(100, { companyIds: withDeals, at: (i) => clock - 3 * DAY + i * 1000 });
  return { companies, deals };
}

describe('a full sync with deals', () => {
  it('gives each account its deals, labelled from the pipeline, with its open opportunity and outcome', async () => {
    const { companies, deals } = seed();
    const [c0] = companies;
    const run = await runToEnd(source(), undefined);
    const byId = accounts(run.pages.flat());
    expect(byId.size).toBe(150);
    const all = [...byId.values()];
    expect(all.flatMap((a) => a.opportunities ?? [])).toHaveLength(deals.length);
    for (const a of all) expect(accountRecordSchema.safeParse(a).success).toBe(true);
    const first = byId.get(`hubspot:${c0?.id}`);
    // Deals 0, 40, 80 of generatedDeal: stages appointmentscheduled, appointmentscheduled, appointmentscheduled.
    expect(first?.opportunities?.map((o) => o.stage)).toEqual([
      'Appointment Scheduled',
      'Appointment Scheduled',
      'Appointment Scheduled',
    ]);
    // Company 2 has deals 2, 42, 82: won, won, won; company 3 has 3, 43, 83: lost.
    const won = byId.get(`hubspot:${companies[2]?.id}`);
    expect(won?.outcome).toBe('won');
    expect(won?.closedAt).toBe(Math.max(...(won?.opportunities ?? []).map((o) => o.closedAt ?? 0)));
    expect(byId.get(`hubspot:${companies[3]?.id}`)?.outcome).toBe('lost');
    expect(byId.get(`hubspot:${companies[1]?.id}`)?.openOpportunity).toMatchObject({ stage: 'Contract Sent' });
    // Companies without deals have none, and no outcome.
    expect(byId.get(`hubspot:${companies[100]?.id}`)).not.toHaveProperty('opportunities');
    // The list asked for the deals with the companies; one batch read per page with deals.
    const lists = server.requests.filter((r) => r.path === '/crm/v3/objects/companies');
    expect(lists.every((r) => r.query.associations?.includes('deals'))).toBe(true);
    expect(server.requests.filter((r) => r.path === '/crm/v3/objects/deals/batch/read')).toHaveLength(1);
  });

  it('picks the largest open deal, and the outcome of the latest closed one', async () => {
    const [company] = server.data.seedCompanies(1);
    const id = company?.id ?? '';
    const add = (props: Record<string, string>) => {
      const [d] = server.data.seedDeals(1, { companyIds: [id], props: () => props });
      return d;
    };
    add({ dealname: 'Small', amount: '1000', dealstage: 'contractsent' });
    add({ dealname: 'Big', amount: '250000.50', dealstage: 'qualifiedtobuy' });
    add({ dealname: 'Won 2024', dealstage: 'closedwon', closedate: '2024-06-01T00:00:00Z' });
    add({ dealname: 'Lost 2025', dealstage: 'closedlost', closedate: '2025-06-01T00:00:00Z' });
    const account = accounts((await runToEnd(source(), undefined)).pages.flat()).get(`hubspot:${id}`);
    expect(account?.openOpportunity).toEqual({ name: 'Big', amount: 250_000.5, stage: 'Qualified to Buy' });
    expect(account).toMatchObject({ outcome: 'lost', closedAt: Date.UTC(2025, 5, 1) });
  });
});

describe('a deal of several companies', () => {
  it('counts once: at its primary company, or, when none is primary, at the first of its companies by id', async () => {
    const [c0, c1, c2] = server.data.seedCompanies(3);
    const id = (c: { id: string } | undefined) => c?.id ?? '';
    // Primary at company 2, also associated (unlabeled) with company 0.
    const [shared] = server.data.seedDeals(1, { companyIds: [id(c2)], props: () => ({ dealname: 'Shared' }) });
    server.data.associate('deals', id(shared), 'companies', id(c0), false);
    // Associated with companies 2 and 1, neither as primary.
    const [unlabeled] = server.data.seedDeals(1, { props: () => ({ dealname: 'Unlabeled' }) });
    server.data.associate('deals', id(unlabeled), 'companies', id(c2), false);
    server.data.associate('deals', id(unlabeled), 'companies', id(c1), false);
    const byId = accounts((await runToEnd(source(), undefined)).pages.flat());
    const names = (c: { id: string } | undefined) => byId.get(`hubspot:${id(c)}`)?.opportunities?.map((o) => o.name);
    expect(Number(id(c1))).toBeLessThan(Number(id(c2)));
    expect(names(c2)).toEqual(['Shared']);
    expect(names(c1)).toEqual(['Unlabeled']);
    expect(names(c0)).toBeUndefined();
    expect([...byId.values()].flatMap((a) => a.opportunities ?? [])).toHaveLength(2);
  });
});

describe('an incremental sync with deals', () => {
  it("brings a deal that changed while its company did not: the company's account again, with all its deals", async () => {
    const { companies, deals } = seed();
    const full = await runToEnd(source(), undefined);
    clock += 3_600_000;
    // Deal 1 (company 1, contract sent) is won; its company is untouched.
    server.data.modify('deals', deals[1]?.id ?? '', {
      dealstage: 'closedwon',
      closedate: new Date(clock).toISOString(),
    });
    const before = server.requests.length;
    const run = await runToEnd(source(), visible(full.checkpoint));
    expect(run.plan.mode).toBe('incremental');
    // Each deal's companies are asked once: the changed deal's, read to find its company, are not asked again.
    const asked = server.requests
      .slice(before)
      .filter((r) => r.path === '/crm/v4/associations/deals/companies/batch/read')
      .flatMap((r) => (r.body as { inputs: { id: string }[] }).inputs.map((i) => i.id));
    expect(asked.sort()).toEqual([deals[1]?.id, deals[41]?.id, deals[81]?.id].sort());
    const byId = accounts(run.pages.flat());
    expect([...byId.keys()]).toEqual([`hubspot:${companies[1]?.id}`]);
    const account = byId.get(`hubspot:${companies[1]?.id}`);
    expect(account?.opportunities).toHaveLength(3);
    expect(account).toMatchObject({ outcome: 'won', closedAt: clock });
  });

  it('keeps the deals of a company that changed', async () => {
    const { companies } = seed();
    const full = await runToEnd(source(), undefined);
    clock += 3_600_000;
    server.data.modify('companies', companies[2]?.id ?? '', { name: 'Renamed' });
    const run = await runToEnd(source(), visible(full.checkpoint));
    const account = accounts(run.pages.flat()).get(`hubspot:${companies[2]?.id}`);
    expect(account).toMatchObject({ name: 'Renamed', outcome: 'won' });
    expect(account?.opportunities).toHaveLength(3);
  });
});

describe('a deleted deal', () => {
  it('an incremental run names the deals deleted since the previous run, and not those deleted before it', async () => {
    const { deals } = seed();
    server.data.archive('deals', deals[0]?.id ?? '', clock - DAY);
    const full = await runToEnd(source(), undefined);
    clock += ARCHIVED_SWEEP_EVERY_MS;
    server.data.archive('deals', deals[1]?.id ?? '', clock - 60_000);
    server.data.archive('deals', deals[2]?.id ?? '', clock - 60_000);
    const run = await runToEnd(source(), visible(full.checkpoint));
    expect(run.removed.deals.sort()).toEqual([deals[1], deals[2]].map((d) => `hubspot-deal:${d?.id}`).sort());
    expect(run.removed.accounts).toEqual([]);
  });

  it('without the deals scope, an incremental run asks for no deleted deals', async () => {
    server.setScopes([...READ_SCOPES_WITHOUT_DEALS, ...WRITE_SCOPES]);
    seed();
    const full = await runToEnd(source(), undefined);
    clock += ARCHIVED_SWEEP_EVERY_MS;
    server.requests.length = 0;
    const run = await runToEnd(source(), visible(full.checkpoint, MISSING_DEALS_SCOPE));
    expect(run.removed.deals).toEqual([]);
    expect(server.requests.filter((r) => r.path.startsWith('/crm/v3/objects/deals'))).toEqual([]);
    const deleted = server.requests.filter(
      (r) => r.path.startsWith('/crm/v3/objects/') && r.query.archived?.[0] === 'true',
    );
    expect(deleted.map((r) => r.path)).toEqual(['/crm/v3/objects/companies', '/crm/v3/objects/contacts']);
  });
});

describe('a token without the deals scope', () => {
  it('syncs companies without deals, and says which scope gives them; once granted, reads everything again', async () => {
    server.setScopes([...READ_SCOPES_WITHOUT_DEALS, ...WRITE_SCOPES]);
    seed();
    const adapter = source();
    const run = await runToEnd(adapter, undefined);
    const byId = accounts(run.pages.flat());
    expect(byId.size).toBe(150);
    expect([...byId.values()].some((a) => a.opportunities || a.outcome)).toBe(false);
    const result = await adapter.finish?.(
      run.plan,
      { accounts: 150, contacts: 0, touchpoints: 0 },
      new AbortController().signal,
    );
    expect(result?.notice).toBe(MISSING_DEALS_SCOPE);
    expect(result?.notice).toContain('crm.objects.deals.read');
    // 403 from the pipelines only: no deals request was made beyond it.
    expect(server.requests.filter((r) => r.status === 403).map((r) => r.path)).toEqual(['/crm/v3/pipelines/deals']);
    server.setScopes([...READ_SCOPES_WITHOUT_DEALS, 'crm.objects.deals.read', ...WRITE_SCOPES]);
    const next = await source().plan(visible(result?.checkpoint, result?.notice), new AbortController().signal);
    expect(next.mode).toBe('full');
  });
});
