import type { TierlensDB } from '../db/db';
import { abandonGeneration } from './generation';

/**
 * A Web Lock held while a file import runs (in an options page's worker). An import whose page
 * was closed mid-way — its worker gone with it — is told apart from one still running by whether
 * anyone holds the lock; the browser releases it when its holder dies.
 */
const IMPORT_LOCK = 'tierlens-file-import';

const locks = () => (typeof navigator === 'undefined' ? undefined : navigator.locks);

/** Runs `work` holding the import lock (imports from two pages run one after the other). */
export function holdingImportLock<T>(work: () => Promise<T>): Promise<T> {
  const l = locks();
  return l ? (l.request(IMPORT_LOCK, work) as Promise<T>) : work();
}

/**
 * Drops the generation an import left when its page closed mid-way (nothing can resume a file
 * import: the files were the page's). Does nothing while an import runs in any Tierlens page.
 */
export async function dropAbandonedImport(main: TierlensDB): Promise<boolean> {
  const l = locks();
  if (!l) return false;
  return l.request(IMPORT_LOCK, { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    const staging = (await main.syncState.get('file'))?.staging;
    if (!staging) return false;
    await abandonGeneration(main, 'file', staging.generation);
    return true;
  });
}
