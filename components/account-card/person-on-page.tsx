import { useLiveQuery } from 'dexie-react-hooks';
import { Section } from '@/components/shared/section';
import { useEditActions } from '@/components/shared/use-edit-actions';
import type { PersonMatch } from '@/lib/accounts/resolve-person';
import { getDb } from '@/lib/db/db';
import { dataView } from '@/lib/db/generations';
import type { PersonRef } from '@/lib/detect/types';
import { contactFromPerson, personAmong } from '@/lib/edits/new-contact';
import type { EditedAccount } from '@/lib/edits/overlay';
import { recordEdit } from '@/lib/edits/record';
import type { RoleRule } from '@/lib/settings/types';
import { ContactRoles, rolesEditOf } from './contact-roles';

/**
 * The person the page is about (a profile, a lead): their buyer roles to edit when they are a
 * contact of the account (from the CRM, or added here), else "Add as contact". The contact is
 * added to the account the card shows, with the name, title and profile the card shows.
 */
export function PersonOnPage({
  person,
  match,
  edited,
  rules,
}: {
  person: PersonRef;
  match: PersonMatch | undefined;
  edited: EditedAccount;
  rules: readonly RoleRule[];
}) {
  const account = edited.account;
  const inAccount =
    (match?.accountId === account.id ? edited.contacts.find((c) => c.id === match.contactId) : undefined) ??
    personAmong(person, edited.contacts);
  // Known at another account: read only to say so (and offer to add them here, where they are now).
  const elsewhere = useLiveQuery(
    async () =>
      match && !inAccount && match.accountId !== account.id
        ? ((await (await dataView(getDb())).forId(match.contactId).contacts.get(match.contactId)) ?? null)
        : null,
    [match?.contactId, match?.accountId, account.id, inAccount?.id],
    null,
  );
  const { run, busy, error } = useEditActions();
  const shown = inAccount ?? elsewhere;
  const shownName = shown?.name ?? person.name ?? person.linkedinSlug ?? 'This person';
  const title = shown?.title ?? person.title;

  const addAsContact = () =>
    void run(async (db, now) => {
      const contact = contactFromPerson(person, account.id, now);
      if (!contact) throw new Error('the page names nobody to add');
      await recordEdit(
        db,
        { kind: 'new_contact', entityId: contact.id, accountId: account.id, value: contact, base: null },
        now,
      );
    });

  return (
    <Section title="On this page">
      <p className="person-name">
        <strong>{shownName}</strong>
        {title && <span className="muted"> · {title}</span>}
        {inAccount && edited.addedContacts[inAccount.id] && <span className="added-tag">added here</span>}
        {inAccount && match?.matchedBy === 'name' && match.contactId === inAccount.id && (
          <span className="muted"> · matched by name</span>
        )}
      </p>
      {inAccount ? (
        <ContactRoles
          contact={inAccount}
          accountId={account.id}
          rules={rules}
          roles={rolesEditOf(edited, inAccount.id)}
          added={edited.addedContacts[inAccount.id]}
        />
      ) : (
        <>
          <p className="muted">
            {elsewhere
              ? 'A known contact, but at another account in your CRM.'
              : `Not a known contact at ${account.name}.`}
          </p>
          {(person.name || person.linkedinSlug) && (
            <div className="edit-row">
              <button type="button" className="edit-button" disabled={busy} onClick={addAsContact}>
                Add as contact
              </button>
              <span className="muted">to {account.name}</span>
            </div>
          )}
          {error && (
            <p className="edit-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </Section>
  );
}
