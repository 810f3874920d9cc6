import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/db';
import { type AccountView, scoreAccount } from '@/lib/scoring/account-view';
import type { CalibratedModel } from '@/lib/scoring/calibration';
import type { Settings } from '@/lib/settings/types';

/** The scored account, recomputed whenever its rows or the settings change. `null` while loading. */
export function useAccountView(
  accountId: string | undefined,
  settings: Settings | undefined,
  calibration: CalibratedModel | undefined,
): AccountView | undefined | null {
  return useLiveQuery(
    async () => {
      if (!accountId || !settings) return settings ? undefined : null;
      const db = getDb();
      const account = await db.accounts.get(accountId);
      if (!account) return undefined;
      const [contacts, touchpoints, tierUse] = await Promise.all([
        db.contacts.where('accountId').equals(accountId).toArray(),
        db.touchpoints.where('[accountId+at]').between([accountId, -Infinity], [accountId, Infinity]).toArray(),
        account.assignedTier === undefined
          ? undefined
          : db.accounts.where('assignedTier').equals(account.assignedTier).count(),
      ]);
      return scoreAccount(account, contacts, touchpoints, settings, Date.now(), {
        assignedInTier: tierUse,
        calibration,
      });
    },
    [accountId, settings, calibration],
    null,
  );
}
