import { count, timeAgo } from '@/components/shared/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** What a source holds: "3 accounts, 12 contacts and 1 touchpoint", or "nothing yet". */
export function holdings(c: { accounts?: number; contacts?: number; touchpoints?: number }): string {
  const parts = [
    plural(c.accounts ?? 0, 'account', 'accounts'),
    plural(c.contacts ?? 0, 'contact', 'contacts'),
    plural(c.touchpoints ?? 0, 'touchpoint', 'touchpoints'),
  ];
  if ((c.accounts ?? 0) + (c.contacts ?? 0) + (c.touchpoints ?? 0) === 0) return 'nothing yet';
  return `${parts[0]}, ${parts[1]} and ${parts[2]}`;
}

type Counts = { accounts: number; contacts: number; touchpoints: number };
const KINDS = [
  ['accounts', 'account', 'accounts'],
  ['contacts', 'contact', 'contacts'],
  ['touchpoints', 'touchpoint', 'touchpoints'],
] as const;

/**
 * What an import that added to the previous file import did, kind by kind: "Added 120 accounts
 * and updated 30; 2,000 kept from the previous import. Added 5 contacts." The kinds the files
 * brought come first; a kind they did not touch then says what was kept; one with nothing, nothing.
 */
export function addedSummary(rows: { added: Counts; updated: Counts; kept: Counts }): string {
  const sentences: string[] = [];
  const keptOnly: string[] = [];
  for (const [key, one, many] of KINDS) {
    const added = rows.added[key];
    const updated = rows.updated[key];
    const kept = rows.kept[key];
    const changed =
      added > 0 && updated > 0
        ? `Added ${plural(added, one, many)} and updated ${count(updated)}`
        : added > 0
          ? `Added ${plural(added, one, many)}`
          : updated > 0
            ? `Updated ${plural(updated, one, many)}`
            : undefined;
    if (changed) sentences.push(kept > 0 ? `${changed}; ${count(kept)} kept from the previous import` : changed);
    else if (kept > 0) keptOnly.push(`${plural(kept, one, many)} kept from the previous import`);
  }
  sentences.push(...keptOnly);
  return sentences.length ? `${sentences.join('. ')}.` : 'Nothing changed.';
}

/** "synced 12 min ago" (a file: "imported 12 min ago", the demo: "loaded …"), or what has not happened yet. */
export function lastSuccessLabel(source: string, at: number | undefined, now: number): string {
  const verb = source === 'file' ? 'imported' : source === 'demo' ? 'loaded' : 'synced';
  if (at === undefined) return source === 'file' ? 'nothing imported yet' : 'not synced yet';
  return `${verb} ${timeAgo(at, now)}`;
}

/** "next sync in 25 min", "next sync in 2 h", "next sync due now". */
export function nextRunLabel(at: number, now: number): string {
  const d = at - now;
  if (d < MINUTE) return 'next sync due now';
  if (d < HOUR) return `next sync in ${Math.round(d / MINUTE)} min`;
  return `next sync in ${Math.round(d / HOUR)} h`;
}

/** "Syncing… 12,000 records so far" while a run writes its generation (a file: "Importing…"). */
export function stagingLabel(source: string, records: number): string {
  return `${source === 'file' ? 'Importing' : 'Syncing'}… ${count(records)} records so far`;
}

/** A failed run in plain words: when, and what to do (the message is the sync's own, written for people). */
export function lastErrorLabel(at: number, message: string, now: number): string {
  return `Last sync failed ${timeAgo(at, now)}: ${message}`;
}

/** "••••1a2b": enough of a token to tell two apart, never enough to use. */
export function maskedToken(token: string | undefined): string | undefined {
  if (!token) return undefined;
  return `••••${token.slice(-4)}`;
}
