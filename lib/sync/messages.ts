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
  if (error instanceof TypeError) {
    return `Could not reach ${SOURCE_LABELS[source]} (network error): the previous data is still shown, and Tierlens will try again.`;
  }
  const name = error instanceof Error ? error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  return `${SOURCE_LABELS[source]} failed${name && name !== 'Error' ? ` (${name})` : ''}: ${text}`;
}
