import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HubSpotServer, startHubSpotServer } from '../../../test/support/hubspot-server';
import type { SyncState } from '../../db/sync-state';
import { DEFAULT_SETTINGS } from '../../settings/defaults';
import { accountRecordSchema, contactRecordSchema, type SyncRecord, touchpointRecordSchema } from '../records';
import { CONTACT_ACTIVITY_PROPERTIES } from './contact-activity';
import { describeHubSpotRead } from './properties';
import { createHubSpotSource, type HubSpotSourceOptions } from './source';
import { idsOf, runToEnd } from './test-run';
import { ARCHIVED_SWEEP_EVERY_MS } from './watermark';

const DAY = 86_400_000;
let clock = Date.UTC(2026, 2, 2, 9);
let server: HubSpotServer;
let sleeps: number[];

beforeEach(async () => {
  clock = Date.UTC(2026, 2, 2, 9);
  sleeps = [];
  server = await startHubSpotServer({ now: () => clock, searchPerSecond: 1000, tenSecondlyLimit: 100_000 });
});
afterEach(() => server.close());

function source(options: Partial<HubSpotSourceOptions> = {}) {
  return createHubSpotSource({
    token: server.token,
    apiBase: server.url,
    now: () => clock,
    random: () => 1,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
}

/** Seeds companies and contacts modified a day ago or earlier, well before any run's watermark. */
function seed(companies: number, contacts: number) {
  const c = server.data.seedCompanies(companies, { at: (i) => clock - 2 * DAY + i });
  const p = server.data.seedContacts(contacts, { companyIds: c.map((x) => x.id), at: (i) => clock - 2 * DAY + i });
  return { companies: c, contacts: p };
}

const visible = (checkpoint: string | undefined): SyncState => ({ source: 'hubspot', generation: 1, checkpoint });

/** A contact's activity dates as `dates` says, the others empty (absent from a list answer, §2), none generated. */
const activity = (dates: Record<string, number>) => ({
  ...Object.fromEntries(CONTACT_ACTIVITY_PROPERTIES.map((a) => [a.property, ''])),
  ...Object.fromEntries(Object.entries(dates).map(([k, t]) => [k, new Date(t).toISOString()])),
});

describe('a full sync', () => {
  it('reads every company and contact, in pages of at most 100 objects, as the seeded data', async () => {
    const { companies, contacts } = seed(250, 230);
    const run = await runToEnd(source(), undefined);
    expect(run.plan.mode).toBe('full');
    const records = run.pages.flat();
    expect(idsOf(records, 'account')).toEqual(companies.map((c) => `hubspot:${c.id}`));
    expect(idsOf(records, 'contact')).toEqual(contacts.map((c) => `hubspot:${c.id}`));
    // 3 pages of companies, 3 of contacts: each a request of limit 100 (§2's maximum).
    expect(run.pages).toHaveLength(6);
    // The plan's one-deal probe (deals.ts) aside: no deals are seeded, so no deals are read.
    const lists = server.requests.filter(
      (r) =>
        r.path.startsWith('/crm/v3/objects/') && !(r.path === '/crm/v3/objects/deals' && r.query.limit?.[0] === '1'),
    );
    expect(lists.every((r) => r.method === 'GET' && r.query.limit?.[0] === '100')).toBe(true);
    expect(
      lists.filter((r) => r.path.endsWith('/contacts')).every((r) => r.query.associations?.[0] === 'companies'),
    ).toBe(true);
    for (const r of records) {
      const schema = { account: accountRecordSchema, contact: contactRecordSchema, touchpoint: touchpointRecordSchema }[
        r.kind
      ];
      expect(schema.safeParse({ ...r.record }).success).toBe(true);
    }
  });

  it('maps the ABM fields: tier from hs_ideal_customer_profile, target flag, ISO country, LinkedIn and domain keys', async () => {
    seed(4, 0);
    const accounts = (await runToEnd(source(), undefined)).pages.flat().filter((r) => r.kind === 'account');
    const [a0, a1, , a3] = accounts.map((r) => r.record as Extract<SyncRecord, { kind: 'account' }>['record']);
    // Company 0: tier_1, a target, United States (see generatedCompany).
    expect(a0).toMatchObject({ name: 'Company 0', assignedTier: 1, isTarget: true, country: 'US' });
    expect(a0?.keys).toEqual(expect.arrayContaining(['li:company-0', 'dom:example.com']));
    expect(a0?.linkedinSlugs).toEqual(['company-0']);
    expect(a0?.updatedAt).toBe(clock - 2 * DAY);
    expect(a1).toMatchObject({ assignedTier: 2, isTarget: false, country: 'DE', employees: 17, revenue: 1_001_000 });
    // Company 3 has no tier: untiered, not tier 0.
    expect(a3?.assignedTier).toBeUndefined();
  });

  it('gives each contact its primary company, buying roles split on ";", and skips and counts contacts without a company', async () => {
    const [c1, c2] = server.data.seedCompanies(2);
    const [champion] = server.data.seedContacts(1, {
      companyIds: [],
      props: () => ({ hs_buying_role: 'CHAMPION;BUDGET_HOLDER' }),
    });
    server.data.associate('contacts', champion?.id ?? '', 'companies', c1?.id ?? '', false);
    server.data.associate('contacts', champion?.id ?? '', 'companies', c2?.id ?? '', true);
    server.data.seedContacts(3, { companyIds: [] });
    const adapter = source();
    const contacts = (await runToEnd(adapter, undefined)).pages.flat().filter((r) => r.kind === 'contact');
    expect(contacts.map((r) => r.record)).toEqual([
      expect.objectContaining({
        id: `hubspot:${champion?.id}`,
        accountId: `hubspot:${c2?.id}`,
        name: 'First0 Last0',
        title: 'Title 0',
        email: 'person0@example.com',
        buyingRoles: ['CHAMPION', 'BUDGET_HOLDER'],
      }),
    ]);
    expect(adapter.stats.contactsWithoutCompany).toBe(3);
  });

  it('turns the company activity dates into touchpoints (web visit TOFU, engagement MOFU, meeting BOFU)', async () => {
    const visit = clock - 3 * DAY;
    const meeting = clock - DAY;
    const [c] = server.data.seedCompanies(1, {
      props: () => ({
        hs_analytics_last_visit_timestamp: new Date(visit).toISOString(),
        hs_latest_meeting_activity: new Date(meeting).toISOString(),
        hs_last_booked_meeting_date: new Date(meeting).toISOString(),
      }),
    });
    const touchpoints = (await runToEnd(source(), undefined)).pages.flat().filter((r) => r.kind === 'touchpoint');
    expect(touchpoints.map((r) => r.record)).toEqual([
      {
        id: `hubspot:company-${c?.id}-hs_analytics_last_visit_timestamp`,
        accountId: `hubspot:${c?.id}`,
        type: 'web_visit',
        stage: 'TOFU',
        at: visit,
      },
      {
        id: `hubspot:company-${c?.id}-hs_latest_meeting_activity`,
        accountId: `hubspot:${c?.id}`,
        type: 'meeting',
        stage: 'BOFU',
        at: meeting,
      },
    ]);
  });

  it("turns a contact's own open, click, reply, visit and form dates into touchpoints of that contact, read with the contacts", async () => {
    const [c] = server.data.seedCompanies(1, { at: () => clock - 2 * DAY });
    const dates = {
      hs_email_last_open_date: clock - 5 * DAY,
      hs_email_last_click_date: clock - 5 * DAY + 600_000,
      hs_sales_email_last_replied: clock - 3 * DAY,
      hs_analytics_last_visit_timestamp: clock - 4 * DAY,
      recent_conversion_date: clock - 6 * DAY,
    };
    const [p] = server.data.seedContacts(1, {
      companyIds: [c?.id ?? ''],
      at: () => clock - 2 * DAY,
      props: () => activity(dates),
    });
    const touchpoints = (await runToEnd(source(), undefined)).pages.flat().filter((r) => r.kind === 'touchpoint');
    const of = (property: string, type: string, stage: string) => ({
      id: `hubspot:contact-${p?.id}-${property}`,
      accountId: `hubspot:${c?.id}`,
      contactId: `hubspot:${p?.id}`,
      type,
      stage,
      at: dates[property as keyof typeof dates],
    });
    expect(touchpoints.map((r) => r.record)).toEqual([
      of('hs_email_last_open_date', 'email_open', 'TOFU'),
      of('hs_email_last_click_date', 'email_click', 'MOFU'),
      of('hs_sales_email_last_replied', 'reply', 'BOFU'),
      of('hs_analytics_last_visit_timestamp', 'web_visit', 'TOFU'),
      of('recent_conversion_date', 'form_fill', 'MOFU'),
    ]);
    // No extra request: the dates came as properties of the contacts list (§2).
    const contactReads = server.requests.filter((r) => r.path.startsWith('/crm/v3/objects/contacts'));
    expect(contactReads).toHaveLength(1);
    expect(contactReads[0]?.query.properties?.join(',').split(',')).toEqual(
      expect.arrayContaining([...Object.keys(dates), 'engagements_last_meeting_booked']),
    );
  });

  it("counts an act once: a company's roll-up equal to its contact's date is not a second touchpoint", async () => {
    const reply = clock - 3 * DAY;
    const visit = clock - 4 * DAY;
    // HubSpot's roll-ups: the company's last engagement and last session are its contact's (§9).
    const [c] = server.data.seedCompanies(1, {
      props: () => ({
        hs_last_sales_activity_timestamp: new Date(reply).toISOString(),
        hs_analytics_last_visit_timestamp: new Date(visit).toISOString(),
      }),
    });
    const [p] = server.data.seedContacts(1, {
      companyIds: [c?.id ?? ''],
      props: () => activity({ hs_sales_email_last_replied: reply, hs_analytics_last_visit_timestamp: visit }),
      at: () => clock - 2 * DAY,
    });
    const touchpoints = (await runToEnd(source(), undefined)).pages
      .flat()
      .flatMap((r) => (r.kind === 'touchpoint' ? [r.record] : []));
    expect(touchpoints.map((t) => [t.id, t.contactId, t.type, t.at])).toEqual([
      [`hubspot:contact-${p?.id}-hs_sales_email_last_replied`, `hubspot:${p?.id}`, 'reply', reply],
      [`hubspot:contact-${p?.id}-hs_analytics_last_visit_timestamp`, `hubspot:${p?.id}`, 'web_visit', visit],
    ]);
  });

  it('resumed from a persisted cursor by a new worker, reads on from that page without duplicates or gaps', async () => {
    const { companies, contacts } = seed(320, 150);
    const first = await runToEnd(source(), undefined, undefined, 2);
    expect(first.pages).toHaveLength(2);
    // The worker stops; a new adapter instance continues from the committed cursor and the stored plan.
    const rest = await runToEnd(source(), undefined, { plan: first.plan, cursor: first.cursors.at(-1) });
    const records = [...first.pages.flat(), ...rest.pages.flat()];
    expect(idsOf(records, 'account')).toEqual(companies.map((c) => `hubspot:${c.id}`));
    expect(idsOf(records, 'contact')).toEqual(contacts.map((c) => `hubspot:${c.id}`));
  });
});

describe('plan and watermark', () => {
  it('plans a full run without a visible generation or a checkpoint, an incremental one after a checkpoint', async () => {
    const adapter = source();
    const signal = new AbortController().signal;
    expect(await adapter.plan(undefined, signal)).toEqual({
      mode: 'full',
      data: { startedAt: clock, owners: expect.anything(), deals: expect.anything() },
    });
    expect((await adapter.plan({ source: 'hubspot', generation: 0, checkpoint: '5' }, signal)).mode).toBe('full');
    expect((await adapter.plan(visible(undefined), signal)).mode).toBe('full');
    expect(await adapter.plan(visible('1700000000000'), signal)).toEqual({
      mode: 'incremental',
      data: { since: 1_700_000_000_000, startedAt: clock, owners: expect.anything(), deals: expect.anything() },
    });
  });

  it('leaves as checkpoint the run start less the ten-minute safety margin', async () => {
    seed(3, 0);
    expect((await runToEnd(source(), undefined)).checkpoint).toBe(String(clock - 10 * 60_000));
  });
});

describe('an incremental sync', () => {
  it('reads exactly the companies and contacts changed since the previous run, through search', async () => {
    const { companies, contacts } = seed(120, 120);
    const full = await runToEnd(source(), undefined);
    clock += 3_600_000;
    const changedCompanies = [companies[5], companies[77], companies[119]].map((c) => c?.id ?? '');
    const changedContacts = [contacts[0], contacts[64]].map((c) => c?.id ?? '');
    for (const id of changedCompanies) server.data.modify('companies', id, { hs_ideal_customer_profile: 'tier_3' });
    for (const id of changedContacts) server.data.modify('contacts', id, { jobtitle: 'CFO' });
    server.requests.length = 0;
    const run = await runToEnd(source(), visible(full.checkpoint));
    expect(run.plan.mode).toBe('incremental');
    const records = run.pages.flat();
    expect(idsOf(records, 'account').sort()).toEqual(changedCompanies.map((id) => `hubspot:${id}`).sort());
    expect(idsOf(records, 'contact').sort()).toEqual(changedContacts.map((id) => `hubspot:${id}`).sort());
    expect(
      records
        .filter((r) => r.kind === 'account')
        .every((r) => 'assignedTier' in r.record && r.record.assignedTier === 3),
    ).toBe(true);
    // Contacts from search get their company from the v4 batch endpoint (§5): still complete.
    const contact = records.find((r) => r.kind === 'contact')?.record;
    expect(contact).toMatchObject({ title: 'CFO', accountId: expect.stringMatching(/^hubspot:\d+$/) });
    const searches = server.requests.filter((r) => r.path.endsWith('/search'));
    expect(searches[0]?.body).toMatchObject({
      filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GT', value: full.checkpoint }] }],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
    });
    expect(searches.some((r) => JSON.stringify(r.body).includes('"lastmodifieddate"'))).toBe(true);
    // An hour after the last listing of deletions, this run left it: the next one looks back to then.
    expect(run.checkpoint).toBe(`${clock - 10 * 60_000}/${full.checkpoint}`);
    expect(
      server.requests.filter((r) => r.path.startsWith('/crm/v3/objects/') && r.query.archived?.[0] === 'true'),
    ).toEqual([]);
  });

  it('loses and repeats nothing past the search result cap, even with many records sharing one date', async () => {
    await server.close();
    server = await startHubSpotServer({
      now: () => clock,
      searchPerSecond: 1000,
      tenSecondlyLimit: 100_000,
      searchCap: 300,
    });
    const since = clock - DAY;
    // 1,000 changed companies; dates in runs of 120 identical ones (a bulk edit stamps many alike).
    const changed = server.data.seedCompanies(1000, { at: (i) => since + 1000 + Math.floor(i / 120) });
    const run = await runToEnd(source({ searchCap: 300 }), visible(String(since)));
    const ids = idsOf(run.pages.flat(), 'account');
    expect(ids).toHaveLength(1000);
    expect(new Set(ids)).toEqual(new Set(changed.map((c) => `hubspot:${c.id}`)));
    const offsets = server.requests
      .filter((r) => r.path.endsWith('/search'))
      .map((r) => Number((r.body as { after?: string }).after ?? 0));
    expect(Math.max(...offsets)).toBeLessThan(300);
    // Companies without deals answer the v4 association batch with 207 (§5): no error.
    expect(
      server.requests.every((r) => r.status === 200 || (r.status === 207 && r.path.includes('/associations/'))),
    ).toBe(true);
  });

  it('resumed mid-run from a persisted cursor, continues the search without duplicates or gaps', async () => {
    const since = clock - DAY;
    const changed = server.data.seedCompanies(350, { at: (i) => since + 1000 + Math.floor(i / 30) });
    const first = await runToEnd(source(), visible(String(since)), undefined, 2);
    const rest = await runToEnd(source(), undefined, { plan: first.plan, cursor: first.cursors.at(-1) });
    const ids = idsOf([...first.pages.flat(), ...rest.pages.flat()], 'account');
    expect(ids.sort()).toEqual(changed.map((c) => `hubspot:${c.id}`).sort());
  });
});

describe('what HubSpot deleted', () => {
  /** 150 companies with 20 contacts; a company deleted the day before the full sync; the full sync. */
  async function syncedThenDeleted() {
    const seeded = seed(150, 20);
    const deletedBefore = seeded.companies[149]?.id ?? '';
    server.data.archive('companies', deletedBefore, clock - DAY);
    const full = await runToEnd(source(), undefined);
    clock += ARCHIVED_SWEEP_EVERY_MS;
    // Two hours later (when a run lists deletions again) 120 companies (more than one page of the archived list) and a contact are deleted.
    const companies = seeded.companies.slice(0, 120).map((c) => c.id);
    for (const id of companies) server.data.archive('companies', id, clock - 60_000);
    const contact = seeded.contacts[3]?.id ?? '';
    server.data.archive('contacts', contact, clock - 60_000);
    return { full, companies, contact, deletedBefore };
  }

  it('an incremental run lists the companies and contacts deleted since the previous run, by id only, as removals', async () => {
    const { full, companies, contact } = await syncedThenDeleted();
    server.requests.length = 0;
    const run = await runToEnd(source(), visible(full.checkpoint));
    // The company deleted before the full sync is not among them: it was never synced.
    expect(run.removed.accounts.sort()).toEqual(companies.map((id) => `hubspot:${id}`).sort());
    expect(run.removed.contacts).toEqual([`hubspot:${contact}`]);
    expect(run.removed.deals).toEqual([]);
    // Search never returns deleted records (§3): they come from the lists with archived=true (§2), 100 a
    // page, deals too (the token may read them, though none were deleted).
    const lists = server.requests.filter(
      (r) => r.path.startsWith('/crm/v3/objects/') && r.query.archived?.[0] === 'true',
    );
    expect(lists.map((r) => r.path)).toEqual([
      '/crm/v3/objects/companies',
      '/crm/v3/objects/companies',
      '/crm/v3/objects/contacts',
      '/crm/v3/objects/deals',
    ]);
    expect(lists.every((r) => r.query.limit?.[0] === '100' && r.query.properties?.[0] === 'hs_object_id')).toBe(true);
  });

  it('lists deletions every two hours, the next listing looking back to the last, so that none between is missed', async () => {
    const seeded = seed(30, 0);
    const full = await runToEnd(source(), undefined);
    const archivedLists = () =>
      server.requests.filter((r) => r.path.startsWith('/crm/v3/objects/') && r.query.archived?.[0] === 'true');
    // An hour later a company is deleted; that hour's run changes what changed, and lists no deletions.
    clock += 3_600_000;
    const gone = seeded.companies[4]?.id ?? '';
    server.data.archive('companies', gone, clock - 60_000);
    server.requests.length = 0;
    const early = await runToEnd(source(), visible(full.checkpoint));
    expect(early.plan.mode).toBe('incremental');
    expect(early.removed.accounts).toEqual([]);
    expect(archivedLists()).toEqual([]);
    // Another hour on, two since the last listing: this run lists them, back to the full run.
    clock += 3_600_000;
    server.requests.length = 0;
    const later = await runToEnd(source(), visible(early.checkpoint));
    expect(later.removed.accounts).toEqual([`hubspot:${gone}`]);
    expect(archivedLists().length).toBeGreaterThan(0);
    expect(later.checkpoint).toBe(String(clock - 10 * 60_000));
  });

  it('lists deletions at once when the user asks for a sync, back to the last listing', async () => {
    const seeded = seed(30, 0);
    const full = await runToEnd(source(), undefined);
    clock += 3_600_000;
    const early = await runToEnd(source(), visible(full.checkpoint));
    clock += 10 * 60_000;
    const gone = seeded.companies[2]?.id ?? '';
    server.data.archive('companies', gone, clock - 60_000);
    const asked = await runToEnd(source({ listDeletions: true }), visible(early.checkpoint));
    expect(asked.removed.accounts).toEqual([`hubspot:${gone}`]);
  });

  it('a full run lists nothing deleted: it reads what exists', async () => {
    await syncedThenDeleted();
    server.requests.length = 0;
    const run = await runToEnd(source(), undefined);
    expect(run.removed).toEqual({ accounts: [], contacts: [], deals: [] });
    expect(
      server.requests.filter((r) => r.path.startsWith('/crm/v3/objects/') && r.query.archived?.[0] === 'true'),
    ).toEqual([]);
    expect(idsOf(run.pages.flat(), 'account')).toHaveLength(29);
  });

  it('stopped after any page and resumed by a new worker, an incremental run names each deletion once', async () => {
    const { full, companies, contact } = await syncedThenDeleted();
    const whole = await runToEnd(source(), visible(full.checkpoint));
    for (let stop = 1; stop < whole.pages.length; stop++) {
      const first = await runToEnd(source(), visible(full.checkpoint), undefined, stop);
      const rest = await runToEnd(source(), undefined, { plan: first.plan, cursor: first.cursors.at(-1) });
      const accounts = [...first.removed.accounts, ...rest.removed.accounts];
      expect(accounts.sort()).toEqual(companies.map((id) => `hubspot:${id}`).sort());
      expect([...first.removed.contacts, ...rest.removed.contacts]).toEqual([`hubspot:${contact}`]);
    }
  });
});

describe('what it says it reads, before the first sync', () => {
  it("names exactly the properties a full and an incremental sync ask for, the contacts' activity dates among them", async () => {
    const { companies, contacts } = seed(3, 3);
    // As the background builds it: tags read back from the property they are written to.
    const { tagsProperty } = DEFAULT_SETTINGS.writeBack;
    const full = await runToEnd(source({ companyTagsProperty: tagsProperty }), undefined);
    clock += ARCHIVED_SWEEP_EVERY_MS;
    server.data.modify('companies', companies[0]?.id ?? '', { name: 'Changed' });
    server.data.modify('contacts', contacts[0]?.id ?? '', { hs_email_last_click_date: new Date(clock).toISOString() });
    await runToEnd(source({ companyTagsProperty: tagsProperty }), visible(full.checkpoint));
    const asked = (object: string) =>
      new Set(
        server.requests
          // The lists of deleted objects ask for their ids only (hs_object_id), pinned in 'what HubSpot deleted'.
          .filter((r) => r.path.startsWith(`/crm/v3/objects/${object}`) && r.query.archived?.[0] !== 'true')
          .flatMap((r) =>
            r.method === 'GET'
              ? (r.query.properties ?? []).flatMap((p) => p.split(','))
              : ((r.body as { properties?: string[] }).properties ?? []),
          ),
      );
    const described = describeHubSpotRead({ companyTagsProperty: tagsProperty });
    const named = (object: string) => new Set(described.objects.find((o) => o.object === object)?.properties);
    expect(asked('companies')).toEqual(named('companies'));
    expect(named('companies')).toContain('tierlens_tags');
    expect(asked('contacts')).toEqual(named('contacts'));
    expect([...named('contacts')]).toEqual(expect.arrayContaining(CONTACT_ACTIVITY_PROPERTIES.map((a) => a.property)));
    expect(named('companies')).toContain('num_associated_contacts');
  });
});
