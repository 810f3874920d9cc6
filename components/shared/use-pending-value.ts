import { useState } from 'react';

/**
 * A control's value while the edit it made is being written: the clicked value, until the shown
 * value (read back from the database) changes, or the write fails and `hold(undefined)` drops
 * it. So a checkbox stays as clicked instead of flickering back for the moment the strict
 * write and the live query take; the edit's state still says "waiting" only once it is on disk.
 */
export function usePendingValue<T>(shown: T): [T, (value: T | undefined) => void] {
  const key = JSON.stringify(shown);
  const [pending, setPending] = useState<{ value: T; over: string }>();
  const value = pending && pending.over === key ? pending.value : shown;
  return [value, (next) => setPending(next === undefined ? undefined : { value: next, over: key })];
}
