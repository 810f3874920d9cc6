import type { Contact } from '../db/contacts';
import type { TierlensDB } from '../db/db';
import { dataView, type VisibleData } from '../db/generations';
import type { PersonRef } from '../detect/types';
import { normaliseSlug } from '../keys/normalise';

/** The known contact a page's person is, and how we know. */
export interface PersonMatch {
  contactId: string;
  accountId: string;
  matchedBy: 'linkedin-profile' | 'name';
}

/** "José  Moreau" and "jose moreau" are the same name; a title or a middle dot is not part of it. */
export function normalisePersonName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Finds the contact a page's person is: by LinkedIn profile slug first (anywhere, preferring the
 * page's account), else by name within the page's account only — a name alone is too common to
 * search every account with. Two contacts equally matching are no match.
 */
export async function resolvePerson(
  db: TierlensDB | VisibleData,
  person: PersonRef | undefined,
  accountId: string | undefined,
): Promise<PersonMatch | undefined> {
  if (!person) return undefined;
  const view = 'all' in db ? db : await dataView(db);
  const pick = (found: Contact[], matchedBy: PersonMatch['matchedBy']): PersonMatch | undefined => {
    const inAccount = found.filter((c) => c.accountId === accountId);
    const candidates = inAccount.length > 0 ? inAccount : found;
    const [only] = candidates;
    return candidates.length === 1 && only ? { contactId: only.id, accountId: only.accountId, matchedBy } : undefined;
  };
  if (person.linkedinSlug) {
    const slug = normaliseSlug(person.linkedinSlug);
    const found = await Promise.all(view.all.map((d) => d.contacts.where('linkedinSlug').equals(slug).toArray()));
    const bySlug = found.flat();
    const match = pick(bySlug, 'linkedin-profile');
    if (match) return match;
  }
  if (person.name && accountId) {
    const wanted = normalisePersonName(person.name);
    const inAccount = await view.forId(accountId).contacts.where('accountId').equals(accountId).toArray();
    return pick(
      inAccount.filter((c) => normalisePersonName(c.name) === wanted),
      'name',
    );
  }
  return undefined;
}
