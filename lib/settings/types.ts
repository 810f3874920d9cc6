import { z } from 'zod';
import { BUYING_ROLES } from '../db/contacts';

/** An ABM tier: 1 is the most invested. The three-tier model uses 1–3, the ICP ladder 1–5. */
export type Tier = 1 | 2 | 3 | 4 | 5;
export const tierSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

export const gradeLetterSchema = z.enum(['A', 'B', 'C', 'D', 'F']);
export type GradeLetter = z.infer<typeof gradeLetterSchema>;

/** One ICP criterion: what it tests, on which account field, and how much it weighs. */
export const icpCriterionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('in_set'),
    id: z.string().min(1),
    label: z.string().min(1),
    field: z.enum(['industry', 'country']),
    values: z.array(z.string().min(1)).min(1),
    weight: z.number().min(0).max(100),
    disqualifying: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal('range'),
    id: z.string().min(1),
    label: z.string().min(1),
    field: z.enum(['employees', 'revenue']),
    min: z.number().min(0).optional(),
    max: z.number().min(0).optional(),
    weight: z.number().min(0).max(100),
    disqualifying: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal('includes_any'),
    id: z.string().min(1),
    label: z.string().min(1),
    field: z.literal('technologies'),
    values: z.array(z.string().min(1)).min(1),
    weight: z.number().min(0).max(100),
    disqualifying: z.boolean().default(false),
  }),
]);
export type IcpCriterion = z.infer<typeof icpCriterionSchema>;

export const tierDefinitionSchema = z.object({
  tier: tierSchema,
  name: z.string().min(1),
  /** How the tier is worked: 1:1, 1:few, 1:many. */
  motion: z.string().min(1),
  /** How many accounts the tier is meant to hold. */
  capacity: z.number().int().min(0),
  /** Lowest grade the model recommends for this tier. */
  minGrade: gradeLetterSchema,
  /** Lowest engagement score (0–100) the model recommends for this tier. */
  minEngagement: z.number().min(0).max(100),
  /** Buyer roles that must be mapped on an account of this tier. */
  requiredRoles: z.array(z.enum(BUYING_ROLES)),
  /** Business hours within which engagement from the account gets a sales follow-up. */
  responseSlaHours: z.number().positive(),
  /** Days between account reviews with sales. */
  reviewEveryDays: z.number().int().positive(),
});
export type TierDefinition = z.infer<typeof tierDefinitionSchema>;

/** One row of the program commitments chart: a program, its owner and the tiers it serves. */
export const programSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  owner: z.string().min(1),
  /** Per tier: `true` (committed), a cadence such as "monthly", or absent (not committed). */
  tiers: z.record(z.string(), z.union([z.literal(true), z.string().min(1)])),
});
export type Program = z.infer<typeof programSchema>;

export const settingsSchema = z.object({
  version: z.literal(1),
  icp: z.object({
    criteria: z.array(icpCriterionSchema),
    /** Minimum score (0–100) for each grade; below D's is F. */
    thresholds: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }),
  }),
  tierModel: z.enum(['three_tier', 'icp_ladder']),
  tiers: z.array(tierDefinitionSchema).min(1),
  programs: z.array(programSchema),
  engagement: z.object({
    /** Days after which a touchpoint counts half. */
    halfLifeDays: z.number().positive(),
  }),
});
export type Settings = z.infer<typeof settingsSchema>;
