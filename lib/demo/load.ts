import type { TierlensDB } from '../db/db';
import { putTouchpoints } from '../db/touchpoints';
import { generateDemoData } from './generate';

/** The seed of the demo data everyone sees: the same accounts on every machine. */
export const DEMO_SEED = 1;

/**
 * Replaces the demo accounts with a fresh set, in one transaction: the side panel sees the old
 * set or the new one, never half of it. Answers how many accounts were loaded.
 */
export async function loadDemoData(db: TierlensDB, now: number): Promise<number> {
  const data = generateDemoData({ seed: DEMO_SEED, now });
  await db.transaction('rw', [db.accounts, db.contacts, db.accountTouchpoints, db.syncState], async () => {
    // Demo rows are the ones whose ids start with `demo:`: clear them all, whatever their table.
    await db.accountTouchpoints.where('accountId').startsWith('demo:').delete();
    await db.contacts.where('id').startsWith('demo:').delete();
    await db.accounts.where('id').startsWith('demo:').delete();
    await db.accounts.bulkAdd(data.accounts);
    await db.contacts.bulkAdd(data.contacts);
    await putTouchpoints(db.accountTouchpoints, data.touchpoints);
    await db.syncState.put({ source: 'demo', generation: 1, lastSuccess: now, accountCount: data.accounts.length });
  });
  return data.accounts.length;
}
