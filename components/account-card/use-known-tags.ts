import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/db';
import { dataView } from '@/lib/db/generations';

/**
 * The tags the org already uses: every visible database's tag index (one read of its unique
 * keys, however many accounts), and the tags in the user's edits not synced back yet.
 */
export function useKnownTags(): string[] {
  return useLiveQuery(
    async () => {
      const main = getDb();
      const view = await dataView(main);
      const [indexed, edits] = await Promise.all([
        Promise.all(view.all.map((d) => d.accounts.orderBy('tags').uniqueKeys())),
        main.outbox.filter((e) => e.kind === 'tags' && e.state !== 'discarded').toArray(),
      ]);
      return [...indexed.flat().map(String), ...edits.flatMap((e) => (e.value as string[]) ?? [])];
    },
    [],
    [],
  );
}
