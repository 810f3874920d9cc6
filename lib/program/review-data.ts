import type { TierlensDB } from '../db/db';
import { dataView, sourceOfId } from '../db/generations';
import type { Touchpoint } from '../db/touchpoints';
import { touchpointsOf } from '../db/touchpoints';
import { applyEdits } from '../edits/overlay';
import { type AccountView, scoreAccount } from '../scoring/account-view';
import type { CalibratedModel } from '../scoring/calibration';
import type { Settings, Tier } from '../settings/types';
import type { ScoreRow } from './score-row';
import type { TierChange } from './sla';

/**
 * What a review reads beyond the score rows, for one rep's accounts: every touchpoint and every
 * logged tier change (the SLA over the quarter, by the tier each account had then) and, for the Tier 1 accounts, the full scored view with the user's edits
 * (champion, blocker, opportunity, actions), as the side panel scores an account.
 */
export async function loadReviewInputs(
  main: TierlensDB,
  rows: readonly ScoreRow[],
  settings: Settings,
  calibration: CalibratedModel | undefined,
  now: number,
): Promise<{ tier1: AccountView[]; touchpoints: Map<string, Touchpoint[]>; tierChanges: Map<string, TierChange[]> }> {
  const view = await dataView(main);
  const tierChanges = new Map<string, TierChange[]>();
  const logged = await main.changeLog
    .where('accountId')
    .anyOf(rows.map((r) => r.id))
    .toArray();
  for (const e of logged) {
    if (e.kind !== 'tier' || !e.accountId) continue;
    const change: TierChange = { at: e.at, before: e.before as Tier | null, after: e.after as Tier | null };
    const changes = tierChanges.get(e.accountId);
    if (changes) changes.push(change);
    else tierChanges.set(e.accountId, [change]);
  }
  const [states, edits] = await Promise.all([main.syncState.toArray(), main.outbox.toArray()]);
  const lastSync = new Map<string, number | undefined>(states.map((s) => [s.source, s.lastSuccess]));
  const touchpoints = new Map<string, Touchpoint[]>();
  const tier1: AccountView[] = [];
  for (const db of view.all) {
    const mine = rows.filter((r) => view.forId(r.id) === db);
    if (mine.length === 0) continue;
    const ids = mine.map((r) => r.id);
    const packed = await db.accountTouchpoints.bulkGet(ids);
    ids.forEach((id, i) => {
      touchpoints.set(id, touchpointsOf(packed[i]));
    });
    const top = mine.filter((r) => r.assignedTier === 1).map((r) => r.id);
    if (top.length === 0) continue;
    const [accounts, contacts] = await Promise.all([
      db.accounts.bulkGet(top),
      db.contacts.where('accountId').anyOf(top).toArray(),
    ]);
    for (const account of accounts) {
      if (!account) continue;
      const own = contacts.filter((c) => c.accountId === account.id);
      const edited = applyEdits(
        account,
        own,
        edits.filter((e) => e.accountId === account.id),
        lastSync.get(sourceOfId(account.id)),
      );
      tier1.push(
        scoreAccount(edited.account, edited.contacts, touchpoints.get(account.id) ?? [], settings, now, {
          calibration,
        }),
      );
    }
  }
  return { tier1, touchpoints, tierChanges };
}
