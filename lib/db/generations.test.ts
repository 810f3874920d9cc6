import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveKeys } from '../accounts/resolve';
import { buildAccount } from '../sync/records';
import { TierlensDB } from './db';
import { collectGenerations, dataView, generationDb, generationDbName, parseGenerationDbName } from './generations';

const NOW = Date.UTC(2026, 11, 1);
const dbs: TierlensDB[] = [];
function freshMain(): TierlensDB {
  const db = new TierlensDB(`gen-test-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    for (const { name } of await indexedDB.databases()) if (name?.startsWith(db.name)) await Dexie.delete(name);
  }
});

describe('generation databases', () => {
  it.each([
    ['tierlens~hubspot~3', { source: 'hubspot', generation: 3 }],
    ['tierlens~feed~12', { source: 'feed', generation: 12 }],
    ['tierlens~demo~1', undefined],
    ['tierlens~feed~x', undefined],
    ['other~feed~1', undefined],
    ['tierlens', undefined],
  ])('reads %s as %j', (name, expected) => {
    expect(parseGenerationDbName('tierlens', name)).toEqual(expected);
  });

  it('names a generation after its main database, source and number', () => {
    expect(generationDbName('tierlens', 'file', 2)).toBe('tierlens~file~2');
  });

  it('shows only the generation a sync state points at, beside the main database', async () => {
    const main = freshMain();
    await generationDb(main, 'feed', 1).accounts.put(buildAccount('feed', 'old', { name: 'Old' }, NOW));
    await generationDb(main, 'feed', 2).accounts.put(buildAccount('feed', 'new', { name: 'New' }, NOW));
    await main.syncState.put({ source: 'feed', generation: 2 });
    const view = await dataView(main);
    expect(view.all.map((d) => d.name)).toEqual([main.name, `${main.name}~feed~2`]);
    expect(view.forId('feed:new').name).toBe(`${main.name}~feed~2`);
    expect(view.forId('demo:1').name).toBe(main.name);
    expect(view.forId('local:abc').name).toBe(main.name);
  });

  it('finds an account in a visible generation, and the same company in the demo data is named, not doubled', async () => {
    const main = freshMain();
    await main.accounts.put(buildAccount('demo', '7', { name: 'Acme', websites: ['acme.com'] }, NOW));
    await generationDb(main, 'hubspot', 1).accounts.put(
      buildAccount('hubspot', '123', { name: 'Acme Inc', websites: ['https://www.acme.com'] }, NOW),
    );
    await main.syncState.put({ source: 'hubspot', generation: 1 });
    expect(await resolveKeys(main, ['dom:acme.com'])).toEqual({
      status: 'matched',
      accountId: 'hubspot:123',
      matchedBy: 'dom:acme.com',
      lowConfidence: false,
      alsoIn: ['demo:7'],
    });
  });

  it('deletes the generations nothing points at, keeping the visible and the staging one', async () => {
    const main = freshMain();
    for (const g of [1, 2, 3, 4]) await generationDb(main, 'feed', g).open();
    await main.syncState.put({ source: 'feed', generation: 2, staging: { generation: 4, startedAt: NOW } });
    expect((await collectGenerations(main)).sort()).toEqual([`${main.name}~feed~1`, `${main.name}~feed~3`]);
    const left = (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith(`${main.name}~`));
    expect(left.sort()).toEqual([`${main.name}~feed~2`, `${main.name}~feed~4`]);
  });
});
