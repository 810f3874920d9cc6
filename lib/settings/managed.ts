import { z } from 'zod';
import { DEFAULT_SETTINGS } from './defaults';
import { type Settings, settingsSchema } from './types';

const sections = settingsSchema.shape;

/**
 * The org's models a team feed manages (its manifest's `models`): any of the settings' own
 * sections, each whole and in the settings' shape, so one schema describes both. The commitments
 * chart is `programs`; the response SLAs and review cadences live in `tiers`.
 */
const managedShape = z
  .object({
    icp: sections.icp,
    tierModel: sections.tierModel,
    tiers: sections.tiers,
    programs: sections.programs,
    orchestration: sections.orchestration,
    engagement: sections.engagement,
    // Unwrapped: an absent section must stay absent (the user's own), not become the default.
    adapters: sections.adapters.unwrap(),
    platforms: sections.platforms.unwrap(),
    rules: sections.rules,
    roleRules: sections.roleRules,
    writeBack: sections.writeBack,
  })
  .partial()
  // A typo ("commitments") must be an error, not a section silently ignored.
  .strict();

export type ManagedModels = z.infer<typeof managedShape>;
export type ManagedSection = keyof ManagedModels;

/** The sections in the options page's order. */
export const MANAGED_SECTIONS = Object.keys(managedShape.shape) as ManagedSection[];

/**
 * The managed models, with the checks the whole settings make across a section (grade thresholds
 * falling from A to D, unique criterion ids and tier numbers). Tiers that require ICP criteria
 * must come with the ICP that defines them: the team cannot know the ids of a user's own criteria.
 */
export const managedModelsSchema = managedShape.superRefine((managed, ctx) => {
  // The settings' own refinements, run on the managed sections over the defaults; only problems
  // inside a managed section are the team's.
  const merged = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...managed });
  if (!merged.success) {
    for (const issue of merged.error.issues) {
      if (typeof issue.path[0] === 'string' && issue.path[0] in managed) {
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
    }
  }
  if (managed.tiers && !managed.icp) {
    managed.tiers.forEach((tier, i) => {
      if (tier.requiredCriteria.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'requiredCriteria'],
          message: 'names ICP criteria, so the models must include the icp that defines them',
        });
      }
    });
  }
});

/** The sections `managed` sets, in the options page's order: shown read-only, "managed by your team". */
export function managedSections(managed: ManagedModels | undefined): ManagedSection[] {
  if (!managed) return [];
  return MANAGED_SECTIONS.filter((section) => managed[section] !== undefined);
}

/**
 * The settings in effect: each managed section replaces the user's whole. The user's saved
 * settings are not changed, so leaving the feed brings their own models back. When the team's
 * ICP replaces the user's, the user's tiers may name criteria it no longer has: those filters
 * are dropped from the effective tiers (a filter on a criterion that does not exist matches nothing).
 */
export function applyManagedModels(settings: Settings, managed: ManagedModels | undefined): Settings {
  if (!managed) return settings;
  const effective: Settings = { ...settings };
  for (const section of managedSections(managed)) copySection(effective, managed, section);
  if (managed.icp && !managed.tiers) {
    const ids = new Set(effective.icp.criteria.map((c) => c.id));
    effective.tiers = effective.tiers.map((tier) => ({
      ...tier,
      requiredCriteria: tier.requiredCriteria.filter((id) => ids.has(id)),
    }));
  }
  return effective;
}

function copySection<K extends ManagedSection>(target: Settings, managed: ManagedModels, key: K): void {
  const value = managed[key];
  // A copy: the effective settings must not share objects with the stored feed models.
  if (value !== undefined) target[key] = structuredClone(value) as Settings[K];
}
