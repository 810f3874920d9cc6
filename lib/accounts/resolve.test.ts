import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import { TierlensDB } from '../db/db';
import { companyKeys, registrableDomain } from '../keys/company-keys';
import { pickMatch, type Resolution, resolveKeys } from './resolve';

type Candidate = Pick<Account, 'id' | 'keys'>;
const acme: Candidate = { id: 'hubspot:1', keys: ['li#1035', 'li:acme', 'dom:acme.com', 'name:acme'] };
const acmeUk: Candidate = { id: 'hubspot:2', keys: ['li#2046', 'li:acme-uk', 'dom:acme.com', 'name:acme'] };
const acmeLabs: Candidate = { id: 'file:3', keys: ['li:acme', 'dom:acmelabs.io', 'name:acme labs'] };
const globex: Candidate = { id: 'hubspot:4', keys: ['li#3057', 'li:globex', 'dom:globex.com', 'name:globex'] };

describe('pickMatch', () => {
  const RULES: { rule: string; keys: string[]; candidates: Candidate[]; expected: Resolution }[] = [
    {
      rule: 'li# beats li:',
      keys: ['li#1035', 'li:acme'],
      candidates: [acmeLabs, acme],
      expected: { status: 'matched', accountId: 'hubspot:1', matchedBy: 'li#1035', lowConfidence: false },
    },
    {
      rule: 'li: beats dom:',
      keys: ['li:acme-uk', 'dom:acme.com'],
      candidates: [acme, acmeUk],
      expected: { status: 'matched', accountId: 'hubspot:2', matchedBy: 'li:acme-uk', lowConfidence: false },
    },
    {
      rule: 'dom: beats name:',
      keys: ['dom:acmelabs.io', 'name:acme'],
      candidates: [acme, acmeLabs],
      expected: { status: 'matched', accountId: 'file:3', matchedBy: 'dom:acmelabs.io', lowConfidence: false },
    },
    {
      rule: 'a stronger kind decides even when a weaker kind is ambiguous',
      keys: ['li#2046', 'dom:acme.com', 'name:acme'],
      candidates: [acme, acmeUk],
      expected: { status: 'matched', accountId: 'hubspot:2', matchedBy: 'li#2046', lowConfidence: false },
    },
    {
      rule: 'a key kind that matches nothing gives way to the next',
      keys: ['li#9999', 'li:nobody', 'dom:globex.com'],
      candidates: [acme, globex],
      expected: { status: 'matched', accountId: 'hubspot:4', matchedBy: 'dom:globex.com', lowConfidence: false },
    },
    {
      rule: 'two accounts of one source at the strongest matching kind are ambiguous, ids sorted',
      keys: ['li:acme', 'dom:acme.com'],
      candidates: [acme, { ...acmeLabs, id: 'hubspot:3' }],
      expected: { status: 'ambiguous', accountIds: ['hubspot:1', 'hubspot:3'], matchedBy: 'li:acme' },
    },
    {
      rule: 'one company known to two sources by the same key is one match, the CRM’s copy shown, the other named',
      keys: ['li:acme', 'dom:acme.com'],
      candidates: [acmeLabs, acme],
      expected: {
        status: 'matched',
        accountId: 'hubspot:1',
        matchedBy: 'li:acme',
        lowConfidence: false,
        alsoIn: ['file:3'],
      },
    },
    {
      rule: 'the demo’s copy of a company gives way to an imported one',
      keys: ['dom:acme.com'],
      candidates: [
        { id: 'demo:7', keys: ['dom:acme.com'] },
        { id: 'file:acme.com', keys: ['dom:acme.com'] },
      ],
      expected: {
        status: 'matched',
        accountId: 'file:acme.com',
        matchedBy: 'dom:acme.com',
        lowConfidence: false,
        alsoIn: ['demo:7'],
      },
    },
    {
      rule: 'two sources matching by two different keys of the kind are ambiguous, not merged',
      keys: ['li#1035', 'li#3057'],
      candidates: [acme, { ...globex, id: 'file:4' }],
      expected: { status: 'ambiguous', accountIds: ['file:4', 'hubspot:1'], matchedBy: 'li#1035' },
    },
    {
      rule: 'two accounts matched by two different keys of the same kind are ambiguous',
      keys: ['li#1035', 'li#3057'],
      candidates: [globex, acme],
      expected: { status: 'ambiguous', accountIds: ['hubspot:1', 'hubspot:4'], matchedBy: 'li#1035' },
    },
    {
      rule: 'one account matched by several keys is one match',
      keys: ['li#1035', 'li:acme', 'dom:acme.com', 'name:acme'],
      candidates: [acme],
      expected: { status: 'matched', accountId: 'hubspot:1', matchedBy: 'li#1035', lowConfidence: false },
    },
    {
      rule: 'one account matched by several keys of the same kind is one match',
      keys: ['li:acme-uk', 'li#2046', 'li:acme-uk-ltd'],
      candidates: [{ id: 'hubspot:2', keys: ['li:acme-uk', 'li:acme-uk-ltd'] }],
      expected: { status: 'matched', accountId: 'hubspot:2', matchedBy: 'li:acme-uk', lowConfidence: false },
    },
    {
      rule: 'the same account listed twice is one match',
      keys: ['dom:globex.com'],
      candidates: [globex, globex],
      expected: { status: 'matched', accountId: 'hubspot:4', matchedBy: 'dom:globex.com', lowConfidence: false },
    },
    {
      rule: 'a match by name alone is low-confidence',
      keys: ['li:globex-intl', 'name:globex'],
      candidates: [acme, globex],
      expected: { status: 'matched', accountId: 'hubspot:4', matchedBy: 'name:globex', lowConfidence: true },
    },
    {
      rule: 'two accounts by name alone are ambiguous',
      keys: ['name:acme'],
      candidates: [acmeUk, acme],
      expected: { status: 'ambiguous', accountIds: ['hubspot:1', 'hubspot:2'], matchedBy: 'name:acme' },
    },
    {
      rule: 'no matching key is unknown',
      keys: ['li:initech', 'dom:initech.com', 'name:initech'],
      candidates: [acme, globex],
      expected: { status: 'unknown' },
    },
    { rule: 'no keys is unknown', keys: [], candidates: [acme], expected: { status: 'unknown' } },
    { rule: 'no candidates is unknown', keys: ['li#1035'], candidates: [], expected: { status: 'unknown' } },
  ];
  it.each(RULES.map((r) => [r.rule, r] as const))('%s', (_rule, { keys, candidates, expected }) => {
    expect(pickMatch(keys, candidates)).toEqual(expected);
  });
});

describe('resolveKeys on the accounts database', () => {
  const db = new TierlensDB(`test-${crypto.randomUUID()}`);

  const account = (id: string, name: string, identity: Parameters<typeof companyKeys>[0]): Account => ({
    id,
    name,
    keys: companyKeys({ name, ...identity }),
    domains: (identity.websites ?? []).flatMap((site) => registrableDomain(site) ?? []),
    linkedinSlugs: [...(identity.linkedinSlugs ?? [])],
    linkedinIds: [...(identity.linkedinIds ?? [])],
    isTarget: false,
    updatedAt: 0,
    source: 'file',
    generation: 1,
  });

  beforeAll(async () => {
    await db.accounts.bulkAdd([
      account('file:audiense', 'Audiense Ltd', {
        linkedinSlugs: ['audiense'],
        linkedinIds: ['10529043'],
        websites: ['https://www.audiense.com'],
      }),
      account('file:acme', 'Acme, Inc.', { linkedinSlugs: ['acme'], websites: ['acme.com'] }),
      account('file:acme-uk', 'Acme Ltd', { linkedinSlugs: ['acme-uk'], websites: ['shop.acme.co.uk'] }),
      account('file:acme-dup', 'ACME Inc', { websites: ['https://acme.com/'] }),
      account('file:globex', 'Globex', { websites: ['globex.com'] }),
    ]);
  });

  afterAll(async () => {
    db.close();
    await db.delete();
  });

  it('looks keys up through the multi-entry index on the accounts table', () => {
    expect(db.accounts.schema.idxByName.keys).toMatchObject({ name: 'keys', multi: true });
  });

  const PAGES: { page: string; keys: string[]; expected: Resolution }[] = [
    {
      page: 'the Audiense page, by its URL id and every key the page gave',
      keys: companyKeys({
        linkedinIds: ['10529043'],
        linkedinSlugs: ['audiense'],
        websites: ['http://www.audiense.com'],
        name: 'Audiense',
      }),
      expected: { status: 'matched', accountId: 'file:audiense', matchedBy: 'li#10529043', lowConfidence: false },
    },
    {
      page: 'a slug URL whose slug differs in case and encoding',
      keys: companyKeys({ linkedinSlugs: ['Acme%2DUK'] }),
      expected: { status: 'matched', accountId: 'file:acme-uk', matchedBy: 'li:acme-uk', lowConfidence: false },
    },
    {
      page: 'a website two accounts share',
      keys: companyKeys({ websites: ['https://blog.acme.com'] }),
      expected: { status: 'ambiguous', accountIds: ['file:acme', 'file:acme-dup'], matchedBy: 'dom:acme.com' },
    },
    {
      page: 'a slug beside that shared website',
      keys: companyKeys({ linkedinSlugs: ['acme'], websites: ['acme.com'], name: 'Acme' }),
      expected: { status: 'matched', accountId: 'file:acme', matchedBy: 'li:acme', lowConfidence: false },
    },
    {
      page: 'a name alone',
      keys: companyKeys({ name: 'Globex Corporation' }),
      expected: { status: 'matched', accountId: 'file:globex', matchedBy: 'name:globex', lowConfidence: true },
    },
    {
      page: 'a company not in the accounts',
      keys: companyKeys({ linkedinSlugs: ['initech'], websites: ['initech.com'], name: 'Initech' }),
      expected: { status: 'unknown' },
    },
    { page: 'no keys at all', keys: [], expected: { status: 'unknown' } },
  ];
  it.each(PAGES.map((p) => [p.page, p] as const))('resolves %s', async (_page, { keys, expected }) => {
    expect(await resolveKeys(db, keys)).toEqual(expected);
  });
});
