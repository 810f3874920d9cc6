import { z } from 'zod';

/**
 * HubSpot's response shapes (contract §2, §3, §5), checked at the trust boundary. Only what the
 * adapter uses is required; the rest passes through, so a new field HubSpot adds breaks nothing.
 */

/** Property values are `string|null`, or absent when empty (§2: both happen). */
const properties = z.record(z.string(), z.string().nullable());

const paging = z.object({ next: z.object({ after: z.string() }).optional() }).optional();

/** One CRM object; `associations` only on list responses that asked for them (§2). */
export const crmObjectSchema = z.object({
  id: z.string(),
  properties,
  archived: z.boolean().optional(),
  /** When an archived object was deleted (ISO 8601), on `archived=true` lists (§2). */
  archivedAt: z.string().optional(),
  associations: z
    .record(
      z.string(),
      // `paging` when an object has more associations than a list response carries.
      z.object({ results: z.array(z.object({ id: z.string(), type: z.string() })), paging }),
    )
    .optional(),
});
export type CrmObject = z.infer<typeof crmObjectSchema>;

/** `GET /crm/v3/objects/{type}` (§2). */
export const listResponseSchema = z.object({ results: z.array(crmObjectSchema), paging });

/** `POST /crm/v3/objects/{type}/search` (§3). */
export const searchResponseSchema = z.object({
  total: z.number().optional(),
  results: z.array(crmObjectSchema),
  paging,
});

/** `toObjectId` is a string in the spec and a number in captures (§5): both become strings. */
const objectId = z.union([z.string(), z.number()]).transform(String);

/** `POST /crm/v4/associations/{from}/{to}/batch/read` (§5); ids without associations come as 207 errors. */
export const v4BatchResponseSchema = z.object({
  results: z.array(
    z.object({
      from: z.object({ id: objectId }),
      to: z.array(
        z.object({
          toObjectId: objectId,
          associationTypes: z
            .array(z.object({ typeId: z.number(), label: z.string().nullable().optional() }))
            .optional(),
        }),
      ),
    }),
  ),
});

/** §7 error body, and the §8 429 bodies (`policyName`, or only a message for search's secondly limit). */
export const errorBodySchema = z.object({
  message: z.string().optional(),
  category: z.string().optional(),
  policyName: z.string().optional(),
  errors: z
    .array(z.object({ message: z.string().optional(), context: z.record(z.string(), z.unknown()).optional() }))
    .optional(),
});
export type HubSpotErrorBody = z.infer<typeof errorBodySchema>;
