import type { SyncState } from '../../db/sync-state';
import type { ManagedModels } from '../../settings/managed';
import { SourceError } from '../errors';
import type { DealRecord, SyncRecord } from '../records';
import type { SourceAdapter, SourcePage, SyncPlan } from '../types';
import { connectionLost, type Fetch, fetchFeedFile, readCapped } from './http';
import { FEED_LIMITS } from './limits';
import { type FeedManifest, parseManifest } from './manifest';
import { decodeShard } from './shard';
import { feedUrlProblem, shardUrl } from './urls';

export interface FeedSourceOptions {
  /** The address of the feed's `manifest.json` (https; http only on this machine). */
  manifestUrl: string;
  fetch?: Fetch;
  /** Epoch milliseconds now, for `Retry-After` dates. */
  now?: () => number;
}

/** What a feed's plan carries (`plan.data`): stored with the run, so a resumed run reads the same manifest. */
export interface FeedPlanData {
  manifest: FeedManifest;
  etag?: string;
}

/**
 * A team feed as a sync source: a `manifest.json` listing NDJSON shards (optionally gzip), each
 * with its record count and SHA-256, on any static host. A run reads one shard per page; any
 * shard that is not exactly what the manifest says rejects the generation whole, and the engine
 * keeps the previous one visible.
 */
export function createFeedSource(options: FeedSourceOptions): SourceAdapter {
  const { manifestUrl } = options;
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;

  return {
    source: 'feed',

    async plan(state: SyncState | undefined, signal: AbortSignal): Promise<SyncPlan> {
      const urlProblem = feedUrlProblem(manifestUrl);
      if (urlProblem) throw new SourceError(`The feed address ${urlProblem}`, { retryable: false });
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (state?.checkpoint) headers['If-None-Match'] = state.checkpoint;
      // no-cache: a CDN or the browser may keep the manifest, but must revalidate it every run.
      const init: RequestInit = { headers, cache: 'no-cache', signal };
      const what = 'the feed manifest';
      const response = await fetchFeedFile(fetch, manifestUrl, what, init, now);
      if (response.status === 304) return { mode: 'unchanged' };
      const bytes = await readCapped(
        response.body,
        FEED_LIMITS.manifestBytes,
        {
          tooBig: () =>
            new SourceError(`The feed manifest is over ${FEED_LIMITS.manifestBytes} bytes`, { retryable: false }),
          broken: connectionLost(what, manifestUrl),
        },
        signal,
      );
      const manifest = readManifest(bytes, manifestUrl);
      // A new ETag over the same generation (a re-upload, another CDN node) is not new data.
      if (state?.label !== undefined && state.label === manifest.generation && state.generation > 0) {
        // Its ETag is kept all the same, so that the next run gets its 304.
        return { mode: 'unchanged', checkpoint: response.headers.get('ETag') ?? undefined };
      }
      const data: FeedPlanData = { manifest, etag: response.headers.get('ETag') ?? undefined };
      return { mode: 'full', label: manifest.generation, data };
    },

    async readPage(plan: SyncPlan, cursor: string | undefined, signal: AbortSignal): Promise<SourcePage> {
      const { manifest } = planData(plan, manifestUrl);
      const index = cursor === undefined ? 0 : Number(cursor);
      const shard = Number.isInteger(index) ? manifest.shards[index] : undefined;
      if (!shard) throw new SourceError(`The feed has no shard ${cursor} to resume from`, { retryable: false });
      const resolved = shardUrl(manifestUrl, shard.path);
      if ('problem' in resolved)
        throw new SourceError(`shard ${shard.path}: ${resolved.problem}`, { retryable: false });
      const what = `shard ${shard.path}`;
      const init: RequestInit = {
        signal,
        headers: { Accept: shard.gzip ? 'application/gzip' : 'application/x-ndjson' },
      };
      const response = await fetchFeedFile(fetch, resolved.url, what, init, now);
      const bytes = await readCapped(
        response.body,
        FEED_LIMITS.shardBytes,
        {
          tooBig: () =>
            new SourceError(`${what}: is over ${FEED_LIMITS.shardBytes / 1024 / 1024} MB: split it`, {
              retryable: false,
            }),
          broken: connectionLost(what, resolved.url),
        },
        signal,
      );
      const records: SyncRecord[] = [];
      const deals: DealRecord[] = [];
      for (const item of await decodeShard(bytes, shard)) {
        if (item.kind === 'deal') deals.push(item.record);
        else records.push(item);
      }
      const next = index + 1 < manifest.shards.length ? String(index + 1) : undefined;
      return deals.length ? { records, deals, next } : { records, next };
    },

    async finish(plan: SyncPlan) {
      return { checkpoint: planData(plan, manifestUrl).etag };
    },
  };
}

/** The org's models the plan's manifest manages (to store once its generation is visible), if any. */
export function managedModels(plan: SyncPlan): ManagedModels | undefined {
  if (plan.mode !== 'full') return undefined;
  const data = plan.data as Partial<FeedPlanData> | undefined;
  return data?.manifest?.models;
}

function readManifest(bytes: Uint8Array, manifestUrl: string): FeedManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new SourceError(`The feed manifest at ${manifestUrl} is not valid JSON: ${(error as Error).message}`, {
      retryable: false,
    });
  }
  const result = parseManifest(json, manifestUrl);
  if (result.ok) return result.manifest;
  const [first, ...more] = result.problems;
  const rest = more.length > 0 ? ` (and ${more.length} more problem${more.length > 1 ? 's' : ''})` : '';
  throw new SourceError(`The feed manifest at ${manifestUrl} is not valid: ${first}${rest}`, { retryable: false });
}

/** The plan's data, checked again: it comes back from storage after the worker restarted. */
function planData(plan: SyncPlan, manifestUrl: string): FeedPlanData {
  const data = plan.data as Partial<FeedPlanData> | undefined;
  const result = parseManifest(data?.manifest, manifestUrl);
  if (!result.ok) throw new SourceError('The stored feed plan is not a valid manifest', { retryable: false });
  return { manifest: result.manifest, etag: typeof data?.etag === 'string' ? data.etag : undefined };
}
