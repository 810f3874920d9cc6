import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/db';
import { dataView } from '@/lib/db/generations';
import { touchpointsOf } from '@/lib/db/touchpoints';
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
      const view = await dataView(getDb());
      const db = view.forId(accountId);
      const account = await db.accounts.get(accountId);
      if (!account) return undefined;
      const tier = account.assignedTier;
      const [contacts, touchpoints, tierUse] = await Promise.all([
        db.contacts.where('accountId').equals(accountId).toArray(),
        db.accountTouchpoints.get(accountId).then(touchpointsOf),
        tier === undefined
          ? undefined
          : Promise.all(view.all.map((d) => d.accounts.where('assignedTier').equals(tier).count())).then((counts) =>
              counts.reduce((a, b) => a + b, 0),
            ),
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
