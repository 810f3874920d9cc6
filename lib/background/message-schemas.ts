import { z } from 'zod';
import { WEBSITE_PAGE_LIMITS as L } from '../detect/website/read-page';

const text = (max: number) => z.string().max(max);

const linkedinIdSchema = z.string().regex(/^\d{1,20}$/);
const countrySchema = z.string().regex(/^[A-Z]{2}$/);
const employeesSchema = z.number().int().min(0).max(10_000_000);

const companyRefSchema = z
  .object({
    name: text(300).optional(),
    linkedinSlug: text(200).optional(),
    linkedinId: linkedinIdSchema.optional(),
    website: text(2048).optional(),
    industry: text(200).optional(),
    sizeRange: text(100).optional(),
    headquarters: text(300).optional(),
    employees: employeesSchema.optional(),
    country: countrySchema.optional(),
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

const companyLinkSchema = z.object({ slug: text(L.slug).optional(), id: linkedinIdSchema.optional() }).strict();

/** What the website content script read on its page (lib/detect/website/read-page.ts). */
export const websitePageSchema = z
  .object({
    url: z.string().url().max(L.url),
    organizations: z
      .array(
        z
          .object({
            name: text(300).optional(),
            home: z.string().url().max(L.home).optional(),
            linkedin: companyLinkSchema.optional(),
            employees: employeesSchema.optional(),
            country: countrySchema.optional(),
          })
          .strict(),
      )
      .max(L.organizations),
    chromeCompanies: z
      .array(companyLinkSchema.extend({ where: z.enum(['landmark', 'footer-named']) }).strict())
      .max(L.chromeCompanies),
    siteName: text(300).optional(),
  })
  .strict();

export const websitePageReadSchema = websitePageSchema.nullable();
export const noPayloadSchema = z.undefined().or(z.null());

export const addAccountFromTabSchema = z
  .object({ tabId: z.number().int().nonnegative(), url: z.string().min(1).max(4096) })
  .strict();
