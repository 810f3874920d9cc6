import type { TierlensDB } from '../../db/db';
import { type LocalEdit, OPEN_STATES } from '../../db/outbox';
import type { TargetOp } from './types';

/**
 * Marks the edits of the ops a write request is about to carry `pushing` (sent), in one
 * transaction, and answers the ops that may go. `db` should be the strict-durability connection:
 * when this resolves the mark is on disk, so a stop once the request has left finds the edits
 * "sent" and the next run checks what the source holds before writing again.
 *
 * An op goes only while every edit it settles is still open (pending or pushing): the target read
 * the source with the edits still `pending`, so the user could take one back meanwhile (a note,
 * a proposal or a new contact discarded by Undo). Such an op is no longer the intent: it stays
 * unmarked and unsent, and the next run plans what is left of its field.
 */
export async function markSending(db: TierlensDB, ops: readonly TargetOp[]): Promise<TargetOp[]> {
  if (!ops.length) return [];
  return db.transaction('rw', db.outbox, async () => {
    const stored = await db.outbox.bulkGet(ops.flatMap((op) => op.opIds));
    const open = new Map(
      stored.filter((e): e is LocalEdit => !!e && OPEN_STATES.includes(e.state)).map((e) => [e.opId, e]),
    );
    const going = ops.filter((op) => op.opIds.every((id) => open.has(id)));
    const unmarked = going.flatMap((op) => op.opIds).filter((id) => open.get(id)?.state !== 'pushing');
    await db.outbox.bulkUpdate(unmarked.map((key) => ({ key, changes: { state: 'pushing' as const } })));
    return going;
  });
}
