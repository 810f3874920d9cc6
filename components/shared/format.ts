const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function timeAgo(at: number, now: number): string {
  const d = Math.max(0, now - at);
  if (d < MINUTE) return 'just now';
  if (d < HOUR) return `${Math.floor(d / MINUTE)} min ago`;
  if (d < DAY) return `${Math.floor(d / HOUR)} h ago`;
  const days = Math.floor(d / DAY);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** "now", "today 17:00", "tomorrow", "in 3 days", "2 days overdue", with the date for anything further. */
export function dueLabel(due: number, now: number): string {
  const startOf = (t: number) => new Date(t).setHours(0, 0, 0, 0);
  const days = Math.round((startOf(due) - startOf(now)) / DAY);
  if (Math.abs(due - now) < MINUTE) return 'now';
  if (due < now) {
    const late = Math.max(0, Math.floor((now - due) / DAY));
    return late === 0 ? 'overdue' : `${late} day${late === 1 ? '' : 's'} overdue`;
  }
  if (days === 0) {
    return `today ${new Date(due).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
  }
  if (days === 1) return 'tomorrow';
  if (days < 7) return `in ${days} days`;
  return new Date(due).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** 12_500_000 → "$12.5M". */
export function money(usd: number): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    // A currency's own minimum (2 for USD) would otherwise be clamped to 1: "$50.0K", "$999.0".
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(usd);
}

/** 4200 → "4,200". */
export const count = (n: number): string => n.toLocaleString('en-US');

/** Each source as a sentence names it: "from HubSpot", "from a file". */
const FROM: Record<string, string> = {
  hubspot: 'HubSpot',
  feed: 'the team feed',
  file: 'a file',
  demo: 'the demo data',
  local: 'this device',
};

/** A source's name after "also in": "Also in the demo data". */
const ALSO_IN: Record<string, string> = {
  ...FROM,
  file: 'an imported file',
  local: 'the accounts added on this device',
};

/** A source's name at the start of a sentence: "HubSpot", "The team feed". */
export function sourceTitle(source: string): string {
  const name = FROM[source] ?? source;
  if (source === 'file') return 'The file import';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * How old a source's data is and where it came from: "Synced 2 h ago from HubSpot",
 * "Imported 5 min ago from a file", "From the demo data, loaded 1 day ago", "Added on this device".
 */
export function freshness(source: string, lastSuccess: number | undefined, now: number): string {
  if (source === 'local') return 'Added on this device';
  const from = FROM[source] ?? source;
  if (lastSuccess === undefined) return `From ${from}, not synced yet`;
  const ago = timeAgo(lastSuccess, now);
  if (source === 'file') return `Imported ${ago} from ${from}`;
  if (source === 'demo') return `From ${from}, loaded ${ago}`;
  return `Synced ${ago} from ${from}`;
}

/** The other sources that know the same company: "Also in HubSpot and the demo data" (ids or source names). */
export function alsoIn(idsOrSources: readonly string[]): string | undefined {
  const sources = [...new Set(idsOrSources.map((s) => (s.includes(':') ? s.slice(0, s.indexOf(':')) : s)))];
  const names = sources.map((s) => ALSO_IN[s] ?? s);
  if (names.length === 0) return undefined;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Also in ${list}`;
}

/** Whether a source has been failing for a day or more: long enough to warn wherever its data shows. */
export function failingForADay(failingSince: number | undefined, now: number): boolean {
  return failingSince !== undefined && now - failingSince >= DAY;
}

/** "HubSpot has not synced for 2 days: <why>". */
export function failingWarning(source: string, failingSince: number, now: number, error?: string): string {
  const days = Math.max(1, Math.floor((now - failingSince) / DAY));
  const since = `${sourceTitle(source)} has not synced for ${days} day${days === 1 ? '' : 's'}`;
  return error ? `${since}: ${error}` : since;
}
