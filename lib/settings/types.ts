import { z } from 'zod';
import { BUYING_ROLES } from '../db/contacts';
import { TOUCHPOINT_TYPES } from '../db/touchpoints';
import { DEFAULT_PLATFORMS } from '../detect/platforms';

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
    label: z.string().trim().min(1, 'needs a label'),
    field: z.enum(['industry', 'country']),
    values: z.array(z.string().trim().min(1)).min(1, 'needs at least one value'),
    weight: z.number().min(0, 'cannot be negative').max(100, 'must be at most 100'),
    disqualifying: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal('range'),
    id: z.string().min(1),
    label: z.string().trim().min(1, 'needs a label'),
    field: z.enum(['employees', 'revenue']),
    min: z.number().min(0, 'cannot be negative').optional(),
    max: z.number().min(0, 'cannot be negative').optional(),
    weight: z.number().min(0, 'cannot be negative').max(100, 'must be at most 100'),
    disqualifying: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal('includes_any'),
    id: z.string().min(1),
    label: z.string().trim().min(1, 'needs a label'),
    field: z.literal('technologies'),
    values: z.array(z.string().trim().min(1)).min(1, 'needs at least one value'),
    weight: z.number().min(0, 'cannot be negative').max(100, 'must be at most 100'),
    disqualifying: z.boolean().default(false),
  }),
]);
export type IcpCriterion = z.infer<typeof icpCriterionSchema>;

export const tierDefinitionSchema = z.object({
  tier: tierSchema,
  name: z.string().trim().min(1, 'needs a name'),
  /** How the tier is worked: 1:1, 1:few, 1:many. */
  motion: z.string().trim().min(1, 'needs a motion, such as 1:1'),
  /** How many accounts the tier is meant to hold. */
  capacity: z.number().int().min(0),
  /** Lowest grade the model recommends for this tier. */
  minGrade: gradeLetterSchema,
  /** Lowest engagement score (0–100) the model recommends for this tier. */
  minEngagement: z.number().min(0).max(100),
  /** ICP criteria (by id) the account must fully match: the filters of the ICP ladder. */
  requiredCriteria: z.array(z.string().min(1)).default([]),
  /** Buyer roles that must be mapped on an account of this tier. */
  requiredRoles: z.array(z.enum(BUYING_ROLES)),
  /** Business hours within which engagement from the account gets a sales follow-up. */
  responseSlaHours: z.number().positive('must be more than 0'),
  /** Days between account reviews with sales. */
  reviewEveryDays: z.number().int().positive('must be at least 1'),
});
export type TierDefinition = z.infer<typeof tierDefinitionSchema>;

/** A chart cell: `true` (committed) or a cadence such as "monthly". */
export const commitmentCellSchema = z.union([z.literal(true), z.string().trim().min(1)]);

/** One row of the program commitments chart: a program, its owner and the tiers it serves. */
export const programSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, 'needs a name'),
  owner: z.string().trim().min(1, 'needs an owner'),
  /** Per tier ("1"…"5"): committed, a cadence, or absent (not committed). */
  tiers: z.partialRecord(z.enum(['1', '2', '3', '4', '5']), commitmentCellSchema),
});
export type Program = z.infer<typeof programSchema>;

/** A segment's own fields: its id (the programs' cells name it) and an optional name ("Strategic"). */
const segmentBase = {
  id: z.string().min(1),
  /** Shown instead of the segment's own description ("Top 20 accounts"); blank keeps the description. */
  name: z.string().trim().max(80, 'must be at most 80 characters').optional(),
};

/**
 * A segment of the orchestration by grade. Segments are checked in order and an account is in
 * the first that takes it: `top` takes the N best accounts by fit rank, `grades` an account whose
 * worst-case grade is one of its letters, `remaining` every account.
 */
export const segmentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('top'),
    ...segmentBase,
    count: z.number().int('must be a whole number').min(1, 'must be at least 1'),
  }),
  z.object({
    kind: z.literal('grades'),
    ...segmentBase,
    grades: z.array(gradeLetterSchema).min(1, 'needs at least one grade'),
  }),
  z.object({ kind: z.literal('remaining'), ...segmentBase }),
]);
export type Segment = z.infer<typeof segmentSchema>;

/** One row of the orchestration template: a program, its owner and the segments it serves. */
export const orchestrationProgramSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, 'needs a name'),
  owner: z.string().trim().min(1, 'needs an owner'),
  /** Per segment id: yes (`true`), a cadence such as "monthly", or absent (no). */
  segments: z.record(z.string(), commitmentCellSchema),
});
export type OrchestrationProgram = z.infer<typeof orchestrationProgramSchema>;

/**
 * How marketing decides what each account gets: the commitments chart by tier (`tiers`), or the
 * orchestration template by grade (`grades`).
 */
export const orchestrationSchema = z
  .object({
    mode: z.enum(['tiers', 'grades']),
    segments: z.array(segmentSchema).min(1, 'needs at least one segment'),
    programs: z.array(orchestrationProgramSchema),
  })
  .superRefine((o, ctx) => {
    const ids = new Set(o.segments.map((s) => s.id));
    if (ids.size !== o.segments.length) {
      ctx.addIssue({ code: 'custom', path: ['segments'], message: 'two segments share an id' });
    }
    const remaining = o.segments.findIndex((s) => s.kind === 'remaining');
    if (remaining !== -1 && remaining < o.segments.length - 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['segments', remaining + 1],
        message: 'comes after "remaining", which takes every account: no account would reach it',
      });
    }
    o.programs.forEach((p, i) => {
      for (const id of Object.keys(p.segments)) {
        if (!ids.has(id))
          ctx.addIssue({ code: 'custom', path: ['programs', i, 'segments', id], message: `no segment "${id}"` });
      }
    });
  });
export type Orchestration = z.infer<typeof orchestrationSchema>;

const weight = z.number().min(0, 'cannot be negative').max(100, 'must be at most 100');

export const engagementModelSchema = z.object({
  /** `default`: the weighted formula; `calibrated`: a model fitted on won/lost outcomes sets the level. */
  mode: z.enum(['default', 'calibrated']),
  /** Days after which a touchpoint counts half. */
  halfLifeDays: z.number().positive('must be more than 0').max(365),
  typeWeights: z.record(z.enum(TOUCHPOINT_TYPES), weight),
  stageMultipliers: z.record(z.enum(['TOFU', 'MOFU', 'BOFU']), weight),
  /** Multiplier of a touch by a contact holding the role (the highest of their roles counts). */
  roleMultipliers: z.record(z.enum(BUYING_ROLES), weight),
  /** Multiplier of a touch by a known contact without a buying role. */
  knownContactMultiplier: weight,
  /** Multiplier of a touch by nobody known (an anonymous visit). */
  anonymousMultiplier: weight,
  /** Points per distinct engaged contact. */
  breadthPoints: weight,
  /** Raw points at which the score reaches 63: how fast the 0–100 squash saturates. */
  saturation: z.number().positive('must be more than 0'),
  /** Last week over the weekly mean of the 21 days before, from which the trend is "surging". */
  surgeRatio: z.number().min(1, 'must be at least 1'),
});
export type EngagementModel = z.infer<typeof engagementModelSchema>;

/**
 * A job-title rule that suggests a buyer role: a title containing any of the words (as whole
 * words, case and accents ignored) suggests the role. Suggestions are shown for one-click
 * confirmation, never written without it.
 */
export const roleRuleSchema = z.object({
  words: z.array(z.string().trim().min(1)).min(1, 'needs at least one word'),
  role: z.enum(BUYING_ROLES),
});
export type RoleRule = z.infer<typeof roleRuleSchema>;

/** HubSpot company properties for the edits that have no native field (names, not labels). */
const propertyName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]*$/, 'must be a HubSpot internal property name (lower case, digits and _)');
export const writeBackSchema = z.object({
  /** The account's tags, `;`-joined (a multi-line text or multi-checkbox property). */
  tagsProperty: propertyName,
  /** The latest tier proposal, as a sentence (a single-line text property). */
  proposalProperty: propertyName,
  /** Notes, one per line, appended (a multi-line text property). */
  notesProperty: propertyName,
  /**
   * A unique single-line text property on contacts and companies: a contact or account created
   * from Tierlens carries its op id there, so a retried create finds the first one.
   */
  opIdProperty: propertyName,
});
export type WriteBack = z.infer<typeof writeBackSchema>;

export const SETTINGS_VERSION = 4;

export const settingsSchema = z
  .object({
    version: z.literal(SETTINGS_VERSION),
    icp: z.object({
      criteria: z.array(icpCriterionSchema).min(1, 'needs at least one criterion'),
      /** Minimum score (0–100) for each grade; below D's is F. */
      thresholds: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }),
      /** Below this share of the criteria's weight with data, the grade has low confidence: fill in the data. */
      minConfidence: z.number().min(0).max(1),
    }),
    tierModel: z.enum(['three_tier', 'icp_ladder']),
    tiers: z.array(tierDefinitionSchema).min(1, 'needs at least one tier'),
    programs: z.array(programSchema),
    /** Commitments by tier, or the orchestration template by grade (and the template itself). */
    orchestration: orchestrationSchema,
    engagement: engagementModelSchema,
    /** Site adapters, each switchable without a release (a team feed's models can carry this). */
    adapters: z
      .object({
        linkedinCompany: z.boolean(),
        linkedinProfile: z.boolean(),
        salesNavigator: z.boolean(),
        websites: z.boolean(),
      })
      .default({ linkedinCompany: true, linkedinProfile: true, salesNavigator: true, websites: true }),
    /** Registrable domains that host many companies' pages: a website there names no company. */
    platforms: z.array(z.string().trim().toLowerCase().min(1, 'needs a domain')).default([...DEFAULT_PLATFORMS]),
    /**
     * The user's own name or email as the CRM shows account owners (HubSpot: the owner's name,
     * email or owner id): the rep owns the tier of their accounts; anyone else proposes a tier,
     * which never overwrites it.
     */
    me: z.string().trim().max(200).default(''),
    roleRules: z.array(roleRuleSchema),
    writeBack: writeBackSchema,
    rules: z.object({
      /** A target with no touchpoint for this many days is reviewed for demotion. */
      quietDays: z.number().int().positive(),
      /** A BOFU touchpoint this recent still calls for a follow-up. */
      followUpWindowDays: z.number().int().positive(),
      /**
       * The lowest worst-case grade a target account keeps its designation at (the target list
       * is the A, B and C accounts); with `quietDays`, the agreed criteria the account review
       * applies. Settings stored before it get C.
       */
      targetMinGrade: gradeLetterSchema.default('C'),
    }),
  })
  .superRefine((s, ctx) => {
    const t = s.icp.thresholds;
    if (!(t.A > t.B && t.B > t.C && t.C > t.D)) {
      ctx.addIssue({ code: 'custom', path: ['icp', 'thresholds'], message: 'must fall from A to D (A > B > C > D)' });
    }
    const ids = new Set(s.icp.criteria.map((c) => c.id));
    if (ids.size !== s.icp.criteria.length) {
      ctx.addIssue({ code: 'custom', path: ['icp', 'criteria'], message: 'two criteria share an id' });
    }
    const tiers = s.tiers.map((d) => d.tier);
    if (new Set(tiers).size !== tiers.length) {
      ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'two tiers share a number' });
    }
    s.tiers.forEach((d, i) => {
      for (const id of d.requiredCriteria) {
        if (!ids.has(id)) {
          ctx.addIssue({ code: 'custom', path: ['tiers', i, 'requiredCriteria'], message: `no ICP criterion "${id}"` });
        }
      }
    });
    s.icp.criteria.forEach((c, i) => {
      if (c.kind === 'range' && c.min !== undefined && c.max !== undefined && c.min > c.max) {
        ctx.addIssue({ code: 'custom', path: ['icp', 'criteria', i, 'max'], message: 'must not be below the minimum' });
      }
    });
  });
export type Settings = z.infer<typeof settingsSchema>;
