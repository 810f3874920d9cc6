/**
 * HubSpot's owners: who a company's `hubspot_owner_id` is, so that the panel shows a name and
 * the tier-ownership rule recognises the user by name or email (lib/edits/tier-owner.ts).
 *
 * What this relies on, from HubSpot's Owners API guide
 * (https://developers.hubspot.com/docs/api-reference/crm-crm-owners-v3/guide, scope
 * `crm.objects.owners.read`; not in the shared contract file):
 * - `GET /crm/v3/owners` lists the account's owners: `limit` (at most 500 a page: "v3 returns
 *   500 records at a time", https://developers.hubspot.com/changelog/final-reminder-sunset-of-v2-owners-api),
 *   `after` (the cursor from `paging.next.after`, as the CRM lists page, §2), `archived`
 *   (default false: current owners only; true: only the deactivated ones), `email` (a filter,
 *   unused here).
 * - Each result: `{ id, email, type: "PERSON"|"QUEUE", firstName, lastName, userId,
 *   userIdIncludingInactive, createdAt, updatedAt, archived, teams[] }`. `id` is the owner id
 *   that `hubspot_owner_id` holds ("used … when assigning an owner to a record"); `userId` is the
 *   user's id for the settings API and "will result in an error if it is used to assign
 *   ownership", so it is never used here. Names and email may be missing (a queue).
 * - A token without the scope gets 403 MISSING_SCOPES (contract §7): the sync goes on without
 *   names, owners stay their ids, and the source's status says which scope names need.
 */
import { z } from 'zod';
import { SourceError } from '../errors';
import type { HubSpotClient } from './client';

/** The scope the owners read needs. */
export const OWNERS_SCOPE = 'crm.objects.owners.read';

/** Owners a page: the endpoint's maximum. */
export const OWNERS_PAGE_SIZE = 500;

/**
 * What a sync keeps of an owner: the name to show and the email to recognise the user by, and
 * whether the owner was deactivated (archived: a user who left, whose records keep the id).
 */
export const ownerSchema = z.object({
  name: z.string(),
  email: z.string().optional(),
  archived: z.literal(true).optional(),
});
export type Owner = z.infer<typeof ownerSchema>;

/**
 * The owners a run read, by owner id; or, when it could not read them, why not (in words for
 * the source's status). Kept in the run's plan, so a resumed run has the same names.
 */
export const ownerDirectorySchema = z.union([
  z.object({ byId: z.record(z.string(), ownerSchema) }),
  z.object({ unread: z.string() }),
]);
export type OwnerDirectory = z.infer<typeof ownerDirectorySchema>;

const text = z.string().nullish();
const ownersPageSchema = z.object({
  results: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      email: text,
      firstName: text,
      lastName: text,
    }),
  ),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/** "First Last", else the email, else the owner id: what the panel shows as the owner. */
export function ownerName(o: {
  id: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
}) {
  const name = [o.firstName, o.lastName]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join(' ');
  return name || o.email?.trim() || o.id;
}

/** Words for the source's status when owner names could not be read. */
export const MISSING_OWNERS_SCOPE = `Owners show as HubSpot owner ids, not names: the private app needs the scope ${OWNERS_SCOPE} for owner names (and for Tierlens to recognise you by name or email).`;

/** Words after a deactivated owner's name, as HubSpot's own screens mark such users. */
export const DEACTIVATED = '(deactivated)';

/**
 * Every owner, current and deactivated, a page of 500 at a time through the client (its retries,
 * 429 waits and errors). The current ones first; then the archived ones (`archived=true`), since
 * a user who left HubSpot stays the owner of their records, and without them the panel showed a
 * bare id for every account still assigned to them. A 403 (the token lacks the scope) is no
 * failure of the sync: the directory says so.
 */
export async function readOwners(client: HubSpotClient, signal: AbortSignal): Promise<OwnerDirectory> {
  const byId = new Map<string, Owner>();
  try {
    await readOwnerPages(client, false, byId, signal);
    await readOwnerPages(client, true, byId, signal);
  } catch (error) {
    if (error instanceof SourceError && error.status === 403) return { unread: MISSING_OWNERS_SCOPE };
    throw error;
  }
  // Own properties whatever the ids are (`Object.fromEntries` defines even `__proto__`).
  return { byId: Object.fromEntries(byId) };
}

/** The pages of one listing (current or archived owners) into `byId`; a current owner is never replaced. */
async function readOwnerPages(
  client: HubSpotClient,
  archived: boolean,
  byId: Map<string, Owner>,
  signal: AbortSignal,
): Promise<void> {
  const seen = new Set<string>();
  let after: string | undefined;
  do {
    const raw = await client.get(
      '/crm/v3/owners',
      { limit: String(OWNERS_PAGE_SIZE), after, archived: String(archived) },
      signal,
    );
    const page = ownersPageSchema.parse(raw);
    for (const o of page.results) {
      if (archived && byId.has(o.id)) continue;
      const email = o.email?.trim();
      byId.set(o.id, { name: ownerName(o), ...(email ? { email } : {}), ...(archived ? { archived: true } : {}) });
    }
    after = page.paging?.next?.after;
    // A cursor handed back twice would page forever.
    if (after !== undefined && seen.has(after))
      throw new SourceError('HubSpot owners paging did not move forward; trying again later.', { retryable: true });
    if (after !== undefined) seen.add(after);
  } while (after !== undefined);
}

/**
 * An account's owner fields from its `hubspot_owner_id`: the name, the id, and the email when
 * known. All three keys always, as every other field of a HubSpot account: one object shape.
 */
export function ownerFields(
  id: string | undefined,
  owners: OwnerDirectory | undefined,
): { owner: string | undefined; ownerId: string | undefined; ownerEmail: string | undefined } {
  const known =
    id !== undefined && owners && 'byId' in owners && Object.hasOwn(owners.byId, id) ? owners.byId[id] : undefined;
  const owner = known ? (known.archived ? `${known.name} ${DEACTIVATED}` : known.name) : id;
  return { owner, ownerId: id, ownerEmail: known?.email };
}
