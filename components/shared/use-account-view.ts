import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { SourceId } from '@/lib/db/accounts';
import { getDb } from '@/lib/db/db';
import { dataView, sourceOfId } from '@/lib/db/generations';
import { touchpointsOf } from '@/lib/db/touchpoints';
import { applyEdits, type EditedAccount } from '@/lib/edits/overlay';
import { readScores, readScoresState } from '@/lib/program/store';
import { type AccountView, scoreAccount } from '@/lib/scoring/account-view';
import type { CalibratedModel } from '@/lib/scoring/calibration';
import { type FitRank, fitRanks } from '@/lib/scoring/orchestration';
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
  const ranks = useFitRanks(settings?.orchestration.mode === 'grades');
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
        fitRank: rankOf(ranks, accountId),
      });
      return { view: scored, edited };
    },
    [accountId, settings, calibration, ranks],
    null,
  );
}

/** The account's rank, when the derived scores rank it. */
function rankOf(ranks: Map<string, number> | undefined, accountId: string): FitRank | undefined {
  const rank = ranks?.get(accountId);
  return rank === undefined || !ranks ? undefined : { rank, of: ranks.size };
}

/**
 * Every graded account's fit rank, from the background's derived scores (lib/program): read and
 * sorted once per visible run, outside the account's live query, so that a rescoring's progress
 * does not rescore the account on screen. Only read when the org orchestrates by grade; undefined
 * until the first run completed (the panel then says the rank is not known yet). An edit the
 * background patches into the run is not a new version: a rank reads only the name, the
 * worst-case grade and the fit (sameRankEntry, lib/program/segments.ts), which no edit changes
 * (an account added here changes the data the run rests on: a new run). Before, every edit
 * re-read and re-sorted every row, 500,000 at scale.
 */
function useFitRanks(enabled: boolean): Map<string, number> | undefined {
  const version = useLiveQuery(
    () =>
      enabled
        ? readScoresState(getDb()).then((s) => (s?.run === undefined ? 'none' : `${s.run}:${s.at ?? ''}`))
        : 'off',
    [enabled],
  );
  const [ranks, setRanks] = useState<Map<string, number>>();
  useEffect(() => {
    if (version === undefined || version === 'off' || version === 'none') {
      setRanks(undefined);
      return;
    }
    let live = true;
    void readScores(getDb()).then(({ rows }) => {
      if (live) setRanks(fitRanks(rows));
    });
    return () => {
      live = false;
    };
  }, [version]);
  return ranks;
}
