import { normalisePersonName } from '../accounts/resolve-person';
import type { Contact } from '../db/contacts';
import type { PersonRef } from '../detect/types';
import { normaliseSlug } from '../keys/normalise';

/**
 * The contact "Add as contact" creates for the person on screen: a `local:` id (the CRM gives
 * it its own once created), the account the panel showed, and the name, title and LinkedIn
 * profile the panel showed. `undefined` when the page gave neither a name nor a profile.
 */
export function contactFromPerson(
  person: PersonRef,
  accountId: string,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): Contact | undefined {
  const name = person.name?.trim() || person.linkedinSlug;
  if (!name) return undefined;
  const contact: Contact = { id: `local:${newId()}`, accountId, name, buyingRoles: [], updatedAt: now };
  const title = person.title?.trim();
  if (title) contact.title = title;
  if (person.linkedinSlug) contact.linkedinSlug = normaliseSlug(person.linkedinSlug);
  return contact;
}

/**
 * The contact among the account's (its own and those added here) that the person on screen is:
 * the one with their LinkedIn profile, else the only one with their name.
 */
export function personAmong(person: PersonRef, contacts: readonly Contact[]): Contact | undefined {
  if (person.linkedinSlug) {
    const slug = normaliseSlug(person.linkedinSlug);
    const bySlug = contacts.find((c) => c.linkedinSlug === slug);
    if (bySlug) return bySlug;
  }
  if (!person.name) return undefined;
  const wanted = normalisePersonName(person.name);
  const byName = contacts.filter((c) => normalisePersonName(c.name) === wanted);
  return byName.length === 1 ? byName[0] : undefined;
}
