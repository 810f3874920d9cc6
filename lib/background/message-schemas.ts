import { z } from 'zod';

const text = (max: number) => z.string().max(max);

const companyRefSchema = z
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
    employees: z.number().int().min(0).max(10_000_000).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
  })
  .strict();

/** A detection result as the background accepts it from a content script. */
export const pageSubjectSchema = z
  .object({
    site: z.enum(['linkedin', 'website']),
    kind: z.enum(['company', 'showcase', 'school', 'profile', 'sales-company', 'sales-lead', 'website']),
    url: z.string().url().max(4096),
    company: companyRefSchema,
    otherCompanies: z.array(companyRefSchema).max(10).optional(),
    person: z
      .object({ linkedinSlug: text(200).optional(), name: text(300).optional(), title: text(500).optional() })
      .strict()
      .optional(),
    evidence: z
      .array(z.object({ from: z.enum(['url', 'page-json', 'json-ld', 'dom', 'meta']), detail: text(500) }).strict())
      .max(50),
  })
  .strict();

export const pageDetectedSchema = pageSubjectSchema.nullable();
export const noPayloadSchema = z.undefined().or(z.null());

export const addAccountFromTabSchema = z
  .object({ tabId: z.number().int().nonnegative(), url: z.string().min(1).max(4096) })
  .strict();
