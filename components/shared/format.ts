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
    maximumFractionDigits: 1,
  }).format(usd);
}

/** 4200 → "4,200". */
export const count = (n: number): string => n.toLocaleString('en-US');
