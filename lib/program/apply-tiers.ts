import type { TierlensDB } from '../db/db';
import { recordEdit } from '../edits/record';
import { tierRight } from '../edits/tier-owner';
import type { Tier } from '../settings/types';
import type { ScoreRow } from './score-row';

/** A tier change the rep decided in tier selection (or in an account review). */
export interface TierChange {
  row: ScoreRow;
  from: Tier | undefined;
  to: Tier | undefined;
}

/** What became of the decisions: tier changes made, and proposals where the user is not the owner. */
export interface AppliedTiers {
  changed: number;
  proposed: number;
}

/**
 * Records each decision through the write path (lib/edits/record.ts, the strict connection):
 * as the account's tier when the user owns its tier (tierRight: the owner, or anyone when the
 * account has no owner), else as a tier proposal to its owner, with `reason`. The caller tells
 * the background (editsChanged), which shows the tiers on the badges, rescores the accounts and
 * pushes what goes back to the CRM.
 */
export async function applyTierChanges(
  db: TierlensDB,
  changes: readonly TierChange[],
  me: string | undefined,
  reason: string,
  now: number,
): Promise<AppliedTiers> {
  let changed = 0;
  let proposed = 0;
  for (const { row, from, to } of changes) {
    const { may } = tierRight(me, row);
    if (may === 'change') {
      await recordEdit(
        db,
        {
          kind: 'tier',
          entityId: row.id,
          accountId: row.id,
          value: to ?? null,
          base: from ?? null,
          by: me,
          accountName: row.name,
        },
        now,
      );
      changed++;
    } else {
      await recordEdit(
        db,
        {
          kind: 'tier_proposal',
          entityId: row.id,
          accountId: row.id,
          value: { tier: to ?? null, reason, by: me ?? '' },
          base: null,
        },
        now,
      );
      proposed++;
    }
  }
  return { changed, proposed };
}
