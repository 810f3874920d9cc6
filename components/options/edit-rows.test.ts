import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '@/lib/db/accounts';
import { TierlensDB } from '@/lib/db/db';
import type { LocalEdit } from '@/lib/db/outbox';
import { loadEditRows } from './edit-rows';

let db: TierlensDB;
let n = 0;
beforeEach(async () => {
  db = new TierlensDB(`tierlens-edit-rows-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const initech: Account = {
  id: 'demo:1',
  name: 'Initech',
  keys: [],
  domains: [],
  linkedinSlugs: [],
  linkedinIds: [],
  isTarget: false,
  updatedAt: 0,
  source: 'demo',
  generation: 1,
};

const edit = (opId: string, createdAt: number, e: Partial<LocalEdit>): LocalEdit => ({
  opId,
  kind: 'tags',
  entityId: 'demo:1',
  accountId: 'demo:1',
  value: [],
  base: [],
  createdAt,
  state: 'local',
  attempts: 0,
  ...e,
});

describe('the Edits list', () => {
  it('shows every edit newest first, with its account and contact by name', async () => {
    await db.accounts.add(initech);
    await db.contacts.add({ id: 'demo:c1', accountId: 'demo:1', name: 'Peter Gibbons', buyingRoles: [], updatedAt: 0 });
    await db.outbox.bulkAdd([
      edit('a', 1, { kind: 'tags', value: ['ABM'] }),
      edit('b', 3, { kind: 'buying_roles', entityId: 'demo:c1', value: ['CHAMPION'] }),
      edit('c', 2, {
        kind: 'new_contact',
        entityId: 'local:s',
        value: { id: 'local:s', accountId: 'demo:1', name: 'Sam', buyingRoles: [], updatedAt: 0 },
      }),
      edit('d', 4, { kind: 'buying_roles', entityId: 'local:s', value: ['INFLUENCER'], state: 'failed' }),
    ]);
    const { rows, total, counts } = await loadEditRows(db, 10);
    expect(rows.map((r) => [r.edit.opId, r.accountName, r.contactName])).toEqual([
      ['d', 'Initech', 'Sam'],
      ['b', 'Initech', 'Peter Gibbons'],
      ['c', 'Initech', undefined],
      ['a', 'Initech', undefined],
    ]);
    expect(total).toBe(4);
    expect(counts).toMatchObject({ local: 3, failed: 1, pending: 0 });
  });

  it('names an account the data no longer has by its creation, else by its id', async () => {
    await db.outbox.bulkAdd([
      edit('a', 1, {
        kind: 'new_account',
        entityId: 'local:g',
        accountId: 'local:g',
        value: { ...initech, id: 'local:g', name: 'Globex' },
      }),
      edit('b', 2, { entityId: 'demo:gone', accountId: 'demo:gone' }),
    ]);
    const { rows } = await loadEditRows(db, 10);
    expect(rows.map((r) => r.accountName)).toEqual(['demo:gone', 'Globex']);
  });

  it('reads only the newest edits when asked for fewer', async () => {
    await db.outbox.bulkAdd([edit('a', 1, {}), edit('b', 2, {}), edit('c', 3, {})]);
    const { rows, total } = await loadEditRows(db, 2);
    expect(rows.map((r) => r.edit.opId)).toEqual(['c', 'b']);
    expect(total).toBe(3);
  });
});
