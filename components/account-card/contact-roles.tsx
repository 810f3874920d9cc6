import { useId, useState } from 'react';
import { EditState, UNDOABLE_UNTIL_SENT } from '@/components/shared/edit-state';
import { useEditActions } from '@/components/shared/use-edit-actions';
import { usePendingValue } from '@/components/shared/use-pending-value';
import { BUYING_ROLES, type BuyingRole, type Contact } from '@/lib/db/contacts';
import { valueWords } from '@/lib/edits/describe';
import type { EditedAccount, FieldEdit } from '@/lib/edits/overlay';
import { recordEdit } from '@/lib/edits/record';
import { suggestionSource, suggestRoles } from '@/lib/edits/suggest-roles';
import { roleLabel } from '@/lib/scoring/roles';
import type { RoleRule } from '@/lib/settings/types';

/** The roles edit behind a contact's shown roles, apart from their creation here. */
export function rolesEditOf(edited: EditedAccount, contactId: string): FieldEdit | undefined {
  const field = edited.contactFields[contactId];
  return field?.kind === 'buying_roles' ? field : undefined;
}

/** A role set in HubSpot's order: the same set is always the same value. */
const inOrder = (roles: Iterable<BuyingRole>): BuyingRole[] => {
  const set = new Set(roles);
  return BUYING_ROLES.filter((r) => set.has(r));
};

/**
 * One contact's buyer roles: shown as chips, edited with a checkbox per role, with the roles
 * their title or a rep's "(DM)" suggests, each confirmed with one click (never written without
 * it). Every change records the contact's whole role set, at the account the card shows.
 */
export function ContactRoles({
  contact,
  accountId,
  rules,
  roles: field,
  added,
}: {
  contact: Contact;
  /** The account the card shows: the edit is about it, whatever the tab shows by then. */
  accountId: string;
  rules: readonly RoleRule[];
  /** The edit behind the shown roles, if any. */
  roles?: FieldEdit;
  /** The contact's creation here, when it was added in Tierlens. */
  added?: FieldEdit;
}) {
  const [open, setOpen] = useState(false);
  const pickerId = useId();
  const { run, busy, error } = useEditActions();
  const base = contact.buyingRoles;
  const [held, hold] = usePendingValue(base);
  const save = (value: BuyingRole[]) => {
    hold(value);
    void run((db, now) =>
      recordEdit(db, { kind: 'buying_roles', entityId: contact.id, accountId, value, base }, now),
    ).then((ok) => ok || hold(undefined));
  };
  const suggestions = suggestRoles({ ...contact, buyingRoles: held }, rules);
  return (
    <div className="contact-roles">
      <div className="role-chips">
        {held.length === 0 ? (
          <span className="muted">No buyer role yet.</span>
        ) : (
          held.map((r) => (
            <span key={r} className="role-chip">
              {roleLabel(r)}
            </span>
          ))
        )}
        <button
          type="button"
          className="link"
          aria-expanded={open}
          aria-controls={pickerId}
          aria-label={`Edit roles of ${contact.name}`}
          onClick={() => setOpen(!open)}
        >
          Edit roles
        </button>
      </div>
      {open && (
        <fieldset id={pickerId} className="role-picker" disabled={busy}>
          <legend className="sr-only">Buyer roles of {contact.name}</legend>
          {BUYING_ROLES.map((r) => (
            <label key={r} className="role-option">
              <input
                type="checkbox"
                checked={held.includes(r)}
                onChange={(e) => save(inOrder(e.target.checked ? [...held, r] : held.filter((h) => h !== r)))}
              />{' '}
              {roleLabel(r)}
            </label>
          ))}
        </fieldset>
      )}
      {suggestions.map((s) => (
        <p key={s.role} className="suggestion">
          <span>
            Suggested: <strong>{roleLabel(s.role)}</strong> — {suggestionSource(s)}
          </span>
          <button
            type="button"
            className="edit-button"
            aria-label={`Confirm ${roleLabel(s.role)} for ${contact.name}`}
            disabled={busy}
            onClick={() => save(inOrder([...held, s.role]))}
          >
            Confirm
          </button>
        </p>
      ))}
      {added && (
        <EditState
          edit={added}
          accountId={accountId}
          about={`adding ${contact.name} as a contact`}
          label="Contact"
          canUndo={UNDOABLE_UNTIL_SENT.has(added.state)}
        />
      )}
      {field && (
        <EditState
          edit={field}
          accountId={accountId}
          about={`the roles of ${contact.name}`}
          label={added ? 'Roles' : undefined}
          mine={valueWords('buying_roles', held)}
          canUndo
        />
      )}
      {error && (
        <p className="edit-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
