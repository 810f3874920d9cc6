import type { z } from 'zod';
import { migrateSettings } from './migrations';
import { SETTINGS_VERSION, type Settings, settingsSchema } from './types';

/** One problem with the settings: where it is, in words, and what is wrong. */
export interface SettingsProblem {
  where: string;
  path: (string | number)[];
  message: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

/** How the options page names each part of the settings. */
const NAMES: Record<string, string> = {
  icp: 'ICP',
  criteria: 'criterion',
  thresholds: 'grade thresholds',
  minConfidence: 'minimum confidence',
  tiers: 'tier',
  programs: 'program',
  orchestration: 'orchestration',
  segments: 'segment',
  count: 'accounts',
  grades: 'grades',
  engagement: 'engagement',
  rules: 'rules',
  requiredCriteria: 'required ICP criteria',
  requiredRoles: 'required buyer roles',
  minGrade: 'minimum grade',
  minEngagement: 'minimum engagement',
  responseSlaHours: 'response SLA (business hours)',
  reviewEveryDays: 'review every (days)',
  halfLifeDays: 'half-life (days)',
  typeWeights: 'touchpoint weights',
  stageMultipliers: 'funnel-stage multipliers',
  roleMultipliers: 'buyer-role multipliers',
  knownContactMultiplier: 'known-contact multiplier',
  anonymousMultiplier: 'anonymous multiplier',
  breadthPoints: 'points per engaged contact',
  surgeRatio: 'surge ratio',
  quietDays: 'quiet days before a demotion review',
  followUpWindowDays: 'follow-up window (days)',
};

/** Names of whole lists, for problems with the list rather than one of its rows. */
const WHOLE_LISTS: Record<string, string> = {
  tiers: 'tiers',
  criteria: 'criteria',
  programs: 'programs',
  segments: 'segments',
};

/** Plain words for zod's type errors, which users should not have to read. */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.path.length === 1 && issue.path[0] === 'version') {
    return `these settings come from another version of Tierlens (this one reads version ${SETTINGS_VERSION} and earlier)`;
  }
  if (issue.code === 'invalid_type') {
    if (issue.expected === 'number') return 'must be a number';
    if (issue.expected === 'string') return 'must be text';
    if (issue.input === undefined) return 'is missing';
  }
  return issue.message;
}

/** "icp.criteria.1.weight" → "ICP › criterion 2 › weight". */
export function describePath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => {
      if (typeof part === 'number') return null;
      const next = path[i + 1];
      const name = NAMES[String(part)] ?? String(part);
      // A problem with a whole list (two tiers sharing a number) is about "tiers", not "tier".
      if (typeof next === 'number') return `${name} ${next + 1}`;
      return i === path.length - 1 ? (WHOLE_LISTS[String(part)] ?? name) : name;
    })
    .filter((p): p is string => p !== null)
    .join(' › ');
}

function problemsOf(error: z.ZodError): SettingsProblem[] {
  return error.issues.map((issue) => ({
    where: describePath(issue.path) || 'settings',
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: messageOf(issue),
  }));
}

/** Validates settings of any saved version: migrated, then checked against the current schema. */
export function validateSettings(input: unknown): SettingsResult {
  const parsed = settingsSchema.safeParse(migrateSettings(input));
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, problems: problemsOf(parsed.error) };
}

/** Reads settings from exported JSON text: a syntax error is a problem like any other. */
export function parseSettingsJson(text: string): SettingsResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [{ where: 'file', path: [], message: `not valid JSON: ${(error as Error).message}` }],
    };
  }
  return validateSettings(data);
}
