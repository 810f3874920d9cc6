import type { z } from 'zod';
import { migrateSettings } from './migrations';
import { type Settings, settingsSchema } from './types';

/** One problem with the settings: where it is, in words, and what is wrong. */
export interface SettingsProblem {
  where: string;
  path: (string | number)[];
  message: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

const SECTION_NAMES: Record<string, string> = {
  icp: 'ICP',
  criteria: 'criterion',
  thresholds: 'grade thresholds',
  tiers: 'tier',
  programs: 'program',
  engagement: 'engagement',
  rules: 'rules',
};

/** "icp.criteria.1.weight" → "ICP › criterion 2 › weight". */
export function describePath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => {
      if (typeof part === 'number') return null;
      const next = path[i + 1];
      const name = SECTION_NAMES[String(part)] ?? String(part);
      return typeof next === 'number' ? `${name} ${next + 1}` : name;
    })
    .filter((p): p is string => p !== null)
    .join(' › ');
}

function problemsOf(error: z.ZodError): SettingsProblem[] {
  return error.issues.map((issue) => ({
    where: describePath(issue.path) || 'settings',
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message,
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
