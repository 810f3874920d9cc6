import { z } from 'zod';
import type { SyncedSource } from '../db/sync-state';
import { SourceError } from './errors';

export const SOURCE_LABELS: Record<SyncedSource, string> = {
  hubspot: 'HubSpot',
  feed: 'the team feed',
  file: 'the file import',
};

/** A failed run's error in words a user can act on; never a token or a stack. */
export function describeError(source: SyncedSource, error: unknown): string {
  if (error instanceof SourceError) return error.message;
  if (error instanceof DOMException || (error instanceof Error && error.name.includes('Quota'))) {
    if (error.name === 'QuotaExceededError' || error.name.includes('Quota')) {
      return `The browser has no more space for ${SOURCE_LABELS[source]}'s data: the previous data is still shown. Free some disk space and sync again.`;
    }
  }
  if (error instanceof z.ZodError) {
    // An answer in a shape the source's contract does not have: where, and what was expected.
    const first = error.issues[0];
    const where = first?.path.length ? first.path.join('.') : 'the answer';
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
    return `${capitalised(SOURCE_LABELS[source])} answered with data Tierlens cannot read, at ${where}: ${first?.message ?? 'unexpected shape'}${more}. The previous data is still shown.`;
  }
  if (error instanceof TypeError) {
    return `Could not reach ${SOURCE_LABELS[source]} (network error): the previous data is still shown, and Tierlens will try again.`;
  }
  const name = error instanceof Error ? error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  return `${SOURCE_LABELS[source]} failed${name && name !== 'Error' ? ` (${name})` : ''}: ${text}`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
