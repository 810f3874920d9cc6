import type { TierlensDB } from '../../db/db';
import { type LocalEdit, OPEN_STATES } from '../../db/outbox';
import { backoffMs, type RetryPolicy } from '../retry';
import type { PushOutcome, TargetOp } from './types';

export interface RecordOptions {
  now: number;
  random: () => number;
  policy: RetryPolicy;
}

const CREATES = new Set(['new_contact', 'new_account']);

/** The changes an outcome makes to one edit of its op. */
function changesFor(edit: LocalEdit, op: TargetOp, outcome: PushOutcome, retryAt: number, options: RecordOptions) {
  switch (outcome.status) {
    case 'confirmed':
      return {
        state: 'pushed' as const,
        confirmedAt: options.now,
        lastError: undefined,
        nextAttemptAt: undefined,
        ...(outcome.remoteId && CREATES.has(edit.kind) && edit.opId === op.opId ? { remoteId: outcome.remoteId } : {}),
      };
    case 'conflict':
      return { state: 'conflict' as const, remote: outcome.remote, lastError: undefined, nextAttemptAt: undefined };
    case 'failed':
      return { state: 'failed' as const, lastError: outcome.error, nextAttemptAt: undefined };
    case 'retry':
      return {
        // An edit a write request carried (now or in an earlier run) may have landed: it is no
        // longer one the user can take back unsent, and stays `pushing` (sent, unconfirmed) while
        // it waits. One never sent stays `pending`. The mark, not the outcome, says which: it was
        // on disk before any request carrying the edit left; `mayHaveLanded` only errs on the safe side.
        state: edit.state === 'pushing' || outcome.mayHaveLanded ? ('pushing' as const) : ('pending' as const),
        attempts: edit.attempts + 1,
        lastError: outcome.error,
        nextAttemptAt: retryAt,
      };
  }
}

/**
 * Records what became of each op, for every edit it settles, in one transaction: confirmed edits
 * are `pushed` (a create with the id the source gave it), conflicts keep the source's value,
 * refusals say why, and the rest wait their backoff (`Retry-After` as a floor, full jitter):
 * `pending` if no request carrying them ever left, else still `pushing`.
 * Only edits still open (pending or pushing) change: one the user settled meanwhile keeps what
 * they chose.
 */
export async function recordOutcomes(
  db: TierlensDB,
  ops: readonly TargetOp[],
  outcomes: readonly PushOutcome[],
  options: RecordOptions,
): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    // One read for all: nothing but Dexie requests is awaited inside the transaction.
    const stored = await db.outbox.bulkGet(ops.flatMap((op) => op.opIds));
    const open = new Map(
      stored.filter((e): e is LocalEdit => !!e && OPEN_STATES.includes(e.state)).map((e) => [e.opId, e]),
    );
    const updates: Array<{ key: string; changes: Partial<LocalEdit> }> = [];
    for (const [i, op] of ops.entries()) {
      const outcome = outcomes[i];
      if (!outcome) continue;
      const edits = op.opIds.flatMap((id) => open.get(id) ?? []);
      const tries = Math.max(1, ...edits.map((e) => e.attempts + 1));
      const retryAfter = outcome.status === 'retry' ? outcome.retryAfterMs : undefined;
      const retryAt = options.now + backoffMs(tries, options.policy, options.random, retryAfter);
      for (const edit of edits)
        updates.push({ key: edit.opId, changes: changesFor(edit, op, outcome, retryAt, options) });
    }
    await db.outbox.bulkUpdate(updates);
  });
}
