import { type AccountRows, groupByAccount } from '../../lib/accounts/account-rows';
import type { Account } from '../../lib/db/accounts';
import { BUYING_ROLES, type Contact } from '../../lib/db/contacts';
import type { Touchpoint, TouchpointType } from '../../lib/db/touchpoints';
import { generateDemoData, TOUCHPOINT_STAGE } from '../../lib/demo/generate';
import { createRng } from '../../lib/demo/random';

const DAY = 86_400_000;
const TYPES = Object.keys(TOUCHPOINT_STAGE) as TouchpointType[];

/**
 * A busy Tier 1 account as the side panel would score it: full firmographics, `contactCount`
 * contacts with buying roles, and `touchCount` touchpoints over 90 days, oldest first (the order
 * of the `[accountId+at]` index), most of them by known contacts.
 */
export function busyAccount(now: number, contactCount = 20, touchCount = 1_000): AccountRows {
  const rng = createRng(42);
  const account: Account = {
    id: 'bench:1',
    name: 'Benchmark Industries',
    keys: ['li:benchmark-industries', 'dom:benchmark.example'],
    domains: ['benchmark.example'],
    linkedinSlugs: ['benchmark-industries'],
    linkedinIds: ['1234567'],
    industry: 'Software',
    employees: 4_200,
    revenue: 850_000_000,
    country: 'GB',
    technologies: ['Salesforce', 'Segment', 'Slack'],
    assignedTier: 1,
    isTarget: true,
    owner: 'Priya Shah',
    lifecycleStage: 'opportunity',
    lastReviewedAt: now - 20 * DAY,
    updatedAt: now - 3 * DAY,
    source: 'file',
    generation: 1,
  };
  const contacts: Contact[] = Array.from({ length: contactCount }, (_, i) => ({
    id: `bench:c${i}`,
    accountId: account.id,
    name: `Contact ${i}`,
    title: 'Director',
    // A third without a role, the rest with one or two, as mapping goes in practice.
    buyingRoles: i % 3 === 0 ? [] : rng.shuffle(BUYING_ROLES).slice(0, rng.int(1, 2)),
    updatedAt: now - rng.int(0, 60) * DAY,
  }));
  const touchpoints: Touchpoint[] = Array.from({ length: touchCount }, (_, i) => {
    const type = rng.pick(TYPES);
    const contact = rng.chance(0.7) ? rng.pick(contacts) : undefined;
    return {
      id: `bench:t${i}`,
      accountId: account.id,
      ...(contact ? { contactId: contact.id } : {}),
      type,
      stage: TOUCHPOINT_STAGE[type],
      at: now - Math.floor(rng.float(0, 90) * DAY),
    };
  }).sort((a, b) => a.at - b.at);
  return { account, contacts, touchpoints };
}

/** The size of the demo data set, which {@link demoRows} copies as often as it needs. */
const DEMO_ACCOUNTS = 2_000;

/**
 * `accountCount` accounts, each with its own contacts and touchpoints, grouped once beforehand.
 * The 2,000-account demo data set is generated once and copied with new ids: generating 100,000
 * from scratch takes 8–20 s on two cores and scores no differently.
 */
export function demoRows(now: number, accountCount: number): AccountRows[] {
  const data = generateDemoData({ seed: 1, now, accountCount: Math.min(accountCount, DEMO_ACCOUNTS) });
  const originals = groupByAccount(data.accounts, data.contacts, data.touchpoints);
  return Array.from({ length: accountCount }, (_, i): AccountRows => {
    const o = originals[i % originals.length] as AccountRows;
    const copy = Math.floor(i / originals.length);
    if (copy === 0) return o;
    const accountId = `${o.account.id}~${copy}`;
    return {
      account: { ...o.account, id: accountId },
      contacts: o.contacts.map((c) => ({ ...c, id: `${c.id}~${copy}`, accountId })),
      touchpoints: o.touchpoints.map((t) => ({
        ...t,
        id: `${t.id}~${copy}`,
        accountId,
        ...(t.contactId ? { contactId: `${t.contactId}~${copy}` } : {}),
      })),
    };
  });
}
