import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HubSpotServer, startHubSpotServer } from '../../../test/support/hubspot-server';
import { SourceError } from '../errors';
import { createHubSpotSource } from './source';
import { idsOf, runToEnd } from './test-run';

const DAY = 86_400_000;
const clock = Date.UTC(2026, 2, 2, 9, 30);
let server: HubSpotServer;
let sleeps: number[];

beforeEach(async () => {
  sleeps = [];
  server = await startHubSpotServer({ now: () => clock, searchPerSecond: 1000, tenSecondlyLimit: 100_000 });
});
afterEach(() => server.close());

function source(timeoutMs = 2000) {
  return createHubSpotSource({
    token: server.token,
    apiBase: server.url,
    now: () => clock,
    random: () => 1,
    timeoutMs,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
}

function seed() {
  const companies = server.data.seedCompanies(150, { at: (i) => clock - 2 * DAY + i });
  const contacts = server.data.seedContacts(120, {
    companyIds: companies.map((c) => c.id),
    at: (i) => clock - 2 * DAY + i,
  });
  return { companies: companies.map((c) => `hubspot:${c.id}`), contacts: contacts.map((c) => `hubspot:${c.id}`) };
}

async function fullRunIds(timeoutMs?: number) {
  const records = (await runToEnd(source(timeoutMs), undefined)).pages.flat();
  return { companies: idsOf(records, 'account'), contacts: idsOf(records, 'contact') };
}

describe('transient failures are retried within the page and the data stays complete', () => {
  it.each([
    ['500', { kind: 'status', status: 500 } as const],
    ['502', { kind: 'status', status: 502 } as const],
    ['503', { kind: 'status', status: 503 } as const],
    ['a dropped connection', { kind: 'drop' } as const],
  ])('after %s', async (_, fault) => {
    const seeded = seed();
    server.faults.add(fault, { times: 2, match: { path: '/crm/v3/objects/contacts' } });
    expect(await fullRunIds()).toEqual(seeded);
    expect(sleeps).toHaveLength(2);
  });

  it('after a hung response, which times out and counts as a network error', async () => {
    const seeded = seed();
    server.faults.add({ kind: 'hang' }, { match: { path: '/crm/v3/objects/companies' }, skip: 1 });
    expect(await fullRunIds(150)).toEqual(seeded);
    expect(server.requests.filter((r) => r.status === -1)).toHaveLength(1);
  });

  it('after a 429 with Retry-After, waiting at least what it says', async () => {
    const seeded = seed();
    server.faults.add({ kind: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING', retryAfter: '7' });
    expect(await fullRunIds()).toEqual(seeded);
    expect(sleeps[0]).toBeGreaterThanOrEqual(7000);
  });

  it('after a 429 without Retry-After, waiting out the 10-second window (§8)', async () => {
    const seeded = seed();
    server.faults.add({ kind: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING' });
    expect(await fullRunIds()).toEqual(seeded);
    expect(sleeps[0]).toBeGreaterThanOrEqual(10_000);
  });

  it("after search's own secondly limit, waiting a second", async () => {
    const since = clock - DAY;
    server.data.seedCompanies(5, { at: (i) => since + 1000 + i });
    server.faults.add({ kind: 'rate-limit', policy: 'SECONDLY' }, { match: { search: true } });
    const run = await runToEnd(source(), { source: 'hubspot', generation: 1, checkpoint: String(since) });
    expect(idsOf(run.pages.flat(), 'account')).toHaveLength(5);
    expect(sleeps[0]).toBeGreaterThanOrEqual(1000);
    expect(sleeps[0]).toBeLessThan(10_000);
  });
});

describe('failures a retry within the page cannot cure', () => {
  const signal = new AbortController().signal;
  const plan = { mode: 'full' as const, data: { startedAt: clock } };

  it('gives up after a bounded number of tries and leaves a retryable error for the engine', async () => {
    server.faults.add({ kind: 'status', status: 503 }, { times: 100 });
    const error = await source()
      .readPage(plan, undefined, signal)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ retryable: true, status: 503 });
    expect(server.requests).toHaveLength(4);
  });

  it('says in plain words that HubSpot refused the token, is not retryable, and never shows the token', async () => {
    const adapter = createHubSpotSource({ token: 'pat-na1-revoked-secret', apiBase: server.url, now: () => clock });
    const error = await adapter.readPage(plan, undefined, signal).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: false, status: 401 });
    expect((error as Error).message).toMatch(/^HubSpot refused the token: it is not valid, or it was revoked/);
    expect((error as Error).message).not.toMatch(/OAuth/);
    expect((error as Error).message).not.toContain('pat-na1-revoked-secret');
    expect(server.requests).toHaveLength(1);
  });

  it('names the missing scope when the token lacks it', async () => {
    server.setScopes(['crm.objects.companies.read']);
    const contacts = JSON.stringify({ v: 1, mode: 'list', phase: 'contacts' });
    const error = await source()
      .readPage(plan, contacts, signal)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: false, status: 403 });
    expect((error as Error).message).toMatch(/HubSpot refused the token: .*crm\.objects\.contacts\.read/);
  });

  it('on the daily limit, says when it resets and leaves the wait to a later run', async () => {
    server.faults.add({ kind: 'rate-limit', policy: 'DAILY' }, { times: 10 });
    const error = await source()
      .readPage(plan, undefined, signal)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: true, status: 429, retryAfterMs: 30 * 60_000 });
    expect((error as Error).message).toMatch(
      /daily API limit .* resets at midnight .* after 2026-03-02T10:00:00\.000Z/,
    );
    expect(server.requests).toHaveLength(1);
  });
});
