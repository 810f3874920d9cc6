import { useLiveQuery } from 'dexie-react-hooks';
import { Section } from '@/components/shared/section';
import type { PersonMatch } from '@/lib/accounts/resolve-person';
import { getDb } from '@/lib/db/db';
import { dataView } from '@/lib/db/generations';
import type { PersonRef } from '@/lib/detect/types';
import { roleLabel } from '@/lib/scoring/roles';

/** The person the page is about (a profile, a lead): their buyer roles when they are a known contact. */
export function PersonOnPage({
  person,
  match,
  accountId,
  accountName,
}: {
  person: PersonRef;
  match: PersonMatch | undefined;
  accountId: string;
  accountName: string;
}) {
  const contact = useLiveQuery(
    async () =>
      match ? ((await (await dataView(getDb())).forId(match.contactId).contacts.get(match.contactId)) ?? null) : null,
    [match?.contactId],
    null,
  );
  const shownName = contact?.name ?? person.name ?? person.linkedinSlug ?? 'This person';
  let body: React.ReactNode;
  if (!contact) {
    body = <p className="muted">Not a known contact at {accountName}.</p>;
  } else if (contact.accountId !== accountId) {
    body = <p className="muted">A known contact, but at another account in your CRM.</p>;
  } else {
    body = (
      <p className="person-roles">
        {contact.buyingRoles.length === 0
          ? 'No buyer role yet.'
          : contact.buyingRoles.map((r) => (
              <span key={r} className="role-chip">
                {roleLabel(r)}
              </span>
            ))}
        {match?.matchedBy === 'name' && <span className="muted"> · matched by name</span>}
      </p>
    );
  }
  return (
    <Section title="On this page">
      <p className="person-name">
        <strong>{shownName}</strong>
        {(contact?.title ?? person.title) && <span className="muted"> · {contact?.title ?? person.title}</span>}
      </p>
      {body}
    </Section>
  );
}
