import { Section } from '@/components/shared/section';
import type { AccountView } from '@/lib/scoring/account-view';
import { roleLabel } from '@/lib/scoring/roles';

/** Who holds each buyer role, and which roles the tier still needs mapped. */
export function BuyerRoles({ view }: { view: AccountView }) {
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
    </Section>
  );
}
