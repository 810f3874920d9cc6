import { Section } from '@/components/shared/section';
import type { Contact } from '@/lib/db/contacts';
import type { EditedAccount } from '@/lib/edits/overlay';
import type { AccountView } from '@/lib/scoring/account-view';
import { roleLabel } from '@/lib/scoring/roles';
import type { RoleRule } from '@/lib/settings/types';
import { ContactRoles, rolesEditOf } from './contact-roles';

/** Who holds each buyer role, which roles the tier still needs mapped, and each contact's roles to edit. */
export function BuyerRoles({
  view,
  edited,
  rules,
}: {
  view: AccountView;
  edited: EditedAccount;
  rules: readonly RoleRule[];
}) {
  const { roles, contactCount } = view;
  const aside = roles.required.length ? (
    <span className={roles.missing.length ? 'warn' : 'ok'}>
      {roles.covered.length}/{roles.required.length} required
    </span>
  ) : (
    <span className="muted">{contactCount} contacts</span>
  );
  return (
    <Section title="Buyer roles" aside={aside}>
      {roles.roles.length === 0 ? (
        <p className="muted">No buyer roles mapped yet.</p>
      ) : (
        <ul className="roles">
          {roles.roles.map((r) => (
            <li key={r.role} className={r.contacts.length === 0 ? 'role role-missing' : 'role'}>
              <span className="role-name">
                {roleLabel(r.role)}
                {r.required && (
                  <span className="required" title="Required by the tier">
                    {' '}
                    *
                  </span>
                )}
              </span>
              <span className="role-holders">
                {r.contacts.length === 0
                  ? 'missing'
                  : r.contacts.map((c) => (c.title ? `${c.name} (${c.title})` : c.name)).join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3 className="subhead">People</h3>
      {edited.contacts.length === 0 ? (
        <p className="muted">No contacts at this account yet.</p>
      ) : (
        <ul className="people" aria-label={`People at ${view.account.name}`}>
          {edited.contacts.map((c) => (
            <Person key={c.id} contact={c} edited={edited} rules={rules} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function Person({ contact, edited, rules }: { contact: Contact; edited: EditedAccount; rules: readonly RoleRule[] }) {
  const added = edited.addedContacts[contact.id];
  return (
    <li className="person">
      <p className="person-line">
        <strong>{contact.name}</strong>
        {contact.title && <span className="muted"> · {contact.title}</span>}
        {added && <span className="added-tag">added here</span>}
      </p>
      <ContactRoles
        contact={contact}
        accountId={edited.account.id}
        rules={rules}
        roles={rolesEditOf(edited, contact.id)}
        added={added}
      />
    </li>
  );
}
