import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_TIERLENS_PROPERTIES,
  type InProcessHubSpot,
  inProcessHubSpot,
  tierlensDefinitions,
} from '../../test/support/hubspot-server';
import type { Account } from '../db/accounts';
import { TierlensDB } from '../db/db';
import type { PageSubject } from '../detect/types';
import { recordEdit } from '../edits/record';
import { handlePageDetected } from './handlers';
import {
  handleEditsChanged,
  PUSH_ALARM,
  type PushRunnerDeps,
  pushSoon,
  RejectedPushMessage,
  startPushRunner,
} from './push-runner';
import { readTabState } from './tab-state';

type Sender = Browser.runtime.MessageSender;
const NOW = Date.UTC(2026, 6, 1, 9);
let clock = NOW;
let db: TierlensDB;
let portal: InProcessHubSpot;
let deps: PushRunnerDeps;

const sidePanel = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') });
const linkedinTab = (url = 'https://www.linkedin.com/company/acme-robotics/'): Sender => ({
  id: fakeBrowser.runtime.id,
  tab: { id: 4, url } as Browser.tabs.Tab,
  frameId: 0,
  url,
});

beforeEach(() => {
  clock = NOW;
  db = new TierlensDB(`push-runner-${Math.random().toString(36).slice(2)}`);
  portal = inProcessHubSpot({ now: () => clock, tenSecondlyLimit: Number.POSITIVE_INFINITY });
  portal.data.defineProperties(tierlensDefinitions(DEFAULT_TIERLENS_PROPERTIES));
  deps = { strict: db, fetch: portal.fetch, now: () => clock };
  // The user granted HubSpot's address on "Connect".
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
});
afterEach(() => db.delete());

const connect = () =>
  db.sourceConfig.put({ source: 'hubspot', url: portal.url, token: portal.token, everyMinutes: 30, connectedAt: NOW });
const tierEdit = (accountId: string, tier: 1 | 2 | 3, base: number | null = null) =>
  recordEdit(db, { kind: 'tier', entityId: accountId, accountId, value: tier, base }, clock++);

describe('editsChanged', () => {
  it.each([
    ['a content script', linkedinTab(), undefined],
    ['a Tierlens page sending a payload', sidePanel(), { opId: 'x' }],
  ])('is refused from %s, and nothing is pushed', async (_who, sender, payload) => {
    await connect();
    await tierEdit(`hubspot:${portal.data.create('companies', {}).id}`, 2);
    await expect(handleEditsChanged(db, payload, sender, deps)).rejects.toThrow(RejectedPushMessage);
    expect(portal.requests).toEqual([]);
  });

  it("shows the rep's own tier edit on the badge at once, before any source has it", async () => {
    const account: Account = {
      id: 'demo:7',
      name: 'Acme Robotics',
      keys: ['li:acme-robotics'],
      domains: [],
      linkedinSlugs: ['acme-robotics'],
      linkedinIds: [],
      assignedTier: 1,
      isTarget: true,
      updatedAt: NOW,
      source: 'demo',
      generation: 0,
    };
    await db.accounts.add(account);
    const subject: PageSubject = {
      site: 'linkedin',
      kind: 'company',
      url: 'https://www.linkedin.com/company/acme-robotics/',
      company: { name: 'Acme Robotics', linkedinSlug: 'acme-robotics' },
      evidence: [{ from: 'url', detail: '/company/acme-robotics/' }],
    };
    await handlePageDetected(db, subject, linkedinTab());
    expect((await readTabState(4))?.badge.text).toBe('T1');
    await tierEdit('demo:7', 3, 1);
    await handleEditsChanged(db, undefined, sidePanel(), deps);
    expect((await readTabState(4))?.badge.text).toBe('T3');
  });

  it('pushes the edit to HubSpot without the page waiting for it', async () => {
    await connect();
    const company = portal.data.create('companies', {});
    const edit = await tierEdit(`hubspot:${company.id}`, 2);
    await handleEditsChanged(db, undefined, sidePanel(), deps);
    await pushSoon(db, deps); // the run the message started (and one more after it)
    expect(company.properties.hs_ideal_customer_profile).toBe('tier_2');
    expect(await db.outbox.get(edit.opId)).toMatchObject({ state: 'pushed' });
    expect(await fakeBrowser.alarms.get(PUSH_ALARM)).toBeUndefined();
  });
});

describe('the runner', () => {
  it('pushes nothing while HubSpot is not connected, and keeps the edits waiting', async () => {
    const edit = await tierEdit(`hubspot:${portal.data.create('companies', {}).id}`, 2);
    expect(await pushSoon(db, deps)).toBeUndefined();
    expect(portal.requests).toEqual([]);
    expect((await db.outbox.get(edit.opId))?.state).toBe('pending');
  });

  it('pushes nothing while the user has not granted HubSpot’s address', async () => {
    await connect();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    await tierEdit(`hubspot:${portal.data.create('companies', {}).id}`, 2);
    expect(await pushSoon(db, deps)).toBeUndefined();
    expect(portal.requests).toEqual([]);
  });

  it('sets the push alarm for the earliest edit waiting after a failure, and sends it when the alarm fires', async () => {
    await connect();
    const company = portal.data.create('companies', {});
    const edit = await tierEdit(`hubspot:${company.id}`, 3);
    portal.faults.add({ kind: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING', retryAfter: '120' });
    const result = await pushSoon(db, deps);
    const waiting = await db.outbox.get(edit.opId);
    expect(result?.nextAttemptAt).toBe(waiting?.nextAttemptAt);
    expect((await fakeBrowser.alarms.get(PUSH_ALARM))?.scheduledTime).toBe(waiting?.nextAttemptAt);

    startPushRunner(db, deps);
    await pushSoon(db, deps); // the run a worker start begins: nothing is due yet
    expect(company.properties.hs_ideal_customer_profile).toBeUndefined();
    clock = waiting?.nextAttemptAt ?? clock;
    await fakeBrowser.alarms.onAlarm.trigger({ name: PUSH_ALARM, scheduledTime: clock });
    await pushSoon(db, deps);
    expect(company.properties.hs_ideal_customer_profile).toBe('tier_3');
  });

  it('sends an edit once when pushes are asked for at once (an edit, an alarm, a worker start)', async () => {
    await connect();
    const company = portal.data.create('companies', {});
    const edit = await tierEdit(`hubspot:${company.id}`, 2);
    await Promise.all([pushSoon(db, deps), pushSoon(db, deps), pushSoon(db, deps)]);
    await pushSoon(db, deps);
    expect(await db.outbox.get(edit.opId)).toMatchObject({ state: 'pushed' });
    expect(portal.data.writes).toHaveLength(1);
    expect(portal.requests.filter((r) => r.path.endsWith('/batch/update'))).toHaveLength(1);
  });

  it('on a worker start, finishes what a stopped worker sent, without writing it again', async () => {
    await connect();
    const company = portal.data.create('companies', { hs_ideal_customer_profile: 'tier_1' });
    const edit = await tierEdit(`hubspot:${company.id}`, 1, null);
    // The stopped worker had sent it, HubSpot had applied it, and the answer never came.
    await db.outbox.update(edit.opId, { state: 'pushing' });
    startPushRunner(db, deps);
    await pushSoon(db, deps);
    expect(await db.outbox.get(edit.opId)).toMatchObject({ state: 'pushed' });
    expect(portal.data.writes).toEqual([]);
  });
});
