import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../db/contacts';
import { TierlensDB } from '../db/db';
import { normalisePersonName, resolvePerson } from './resolve-person';

const contact = (id: string, accountId: string, name: string, linkedinSlug?: string): Contact => ({
  id,
  accountId,
  name,
  linkedinSlug,
  buyingRoles: [],
  updatedAt: 0,
});

describe('resolvePerson', () => {
  const db = new TierlensDB(`person-${Math.random()}`);
  beforeAll(async () => {
    await db.contacts.bulkAdd([
      contact('c1', 'acme', 'José Moreau', 'jose-moreau-1'),
      contact('c2', 'acme', 'Ana Quinn'),
      contact('c3', 'globex', 'Ana Quinn'),
      contact('c4', 'acme', 'Sam Lee'),
      contact('c5', 'acme', 'Sam Lee'),
      contact('c6', 'globex', 'Moved Person', 'moved-person'),
    ]);
  });
  afterAll(() => db.delete());

  it.each`
    case                                                      | person                                                  | account      | expected
    ${'a profile slug finds the contact'}                     | ${{ linkedinSlug: 'jose-moreau-1' }}                    | ${'acme'}    | ${{ contactId: 'c1', accountId: 'acme', matchedBy: 'linkedin-profile' }}
    ${'the slug is compared percent-decoded and lower-cased'} | ${{ linkedinSlug: 'Jose-Moreau-1' }}                    | ${undefined} | ${{ contactId: 'c1', accountId: 'acme', matchedBy: 'linkedin-profile' }}
    ${'a slug finds the contact even at another account'}     | ${{ linkedinSlug: 'moved-person' }}                     | ${'acme'}    | ${{ contactId: 'c6', accountId: 'globex', matchedBy: 'linkedin-profile' }}
    ${'without a known slug, the name within the account'}    | ${{ linkedinSlug: 'someone-else', name: 'ana  QUINN' }} | ${'globex'}  | ${{ contactId: 'c3', accountId: 'globex', matchedBy: 'name' }}
    ${'accents and spacing do not matter to a name'}          | ${{ name: 'Jose Moreau' }}                              | ${'acme'}    | ${{ contactId: 'c1', accountId: 'acme', matchedBy: 'name' }}
    ${'a name is never searched across every account'}        | ${{ name: 'Ana Quinn' }}                                | ${undefined} | ${undefined}
    ${'two contacts with the same name are no match'}         | ${{ name: 'Sam Lee' }}                                  | ${'acme'}    | ${undefined}
    ${'a stranger is no match'}                               | ${{ linkedinSlug: 'nobody', name: 'Nobody Known' }}     | ${'acme'}    | ${undefined}
    ${'no person, no match'}                                  | ${undefined}                                            | ${'acme'}    | ${undefined}
  `('$case', async ({ person, account, expected }) => {
    expect(await resolvePerson(db, person, account)).toEqual(expected);
  });
});

describe('normalisePersonName', () => {
  it.each([
    ['José Moreau', 'jose moreau'],
    ['  ANA   quinn ', 'ana quinn'],
    ["O'Brien-Smith", 'o brien smith'],
  ])('reads %j as %j', (name, expected) => {
    expect(normalisePersonName(name)).toBe(expected);
  });
});
