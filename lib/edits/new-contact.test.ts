import { describe, expect, it } from 'vitest';
import type { Contact } from '../db/contacts';
import { contactFromPerson, personAmong } from './new-contact';

describe('"Add as contact" for the person on screen', () => {
  it('makes a local contact at the account shown, with the name, title and profile shown', () => {
    const contact = contactFromPerson(
      { name: 'Sam Example', title: 'Principal Engineer at Microsoft', linkedinSlug: 'Sam-Example' },
      'demo:12',
      1000,
      () => 'uuid-1',
    );
    expect(contact).toEqual({
      id: 'local:uuid-1',
      accountId: 'demo:12',
      name: 'Sam Example',
      title: 'Principal Engineer at Microsoft',
      linkedinSlug: 'sam-example',
      buyingRoles: [],
      updatedAt: 1000,
    });
  });

  it('names a person the page gave no name by their profile, and cannot add nobody', () => {
    expect(contactFromPerson({ linkedinSlug: 'sam-example' }, 'demo:1', 0, () => 'x')?.name).toBe('sam-example');
    expect(contactFromPerson({ title: 'CFO' }, 'demo:1', 0)).toBeUndefined();
  });
});

describe('the person on screen among the account’s contacts', () => {
  const contact = (id: string, name: string, linkedinSlug?: string): Contact => ({
    id,
    accountId: 'demo:1',
    name,
    buyingRoles: [],
    updatedAt: 0,
    ...(linkedinSlug ? { linkedinSlug } : {}),
  });
  const contacts = [
    contact('a', 'Jane Doe', 'jane-doe'),
    contact('b', 'José Moreau'),
    contact('c', 'Kim Lee'),
    contact('d', 'Kim Lee'),
  ];

  it('is found by LinkedIn profile first, then by a name only one contact has', () => {
    expect(personAmong({ linkedinSlug: 'Jane-Doe', name: 'Someone Else' }, contacts)?.id).toBe('a');
    expect(personAmong({ name: 'jose  moreau' }, contacts)?.id).toBe('b');
  });

  it('is nobody when two contacts share the name', () => {
    expect(personAmong({ name: 'Kim Lee' }, contacts)).toBeUndefined();
  });
});
