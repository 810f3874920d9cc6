import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/db';
import { generationDb } from '@/lib/db/generations';
import type { SyncState } from '@/lib/db/sync-state';
import { maskedToken } from './status-words';

/** A connected source as the page may show it: never its token, only a masked hint of it. */
export interface ConnectionView {
  url: string;
  everyMinutes: number;
  connectedAt: number;
  tokenHint?: string;
}

/** One source's state, its connection, and what a run in progress has written so far. */
export interface SourceView {
  state?: SyncState;
  connection?: ConnectionView;
  /** Rows the staging generation holds (a run in progress). */
  staged?: { accounts: number; contacts: number; touchpoints: number };
}

export type SourcesView = Record<'demo' | 'file' | 'feed' | 'hubspot', SourceView>;

/** Every source's live state, read from the extension's database; undefined while loading. */
export function useSources(): SourcesView | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [states, configs] = await Promise.all([db.syncState.toArray(), db.sourceConfig.toArray()]);
    const view: SourcesView = { demo: {}, file: {}, feed: {}, hubspot: {} };
    for (const state of states) {
      if (state.source in view) view[state.source as keyof SourcesView].state = state;
    }
    for (const c of configs) {
      view[c.source].connection = {
        url: c.url,
        everyMinutes: c.everyMinutes,
        connectedAt: c.connectedAt,
        tokenHint: maskedToken(c.token),
      };
    }
    for (const source of ['file', 'feed', 'hubspot'] as const) {
      const staging = view[source].state?.staging;
      if (!staging) continue;
      const meta = await generationDb(db, source, staging.generation).syncState.get(source);
      view[source].staged = {
        accounts: meta?.accountCount ?? 0,
        contacts: meta?.contactCount ?? 0,
        touchpoints: meta?.touchpointCount ?? 0,
      };
    }
    return view;
  }, []);
}
