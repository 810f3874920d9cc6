import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type HubSpotServer,
  READ_SCOPES_WITHOUT_OWNERS,
  startHubSpotServer,
  WRITE_SCOPES,
} from '../../../test/support/hubspot-server';
import type { Account } from '../../db/accounts';
import type { SyncState } from '../../db/sync-state';
import type { SyncRecord } from '../records';
import { describeHubSpotRead } from './properties';
import { createHubSpotSource } from './source';
import { runToEnd } from './test-run';
import { ARCHIVED_SWEEP_EVERY_MS } from './watermark';

// Owners as HubSpot's Owners API guide describes them
// (https://developers.hubspot.com/docs/api-reference/crm-crm-owners-v3/guide): `id` is the
// owner id a company's `hubspot_owner_id` holds; `userId` is another id, never an owner.

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

const accounts = (records: readonly SyncRecord[]): Account[] =>
  records.flatMap((r) => (r.kind === 'account' ? [r.record] : []));
const ownerReads = (archived = 'false') =>
  server.requests.filter((r) => r.path === '/crm/v3/owners' && r.query.archived?.[0] === archived);
const visible = (checkpoint: string | undefined): SyncState => ({ source: 'hubspot', generation: 1, checkpoint });

/** The guide's example owner, and companies owned by it and by owners with less to show. */
function seedOwnedCompanies() {
  server.data.addOwner({
    id: '41629779',
    email: 'email@hubspot.com',
    firstName: 'HubSpot',
    lastName: 'Test Owner',
    userId: 9586504,
  });
  server.data.addOwner({ id: '41629780', email: 'only.email@hubspot.com', firstName: undefined, lastName: undefined });
  server.data.addOwner({ id: '41629781', type: 'QUEUE', email: undefined, firstName: undefined, lastName: undefined });
  const owners = ['41629779', '41629780', '41629781', '99999999'];
  return server.data.seedCompanies(4, {
    props: (i) => ({ hubspot_owner_id: owners[i] ?? '' }),
    at: (i) => clock - 2 * DAY + i,
  });
}

describe("a company's owner", () => {
  it('is stored by name ("First Last", else the email, else the owner id), with the owner id and email', async () => {
    seedOwnedCompanies();
    const read = accounts((await runToEnd(source(), undefined)).pages.flat());
    expect(read.map((a) => [a.owner, a.ownerId, a.ownerEmail])).toEqual([
      ['HubSpot Test Owner', '41629779', 'email@hubspot.com'],
      ['only.email@hubspot.com', '41629780', 'only.email@hubspot.com'],
      ['41629781', '41629781', undefined],
      // An id neither listing has: the id, as before.
      ['99999999', '99999999', undefined],
    ]);
  });

  it('who left HubSpot (a deactivated, archived owner) is still named, marked "(deactivated)"', async () => {
    const [kept, left] = server.data.seedCompanies(2, {
      props: (i) => ({ hubspot_owner_id: i ? '41629790' : '41629791' }),
    });
    server.data.addOwner({
      id: '41629790',
      firstName: 'Ada',
      lastName: 'Left',
      email: 'ada@example.com',
      archived: true,
    });
    server.data.addOwner({ id: '41629791', firstName: 'Bo', lastName: 'Stays', email: 'bo@example.com' });
    const read = accounts((await runToEnd(source(), undefined)).pages.flat());
    const byId = (c: typeof kept) => read.find((a) => a.id === `hubspot:${c?.id}`);
    expect([byId(kept)?.owner, byId(left)?.owner]).toEqual(['Bo Stays', 'Ada Left (deactivated)']);
    expect(byId(left)?.ownerEmail).toBe('ada@example.com');
    expect(ownerReads('true').map((r) => r.status)).toEqual([200]);
  });

  it('never becomes the user id', async () => {
    seedOwnedCompanies();
    const read = accounts((await runToEnd(source(), undefined)).pages.flat());
    expect(read.flatMap((a) => [a.owner, a.ownerId])).not.toContain('9586504');
  });

  it('keeps its name in an incremental sync', async () => {
    const [company] = seedOwnedCompanies();
    const full = await runToEnd(source(), undefined);
    clock += 3_600_000;
    server.data.modify('companies', company?.id ?? '', { hs_ideal_customer_profile: 'tier_3' });
    const run = await runToEnd(source(), visible(full.checkpoint));
    expect(run.plan.mode).toBe('incremental');
    expect(accounts(run.pages.flat())).toEqual([
      expect.objectContaining({ assignedTier: 3, owner: 'HubSpot Test Owner', ownerEmail: 'email@hubspot.com' }),
    ]);
  });

  it('is named from the owners read at the start of the run, once, also when a new worker resumes it', async () => {
    const [company] = seedOwnedCompanies();
    server.data.seedCompanies(250, { props: () => ({ hubspot_owner_id: '41629779' }) });
    const first = await runToEnd(source(), undefined, undefined, 1);
    const rest = await runToEnd(source(), undefined, { plan: first.plan, cursor: first.cursors.at(-1) });
    const all = accounts([...first.pages.flat(), ...rest.pages.flat()]);
    expect(all.find((a) => a.id === `hubspot:${company?.id}`)?.owner).toBe('HubSpot Test Owner');
    expect(all.filter((a) => a.owner === 'HubSpot Test Owner')).toHaveLength(251);
    expect(ownerReads()).toHaveLength(1);
    expect(ownerReads('true')).toHaveLength(1);
  });
});

describe('owners past the first page', () => {
  it('are read 500 a page, following `after`, so a portal with more than 500 owners names them all', async () => {
    const owners = server.data.seedOwners(1200);
    const last = owners.at(-1);
    server.data.seedCompanies(2, {
      props: (i) => ({ hubspot_owner_id: i ? (last?.id ?? '') : (owners[0]?.id ?? '') }),
    });
    const read = accounts((await runToEnd(source(), undefined)).pages.flat());
    expect(read.map((a) => a.owner)).toEqual([
      `${owners[0]?.firstName} ${owners[0]?.lastName}`,
      `${last?.firstName} ${last?.lastName}`,
    ]);
    expect(read[1]?.ownerEmail).toBe(last?.email);
    // 4 seeded owners + 1,200: three pages of at most 500.
    const reads = ownerReads();
    expect(reads).toHaveLength(3);
    expect(reads.every((r) => r.query.limit?.[0] === '500' && r.status === 200)).toBe(true);
    expect(reads[0]?.query.after).toBeUndefined();
    expect(reads.slice(1).every((r) => r.query.after?.length === 1)).toBe(true);
  });
});

describe('a token without the owners scope', () => {
  beforeEach(() => server.setScopes([...READ_SCOPES_WITHOUT_OWNERS, ...WRITE_SCOPES]));

  it('still syncs every company and contact, with owners as their owner ids', async () => {
    const companies = server.data.seedCompanies(150, { at: (i) => clock - 2 * DAY + i });
    server.data.seedContacts(20, { companyIds: companies.map((c) => c.id) });
    const run = await runToEnd(source(), undefined);
    const read = accounts(run.pages.flat());
    expect(read).toHaveLength(150);
    expect(run.pages.flat().filter((r) => r.kind === 'contact')).toHaveLength(20);
    expect(read[0]).toMatchObject({ owner: '100', ownerId: '100' });
    expect(read[0]?.ownerEmail).toBeUndefined();
    // HubSpot answered 403 MISSING_SCOPES once: a refused scope is not retried, nor asked again for archived owners.
    expect(ownerReads().map((r) => r.status)).toEqual([403]);
    expect(ownerReads('true')).toEqual([]);
  });

  it('ends the run with a notice that owner names need the scope crm.objects.owners.read', async () => {
    server.data.seedCompanies(3);
    const run = await runToEnd(source(), undefined);
    const result = await source().finish?.(
      run.plan,
      { accounts: 3, contacts: 0, touchpoints: 0 },
      new AbortController().signal,
    );
    expect(result?.notice).toMatch(/owner ids, not names.*crm\.objects\.owners\.read/);
  });

  it('then, once the scope is granted, reads every company again to name their owners', async () => {
    const adapter = source();
    const signal = new AbortController().signal;
    const lacking = { ...visible('1700000000000'), notice: (await runNotice()) ?? '' };
    server.setScopes([...READ_SCOPES_WITHOUT_OWNERS, 'crm.objects.owners.read', ...WRITE_SCOPES]);
    expect((await adapter.plan(lacking, signal)).mode).toBe('full');
    expect((await adapter.plan(visible('1700000000000'), signal)).mode).toBe('incremental');
  });
});

/** The notice a run without the owners scope ends with. */
async function runNotice(): Promise<string | undefined> {
  const adapter = source();
  const run = await runToEnd(adapter, undefined);
  return (await adapter.finish?.(run.plan, { accounts: 0, contacts: 0, touchpoints: 0 }, new AbortController().signal))
    ?.notice;
}

describe('what the HubSpot source says it reads, before the first sync', () => {
  it('lists the owners read and its scope, and every endpoint a full and an incremental sync call', async () => {
    const described = describeHubSpotRead();
    expect(described.scopes).toContain('crm.objects.owners.read');
    expect(described.objects.map((o) => o.object)).toContain('owners');
    const companies = server.data.seedCompanies(120, { at: (i) => clock - 2 * DAY + i });
    server.data.seedContacts(30, { companyIds: companies.map((c) => c.id), at: (i) => clock - 2 * DAY + i });
    const full = await runToEnd(source(), undefined);
    clock += ARCHIVED_SWEEP_EVERY_MS;
    server.data.modify('companies', companies[3]?.id ?? '', { name: 'Changed' });
    const [contact] = server.data.seedContacts(1, { companyIds: [companies[0]?.id ?? ''] });
    server.data.modify('contacts', contact?.id ?? '', { jobtitle: 'CFO' });
    await runToEnd(source(), visible(full.checkpoint));
    // A list of deleted objects (archived=true) is an endpoint of its own; the owners' is one list.
    const objects = (path: string, archived: boolean) => path.startsWith('/crm/v3/objects/') && archived;
    const listed = new Set(
      described.endpoints.map((e) => {
        const [path = '', query = ''] = e.path.split('?');
        return `${e.method} ${path}${objects(path, query.includes('archived=true')) ? ' archived' : ''}`;
      }),
    );
    const called = new Set(
      server.requests.map(
        (r) => `${r.method} ${r.path}${objects(r.path, r.query.archived?.[0] === 'true') ? ' archived' : ''}`,
      ),
    );
    expect(called).toContain('GET /crm/v3/objects/companies archived');
    expect([...called].filter((c) => !listed.has(c))).toEqual([]);
    expect(called).toContain('GET /crm/v3/owners');
  });
});
