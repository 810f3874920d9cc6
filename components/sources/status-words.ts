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
