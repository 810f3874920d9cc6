import type { EditKind, LocalEdit } from '../db/outbox';

/**
 * One write to the source: the user's last intent for one field (or one record to create, one
 * note to append), with the bases it is checked against and every edit it settles.
 */
export interface PushOp {
  kind: EditKind;
  entityId: string;
  accountId: string;
  /** The value to write: the latest edit's. */
  value: unknown;
  /**
   * What the source held when the user started changing this field: the base of the earliest
   * edit not yet confirmed.
   */
  base: unknown;
  /**
   * Every value the source may hold for the write to go ahead; anything else is someone else's
   * change, a conflict. Each edit's base (what the user saw: Tierlens's value or a synced one),
   * each earlier edit's value (its write may have landed before the worker stopped), and the base
   * of each refused edit of the field (a refused write left the source as it was).
   */
  bases: unknown[];
  /** The edits this write settles, oldest first; the last one is the intent. */
  opIds: string[];
  /** The latest edit's op id: the write's idempotency key. */
  opId: string;
}

/** Kinds each edit of which is its own write (appended or created), never folded into a later one. */
const EACH_ITS_OWN: ReadonlySet<EditKind> = new Set(['note', 'new_contact', 'new_account']);

const isOpen = (e: LocalEdit) => e.state === 'pending' || e.state === 'pushing';

/** The field an edit writes: its kind and entity, or the edit itself for kinds that are each their own write. */
export function fieldKey(e: Pick<LocalEdit, 'kind' | 'entityId' | 'opId'>): string {
  return EACH_ITS_OWN.has(e.kind) ? `${e.kind}\u0000${e.opId}` : `${e.kind}\u0000${e.entityId}`;
}

/** Edits oldest first; two made in the same millisecond keep the order they were stored in. */
function chronological(edits: readonly LocalEdit[]): LocalEdit[] {
  return edits
    .map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => a.createdAt - b.createdAt || i - j)
    .map(([e]) => e);
}

/** `values` without repeats (compared as JSON: edit values are plain data). */
function distinct(values: readonly unknown[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const v of values) seen.set(JSON.stringify(v ?? null), v ?? null);
  return [...seen.values()];
}

/**
 * Folds the open edits (pending or sent without an answer) into the writes the source needs:
 * several changes of one field before a push become one write of the last value, checked against
 * the bases of them all. Records to create come first, so that edits of a new contact find it.
 * Edits not due yet (`nextAttemptAt` in the future) hold their whole field back, keeping order.
 * `edits` may hold settled edits too: refused ones lend their bases.
 */
export function planPush(edits: readonly LocalEdit[], now: number): PushOp[] {
  const ordered = chronological(edits);
  const refusedBases = new Map<string, unknown[]>();
  for (const e of ordered) {
    if (e.state !== 'failed' || EACH_ITS_OWN.has(e.kind)) continue;
    refusedBases.set(fieldKey(e), [...(refusedBases.get(fieldKey(e)) ?? []), e.base]);
  }
  const chains = new Map<string, LocalEdit[]>();
  for (const e of ordered.filter(isOpen)) {
    const chain = chains.get(fieldKey(e));
    if (chain) chain.push(e);
    else chains.set(fieldKey(e), [e]);
  }
  const ops: PushOp[] = [];
  for (const [key, chain] of chains) {
    if (chain.some((e) => (e.nextAttemptAt ?? 0) > now)) continue;
    const first = chain[0] as LocalEdit;
    const last = chain.at(-1) as LocalEdit;
    ops.push({
      kind: last.kind,
      entityId: last.entityId,
      accountId: last.accountId,
      value: last.value,
      base: first.base,
      bases: distinct([
        ...chain.map((e) => e.base),
        ...chain.slice(0, -1).map((e) => e.value),
        ...(refusedBases.get(key) ?? []),
      ]),
      opIds: chain.map((e) => e.opId),
      opId: last.opId,
    });
  }
  const rank = (k: EditKind) => (k === 'new_account' ? 0 : k === 'new_contact' ? 1 : 2);
  return ops.sort((a, b) => rank(a.kind) - rank(b.kind));
}
