import type { Resolution } from '../accounts/resolve';
import { GRADE_COLORS, NEUTRAL_COLOR as NEUTRAL, TIER_COLORS } from '../colors';
import type { Account } from '../db/accounts';
import type { GradeResult } from '../scoring/grade';
import type { Settings } from '../settings/types';

/** What the toolbar button shows for one tab. */
export interface BadgeSpec {
  text: string;
  color: string;
  title: string;
}

/**
 * The badge for a tab: the assigned tier when the account has one, else its grade; `?` for a
 * company that is not in the accounts, `!` for an ambiguity, nothing for a page about no company.
 */
export function badgeFor(
  resolution: Resolution | null,
  account: Account | undefined,
  grade: GradeResult | undefined,
  settings: Settings,
  pageName?: string,
): BadgeSpec {
  if (!resolution) return { text: '', color: NEUTRAL, title: 'Tierlens: no company on this page' };
  if (resolution.status === 'ambiguous') {
    return {
      text: '!',
      color: NEUTRAL,
      title: `Tierlens: ${resolution.accountIds.length} accounts match ${resolution.matchedBy}; open the side panel to choose`,
    };
  }
  if (resolution.status === 'unknown' || !account) {
    return { text: '?', color: NEUTRAL, title: `Tierlens: ${pageName ?? 'this company'} is not in your accounts` };
  }
  const tier = settings.tiers.find((t) => t.tier === account.assignedTier);
  const gradePart = grade?.letter ? `grade ${grade.letter} (ICP fit ${grade.score})` : 'not graded (no ICP data)';
  const tierPart = tier ? `Tier ${tier.tier} ${tier.name}` : 'untiered';
  const maybe = resolution.pageClaim
    ? ' — not confirmed: only the page says so, its domain is not this account’s'
    : resolution.lowConfidence
      ? ' — matched by name only'
      : '';
  const who = resolution.pageClaim ? `this site says it is ${account.name}` : account.name;
  const title = `Tierlens: ${who} — ${tierPart}, ${gradePart}${maybe}`;
  if (tier) return { text: `T${tier.tier}`, color: TIER_COLORS[tier.tier] ?? NEUTRAL, title };
  const letter = grade?.letter ?? '–';
  return { text: letter, color: GRADE_COLORS[letter] ?? NEUTRAL, title };
}
