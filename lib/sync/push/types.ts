import type { PushOp } from '../../edits/plan';

/**
 * A write as the engine hands it to a target: the plan's op, with the source's ids for what it
 * names. A record created from Tierlens (`local:…`) is named by the id the source gave it.
 */
export interface TargetOp extends PushOp {
  /** The id, in Tierlens's form (`hubspot:123`), of the record the op writes; for a create, its own local id. */
  remoteEntityId: string;
  /** The id of the op's account in the source (a new contact is associated with it). */
  remoteAccountId: string;
}

/** What became of one op. */
export type PushOutcome =
  /** The source holds the intent: written now, or found already there (a retried write whose answer was lost). */
  | { status: 'confirmed'; wrote: boolean /** A created record's id, Tierlens's form. */; remoteId?: string }
  /** The source holds neither the intent nor a value the user saw: someone else changed it. */
  | { status: 'conflict'; remote: unknown }
  /** Refused for a reason a retry cannot fix; `error` says what to do, in plain words. */
  | { status: 'failed'; error: string }
  /**
   * Not sent or not answered (network, timeout, 429, 5xx, 423, the token refused): try again
   * later. `mayHaveLanded` when a write was sent and its fate is unknown (a lost answer, a
   * timeout, a 5xx): the edit is then no longer one the user can take back unsent.
   */
  | { status: 'retry'; error: string; retryAfterMs?: number; mayHaveLanded: boolean };

/** What the engine does for the target while it pushes. */
export interface PushHooks {
  /**
   * Called, and awaited, right before each write request leaves, with the ops it would carry;
   * answers those that may go. They are then durably `pushing` (sent): a stop from here on
   * leaves them checked before anything is written again. The others are no longer the user's
   * intent (an edit of theirs was taken back while the target read) and must not be written;
   * the target answers them with a `retry` that did not land. Never called for an op settled by
   * the read alone (already there, a conflict, a refusal). Rejects only when the outbox cannot
   * be written: then nothing may go.
   */
  beforeWrite(ops: readonly TargetOp[]): Promise<TargetOp[]>;
}

/**
 * A source's writer: one outcome per op, in order. It reads what the source holds first (to find
 * a write that already landed, or a conflict), then writes the rest, each write request after
 * `hooks.beforeWrite`. It never throws for an op's sake.
 */
export interface PushTarget {
  push(ops: readonly TargetOp[], signal: AbortSignal, hooks: PushHooks): Promise<PushOutcome[]>;
}
