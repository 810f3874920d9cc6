import type { EntityTable } from 'dexie';
export const TOUCHPOINT_TYPES = [
  'web_visit',
  'pricing_page_visit',
  'demo_page_visit',
  'email_open',
  'email_click',
  'ad_click',
  'content_download',
  'form_fill',
  'event_registered',
  'event_attended',
  'meeting',
  'demo_request',
  'sales_call',
  'reply',
] as const;

export type TouchpointType = (typeof TOUCHPOINT_TYPES)[number];

/** Touches by sales (a call, a meeting): what answers the engagement a follow-up is due on. */
export const FOLLOW_UP_TYPES: ReadonlySet<TouchpointType> = new Set<TouchpointType>(['sales_call', 'meeting']);

/** Funnel stage of a touchpoint: top, middle or bottom of the funnel. */
export type FunnelStage = 'TOFU' | 'MOFU' | 'BOFU';

/** One interaction of an account (or one of its contacts) with the company. */
export interface Touchpoint {
  id: string;
  accountId: string;
  contactId?: string;
  type: TouchpointType;
  stage: FunnelStage;
  /** Epoch milliseconds. */
  at: number;
}

/** Indexes of the touchpoints table of schema v1–v3, one row per touchpoint (removed in v5). */
export const touchpointsSchema = 'id, [accountId+at], contactId';

/** A touchpoint as its account's row stores it: the account's id is the row's. */
export type StoredTouchpoint = Omit<Touchpoint, 'accountId'>;

/**
 * One account's touchpoints, in time order, in one row (schema v4). Every reader wants an
 * account's touchpoints together (the panel, scoring, calibration), and IndexedDB's cost is per
 * record: 500,000 touchpoints of 100,000 accounts took 6.6 s to write as one row per account
 * against 37 s as one row each (raw IndexedDB in Chromium, on the 2-core machine of `npm run bench`).
 */
export interface AccountTouchpoints {
  accountId: string;
  items: StoredTouchpoint[];
}

export const accountTouchpointsSchema = 'accountId';

/** The touchpoints of one account's row, oldest first, as `Touchpoint`s again. */
export function touchpointsOf(row: AccountTouchpoints | undefined): Touchpoint[] {
  if (!row) return [];
  return row.items.map((t) => ({ ...t, accountId: row.accountId }));
}

/**
 * An account's stored touchpoints with `incoming` put in: by id, an incoming touchpoint replaces
 * the stored one with its id (as a put does); the result is in time order.
 */
export function mergeTouchpoints(
  stored: readonly StoredTouchpoint[],
  incoming: readonly Touchpoint[],
): StoredTouchpoint[] {
  const byId = new Map<string, StoredTouchpoint>();
  for (const t of stored) byId.set(t.id, t);
  for (const { accountId: _, ...t } of incoming) byId.set(t.id, t);
  return [...byId.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Records (touchpoints, contacts, deals, edits) grouped by their account, in the order the
 * accounts first appear, each group in the order given (Map.groupBy needs Node 21).
 */
export function byAccount<T extends { accountId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const t of items) {
    const group = groups.get(t.accountId);
    if (group) group.push(t);
    else groups.set(t.accountId, [t]);
  }
  return groups;
}

/**
 * Puts touchpoints into their accounts' rows (read, merged, written back), inside the caller's
 * read-write transaction on `table`. Answers how many of them were new ids, so that a count
 * kept beside the rows stays exact.
 */
export async function putTouchpoints(
  table: EntityTable<AccountTouchpoints, 'accountId'>,
  touchpoints: readonly Touchpoint[],
): Promise<number> {
  if (touchpoints.length === 0) return 0;
  const groups = byAccount(touchpoints);
  const ids = [...groups.keys()];
  const stored = await table.bulkGet(ids);
  let added = 0;
  const rows = ids.map((accountId, i) => {
    const before = stored[i]?.items ?? [];
    const items = mergeTouchpoints(before, groups.get(accountId) ?? []);
    added += items.length - before.length;
    return { accountId, items };
  });
  await table.bulkPut(rows);
  return added;
}

/**
 * The funnel stage of each touchpoint type, in the demo data and for an import that names none. Passive reach is top of funnel;
 * deliberate interest in content or events is middle; anything that signals buying intent
 * or involves sales (pricing/demo pages, requests, meetings, calls, replies, form fills) is
 * bottom. Event attendance counts with registration: showing up is still research.
 */
export const TOUCHPOINT_STAGE: Readonly<Record<TouchpointType, FunnelStage>> = {
  web_visit: 'TOFU',
  ad_click: 'TOFU',
  email_open: 'TOFU',
  content_download: 'MOFU',
  email_click: 'MOFU',
  event_registered: 'MOFU',
  event_attended: 'MOFU',
  pricing_page_visit: 'BOFU',
  demo_page_visit: 'BOFU',
  demo_request: 'BOFU',
  meeting: 'BOFU',
  sales_call: 'BOFU',
  reply: 'BOFU',
  form_fill: 'BOFU',
};
