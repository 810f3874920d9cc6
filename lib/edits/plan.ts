import type { EditKind, LocalEdit } from '../db/outbox';

/**
 * One write to the source: the user's last intent for one field (or one record to create, one
 * note to append), with the base it is checked against and every edit it settles.
 */
export interface PushOp {
  kind: EditKind;
  entityId: string;
  accountId: string;
  /** The value to write: the latest edit's. */
  value: unknown;
  /**
   * What the source held when the user started changing this field: the base of the earliest
   * edit not yet confirmed. A source that holds something else now is a conflict.
   */
  base: unknown;
  /** The edits this write settles, oldest first; the last one is the intent. */
  opIds: string[];
  /** The latest edit's op id: the write's idempotency key. */
  opId: string;
}

/** Kinds each edit of which is its own write (appended or created), never folded into a later one. */
const EACH_ITS_OWN: ReadonlySet<EditKind> = new Set(['note', 'new_contact', 'new_account']);

/**
 * Folds the open edits (pending or sent without an answer) into the writes the source needs:
 * several changes of one field before a push become one write of the last value, checked against
 * the first one's base. Records to create come first, so that edits of a new contact find it.
 * Edits not due yet (`nextAttemptAt` in the future) hold their whole field back, keeping order.
 */
export function planPush(edits: readonly LocalEdit[], now: number): PushOp[] {
  const open = edits
    .map((e, i) => [e, i] as const)
    .filter(([e]) => e.state === 'pending' || e.state === 'pushing')
    .sort(([a, i], [b, j]) => a.createdAt - b.createdAt || i - j)
    .map(([e]) => e);
  const chains = new Map<string, LocalEdit[]>();
  for (const e of open) {
    const key = EACH_ITS_OWN.has(e.kind) ? `${e.kind}\u0000${e.opId}` : `${e.kind}\u0000${e.entityId}`;
    const chain = chains.get(key);
    if (chain) chain.push(e);
    else chains.set(key, [e]);
  }
  const ops: PushOp[] = [];
  for (const chain of chains.values()) {
    if (chain.some((e) => (e.nextAttemptAt ?? 0) > now)) continue;
    const first = chain[0] as LocalEdit;
    const last = chain.at(-1) as LocalEdit;
    ops.push({
      kind: last.kind,
      entityId: last.entityId,
      accountId: last.accountId,
      value: last.value,
      base: first.base,
      opIds: chain.map((e) => e.opId),
      opId: last.opId,
    });
  }
  const rank = (k: EditKind) => (k === 'new_account' ? 0 : k === 'new_contact' ? 1 : 2);
  return ops.sort((a, b) => rank(a.kind) - rank(b.kind));
}
