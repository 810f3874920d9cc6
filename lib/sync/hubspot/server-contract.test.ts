/**
 * The test server (test/support/hubspot-server.ts) against the contract
 * (/work/shared/reference/hubspot-api.md): what the adapter's tests rely on must be HubSpot's
 * behaviour as cited, so each expectation names its section.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type HubSpotServer,
  type HubSpotServerOptions,
  READ_SCOPES_WITHOUT_OWNERS,
  startHubSpotServer,
} from '../../../test/support/hubspot-server';

let server: HubSpotServer;
let clock = Date.UTC(2026, 0, 15, 12);

async function start(options: HubSpotServerOptions = {}) {
  server = await startHubSpotServer({ now: () => clock, ...options });
}

afterEach(async () => {
  await server?.close();
});

function call(path: string, init: { method?: string; body?: unknown; token?: string | null } = {}) {
  const token = init.token === undefined ? server.token : init.token;
  return fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
}

describe('authentication (§1)', () => {
  beforeEach(() => start());

  it.each([
    ['a wrong token', 'pat-na1-wrong'],
    ['no token', null],
  ])('answers %s with 401 INVALID_AUTHENTICATION and the recorded message', async (_, token) => {
    const res = await call('/crm/v3/objects/companies', { token });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    expect(body.message).toMatch(/^Authentication credentials not found\. This API supports OAuth 2\.0/);
    expect(res.headers.get('x-hubspot-correlation-id')).toBe(body.correlationId);
  });

  it('answers a token without the scope with 403 MISSING_SCOPES naming the scope (§7)', async () => {
    server.setScopes(['crm.objects.companies.read']);
    const res = await call('/crm/v3/objects/contacts');
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.category).toBe('MISSING_SCOPES');
    expect(body.errors[0].context.requiredGranularScopes).toEqual(['crm.objects.contacts.read']);
    expect(body.links.scopes).toBeTruthy();
  });
});

describe('list (§2)', () => {
  beforeEach(() => start());

  it('pages 10 by default, with `after` the id of the next record', async () => {
    const companies = server.data.seedCompanies(25);
    const res = await call('/crm/v3/objects/companies');
    const body = await res.json();
    expect(body.results).toHaveLength(10);
    expect(body.paging.next.after).toBe(companies[10]?.id);
    const last = await (await call(`/crm/v3/objects/companies?after=${companies[20]?.id}`)).json();
    expect(last.results.map((r: { id: string }) => r.id)).toEqual(companies.slice(20).map((c) => c.id));
    expect(last.paging).toBeUndefined();
  });

  it('serves up to 100 a page and rejects a limit above it (UNVERIFIED: strict)', async () => {
    server.data.seedCompanies(150);
    expect((await (await call('/crm/v3/objects/companies?limit=100')).json()).results).toHaveLength(100);
    expect((await call('/crm/v3/objects/companies?limit=101')).status).toBe(400);
  });

  it('returns default properties, or the requested ones (comma-separated or repeated) plus the system ones, omitting empty ones', async () => {
    server.data.seedCompanies(1, { props: () => ({ industry: '' }) });
    const plain = (await (await call('/crm/v3/objects/companies')).json()).results[0];
    expect(Object.keys(plain.properties).sort()).toEqual(
      ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'].sort(),
    );
    for (const q of ['properties=country,industry', 'properties=country&properties=industry']) {
      const asked = (await (await call(`/crm/v3/objects/companies?${q}`)).json()).results[0];
      expect(Object.keys(asked.properties).sort()).toEqual(
        ['country', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'].sort(),
      );
    }
  });

  it("serves a contact's activity dates as ISO datetimes when asked for (§6), absent when it has none (§2), and null in search (§3)", async () => {
    const [company] = server.data.seedCompanies(1);
    // Generated contact 0 is active, contact 4 has no activity at all (data.ts).
    const seeded = server.data.seedContacts(5, { companyIds: [company?.id ?? ''], at: () => clock - 86_400_000 });
    const asked = ['hs_email_last_open_date', 'hs_sales_email_last_replied', 'hs_latest_meeting_activity'];
    const listed = (await (await call(`/crm/v3/objects/contacts?properties=${asked.join(',')}`)).json()).results;
    const [active, , , , idle] = listed as Array<{ properties: Record<string, string | null> }>;
    expect(Object.keys(active?.properties ?? {}).sort()).toEqual(
      [...asked, 'createdate', 'hs_object_id', 'lastmodifieddate'].sort(),
    );
    for (const name of asked) expect(active?.properties[name]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(active?.properties.hs_email_last_open_date ?? '')).toBeLessThan(clock - 86_400_000);
    expect(Object.keys(idle?.properties ?? {}).some((k) => asked.includes(k))).toBe(false);
    // Not asked for: not sent.
    expect(active?.properties.hs_email_last_click_date).toBeUndefined();
    const searched = await (
      await call('/crm/v3/objects/contacts/search', {
        body: {
          filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: seeded[4]?.id }] }],
          properties: asked,
        },
      })
    ).json();
    expect(searched.results[0].properties).toMatchObject(Object.fromEntries(asked.map((k) => [k, null])));
  });

  it("works out a company's num_associated_contacts from its live contacts (§9)", async () => {
    const [lone, busy] = server.data.seedCompanies(2);
    const [gone] = server.data.seedContacts(3, { companyIds: [busy?.id ?? ''] });
    server.data.archive('contacts', gone?.id ?? '');
    const listed = (await (await call('/crm/v3/objects/companies?properties=num_associated_contacts')).json()).results;
    expect(
      listed.map((r: { id: string; properties: { num_associated_contacts?: string } }) => [
        r.id,
        r.properties.num_associated_contacts,
      ]),
    ).toEqual([
      [lone?.id, '0'],
      [busy?.id, '2'],
    ]);
  });

  it('gives a contact its primary company under both labels with associations=companies', async () => {
    const [company] = server.data.seedCompanies(1);
    server.data.seedContacts(1, { companyIds: [company?.id ?? ''] });
    const body = await (await call('/crm/v3/objects/contacts?associations=companies')).json();
    expect(body.results[0].associations.companies.results).toEqual([
      { id: company?.id, type: 'contact_to_company' },
      { id: company?.id, type: 'contact_to_company_unlabeled' },
    ]);
  });

  it('lists archived objects only with archived=true', async () => {
    const [a, b] = server.data.seedCompanies(2);
    server.data.archive('companies', a?.id ?? '');
    const live = (await (await call('/crm/v3/objects/companies')).json()).results;
    const gone = (await (await call('/crm/v3/objects/companies?archived=true')).json()).results;
    expect(live.map((r: { id: string }) => r.id)).toEqual([b?.id]);
    expect(gone.map((r: { id: string }) => r.id)).toEqual([a?.id]);
  });
});

describe('search (§3)', () => {
  beforeEach(() => start({ searchPerSecond: 1000 }));

  it('filters on the last-modified date (epoch ms or ISO), sorts, and returns empty requested properties as null', async () => {
    const t0 = clock - 100_000;
    server.data.seedCompanies(10, { at: (i) => t0 + i * 1000, props: () => ({ country: '' }) });
    for (const value of [String(t0 + 4000), new Date(t0 + 4000).toISOString()]) {
      const body = await (
        await call('/crm/v3/objects/companies/search', {
          body: {
            filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GT', value }] }],
            sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'DESCENDING' }],
            properties: ['country'],
            limit: 3,
          },
        })
      ).json();
      expect(body.total).toBe(5);
      expect(body.results.map((r: { properties: { country?: string | null } }) => r.properties.country)).toEqual([
        null,
        null,
        null,
      ]);
      expect(body.paging.next.after).toBe('3');
    }
  });

  it('hands back after=10000 at the ceiling and answers 400 when it is used', async () => {
    server.data.seedCompanies(10_050);
    const edge = await (await call('/crm/v3/objects/companies/search', { body: { limit: 200, after: '9800' } })).json();
    expect(edge.total).toBe(10_050);
    expect(edge.results).toHaveLength(200);
    expect(edge.paging.next.after).toBe('10000');
    const beyond = await call('/crm/v3/objects/companies/search', { body: { limit: 200, after: '10000' } });
    expect(beyond.status).toBe(400);
    expect((await beyond.json()).category).toBe('VALIDATION_ERROR');
  });

  it('rejects a limit above 200, a non-integer after, and too many filters', async () => {
    const filters = Array.from({ length: 7 }, () => ({ propertyName: 'name', operator: 'HAS_PROPERTY' }));
    for (const body of [{ limit: 201 }, { after: 'abc' }, { filterGroups: [{ filters }] }]) {
      expect((await call('/crm/v3/objects/companies/search', { body })).status).toBe(400);
    }
  });
});

describe('rate limits (§8)', () => {
  it('answers the sixth search in a second with the secondly body, Daily headers only and no Retry-After', async () => {
    await start();
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await call('/crm/v3/objects/companies/search', { body: {} })).status);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    const res = await call('/crm/v3/objects/companies/search', { body: {} });
    expect(await res.json()).toMatchObject({
      status: 'error',
      message: 'You have reached your secondly limit.',
      category: 'RATE_LIMITS',
    });
    expect(res.headers.get('retry-after')).toBeNull();
    expect(res.headers.get('x-hubspot-ratelimit-daily')).toBe('250000');
    expect(res.headers.get('x-hubspot-ratelimit-max')).toBeNull();
    clock += 1000;
    expect((await call('/crm/v3/objects/companies/search', { body: {} })).status).toBe(200);
  });

  it('answers past the 10-second bucket with TEN_SECONDLY_ROLLING, and carries the rate-limit headers', async () => {
    await start({ tenSecondlyLimit: 3 });
    const ok = await call('/crm/v3/objects/companies');
    expect(ok.headers.get('x-hubspot-ratelimit-max')).toBe('3');
    expect(ok.headers.get('x-hubspot-ratelimit-remaining')).toBe('2');
    expect(ok.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    await call('/crm/v3/objects/companies');
    await call('/crm/v3/objects/companies');
    const limited = await call('/crm/v3/objects/companies');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    clock += 10_000;
    expect((await call('/crm/v3/objects/companies')).status).toBe(200);
  });

  it('answers past the daily bucket with DAILY until midnight', async () => {
    await start({ dailyLimit: 2 });
    await call('/crm/v3/objects/companies');
    await call('/crm/v3/objects/companies');
    const limited = await call('/crm/v3/objects/companies');
    expect(await limited.json()).toMatchObject({ message: 'You have reached your daily limit.', policyName: 'DAILY' });
    clock += 24 * 3_600_000;
    expect((await call('/crm/v3/objects/companies')).status).toBe(200);
  });
});

describe('associations v4 and batch read (§4, §5)', () => {
  beforeEach(() => start());

  it('reads contacts→companies in a batch: numeric toObjectId, Primary type 1, a 207 error for a contact without', async () => {
    const [company] = server.data.seedCompanies(1);
    const [linked, lonely] = server.data.seedContacts(2, { companyIds: [] });
    server.data.associate('contacts', linked?.id ?? '', 'companies', company?.id ?? '', true);
    const res = await call('/crm/v4/associations/contacts/companies/batch/read', {
      body: { inputs: [{ id: linked?.id }, { id: lonely?.id }] },
    });
    expect(res.status).toBe(207);
    const body = await res.json();
    expect(body.results).toEqual([
      {
        from: { id: linked?.id },
        to: [
          {
            toObjectId: Number(company?.id),
            associationTypes: [
              { category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' },
              { category: 'HUBSPOT_DEFINED', typeId: 279, label: null },
            ],
          },
        ],
      },
    ]);
    expect(body.errors[0]).toMatchObject({ subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND' });
  });

  it('batch-reads up to 100 ids, 207 for unknown ones', async () => {
    const [c] = server.data.seedCompanies(1);
    const res = await call('/crm/v3/objects/companies/batch/read', {
      body: { inputs: [{ id: c?.id }, { id: '999' }], properties: ['name'] },
    });
    expect(res.status).toBe(207);
    expect((await res.json()).errors[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { ids: ['999'] } });
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ id: String(i) }));
    expect(
      (await call('/crm/v3/objects/companies/batch/read', { body: { inputs: tooMany, properties: [] } })).status,
    ).toBe(400);
  });

  it('updates through PATCH and batch/update, bumping the last-modified date', async () => {
    const [c] = server.data.seedCompanies(1, { at: () => clock - 5000 });
    const res = await call('/crm/v3/objects/companies/batch/update', {
      method: 'POST',
      body: { inputs: [{ id: c?.id, properties: { hs_ideal_customer_profile: 'tier_2' } }] },
    });
    const body = await res.json();
    expect(body.results[0].properties.hs_ideal_customer_profile).toBe('tier_2');
    expect(Date.parse(body.results[0].properties.hs_lastmodifieddate)).toBeGreaterThanOrEqual(clock);
  });
});

describe('faults', () => {
  beforeEach(() => start());

  it('applies each programmed fault to its next matching requests, then serves normally, and records every request', async () => {
    server.faults
      .add({ kind: 'status', status: 503 }, { match: { path: '/crm/v3/objects/companies' } })
      .add({ kind: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING', retryAfter: '2' });
    const first = await call('/crm/v3/objects/companies');
    expect(first.status).toBe(503);
    const second = await call('/crm/v3/objects/companies');
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('2');
    expect((await call('/crm/v3/objects/companies?limit=5')).status).toBe(200);
    expect(server.requests.map((r) => [r.status, r.query])).toEqual([
      [503, {}],
      [429, {}],
      [200, { limit: ['5'] }],
    ]);
  });

  it('drops a connection, and hangs until the client gives up', async () => {
    server.faults.add({ kind: 'drop' }).add({ kind: 'hang' });
    await expect(call('/crm/v3/objects/companies')).rejects.toThrow();
    await expect(
      fetch(`${server.url}/crm/v3/objects/companies`, { signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
  });
});

// Not in the contract file: HubSpot's Owners API guide
// (https://developers.hubspot.com/docs/api-reference/crm-crm-owners-v3/guide, scope
// crm.objects.owners.read) and "v3 returns 500 records at a time"
// (https://developers.hubspot.com/changelog/final-reminder-sunset-of-v2-owners-api).
describe('owners (GET /crm/v3/owners)', () => {
  beforeEach(() => start({ tenSecondlyLimit: 100_000 }));

  it("answers in the guide's shape: the owner id as `id`, the user id apart, names, email, dates, teams", async () => {
    server.data.addOwner({
      id: '41629779',
      email: 'email@hubspot.com',
      firstName: 'HubSpot',
      lastName: 'Test Owner',
      userId: 9586504,
      teams: [{ id: '178588', name: 'West Coast Sales', primary: true }],
    });
    const body = await (await call('/crm/v3/owners?limit=500')).json();
    const owner = body.results.find((o: { id: string }) => o.id === '41629779');
    expect(owner).toEqual({
      id: '41629779',
      email: 'email@hubspot.com',
      type: 'PERSON',
      firstName: 'HubSpot',
      lastName: 'Test Owner',
      userId: 9586504,
      userIdIncludingInactive: 9586504,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      archived: false,
      teams: [{ id: '178588', name: 'West Coast Sales', primary: true }],
    });
  });

  it("has owners for the generated companies' hubspot_owner_id", async () => {
    server.data.seedCompanies(4);
    const companies = (await (await call('/crm/v3/objects/companies?properties=hubspot_owner_id')).json()).results;
    const owners = new Set((await (await call('/crm/v3/owners')).json()).results.map((o: { id: string }) => o.id));
    expect(
      companies.every((c: { properties: { hubspot_owner_id: string } }) => owners.has(c.properties.hubspot_owner_id)),
    ).toBe(true);
  });

  it('pages up to 500 owners with `after` from paging.next.after, and rejects a limit above it (strict)', async () => {
    server.data.seedOwners(1096); // 1,100 with the 4 seeded
    const first = await (await call('/crm/v3/owners?limit=500')).json();
    expect(first.results).toHaveLength(500);
    const second = await (
      await call(`/crm/v3/owners?limit=500&after=${encodeURIComponent(first.paging.next.after)}`)
    ).json();
    const third = await (
      await call(`/crm/v3/owners?limit=500&after=${encodeURIComponent(second.paging.next.after)}`)
    ).json();
    expect(third.results).toHaveLength(100);
    expect(third.paging).toBeUndefined();
    const ids = [...first.results, ...second.results, ...third.results].map((o: { id: string }) => o.id);
    expect(new Set(ids).size).toBe(1100);
    expect((await call('/crm/v3/owners?limit=501')).status).toBe(400);
    expect((await call('/crm/v3/owners?after=500')).status).toBe(400); // a cursor is HubSpot's, not an offset
  });

  it('lists current owners by default, archived ones with archived=true, and filters by email', async () => {
    const gone = server.data.addOwner({ archived: true, email: 'gone@example.com' });
    const live = (await (await call('/crm/v3/owners')).json()).results.map((o: { id: string }) => o.id);
    const archived = (await (await call('/crm/v3/owners?archived=true')).json()).results;
    expect(live).not.toContain(gone.id);
    expect(archived.map((o: { id: string }) => o.id)).toEqual([gone.id]);
    const byEmail = (await (await call('/crm/v3/owners?email=alex.morgan@example.com')).json()).results;
    expect(byEmail.map((o: { email: string }) => o.email)).toEqual(['alex.morgan@example.com']);
  });

  it('answers a wrong token with 401, and a token without crm.objects.owners.read with 403 MISSING_SCOPES (§7)', async () => {
    expect((await call('/crm/v3/owners', { token: 'pat-na1-wrong' })).status).toBe(401);
    server.setScopes(READ_SCOPES_WITHOUT_OWNERS);
    const res = await call('/crm/v3/owners');
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'error', category: 'MISSING_SCOPES' });
    expect(body.errors[0].context.requiredGranularScopes).toEqual(['crm.objects.owners.read']);
    expect(body.links.scopes).toBeTruthy();
    // Only the owners need it: companies still read.
    expect((await call('/crm/v3/objects/companies')).status).toBe(200);
  });
});
