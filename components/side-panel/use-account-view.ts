import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/db';
import { type AccountView, scoreAccount } from '@/lib/scoring/account-view';
import { loadSettings } from '@/lib/settings/store';

/** The scored account, recomputed whenever its rows change. `null` while loading. */
export function useAccountView(accountId: string | undefined): AccountView | undefined | null {
  return useLiveQuery(
    async () => {
      if (!accountId) return undefined;
      const db = getDb();
      const account = await db.accounts.get(accountId);
      if (!account) return undefined;
      const [contacts, touchpoints, settings] = await Promise.all([
        db.contacts.where('accountId').equals(accountId).toArray(),
        db.touchpoints.where('[accountId+at]').between([accountId, -Infinity], [accountId, Infinity]).toArray(),
        loadSettings(),
      ]);
      return scoreAccount(account, contacts, touchpoints, settings, Date.now());
    },
    [accountId],
    null,
  );
}
