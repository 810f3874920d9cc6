import { useEffect, useState } from 'react';

/**
 * The time, renewed every `everyMs` (30 s by default): "synced 12 min ago" moves on while the
 * page stays open, without a render per second.
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
