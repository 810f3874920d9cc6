/**
 * The navigation benchmarks' accounts, written straight into IndexedDB from an extension page
 * (100,000 through the import UI would take a minute): as a file import leaves them in Tierlens,
 * and the same objects in the minimal extension's store (minimal-extension.ts).
 */

/**
 * The benchmark's account `i`, as the source of a JavaScript function for the pages that seed
 * (Tierlens's generation and the minimal extension's store hold the same objects): every tenth
 * account tiered, the others graded.
 */
export const BENCH_ACCOUNT = `(i) => ({
  id: 'file:' + (10000000 + i), name: 'Bench Company ' + i,
  keys: ['li:bench-co-' + i, 'li#' + (900000 + i), 'dom:bench-co-' + i + '.com', 'name:bench company ' + i],
  domains: ['bench-co-' + i + '.com'], linkedinSlugs: ['bench-co-' + i], linkedinIds: [String(900000 + i)],
  industry: i % 3 ? 'Software' : 'Retail', employees: 50 + (i % 5000), revenue: 1e6 * (1 + (i % 900)),
  country: i % 4 ? 'US' : 'BR', technologies: i % 5 ? ['HubSpot'] : [],
  assignedTier: i % 10 === 0 ? 1 + (i % 3) : undefined, isTarget: i % 10 === 0,
  updatedAt: 0, source: 'file', generation: 1,
})`;

/**
 * An expression for a Tierlens page whose Dexie has created the main database: creates
 * `tierlens~file~1` with the main database's own schema (version, stores and indexes copied),
 * points the main database's `file` syncState row at it, and writes `count` accounts into it,
 * shared among `owners` reps when given.
 */
export function seedFileGenerationExpression(count: number, options: { owners?: number } = {}): string {
  return `(async () => {
    const bench = ${BENCH_ACCOUNT};
    // With owners, account i is Rep (i mod owners)'s: the program views work per rep.
    const owners = ${options.owners ?? 0};
    const account = (i) => (owners ? { ...bench(i), owner: 'Rep ' + (i % owners) } : bench(i));
    const open = (name, version, upgrade) => new Promise((done, fail) => {
      const o = version ? indexedDB.open(name, version) : indexedDB.open(name);
      if (upgrade) o.onupgradeneeded = () => upgrade(o.result);
      o.onsuccess = () => done(o.result); o.onerror = () => fail(o.error);
    });
    const done = (tx) => new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
    const main = await open('tierlens');
    const read = main.transaction([...main.objectStoreNames], 'readonly');
    const stores = [...main.objectStoreNames].map((name) => {
      const s = read.objectStore(name);
      return { name, keyPath: s.keyPath, autoIncrement: s.autoIncrement, indexes: [...s.indexNames].map((i) => {
        const x = s.index(i); return { name: i, keyPath: x.keyPath, unique: x.unique, multiEntry: x.multiEntry };
      }) };
    });
    const write = main.transaction('syncState', 'readwrite');
    write.objectStore('syncState').put({ source: 'file', generation: 1, lastSuccess: Date.now(), accountCount: ${count}, contactCount: 0, touchpointCount: 0 });
    await done(write);
    const gen = await open('tierlens~file~1', main.version, (db) => {
      for (const s of stores) {
        const store = db.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      }
    });
    main.close();
    for (let start = 0; start < ${count}; start += 10000) {
      const tx = gen.transaction('accounts', 'readwrite');
      const store = tx.objectStore('accounts');
      for (let i = start; i < Math.min(${count}, start + 10000); i++) store.put(account(i));
      await done(tx);
    }
    gen.close();
  })()`;
}
