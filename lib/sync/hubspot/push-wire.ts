import { z } from 'zod';

/**
 * The shapes of HubSpot's batch answers the writer reads (contract §4), checked at the trust
 * boundary; only what it uses is required.
 */

/** A 207 error entry (§4 StandardError): which trace ids or record ids it is about. */
const batchError = z
  .object({
    category: z.string().optional(),
    message: z.string().optional(),
    context: z.record(z.string(), z.array(z.string())).optional(),
  })
  .passthrough();

/** `batch/read`, `batch/update` and `batch/upsert` answers, 200 or 207 (§4). */
export const batchAnswerSchema = z.object({
  results: z.array(
    z
      .object({
        id: z.string(),
        properties: z.record(z.string(), z.string().nullable()).default({}),
        /** Upserts only: whether the record was created (SimplePublicUpsertObject, §4). */
        new: z.boolean().optional(),
      })
      .passthrough(),
  ),
  errors: z.array(batchError).optional(),
});
export type BatchAnswer = z.infer<typeof batchAnswerSchema>;
export type BatchError = z.infer<typeof batchError>;

/** Record ids an error entry says do not exist (§4 "Batch read with unknown ids → 207"). */
export function missingIds(errors: readonly BatchError[] | undefined): Set<string> {
  return new Set((errors ?? []).filter((e) => e.category === 'OBJECT_NOT_FOUND').flatMap((e) => e.context?.ids ?? []));
}

/** Error entries by the trace id of the input they refused (§4 multi-status, `context.objectWriteTraceId`). */
export function errorsByTrace(errors: readonly BatchError[] | undefined): Map<string, BatchError> {
  const out = new Map<string, BatchError>();
  for (const e of errors ?? []) for (const trace of e.context?.objectWriteTraceId ?? []) out.set(trace, e);
  return out;
}

/** `hubspot:123` → `123`: the record id HubSpot knows. */
export function hubspotId(id: string): string {
  return id.startsWith('hubspot:') ? id.slice('hubspot:'.length) : id;
}
