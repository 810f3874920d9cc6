import type { RecordKind } from '../records';
import { detectKind } from './columns';
import { readTable } from './table';
import { FileStop } from './text';
import type { ImportFile } from './types';

/**
 * The kind of records a file holds, from its first batch: read ahead so that account files
 * are imported first. A file that cannot be read yields undefined here; its import reports why.
 */
export async function fileKind(file: ImportFile, signal?: AbortSignal): Promise<RecordKind | undefined> {
  const tables = readTable(file.name, file.stream(), signal);
  try {
    const first = await tables.next();
    return first.done ? undefined : detectKind(first.value.headers);
  } catch (error) {
    if (error instanceof FileStop) return undefined;
    throw error;
  } finally {
    await tables.return(undefined);
  }
}

/** Why a file's kind is unknown, in words that tell the user what to do. */
export function noKindReason(headers: readonly string[]): string {
  const named = headers.filter((h) => h.trim());
  if (!named.length) return 'the first row is empty: the file needs a header row naming its columns';
  const shown = named
    .slice(0, 8)
    .map((h) => JSON.stringify(h))
    .join(', ');
  return `no recognisable column (${shown}${named.length > 8 ? ', …' : ''}): name the columns as in a HubSpot or Salesforce export, or map them`;
}
