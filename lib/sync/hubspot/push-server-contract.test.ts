/**
 * The test server's write endpoints (test/support/hubspot/write-api.ts) against the contract
 * (/work/shared/reference/hubspot-api.md): the writer's tests rely on them being HubSpot's
 * behaviour as cited, so each expectation names its section.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_TIERLENS_PROPERTIES,
  type HubSpotServer,
  inProcessHubSpot,
  startHubSpotServer,
  tierlensDefinitions,
} from '../../../test/support/hubspot-server';

let server: HubSpotServer;
const clock = Date.UTC(2026, 0, 15, 12);

beforeEach(async () => {
  server = await startHubSpotServer({ now: () => clock });
  server.data.defineProperties(tierlensDefinitions(DEFAULT_TIERLENS_PROPERTIES));
});
afterEach(() => server.close());

function call(path: string, body?: unknown, method = 'POST') {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const update = (inputs: unknown[]) => call('/crm/v3/objects/companies/batch/update', { inputs });

describe('property checks on writes (§4, §7)', () => {
  it('refuses a property that does not exist with the official 400 VALIDATION_ERROR shape, applying nothing', async () => {
    const c = server.data.create('companies', { name: 'Acme' });
    const res = await update([{ id: c.id, properties: { name: 'Acme 2', testproperty: 'x' } }]);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      errors: [
        {
          message: 'Property "testproperty" does not exist',
          code: 'PROPERTY_DOESNT_EXIST',
          context: { propertyName: ['testproperty'] },
        },
      ],
    });
    expect(body.message).toMatch(
      /^Property values were not valid: \[\{"isValid":false,.*"error":"PROPERTY_DOESNT_EXIST"/,
    );
    expect(res.headers.get('x-hubspot-correlation-id')).toBe(body.correlationId);
    expect(c.properties.name).toBe('Acme');
  });

  it('refuses an enumeration value that is not an option with INVALID_OPTION in the message', async () => {
    const c = server.data.create('companies', {});
    const res = await update([{ id: c.id, properties: { hs_ideal_customer_profile: 'tier_4' } }]);
    expect(res.status).toBe(400);
    const { message } = await res.json();
    const [verdict] = JSON.parse(message.slice(message.indexOf('[')));
    expect(verdict).toMatchObject({
      isValid: false,
      error: 'INVALID_OPTION',
      name: 'hs_ideal_customer_profile',
      message: 'tier_4 was not one of the allowed options: [tier_1, tier_2, tier_3]',
    });
  });

  it('accepts an empty string, which clears a property (§4)', async () => {
    const c = server.data.create('companies', { hs_ideal_customer_profile: 'tier_1' });
    expect((await update([{ id: c.id, properties: { hs_ideal_customer_profile: '' } }])).status).toBe(200);
    expect(c.properties.hs_ideal_customer_profile).toBe('');
  });

  it('checks every `;`-joined value of a multi-select (§6)', async () => {
    const p = server.data.create('contacts', {});
    const path = '/crm/v3/objects/contacts/batch/update';
    expect(
      (await call(path, { inputs: [{ id: p.id, properties: { hs_buying_role: 'CHAMPION;BLOCKER' } }] })).status,
    ).toBe(200);
    expect((await call(path, { inputs: [{ id: p.id, properties: { hs_buying_role: 'CHAMPION;BOSS' } }] })).status).toBe(
      400,
    );
  });

  it('answers 207 with per-input errors naming the trace id when every input carries one (§4 multi-status)', async () => {
    const [good, bad] = [server.data.create('companies', {}), server.data.create('companies', {})];
    const res = await update([
      { id: good.id, properties: { hs_is_target_account: 'true' }, objectWriteTraceId: 't-good' },
      { id: bad.id, properties: { hs_is_target_account: 'maybe' }, objectWriteTraceId: 't-bad' },
    ]);
    expect(res.status).toBe(207);
    const body = await res.json();
    expect(body.results.map((r: { id: string }) => r.id)).toEqual([good.id]);
    expect(body.errors).toEqual([
      expect.objectContaining({
        status: 'error',
        category: 'VALIDATION_ERROR',
        context: { objectWriteTraceId: ['t-bad'] },
        message: expect.stringMatching(/INVALID_OPTION/),
      }),
    ]);
    expect(good.properties.hs_is_target_account).toBe('true');
  });

  it('logs each applied write with its trace id', async () => {
    const c = server.data.create('companies', {});
    await update([{ id: c.id, properties: { tierlens_tags: 'a;b' }, objectWriteTraceId: 'op-1' }]);
    expect(server.data.writes).toEqual([
      expect.objectContaining({
        endpoint: 'batch/update',
        id: c.id,
        traceId: 'op-1',
        properties: { tierlens_tags: 'a;b' },
      }),
    ]);
  });

  it('needs the write scope (§7 MISSING_SCOPES)', async () => {
    server.setScopes(['crm.objects.companies.read']);
    const c = server.data.create('companies', {});
    const res = await update([{ id: c.id, properties: { name: 'x' } }]);
    expect(res.status).toBe(403);
    expect((await res.json()).errors[0].context.requiredGranularScopes).toEqual(['crm.objects.companies.write']);
  });
});

describe('upsert and read by a unique property (§4)', () => {
  const upsert = (inputs: unknown[]) => call('/crm/v3/objects/contacts/batch/upsert', { inputs });

  it('creates a record carrying the id in its idProperty, then finds and updates that one (`new` tells)', async () => {
    const input = { id: 'op-9', idProperty: 'tierlens_op_id', properties: { firstname: 'Ada' } };
    const first = await (await upsert([input])).json();
    expect(first.results[0]).toMatchObject({ new: true, properties: { tierlens_op_id: 'op-9', firstname: 'Ada' } });
    const second = await (await upsert([{ ...input, properties: { firstname: 'Ada L.' } }])).json();
    expect(second.results[0]).toMatchObject({ id: first.results[0].id, new: false });
    expect(server.data.table('contacts').size).toBe(1);
  });

  it('refuses a property that is not unique, as HubSpot does (S12)', async () => {
    const res = await upsert([{ id: 'x', idProperty: 'firstname', properties: {} }]);
    expect(res.status).toBe(400);
    expect((await res.json()).message).toBe('Unable to perform update/upsert by non-unique 0-1 property');
  });

  it('refuses a new contact whose email another contact has: 409 CONFLICT (§7)', async () => {
    const existing = server.data.create('contacts', { email: 'ada@example.com' });
    const res = await upsert([{ id: 'op-1', idProperty: 'tierlens_op_id', properties: { email: 'ada@example.com' } }]);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      category: 'CONFLICT',
      message: `Contact already exists. Existing ID: ${existing.id}`,
    });
  });

  it('batch-reads by the unique property: found by value, 207 OBJECT_NOT_FOUND for the others', async () => {
    const made = server.data.create('contacts', { tierlens_op_id: 'op-1' });
    const res = await call('/crm/v3/objects/contacts/batch/read', {
      inputs: [{ id: 'op-1' }, { id: 'op-2' }],
      properties: ['tierlens_op_id'],
      propertiesWithHistory: [],
      idProperty: 'tierlens_op_id',
    });
    expect(res.status).toBe(207);
    const body = await res.json();
    expect(body.results).toEqual([
      expect.objectContaining({ id: made.id, properties: expect.objectContaining({ tierlens_op_id: 'op-1' }) }),
    ]);
    expect(body.errors[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { ids: ['op-2'] } });
  });
});

describe('the v4 default association (PUT)', () => {
  it('associates a contact with a company unlabeled (279, §5), once however often it is sent', async () => {
    const company = server.data.create('companies', {});
    const person = server.data.create('contacts', {});
    const path = `/crm/v4/objects/contacts/${person.id}/associations/default/companies/${company.id}`;
    const res = await call(path, undefined, 'PUT');
    expect(res.status).toBe(200);
    expect((await res.json()).results[0]).toEqual({
      from: { id: person.id },
      to: { id: company.id },
      associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 },
    });
    await call(path, undefined, 'PUT');
    expect(server.data.associationsOf('contacts', person.id, 'companies')).toEqual([
      { id: company.id, primary: false },
    ]);
    // The sync reads it back through the v4 batch (§5).
    const read = await (
      await call('/crm/v4/associations/contacts/companies/batch/read', { inputs: [{ id: person.id }] })
    ).json();
    expect(read.results[0].to[0]).toMatchObject({ toObjectId: Number(company.id) });
  });

  it('takes the singular object names of the docs examples too (`contact`, `company`)', async () => {
    const company = server.data.create('companies', {});
    const person = server.data.create('contacts', {});
    const res = await call(
      `/crm/v4/objects/contact/${person.id}/associations/default/company/${company.id}`,
      undefined,
      'PUT',
    );
    expect(res.status).toBe(200);
  });
});

describe('faults for writes', () => {
  it('applies the write and then drops the answer (`lose-response`): the client sees a network failure', async () => {
    const c = server.data.create('companies', {});
    server.faults.add({ kind: 'lose-response' });
    await expect(update([{ id: c.id, properties: { name: 'Landed' } }])).rejects.toThrow();
    expect(c.properties.name).toBe('Landed');
  });

  it('drops a request without applying it', async () => {
    const c = server.data.create('companies', { name: 'Before' });
    server.faults.add({ kind: 'drop' });
    await expect(update([{ id: c.id, properties: { name: 'After' } }])).rejects.toThrow();
    expect(c.properties.name).toBe('Before');
  });
});

describe('the in-process fetch', () => {
  it('behaves as the network would: a drop rejects with a TypeError, a hang times out at once when asked to', async () => {
    const portal = inProcessHubSpot({ hang: 'time-out', now: () => clock });
    portal.faults.add({ kind: 'drop' }).add({ kind: 'hang' });
    const get = () =>
      portal.fetch(`${portal.url}/crm/v3/objects/companies`, { headers: { authorization: `Bearer ${portal.token}` } });
    await expect(get()).rejects.toBeInstanceOf(TypeError);
    await expect(get()).rejects.toMatchObject({ name: 'TimeoutError' });
    const ok = await get();
    expect(ok.status).toBe(200);
    expect(portal.requests.map((r) => r.status)).toEqual([-1, -1, 200]);
  });
});
