import type { RecordKind } from '../records';
import { detectKind } from './columns';
import { readTable, tableFormat } from './table';
import { FileStop } from './text';
import type { FileFormat, ImportFile } from './types';

/** What the first batch of a file tells before it is imported. */
export interface FileHead {
  kind: RecordKind | undefined;
  /** The header row (for JSON, the keys of the first records: later ones may bring more). */
  headers: readonly string[];
  format: FileFormat;
}

/**
 * The kind, headers and format of a file, from its first batch: read ahead so that account
 * files are imported first, and so that the import knows which links its files will need.
 * A file that cannot be read yields undefined here; its import reports why.
 */
export async function fileHead(file: ImportFile, signal?: AbortSignal): Promise<FileHead | undefined> {
  const tables = readTable(file.name, file.stream(), signal);
  try {
    const first = await tables.next();
    if (first.done) return undefined;
    const { headers, format } = first.value;
    return { kind: detectKind(headers), headers, format };
  } catch (error) {
    if (error instanceof FileStop) return undefined;
    throw error;
  } finally {
    await tables.return(undefined);
  }
}

/**
 * What an import needs ahead of a file whose kind it was given (the options page gives every
 * file's): its headers when it is a CSV (whether a column maps to a linking field, such as the
 * contact's email), its format alone otherwise (a JSON record may bring any key), so that a JSON
 * file is not parsed twice. Undefined when the file cannot be read.
 */
export async function linkingHead(
  file: ImportFile,
  kind: RecordKind,
  signal?: AbortSignal,
): Promise<FileHead | undefined> {
  try {
    const format = await tableFormat(file.name, file.stream(), signal);
    if (format !== 'csv') return { kind, headers: [], format };
  } catch (error) {
    if (error instanceof FileStop) return undefined;
    throw error;
  }
  return fileHead(file, signal);
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
