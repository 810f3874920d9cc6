import type { AccountRows } from '../accounts/account-rows';
import type { GradeLetter, Settings, Tier } from '../settings/types';
import { scoreEngagement } from './engagement';
import { gradeAccount } from './grade';
import { recommendTier } from './tier';

/** How full a tier is: accounts assigned and recommended against its capacity. */
export interface TierUse {
  tier: Tier;
  name: string;
  capacity: number;
  assigned: number;
  recommended: number;
  /** The assigned accounts exceed the capacity. */
  overCapacity: boolean;
}

/** What a set of settings does to all the accounts: the options page's live preview. */
export interface SettingsPreview {
  accounts: number;
  /** By the grade on known data, as the panel shows it. */
  grades: Record<GradeLetter | 'ungraded', number>;
  /** Graded accounts whose letter the missing data could change ("B?"): recommended on their worst case. */
  uncertain: number;
  tiers: TierUse[];
  /** Accounts the model recommends no tier for. */
  notRecommended: number;
}

/** Grades and tiers every account under `settings`, and counts the outcome. */
export function previewSettings(rows: Iterable<AccountRows>, settings: Settings, now: number): SettingsPreview {
  const grades: SettingsPreview['grades'] = { A: 0, B: 0, C: 0, D: 0, F: 0, ungraded: 0 };
  const tiers = new Map<number, TierUse>(
    [...settings.tiers]
      .sort((a, b) => a.tier - b.tier)
      .map((t) => [
        t.tier,
        { tier: t.tier, name: t.name, capacity: t.capacity, assigned: 0, recommended: 0, overCapacity: false },
      ]),
  );
  let accounts = 0;
  let notRecommended = 0;
  let uncertain = 0;
  for (const { account, contacts, touchpoints } of rows) {
    accounts++;
    const grade = gradeAccount(account, settings.icp);
    grades[grade.letter ?? 'ungraded']++;
    if (grade.uncertain) uncertain++;
    const engagement = scoreEngagement(touchpoints, contacts, settings.engagement, now);
    const tier = recommendTier(account, grade, engagement, settings);
    const assigned = account.assignedTier !== undefined ? tiers.get(account.assignedTier) : undefined;
    if (assigned) assigned.assigned++;
    const recommended = tier.recommended ? tiers.get(tier.recommended.tier) : undefined;
    if (recommended) recommended.recommended++;
    else notRecommended++;
  }
  const uses = [...tiers.values()].map((t) => ({ ...t, overCapacity: t.assigned > t.capacity }));
  return { accounts, grades, uncertain, tiers: uses, notRecommended };
}

/** "412 A, 690 B, 301 C, 280 D, 317 F (120 uncertain); Tier 1 holds 31 of 25 (over capacity)…". */
export function describePreview(p: SettingsPreview): string {
  const grades = (['A', 'B', 'C', 'D', 'F'] as const).map((g) => `${p.grades[g]} ${g}`).join(', ');
  const ungraded = p.grades.ungraded ? `, ${p.grades.ungraded} ungraded` : '';
  const uncertain = p.uncertain ? ` (${p.uncertain} uncertain)` : '';
  const tiers = p.tiers
    .map((t) => `Tier ${t.tier} holds ${t.assigned} of ${t.capacity}${t.overCapacity ? ' (over capacity)' : ''}`)
    .join('; ');
  return `${grades}${ungraded}${uncertain}; ${tiers}`;
}
