import { useCallback, useRef, useState } from 'react';
import type { TierlensDB } from '@/lib/db/db';
import { getStrictDb } from '@/lib/db/db';
import { sendMessage } from '@/lib/messaging';

/**
 * Tells the background the outbox changed, so that it updates the badges and pushes what is due.
 * A background that is stopped or not listening reads the outbox when it starts: nothing is lost.
 */
export function notifyEditsChanged(): void {
  sendMessage('editsChanged').catch(() => {});
}

/**
 * Runs edit actions (record, undo, retry, settle a conflict) on the strict-durability
 * connection: the UI shows an edit as made once it is on disk. `busy` while one runs (one at a
 * time: a double click records once), `error` in words when one failed.
 */
export function useEditActions(): {
  run: (action: (db: TierlensDB, now: number) => Promise<unknown>) => Promise<boolean>;
  busy: boolean;
  error: string | undefined;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const running = useRef(false);
  const run = useCallback(async (action: (db: TierlensDB, now: number) => Promise<unknown>) => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(undefined);
    try {
      await action(getStrictDb(), Date.now());
      notifyEditsChanged();
      return true;
    } catch (e) {
      setError(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { run, busy, error };
}
