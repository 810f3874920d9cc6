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
  /**
   * Set when an incremental run leaves the deleted records for a later run (ARCHIVED_SWEEP_EVERY_MS):
   * the time that run's sweep looks back to. Absent, the run sweeps, back to `since` (a plan
   * stored before sweeps were spaced out has neither, and sweeps as it did).
   */
  archivedLater: z.number().optional(),
  /** When a run sweeps back further than `since` (the runs between left it): that time. */
  archivedSince: z.number().optional(),
});
export type PlanData = z.infer<typeof planDataSchema>;

/**
 * How often an incremental run also lists what HubSpot deleted. That list cannot be asked for
 * by date (§2: by id only, every page of every archived company, contact and deal), so in a
 * portal with many deletions it is most of a run's requests; the runs between leave it, and
 * the next that lists looks back to the last that did, so no deletion is missed, only shown
 * up to this much later.
 */
export const ARCHIVED_SWEEP_EVERY_MS = 2 * 3_600_000;

/**
 * The checkpoint this run leaves: the watermark, never earlier than the one it started from;
 * then, when the run did not list deletions, `/` and the time the next listing looks back to.
 */
export function nextCheckpoint(data: PlanData): string {
  const candidate = data.startedAt - SAFETY_MARGIN_MS;
  const watermark = String(Math.max(candidate, data.since ?? candidate));
  return data.archivedLater === undefined ? watermark : `${watermark}/${data.archivedLater}`;
}

const CHECKPOINT = /^(\d{1,16})(?:\/(\d{1,16}))?$/;

/** The watermark a checkpoint holds (epoch ms), or undefined when there is none or it is unreadable (a full run then). */
export function readCheckpoint(checkpoint: string | undefined): number | undefined {
  const match = checkpoint ? CHECKPOINT.exec(checkpoint) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * When the deletions an incremental run lists should look back to: the watermark of the last
 * run that listed them (a checkpoint's part after `/`), else the watermark itself.
 */
export function archivedSinceOf(checkpoint: string | undefined): number | undefined {
  const match = checkpoint ? CHECKPOINT.exec(checkpoint) : null;
  if (!match) return undefined;
  return Number(match[2] ?? match[1]);
}
