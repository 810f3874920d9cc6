import type { TierlensDB } from '../../db/db';
import { sourceOfId } from '../../db/generations';
import type { LocalEdit, PushState } from '../../db/outbox';
import { fieldKey, type PushOp, planPush } from '../../edits/plan';
import type { TargetOp } from './types';

/** Where the source stands on an id an op names. */
type Resolved =
  | { status: 'ready'; remoteId: string }
  /** A record created from Tierlens whose creation is not confirmed yet (or was refused: the user may retry it). */
  | { status: 'waiting' }
  /** A record that was never created there (its creation was undone or settled otherwise), or not the source's. */
  | { status: 'nowhere'; why: string };

const CREATES = new Set(['new_contact', 'new_account']);

/**
 * What the source calls an id: its own ids as they are, a record created from Tierlens by the
 * id its creation was given. `creations`: the creation edits of the local ids asked about.
 */
function resolve(id: string, source: string, creations: ReadonlyMap<string, LocalEdit>): Resolved {
  if (sourceOfId(id) === source) return { status: 'ready', remoteId: id };
  if (sourceOfId(id) !== 'local') return { status: 'nowhere', why: `it is not a ${label(source)} record` };
  const creation = creations.get(id);
  if (creation?.state === 'pushed' && creation.remoteId) return { status: 'ready', remoteId: creation.remoteId };
  if (creation && ['pending', 'pushing', 'failed'].includes(creation.state)) return { status: 'waiting' };
  return { status: 'nowhere', why: `the record it changes was never created in ${label(source)}` };
}

/** The creation edit of each local id (one indexed read; nothing awaited per op inside the transaction). */
async function creationsOf(db: TierlensDB, ids: readonly string[]): Promise<Map<string, LocalEdit>> {
  const local = [...new Set(ids.filter((id) => sourceOfId(id) === 'local'))];
  const edits = await Promise.all(local.map((id) => db.outbox.where('entityId').equals(id).toArray()));
  return new Map(
    edits
      .flat()
      .filter((e) => CREATES.has(e.kind))
      .map((e) => [e.entityId, e]),
  );
}

/**
 * The outbox's edits in these states, a query per state: `equals` on the index is one key range,
 * where `anyOf` walks the index by cursor jumps (measured 30× slower on fake-indexeddb).
 */
export async function editsIn(db: TierlensDB, states: readonly PushState[]): Promise<LocalEdit[]> {
  return (await Promise.all(states.map((s) => db.outbox.where('state').equals(s).toArray()))).flat();
}

/** The ops due now that can go, and the edits that can never go (with why). */
export interface Claim {
  ops: TargetOp[];
  doomed: Array<{ op: PushOp; why: string }>;
}

/**
 * Picks up to `limit` ops due now, skipping the fields already tried in this run, and fails, in
 * the same transaction, the edits that can never go. The claimed edits keep their state: they
 * become `pushing` only right before a write request carries them (markSending), so a stop
 * while the target reads leaves them waiting, not "sent". An edit already `pushing` was sent by
 * an earlier run and may have landed: the target reads what the source holds before writing.
 *
 * Claiming is not exclusive: edits are claimed whatever their mark, so one run at a time is the
 * runner's to ensure (push-runner.ts).
 */
export async function claimOps(
  db: TierlensDB,
  source: string,
  now: number,
  limit: number,
  tried: ReadonlySet<string>,
): Promise<Claim> {
  return db.transaction('rw', db.outbox, async () => {
    const edits = await editsIn(db, ['pending', 'pushing', 'failed']);
    const planned = planPush(edits, now);
    const creations = await creationsOf(
      db,
      planned.flatMap((op) => [op.entityId, accountOf(op)]),
    );
    const ops: TargetOp[] = [];
    const doomed: Claim['doomed'] = [];
    for (const op of planned) {
      if (ops.length >= limit) break;
      if (tried.has(fieldKey(op))) continue;
      // A record to create is named by its own local id; a new account is its own account.
      const own: Resolved = { status: 'ready', remoteId: op.entityId };
      const entity = CREATES.has(op.kind) ? own : resolve(op.entityId, source, creations);
      const account = op.kind === 'new_account' ? own : resolve(accountOf(op), source, creations);
      const blocked = [entity, account].find((r) => r.status !== 'ready');
      if (blocked?.status === 'waiting') continue;
      if (blocked?.status === 'nowhere') {
        doomed.push({ op, why: blocked.why });
        continue;
      }
      if (entity.status !== 'ready' || account.status !== 'ready') continue;
      ops.push({ ...op, remoteEntityId: entity.remoteId, remoteAccountId: account.remoteId });
    }
    const failed = doomed.flatMap(({ op, why }) =>
      op.opIds.map((key) => ({
        key,
        changes: { state: 'failed' as const, lastError: `This edit cannot reach ${label(source)}: ${why}.` },
      })),
    );
    await db.outbox.bulkUpdate(failed);
    return { ops, doomed };
  });
}

/** The account an op belongs to: a new contact names its company. */
function accountOf(op: PushOp): string {
  if (op.kind === 'new_contact') return (op.value as { accountId?: string }).accountId ?? op.accountId;
  return op.accountId;
}

function label(source: string): string {
  return source === 'hubspot' ? 'HubSpot' : source;
}

/** When the earliest edit waiting to be sent (again) is due. */
export async function nextAttemptAt(db: TierlensDB): Promise<number | undefined> {
  const waiting = await editsIn(db, ['pending', 'pushing']);
  const times = waiting.map((e) => e.nextAttemptAt).filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}
