/** What a local edit changes. */
export type EditKind = 'tag' | 'buying_role' | 'tier_proposal' | 'note' | 'new_contact' | 'new_account';

/** Where the edit stands on its way back to the source. */
export type PushState = 'pending' | 'pushing' | 'pushed' | 'failed';

/**
 * A user's edit, written locally first and pushed back later. `base` is the value the edit
 * was made on, so a push can detect that the source changed in between.
 */
export interface LocalEdit {
  /** Unique op id: pushes are idempotent on it. */
  opId: string;
  kind: EditKind;
  /** The account or contact the edit is about. */
  entityId: string;
  value: unknown;
  base: unknown;
  createdAt: number;
  state: PushState;
  attempts: number;
  lastError?: string;
}

export const outboxSchema = 'opId, entityId, state, createdAt';
