import type { Account } from '../db/accounts';
import type { BuyingRole, Contact } from '../db/contacts';
import type { AccountNote, EditKind, LocalEdit, PushState, TierProposal } from '../db/outbox';
import type { Tier } from '../settings/types';

/** Where the shown value of one field comes from, when an edit made it. */
export interface FieldEdit {
  opId: string;
  /** The kind of the edit: a contact's field may be its creation here or its roles. */
  kind: EditKind;
  state: PushState;
  /** The value the edit was made on. */
  base: unknown;
  lastError?: string;
  /** The source's value, at a conflict. */
  remote?: unknown;
  createdAt: number;
}

/** An account as the user's edits make it, with where each edited value stands. */
export interface EditedAccount {
  account: Account;
  /** The account's contacts with their edited roles, then the contacts added in Tierlens. */
  contacts: Contact[];
  /** The edit behind each edited field of the account. */
  fields: Partial<Record<'tags' | 'tier' | 'target', FieldEdit>>;
  /**
   * The edit behind each contact's roles, and behind each contact added here (its roles edit
   * once it has one), by contact id.
   */
  contactFields: Record<string, FieldEdit>;
  /** The creation of each contact added here, by contact id: its state, and what Undo discards. */
  addedContacts: Record<string, FieldEdit>;
  /** The notes not discarded, oldest first, whatever their state: the synced copy holds no notes. */
  notes: Array<AccountNote & FieldEdit>;
  /** The latest tier proposal, unless it was withdrawn (kept, like notes, after it is pushed). */
  proposal?: TierProposal & FieldEdit;
  /** Every edit of the account not yet settled: waiting, sent, failed or in conflict. */
  unsettled: number;
}

const SHOWN_STATES: ReadonlySet<PushState> = new Set(['pending', 'pushing', 'failed', 'conflict', 'local']);

/**
 * Whether an edit still decides what is shown. Open, failed, conflicting and local edits do.
 * A pushed one does until the source's data shown here was synced after the source confirmed
 * it: until then the local copy still holds the value before the edit.
 */
export function stillShown(edit: LocalEdit, syncedAt: number | undefined): boolean {
  if (SHOWN_STATES.has(edit.state)) return true;
  if (edit.state !== 'pushed') return false;
  return syncedAt === undefined || (edit.confirmedAt ?? edit.createdAt) >= syncedAt;
}

const fieldOf = (e: LocalEdit): FieldEdit => ({
  opId: e.opId,
  kind: e.kind,
  state: e.state,
  base: e.base,
  createdAt: e.createdAt,
  ...(e.lastError !== undefined ? { lastError: e.lastError } : {}),
  ...(e.remote !== undefined ? { remote: e.remote } : {}),
});

/** Edits oldest first; two made in the same millisecond keep the order they were stored in. */
function chronological(edits: readonly LocalEdit[]): LocalEdit[] {
  return edits
    .map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => a.createdAt - b.createdAt || i - j)
    .map(([e]) => e);
}

/**
 * Applies the user's edits to what the sources hold: the latest edit of each field wins, while
 * it is still shown (see `stillShown`). `syncedAt` is when the account's source data was last
 * synced (undefined for data that never syncs: demo, local, a file).
 */
export function applyEdits(
  account: Account,
  contacts: readonly Contact[],
  edits: readonly LocalEdit[],
  syncedAt?: number,
): EditedAccount {
  const mine = chronological(edits).filter((e) => e.accountId === account.id);
  const shown = mine.filter((e) => stillShown(e, syncedAt));
  const latest = new Map<string, LocalEdit>();
  const notes: EditedAccount['notes'] = [];
  const added: Contact[] = [];
  let proposal: EditedAccount['proposal'];
  // Notes and proposals have no field in the synced copy: a sync never brings them back, so they
  // stay shown, with their state, for as long as they are not discarded.
  for (const e of mine) {
    if (e.state === 'discarded') continue;
    if (e.kind === 'note') notes.push({ ...(e.value as AccountNote), ...fieldOf(e) });
    else if (e.kind === 'tier_proposal') proposal = { ...(e.value as TierProposal), ...fieldOf(e) };
  }
  for (const e of shown) {
    if (e.kind === 'new_contact') added.push(e.value as Contact);
    else if (e.kind !== 'note' && e.kind !== 'tier_proposal') latest.set(`${e.kind}\u0000${e.entityId}`, e);
  }
  const get = (kind: EditKind, id: string) => latest.get(`${kind}\u0000${id}`);

  const edited: Account = { ...account };
  const fields: EditedAccount['fields'] = {};
  const tags = get('tags', account.id);
  if (tags) {
    edited.tags = [...(tags.value as string[])];
    fields.tags = fieldOf(tags);
  }
  const tier = get('tier', account.id);
  if (tier) {
    edited.assignedTier = (tier.value as Tier | null) ?? undefined;
    fields.tier = fieldOf(tier);
  }
  // A review recorded in Tierlens (the CRM has no field for it): the later of the two dates shows.
  const reviewed = get('reviewed', account.id);
  if (reviewed && (reviewed.value as number) > (account.lastReviewedAt ?? 0)) {
    edited.lastReviewedAt = reviewed.value as number;
  }
  const target = get('target', account.id);
  if (target) {
    edited.isTarget = target.value as boolean;
    fields.target = fieldOf(target);
  }

  const contactFields: Record<string, FieldEdit> = {};
  const addedContacts: Record<string, FieldEdit> = {};
  const known = new Set(contacts.map((c) => c.id));
  const withRoles = (c: Contact): Contact => {
    const roles = get('buying_roles', c.id);
    if (!roles) return c;
    contactFields[c.id] = fieldOf(roles);
    return { ...c, buyingRoles: [...(roles.value as BuyingRole[])] };
  };
  const newOnes = added.filter((c) => !known.has(c.id));
  for (const c of newOnes) {
    const creation = shown.find((e) => e.kind === 'new_contact' && (e.value as Contact).id === c.id);
    if (creation) {
      contactFields[c.id] = fieldOf(creation);
      addedContacts[c.id] = fieldOf(creation);
    }
  }
  const allContacts = [...contacts.map(withRoles), ...newOnes.map(withRoles)];
  return {
    account: edited,
    contacts: allContacts,
    fields,
    contactFields,
    addedContacts,
    notes,
    ...(proposal ? { proposal } : {}),
    unsettled: shown.filter((e) => e.state !== 'pushed' && e.state !== 'local').length,
  };
}
