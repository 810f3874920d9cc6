import { Dexie } from 'dexie';
import { afterEach } from 'vitest';
import { TierlensDB } from './db';
import { dropGeneration, parseGenerationDbName } from './generations';

/**
 * Main databases for one test file (tests only): `newMain()` opens a fresh one named after
 * `prefix`, and after each test every one opened is deleted with the generations it made.
 * Call at the top of the file.
 */
export function mainDatabases(prefix: string): () => TierlensDB {
  const mains: TierlensDB[] = [];
  afterEach(async () => {
    for (const db of mains.splice(0)) {
      for (const { name } of await indexedDB.databases()) {
        const generation = name && parseGenerationDbName(db.name, name);
        if (generation) await dropGeneration(db, generation.source, generation.generation);
      }
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return () => {
    const db = new TierlensDB(`${prefix}-${Math.random().toString(36).slice(2)}`);
    mains.push(db);
    return db;
  };
}
