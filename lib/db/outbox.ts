import type { Account } from './accounts';
import type { BuyingRole, Contact } from './contacts';

/**
 * What a local edit changes. Set-like fields carry their whole new value (the tag set, the
 * contact's role set), so that writing one twice is harmless and an undo is the edit back.
 */
export type EditKind =
  | 'tags'
  | 'buying_roles'
  | 'tier'
  | 'tier_proposal'
  | 'target'
  | 'note'
  | 'new_contact'
  | 'new_account'
  /** The account was reviewed with sales (its last review date); kept in Tierlens. */
  | 'reviewed';

/**
 * Where an edit stands on its way back to the source:
 * - `pending`: waiting to be sent (again, after a retryable error: see `nextAttemptAt`);
 * - `pushing`: sent, no answer yet (after a stop, sent again: the push checks what the source holds);
 * - `pushed`: the source confirmed it;
 * - `failed`: the source refused it for a reason a retry cannot fix; the user may Retry;
 * - `conflict`: the source changed the field since the edit's base; the user chooses;
 * - `local`: its account has no source to write back to (demo, a file, the team feed): kept
 *   here and in the edits export;
 * - `discarded`: the user took the source's value in a conflict, or undid it before it was sent.
 */
export type PushState = 'pending' | 'pushing' | 'pushed' | 'failed' | 'conflict' | 'local' | 'discarded';

/** A tier proposal: someone other than the account's owner suggests a tier, with why. */
export interface TierProposal {
  tier: number | null;
  reason: string;
  by: string;
}

/** A note on an account. */
export interface AccountNote {
  text: string;
  by: string;
}

/** The value of each kind of edit. */
export interface EditValues {
  tags: string[];
  buying_roles: BuyingRole[];
  tier: number | null;
  tier_proposal: TierProposal;
  target: boolean;
  note: AccountNote;
  new_contact: Contact;
  new_account: Account;
  /** Epoch ms of the review. */
  reviewed: number;
}

/**
 * A user's edit, written locally first (strict durability) and pushed back later. `base` is the
 * value the user saw when making it, so a push can tell that the source changed in between.
 */
export interface LocalEdit<K extends EditKind = EditKind> {
  /** Unique op id: pushes are idempotent on it. */
  opId: string;
  kind: K;
  /** The account or contact the edit changes. */
  entityId: string;
  /** The account the user saw when making it (for a contact's edit, the contact's account). */
  accountId: string;
  value: EditValues[K];
  /** The value shown before the edit; `null` for notes, proposals and new records. */
  base: EditValues[K] | null;
  createdAt: number;
  state: PushState;
  attempts: number;
  /** Why the last push did not land, in plain words. */
  lastError?: string;
  /** Not before this time (epoch ms): a retryable error's backoff, or the source's `Retry-After`. */
  nextAttemptAt?: number;
  /** When the source confirmed it. */
  confirmedAt?: number;
  /** What the source held at a conflict. */
  remote?: unknown;
  /** For a created contact or account: its id in the source, once created. */
  remoteId?: string;
}

/** Schema v1–v5: the outbox by op id, entity, state and time. */
export const outboxSchemaV1 = 'opId, entityId, state, createdAt';
/** Schema v6 adds the account each edit is about: the side panel reads an account's edits at once. */
export const outboxSchema = 'opId, entityId, accountId, state, createdAt';

/** The states an edit can still change from by itself (the background sends or re-sends it). */
export const OPEN_STATES: readonly PushState[] = ['pending', 'pushing'];
