import { useEffect, useState } from 'react';
import type { Account } from '@/lib/db/accounts';
import type { Contact } from '@/lib/db/contacts';
import { getDb } from '@/lib/db/db';
import type { Touchpoint } from '@/lib/db/touchpoints';
import type { AccountRows } from '@/lib/scoring/preview';

let cached: Promise<AccountRows[]> | undefined;

/** Every account with its contacts and touchpoints, grouped in one pass. */
async function readAll(): Promise<AccountRows[]> {
  const db = getDb();
  const [accounts, contacts, touchpoints] = await Promise.all([
    db.accounts.toArray(),
    db.contacts.toArray(),
    db.touchpoints.toArray(),
  ]);
  const rows = new Map<string, { account: Account; contacts: Contact[]; touchpoints: Touchpoint[] }>(
    accounts.map((account) => [account.id, { account, contacts: [], touchpoints: [] }]),
  );
  for (const c of contacts) rows.get(c.accountId)?.contacts.push(c);
  for (const t of touchpoints) rows.get(t.accountId)?.touchpoints.push(t);
  return [...rows.values()];
}

/**
 * All accounts' rows, read once per page: the preview reruns the scoring on every edit, not the
 * reads. `undefined` while reading.
 */
export function useAccountRows(): AccountRows[] | { error: string } | undefined {
  const [rows, setRows] = useState<AccountRows[] | { error: string }>();
  useEffect(() => {
    let live = true;
    cached ??= readAll();
    cached.then(
      (r) => live && setRows(r),
      (error: unknown) => {
        cached = undefined;
        if (live) setRows({ error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return rows;
}
