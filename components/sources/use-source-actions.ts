import { useState } from 'react';
import { type ConnectSource, connectSourceSchema } from '@/lib/background/source-messages';
import { sendMessage } from '@/lib/messaging';

type Source = 'feed' | 'hubspot';
type Busy = 'connecting' | 'syncing' | 'disconnecting' | undefined;

/** How far a connect got (see `connect`). */
export type ConnectResult = 'invalid' | 'no-access' | 'refused' | 'connected';

/** Field → what is wrong with it, in the background's own words (the page checks with its schema). */
export type FieldErrors = Partial<Record<'url' | 'token', string>>;

/** Checks a connection as the background will, before anything is asked or sent. */
export function checkConnection(
  input: ConnectSource,
): { ok: true; value: ConnectSource } | { ok: false; errors: FieldErrors } {
  const parsed = connectSourceSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'url' || field === 'token') && !errors[field]) errors[field] = issue.message;
  }
  if (!errors.url && !errors.token) errors.url = parsed.error.issues[0]?.message ?? 'not a valid connection';
  return { ok: false, errors };
}

const words = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The browser stopped the background worker before it answered (it does so when idle, and a run
 * waiting on the network can look idle). The run is not lost: it resumes, and the source's status
 * says how it ends — so this is no error to show.
 */
export function isLostReply(error: unknown): boolean {
  return /message channel closed|message port closed|Receiving end does not exist|Could not establish connection/i.test(
    words(error),
  );
}

/** Connect, sync now and disconnect for one source, with what is running and what went wrong. */
export function useSourceActions(source: Source) {
  const [busy, setBusy] = useState<Busy>();
  const [error, setError] = useState<string>();
  const [errors, setErrors] = useState<FieldErrors>({});

  const run = async (what: Busy, action: () => Promise<void>) => {
    setBusy(what);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      if (!isLostReply(e)) setError(words(e));
    } finally {
      setBusy(undefined);
    }
  };

  /**
   * Validates, asks for the address's origin (`ensureAccess` must be the first await: the
   * browser asks only from a click), then hands the connection to the background. Says how far
   * it got: `invalid` (nothing asked or sent), `no-access` (the permission was refused),
   * `refused` (the background refused it: a token HubSpot rejects) or `connected`.
   */
  const connect = async (input: ConnectSource, ensureAccess: () => Promise<boolean>): Promise<ConnectResult> => {
    const checked = checkConnection(input);
    if (!checked.ok) {
      setErrors(checked.errors);
      return 'invalid';
    }
    setErrors({});
    let result: ConnectResult = 'no-access';
    await run('connecting', async () => {
      if (!(await ensureAccess())) {
        throw new Error(`Tierlens needs your permission to read ${new URL(checked.value.url).origin} to sync from it.`);
      }
      result = 'refused';
      await sendMessage('connectSource', checked.value);
      result = 'connected';
    });
    return result;
  };

  const syncNow = () =>
    // A failed run is recorded on the source: its status says so, once.
    run('syncing', async () => {
      await sendMessage('syncNow', { source });
    });

  const disconnect = () => run('disconnecting', () => sendMessage('disconnectSource', { source }));

  return { busy, error, errors, connect, syncNow, disconnect };
}
