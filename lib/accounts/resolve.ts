import type { Account } from '../db/accounts';
import type { TierlensDB } from '../db/db';
import { KEY_PRIORITY, keyKind } from '../keys/normalise';

/** How a page's company keys resolved against the accounts. */
export type Resolution =
  | { status: 'matched'; accountId: string; matchedBy: string; lowConfidence: boolean }
  | { status: 'ambiguous'; accountIds: string[]; matchedBy: string }
  | { status: 'unknown' };

/**
 * Picks the account the keys point to: the strongest kind of key that matches anything wins
 * (`li#` > `li:` > `dom:` > `name:`); two accounts matching at that strength are an ambiguity,
 * never silently resolved. A match by name alone is low-confidence.
 */
export function pickMatch(keys: readonly string[], candidates: readonly Pick<Account, 'id' | 'keys'>[]): Resolution {
  for (const kind of KEY_PRIORITY) {
    const wanted = keys.filter((k) => keyKind(k) === kind);
    if (wanted.length === 0) continue;
    const hits = candidates.filter((a) => a.keys.some((k) => wanted.includes(k)));
    if (hits.length === 0) continue;
    const matchedBy = wanted.find((k) => hits.some((a) => a.keys.includes(k))) ?? wanted[0] ?? kind;
    const ids = [...new Set(hits.map((a) => a.id))].sort();
    if (ids.length > 1) return { status: 'ambiguous', accountIds: ids, matchedBy };
    return { status: 'matched', accountId: ids[0] as string, matchedBy, lowConfidence: kind === 'name:' };
  }
  return { status: 'unknown' };
}

/** Resolves a page's company keys with one query on the multi-entry key index. */
export async function resolveKeys(db: TierlensDB, keys: readonly string[]): Promise<Resolution> {
  if (keys.length === 0) return { status: 'unknown' };
  const candidates = await db.accounts
    .where('keys')
    .anyOf([...keys])
    .toArray();
  return pickMatch(keys, candidates);
}
