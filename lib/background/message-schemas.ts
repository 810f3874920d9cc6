import { z } from 'zod';

const text = (max: number) => z.string().max(max);

/** A detection result as the background accepts it from a content script. */
export const pageSubjectSchema = z
  .object({
    site: z.literal('linkedin'),
    kind: z.enum(['company', 'showcase', 'school']),
    url: z.string().url().max(4096),
    company: z
      .object({
        name: text(300).optional(),
        linkedinSlug: text(200).optional(),
        linkedinId: z
          .string()
          .regex(/^\d{1,20}$/)
          .optional(),
        website: text(2048).optional(),
        industry: text(200).optional(),
        sizeRange: text(100).optional(),
        headquarters: text(300).optional(),
      })
      .strict(),
    evidence: z
      .array(z.object({ from: z.enum(['url', 'page-json', 'json-ld', 'dom']), detail: text(500) }).strict())
      .max(50),
  })
  .strict();

export const pageDetectedSchema = pageSubjectSchema.nullable();
export const noPayloadSchema = z.undefined().or(z.null());
