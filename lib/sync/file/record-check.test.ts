import { describe, expect, it } from 'vitest';
import type { Account } from '../../db/accounts';
import type { Contact } from '../../db/contacts';
import type { Touchpoint } from '../../db/touchpoints';
import { accountRecordSchema, contactRecordSchema, touchpointRecordSchema } from '../records';
import { isValidAccount, isValidContact, isValidTouchpoint } from './record-check';

const DELETE = Symbol('delete');

/** Values at and around every bound the schemas set, and of the wrong types. */
const text = (n: number) => 'x'.repeat(n);
const EDGES: unknown[] = [
  DELETE,
  undefined,
  null,
  '',
  'a',
  'file:1',
  'ab:',
  'a:b',
  'A:b',
  'file:a\nb',
  `file:${text(294)}`,
  `file:${text(295)}`,
  text(100),
  text(101),
  text(200),
  text(201),
  text(253),
  text(254),
  text(300),
  text(301),
  text(320),
  text(321),
  text(500),
  text(501),
  text(600),
  text(601),
  'US',
  'us',
  'USA',
  'won',
  'lost',
  'draw',
  'file',
  'nope',
  'TOFU',
  'tofu',
  'web_visit',
  'CHAMPION',
  0,
  -0,
  -1,
  1,
  2,
  5,
  6,
  1.5,
  10_000_000,
  10_000_001,
  1e13,
  1e13 + 1,
  8.64e15,
  8.64e15 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  ['a'],
  ['123'],
  ['1'.repeat(20)],
  ['1'.repeat(21)],
  ['12a'],
  [1],
  ['CHAMPION', 'CHAMPION'],
  ['NOT_A_ROLE'],
  Array.from({ length: 8 }, () => 'CHAMPION'),
  Array.from({ length: 9 }, () => 'CHAMPION'),
  Array.from({ length: 50 }, () => 'a'),
  Array.from({ length: 51 }, () => 'a'),
  Array.from({ length: 200 }, () => 'a'),
  Array.from({ length: 201 }, () => 'a'),
  [text(200)],
  [text(201)],
  [text(253)],
  [text(254)],
  [text(600)],
  [text(601)],
  {},
  { name: 'x' },
  // Deals (opportunities): a good one, and one wrong in each way the schema refuses.
  [{ id: 'hubspot-deal:1', name: 'Renewal', status: 'open' }],
  [{ id: 'hubspot-deal:1', name: 'Renewal', status: 'won', amount: 1e13, closedAt: 8.64e15, createdAt: 0 }],
  [{ id: 'Hubspot-deal:1', name: 'Renewal', status: 'open' }],
  [{ id: '-deal:1', name: 'Renewal', status: 'open' }],
  [{ id: 'hubspot-deal:1', name: '', status: 'open' }],
  [{ id: 'hubspot-deal:1', name: 'R', status: 'draw' }],
  [{ id: 'hubspot-deal:1', name: 'R', status: 'open', amount: -1 }],
  [{ id: 'hubspot-deal:1', name: 'R', status: 'open', amount: 1e13 + 1 }],
  [{ id: 'hubspot-deal:1', name: 'R', status: 'open', closedAt: 1.5 }],
  [{ id: 'hubspot-deal:1', name: 'R', status: 'open', stage: text(201) }],
  [{ id: 'hubspot-deal:1', name: 'R', status: 'open', probability: 1 }],
  Array.from({ length: 500 }, (_, i) => ({ id: `file-deal:${i}`, name: 'R', status: 'lost' })),
  Array.from({ length: 501 }, (_, i) => ({ id: `file-deal:${i}`, name: 'R', status: 'lost' })),
];

const account: Account = {
  industry: 'Software',
  employees: 120,
  revenue: 2_500_000,
  country: 'DE',
  technologies: ['React'],
  tags: ['ABM, EMEA', 'event-2026'],
  assignedTier: 1,
  isTarget: true,
  owner: 'ann',
  lifecycleStage: 'customer',
  outcome: 'won',
  closedAt: 1_690_000_000_000,
  opportunities: [
    {
      id: 'file-deal:7',
      name: 'New business',
      amount: 50_000,
      stage: 'Closed Won',
      status: 'won',
      closedAt: 1_690_000_000_000,
    },
  ],
  updatedAt: 1_700_000_000_000,
  lastReviewedAt: 1_700_000_000_000,
  domains: ['acme.com'],
  linkedinSlugs: ['acme'],
  linkedinIds: ['1234'],
  linkedinShowcases: ['acme-cloud'],
  linkedinSchools: ['acme-academy'],
  name: 'Acme',
  id: 'file:1',
  keys: ['li#1234', 'li:acme', 'li-showcase:acme-cloud', 'li-school:acme-academy', 'dom:acme.com', 'name:acme'],
  source: 'file',
  generation: 0,
};
const contact: Contact = {
  id: 'file:9',
  accountId: 'file:1',
  name: 'Jane Doe',
  buyingRoles: ['CHAMPION', 'DECISION_MAKER'],
  updatedAt: 1_700_000_000_000,
  title: 'CFO',
  email: 'jane@acme.com',
  linkedinSlug: 'jane-doe',
};
const touchpoint: Touchpoint = {
  id: 'file:tp-1',
  accountId: 'file:1',
  type: 'web_visit',
  stage: 'TOFU',
  at: 1_700_000_000_000,
  contactId: 'file:9',
};

/** `base` with `field` set to `value` (or deleted). */
function variant<T extends object>(base: T, field: string, value: unknown): T {
  const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  if (value === DELETE) delete copy[field];
  else copy[field] = value;
  return copy as T;
}

const cases = [
  ['account', account, isValidAccount, accountRecordSchema, [...Object.keys(account), 'tags', 'openOpportunity']],
  ['contact', contact, isValidContact, contactRecordSchema, [...Object.keys(contact), 'generation']],
  ['touchpoint', touchpoint, isValidTouchpoint, touchpointRecordSchema, [...Object.keys(touchpoint), 'contact']],
] as const;

describe.each(cases)('the %s check', (_, base, check, schema, fields) => {
  it('passes a good record, as its schema does', () => {
    expect(schema.safeParse(base).success).toBe(true);
    expect((check as (r: unknown) => boolean)(base)).toBe(true);
  });

  it('never passes a record its schema refuses, whatever one field holds', () => {
    const looser: string[] = [];
    let agreed = 0;
    for (const field of fields) {
      for (const value of EDGES) {
        const record = variant(base, field, value);
        const fast = (check as (r: unknown) => boolean)(record);
        const slow = schema.safeParse(record).success;
        if (fast && !slow) looser.push(`${field} = ${String(value)}`);
        if (fast === slow) agreed += 1;
      }
    }
    expect(looser).toEqual([]);
    // Stricter only where it says so (openOpportunity): everywhere else the two agree.
    expect(agreed).toBeGreaterThan(fields.length * EDGES.length * 0.95);
  });

  it('never passes a record its schema refuses, with two fields changed', () => {
    const looser: string[] = [];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let i = 0; i < 3_000; i++) {
      const [f1, f2] = [fields[next(fields.length)] ?? 'id', fields[next(fields.length)] ?? 'id'];
      const [v1, v2] = [EDGES[next(EDGES.length)], EDGES[next(EDGES.length)]];
      const record = variant(variant(base, f1, v1), f2, v2);
      if ((check as (r: unknown) => boolean)(record) && !schema.safeParse(record).success) looser.push(`${f1}, ${f2}`);
    }
    expect(looser).toEqual([]);
  });

  it('refuses what is not a plain object', () => {
    for (const value of [null, undefined, [], 'x', 1, Object.create(base)]) {
      expect((check as (r: unknown) => boolean)(value)).toBe(false);
    }
  });
});
