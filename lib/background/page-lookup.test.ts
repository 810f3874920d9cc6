import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolvePageKeys } from '../accounts/resolve';
import type { TierlensDB } from '../db/db';
import { dropGeneration, generationDb, generationDbName } from '../db/generations';
import { mainDatabases } from '../db/test-databases';
import { buildAccount } from '../sync/records';
import { cachedGenerations, forgetVisibleData, lookUpPage } from './page-lookup';

const NOW = Date.UTC(2026, 11, 1);
const ACME = { own: ['li:acme'], claimed: [] };

const newMain = mainDatabases('lookup');
afterEach(() => forgetVisibleData());

/** A main database whose file import's generation `generation` holds Acme under `name`. */
async function withFileGeneration(generation: number, name: string, main = newMain()): Promise<TierlensDB> {
  await generationDb(main, 'file', generation).accounts.put(
    buildAccount('file', 'acme', { name, linkedinSlugs: ['acme'], websites: ['acme.com'] }, NOW),
  );
  await switchTo(main, generation);
  return main;
}

/** Makes `generation` the file import's visible one, as switchGeneration's transaction does. */
const switchTo = (main: TierlensDB, generation: number) => main.syncState.put({ source: 'file', generation });

describe('looking up a page’s keys', () => {
  it('finds the account on the visible generation and brings its row with it', async () => {
    const main = await withFileGeneration(1, 'Acme');
    const found = await lookUpPage(main, ACME);
    expect(found.resolution).toMatchObject({ status: 'matched', accountId: 'file:acme', matchedBy: 'li:acme' });
    expect(found.account?.name).toBe('Acme');
  });

  it.each([
    ['a key the page vouches for', { own: ['li:acme', 'name:acme'], claimed: [] }],
    ['a domain nobody has, with a claimed LinkedIn page', { own: ['dom:nobody.com'], claimed: ['li:acme'] }],
    ['a domain that decides, whatever the page claims', { own: ['dom:acme.com'], claimed: ['li:other'] }],
    ['keys nobody has', { own: ['li:nobody'], claimed: ['name:nobody'] }],
    ['a name shared by two accounts of one source', { own: ['name:twin'], claimed: [] }],
  ])('resolves %s as resolvePageKeys does', async (_, keys) => {
    const main = await withFileGeneration(1, 'Acme');
    await generationDb(main, 'file', 1).accounts.bulkPut([
      buildAccount('file', 'twin-1', { name: 'Twin' }, NOW),
      buildAccount('file', 'twin-2', { name: 'Twin' }, NOW),
    ]);
    expect((await lookUpPage(main, keys)).resolution).toEqual(await resolvePageKeys(main, keys));
  });
});

describe('the visible generations the background remembers', () => {
  it('are remembered after a lookup, and forgotten when the background is told the data changed', async () => {
    const main = await withFileGeneration(1, 'Acme');
    await lookUpPage(main, ACME);
    expect(cachedGenerations(main)).toEqual({ file: 1 });
    forgetVisibleData();
    expect(cachedGenerations(main)).toBeUndefined();
  });

  it('show the new generation after a switch the background was told of', async () => {
    const main = await withFileGeneration(1, 'Acme (January)');
    await lookUpPage(main, ACME);
    await withFileGeneration(2, 'Acme (February)', main);
    forgetVisibleData();
    expect((await lookUpPage(main, ACME)).account?.name).toBe('Acme (February)');
    expect(cachedGenerations(main)).toEqual({ file: 2 });
  });

  it('never answer from a generation switched away behind the background’s back', async () => {
    const main = await withFileGeneration(1, 'Acme (January)');
    await lookUpPage(main, ACME);
    // Another page switched the import to generation 2 and has not told the background yet;
    // generation 1 still holds its rows.
    await withFileGeneration(2, 'Acme (February)', main);
    const found = await lookUpPage(main, ACME);
    expect(found.account?.name).toBe('Acme (February)');
    expect(found.view.visible).toEqual({ file: 2 });
    expect(cachedGenerations(main)).toEqual({ file: 2 });
  });

  it('never answer from a generation deleted in this worker', async () => {
    const main = await withFileGeneration(1, 'Acme (January)');
    await lookUpPage(main, ACME);
    await withFileGeneration(2, 'Acme (February)', main);
    // As switchGeneration does in the worker's own sync: the replaced generation is closed and deleted.
    await dropGeneration(main, 'file', 1);
    expect((await lookUpPage(main, ACME)).account?.name).toBe('Acme (February)');
  });

  it('never answer from a generation another page deleted after its switch', async () => {
    const main = await withFileGeneration(1, 'Acme (January)');
    await lookUpPage(main, ACME);
    await withFileGeneration(2, 'Acme (February)', main);
    // The options page's import drops the replaced generation: this worker's connection to it closes.
    await Dexie.delete(generationDbName(main.name, 'file', 1));
    expect((await lookUpPage(main, ACME)).account?.name).toBe('Acme (February)');
  });

  it('start empty in a restarted worker, which reads the sync states before any generation', async () => {
    const main = await withFileGeneration(1, 'Acme (January)');
    await lookUpPage(main, ACME);
    // The browser stops the worker; a sync switches to generation 2 meanwhile.
    vi.resetModules();
    await withFileGeneration(2, 'Acme (February)', main);
    const restarted = await import('./page-lookup');
    expect(restarted.cachedGenerations(main)).toBeUndefined();
    const read = vi.spyOn(main.syncState, 'toArray');
    expect((await restarted.lookUpPage(main, ACME)).account?.name).toBe('Acme (February)');
    expect(read).toHaveBeenCalled();
  });
});
