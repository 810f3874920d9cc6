import { useEffect, useState } from 'react';
import { type AccountRows, groupByAccount } from '@/lib/accounts/account-rows';
import { getDb } from '@/lib/db/db';
import { dataView } from '@/lib/db/generations';
import { touchpointsOf } from '@/lib/db/touchpoints';

let cached: Promise<AccountRows[]> | undefined;

/** Every account with its contacts and touchpoints, grouped in one pass. */
async function readAll(): Promise<AccountRows[]> {
  const view = await dataView(getDb());
  const parts = await Promise.all(
    view.all.map((db) => Promise.all([db.accounts.toArray(), db.contacts.toArray(), db.accountTouchpoints.toArray()])),
  );
  return groupByAccount(
    parts.flatMap(([accounts]) => accounts),
    parts.flatMap(([, contacts]) => contacts),
    parts.flatMap(([, , rows]) => rows.flatMap(touchpointsOf)),
  );
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
