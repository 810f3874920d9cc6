import { useLiveQuery } from 'dexie-react-hooks';
import type { SourceId } from '@/lib/db/accounts';
import { getDb } from '@/lib/db/db';
import { dataView, sourceOfId } from '@/lib/db/generations';
import { touchpointsOf } from '@/lib/db/touchpoints';
import { applyEdits, type EditedAccount } from '@/lib/edits/overlay';
import { type AccountView, scoreAccount } from '@/lib/scoring/account-view';
import type { CalibratedModel } from '@/lib/scoring/calibration';
import type { Settings } from '@/lib/settings/types';

/** The account on screen: scored as the user's edits make it, with where each edit stands. */
export interface PanelAccount {
  view: AccountView;
  edited: EditedAccount;
}

/**
 * The scored account, with the user's edits (from the outbox, in the main database) applied
 * before scoring, so that an edit shows at once in every section. Recomputed whenever its rows,
 * its edits or the settings change. `null` while loading.
 */
export function useAccountView(
  accountId: string | undefined,
  settings: Settings | undefined,
  calibration: CalibratedModel | undefined,
): PanelAccount | undefined | null {
  return useLiveQuery(
    async () => {
      if (!accountId || !settings) return settings ? undefined : null;
      const main = getDb();
      const view = await dataView(main);
      const db = view.forId(accountId);
      const [source, contacts, touchpoints, edits, syncState] = await Promise.all([
        db.accounts.get(accountId),
        db.contacts.where('accountId').equals(accountId).toArray(),
        db.accountTouchpoints.get(accountId).then(touchpointsOf),
        main.outbox.where('accountId').equals(accountId).toArray(),
        main.syncState.get(sourceOfId(accountId) as SourceId),
      ]);
      if (!source) return undefined;
      const edited = applyEdits(source, contacts, edits, syncState?.lastSuccess);
      const tier = edited.account.assignedTier;
      // The stored tiers counted, and this account where the user's edit puts it (other accounts'
      // pending tier edits are not counted: each would cost a read of its row).
      const tierUse =
        tier === undefined
          ? undefined
          : await Promise.all(view.all.map((d) => d.accounts.where('assignedTier').equals(tier).count())).then(
              (counts) => counts.reduce((a, b) => a + b, 0) + (source.assignedTier === tier ? 0 : 1),
            );
      const scored = scoreAccount(edited.account, edited.contacts, touchpoints, settings, Date.now(), {
        assignedInTier: tierUse,
        calibration,
      });
      return { view: scored, edited };
    },
    [accountId, settings, calibration],
    null,
  );
}
