const HOUR = 3_600_000;
/** Business day in the browser's time zone: 09:00–17:00, Monday to Friday. */
const OPEN = 9;
const CLOSE = 17;

const isWeekend = (d: Date) => d.getDay() === 0 || d.getDay() === 6;

/** The moment `hours` business hours after `from` (local time, weekends excluded). */
export function addBusinessHours(from: number, hours: number): number {
  const d = new Date(from);
  let left = hours * HOUR;
  for (let guard = 0; guard < 10_000 && left > 0; guard++) {
    if (isWeekend(d) || d.getHours() >= CLOSE) {
      d.setDate(d.getDate() + 1);
      d.setHours(OPEN, 0, 0, 0);
      continue;
    }
    if (d.getHours() < OPEN) d.setHours(OPEN, 0, 0, 0);
    const close = new Date(d);
    close.setHours(CLOSE, 0, 0, 0);
    const step = Math.min(left, close.getTime() - d.getTime());
    d.setTime(d.getTime() + step);
    left -= step;
  }
  return d.getTime();
}

/** 4 → "4 business hours", 8 → "1 business day", 24 → "3 business days" (an 8-hour business day). */
export function describeBusinessHours(hours: number): string {
  const span = CLOSE - OPEN;
  if (hours >= span && hours % span === 0) {
    const days = hours / span;
    return `${days} business day${days === 1 ? '' : 's'}`;
  }
  return `${hours} business hour${hours === 1 ? '' : 's'}`;
}
