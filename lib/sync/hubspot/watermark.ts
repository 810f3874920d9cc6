import { z } from 'zod';
import { dealDirectorySchema } from './deals';
import { ownerDirectorySchema } from './owners';

/**
 * The incremental watermark. The next run reads what changed after the start of this one,
 * less a safety margin, rather than after the latest modified date it saw:
 * - a record changed during the run, after its page was read, is re-read next time (its date
 *   is later than the run's start), while the latest date seen may already be past it;
 * - search lags writes ("it may take a few moments", §3): a record written just before the run
 *   but not yet searchable is caught by the margin;
 * - the start time is in the plan the engine stores, so it survives a worker restart, where a
 *   maximum kept in memory would not;
 * - the margin also absorbs a few minutes of skew between this device's clock and HubSpot's.
 * The cost is re-reading the few records changed within the margin: upserts are idempotent.
 */
export const SAFETY_MARGIN_MS = 10 * 60_000;

/**
 * The plan's data: when the run started, for an incremental run the watermark it reads after,
 * the owners read at its start (owners.ts; absent in a plan stored before owners were read), and
 * the deal stages (deals.ts; absent in a plan stored before deals were read: that run reads none).
 */
export const planDataSchema = z.object({
  startedAt: z.number(),
  since: z.number().optional(),
  owners: ownerDirectorySchema.optional(),
  deals: dealDirectorySchema.optional(),
});
export type PlanData = z.infer<typeof planDataSchema>;

/** The checkpoint this run leaves: never earlier than the one it started from. */
export function nextCheckpoint(data: PlanData): string {
  const candidate = data.startedAt - SAFETY_MARGIN_MS;
  return String(Math.max(candidate, data.since ?? candidate));
}

/** The watermark a checkpoint holds (epoch ms), or undefined when there is none or it is unreadable (a full run then). */
export function readCheckpoint(checkpoint: string | undefined): number | undefined {
  if (!checkpoint || !/^\d{1,16}$/.test(checkpoint)) return undefined;
  return Number(checkpoint);
}
