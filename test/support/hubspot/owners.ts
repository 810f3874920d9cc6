/**
 * The test server's owners: `GET /crm/v3/owners`, after HubSpot's Owners API guide
 * (https://developers.hubspot.com/docs/api-reference/crm-crm-owners-v3/guide; not in the shared
 * contract file). What the server does, and where it comes from:
 * - Scope `crm.objects.owners.read` (the guide's scope requirements); without it, 403
 *   MISSING_SCOPES with the body the server gives every missing scope (contract §7).
 * - Query: `limit` up to 500 ("v3 returns 500 records at a time",
 *   https://developers.hubspot.com/changelog/final-reminder-sunset-of-v2-owners-api), `after`,
 *   `archived` (default false: "whether to return only results that have been archived"),
 *   `email` (a filter). The default page size and what a limit above 500 does are not stated:
 *   the server takes 100 and answers 400, the strict readings (as for the other lists).
 * - Results as the guide's example: `id` (the owner id, what `hubspot_owner_id` holds), `email`,
 *   `type`, `firstName`, `lastName`, `userId` and `userIdIncludingInactive` (numbers, the user's
 *   id, never an owner id), `createdAt`, `updatedAt`, `archived`, `teams`.
 * - `paging.next.after` is an opaque token here (the spec's `"?after=NTI1Cg%3D%3D"` form, §2),
 *   so a client that builds cursors itself fails against the server.
 */
import { type Reply, validation } from './bodies';
import { parseLimit } from './read-api';

/** An owner as the server stores it. */
export interface StoredOwner {
  id: string;
  email?: string;
  type: 'PERSON' | 'QUEUE';
  firstName?: string;
  lastName?: string;
  userId: number;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  teams: Array<{ id: string; name: string; primary: boolean }>;
}

export const OWNERS_MAX = 500;
const OWNERS_DEFAULT = 100;

const cursorOf = (offset: number) => Buffer.from(String(offset)).toString('base64');
function offsetOf(after: string): number | undefined {
  const decoded = Buffer.from(after, 'base64').toString('utf8');
  return /^\d+$/.test(decoded) && cursorOf(Number(decoded)) === after ? Number(decoded) : undefined;
}

function wire(o: StoredOwner) {
  return {
    id: o.id,
    ...(o.email !== undefined ? { email: o.email } : {}),
    type: o.type,
    ...(o.firstName !== undefined ? { firstName: o.firstName } : {}),
    ...(o.lastName !== undefined ? { lastName: o.lastName } : {}),
    userId: o.userId,
    userIdIncludingInactive: o.userId,
    createdAt: new Date(o.createdAt).toISOString(),
    updatedAt: new Date(o.updatedAt).toISOString(),
    archived: o.archived,
    ...(o.teams.length ? { teams: o.teams } : {}),
  };
}

/** `GET /crm/v3/owners`: a page of the owners, by owner id. */
export function listOwners(owners: readonly StoredOwner[], params: URLSearchParams): Reply {
  const limit = parseLimit(params.get('limit'), OWNERS_DEFAULT, OWNERS_MAX);
  if (typeof limit === 'string') return validation(limit);
  const after = params.get('after');
  const offset = after === null ? 0 : offsetOf(after);
  if (offset === undefined) return validation(`Invalid paging cursor: ${after}`);
  const archived = params.get('archived') === 'true';
  const email = params.get('email')?.toLowerCase();
  const rows = owners
    .filter((o) => o.archived === archived && (email === undefined || o.email?.toLowerCase() === email))
    .sort((a, b) => Number(a.id) - Number(b.id));
  const end = offset + limit;
  const paging =
    end < rows.length
      ? { paging: { next: { after: cursorOf(end), link: `?after=${encodeURIComponent(cursorOf(end))}` } } }
      : {};
  return [200, { results: rows.slice(offset, end).map(wire), ...paging }];
}
