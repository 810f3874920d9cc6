/**
 * The sources' real HTTP servers, set up for the end-to-end tests: a team feed built by the
 * feed writer (the code build-feed uses) and served by startFeedServer, and a HubSpot server
 * seeded with companies and contacts. Small data: a few hundred records.
 */

import type { BrowserContext } from '@playwright/test';
import type { ManagedModels } from '../../../lib/settings/managed';
import { buildManifest, type ShardEntry } from '../../../lib/sync/feed/manifest';
import { createFeedWriter } from '../../../lib/sync/feed/writer';
import { buildAccount, type SyncRecord } from '../../../lib/sync/records';
import { type FeedFiles, type FeedServer, startFeedServer } from '../../support/feed-server';
import { type HubSpotServer, type StoredObject, startHubSpotServer } from '../../support/hubspot-server';
import type { ServedCompany } from './linkedin-site';

const NOW = Date.parse('2026-11-30T06:00:00Z');

/** The company the synthetic LinkedIn serves and the feed carries (account `feed:1`). */
export const FEED_COMPANY: ServedCompany = {
  slug: 'northwind-feed-synthetic',
  name: 'Northwind Traders',
  id: '8800001',
};
/** The company the synthetic LinkedIn serves and HubSpot carries. */
export const HUBSPOT_COMPANY: ServedCompany = {
  slug: 'brightwave-crm-synthetic',
  name: 'Brightwave Systems',
  id: '8800002',
};

/** One account of a feed: `feed:<n>`, "Feed company n", or the served company for n = 1. */
export function feedAccount(n: number, fields: { name?: string; tier?: 1 | 2 | 3; generation?: string } = {}) {
  const served = n === 1;
  const record = buildAccount(
    'feed',
    String(n),
    {
      name: fields.name ?? (served ? FEED_COMPANY.name : `Feed company ${n}`),
      websites: [served ? 'northwind-traders.example' : `feed-company-${n}.example`],
      linkedinSlugs: served ? [FEED_COMPANY.slug] : [`feed-company-${n}`],
      linkedinIds: served ? [FEED_COMPANY.id] : [],
      employees: 50 + n,
      industry: 'Computer Software',
      country: 'SE',
      assignedTier: fields.tier ?? (served ? 1 : (((n % 3) + 1) as 1 | 2 | 3)),
      isTarget: n % 2 === 0,
    },
    NOW,
  );
  return { kind: 'account', record } satisfies SyncRecord;
}

/** `accounts` accounts (the served company first) and one contact for each of the first ten. */
export function feedRecords(
  accounts: number,
  change: (n: number) => { name?: string; tier?: 1 | 2 | 3 } = () => ({}),
): SyncRecord[] {
  const records: SyncRecord[] = Array.from({ length: accounts }, (_, i) => feedAccount(i + 1, change(i + 1)));
  for (let n = 1; n <= Math.min(10, accounts); n++) {
    records.push({
      kind: 'contact',
      record: {
        id: `feed:c${n}`,
        accountId: `feed:${n}`,
        name: `Feed person ${n}`,
        title: 'Head of Operations',
        buyingRoles: n === 1 ? ['DECISION_MAKER'] : ['INFLUENCER'],
        updatedAt: NOW,
      },
    });
  }
  return records;
}

/** A feed generation as build-feed writes it: its files (manifest included), shards and manifest. */
export interface BuiltFeed {
  generation: string;
  files: Record<string, Uint8Array | string>;
  shards: ShardEntry[];
  /** The accounts it holds, id → name. */
  accounts: Map<string, string>;
}

export async function buildFeed(
  generation: string,
  records: readonly SyncRecord[],
  options: { shardSize?: number; models?: ManagedModels } = {},
): Promise<BuiltFeed> {
  const files: FeedFiles = {};
  const writer = createFeedWriter({
    shardSize: options.shardSize ?? 100,
    write: async (name, bytes) => {
      files[name] = bytes;
    },
  });
  await writer.add(records);
  const shards = await writer.close();
  const manifest = buildManifest({ generation, createdAt: new Date(NOW), shards, models: options.models });
  files['manifest.json'] = JSON.stringify(manifest);
  const accounts = new Map<string, string>();
  for (const r of records) if (r.kind === 'account') accounts.set(r.record.id, r.record.name);
  return { generation, files, shards, accounts };
}

/**
 * The same generation with one shard's bytes changed after the manifest recorded its SHA-256:
 * what a botched upload or a corrupting host serves.
 */
export function withCorruptShard(feed: BuiltFeed, index: number): BuiltFeed {
  const shard = feed.shards[index];
  if (!shard) throw new Error(`the feed has no shard ${index}`);
  const bytes = new Uint8Array(feed.files[shard.path] as Uint8Array);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  return { ...feed, files: { ...feed.files, [shard.path]: bytes } };
}

/** A feed server publishing one generation, and its manifest's address. */
export async function startTeamFeed(first: BuiltFeed): Promise<{ server: FeedServer; manifestUrl: string }> {
  const server = await startFeedServer({ files: first.files });
  return { server, manifestUrl: `${server.url}manifest.json` };
}

/**
 * Delays the next request for each shard by `ms`. One fault a path: the server applies every
 * delay fault a path has to the one request, so a count above one would add up on the first.
 */
export function delayShards(server: FeedServer, feed: BuiltFeed, ms: number): void {
  server.faults.clear();
  for (const s of feed.shards) server.faults.add(s.path, { kind: 'delay', ms }, 1);
}

/** The HubSpot contacts of a seeded portal, with their roles, and the served company. */
export interface SeededHubSpot {
  companies: StoredObject[];
  served: StoredObject;
  /** The accounts the portal holds, `hubspot:<id>` → name. */
  accounts: Map<string, string>;
  contacts: number;
}

/**
 * Seeds `companies` companies, the served one first (Tier 1, its LinkedIn page and domain),
 * and `contacts` contacts spread over them; the served company's first contacts are its decision
 * maker and its champion and budget holder.
 */
export function seedHubSpot(server: HubSpotServer, companies: number, contacts: number): SeededHubSpot {
  const seeded = server.data.seedCompanies(companies, {
    props: (i): Record<string, string> =>
      i === 0
        ? {
            name: HUBSPOT_COMPANY.name,
            domain: 'brightwave-systems.example',
            linkedin_company_page: `https://www.linkedin.com/company/${HUBSPOT_COMPANY.slug}/`,
            hs_ideal_customer_profile: 'tier_1',
            hs_is_target_account: 'true',
            country: 'Sweden',
          }
        : {},
  });
  const served = seeded[0] as StoredObject;
  const ids = seeded.map((c) => c.id);
  server.data.seedContacts(contacts, {
    companyIds: ids,
    props: (i): Record<string, string> =>
      i === 0
        ? { firstname: 'Dana', lastname: 'Decider', jobtitle: 'CFO', hs_buying_role: 'DECISION_MAKER' }
        : i === companies
          ? { firstname: 'Chris', lastname: 'Champion', jobtitle: 'VP Sales', hs_buying_role: 'CHAMPION;BUDGET_HOLDER' }
          : {},
  });
  const accounts = new Map(seeded.map((c) => [`hubspot:${c.id}`, c.properties.name ?? '']));
  return { companies: seeded, served, accounts, contacts };
}

export { startHubSpotServer };

/**
 * The synthetic LinkedIn (serveLinkedIn) aborts every request that is not LinkedIn's, and
 * Playwright routes the extension's service worker too: the test servers on 127.0.0.1 must go
 * through. Call after serveLinkedIn (the newest route is asked first).
 */
export async function letLoopbackThrough(context: BrowserContext): Promise<void> {
  await context.route(/^http:\/\/127\.0\.0\.1:\d+\//, (route) => route.continue());
}
