import type { Resolution } from '../accounts/resolve';
import { GRADE_COLORS, NEUTRAL_COLOR as NEUTRAL, TIER_COLORS } from '../colors';
import type { Account } from '../db/accounts';
import type { GradeResult } from '../scoring/grade';
import { gradeMark, rangeText } from '../scoring/grade-words';
import type { Settings } from '../settings/types';

/** What the toolbar button shows for one tab. */
export interface BadgeSpec {
  text: string;
  color: string;
  title: string;
}

/**
 * The badge for a tab: the assigned tier when the account has one, else its grade ("B?" when the
 * missing data could change it, the title saying how); `?` for a company that is not in the
 * accounts, `!` for an ambiguity, nothing for a page about no company.
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
  const mark = grade ? gradeMark(grade) : null;
  const gradePart =
    !grade || mark === null
      ? 'not graded (no ICP data)'
      : grade.uncertain
        ? `grade ${mark} (ICP fit ${grade.score} on known data; ${rangeText(grade)})`
        : `grade ${mark} (ICP fit ${grade.score})`;
  const tierPart = tier ? `Tier ${tier.tier} ${tier.name}` : 'untiered';
  const maybe = resolution.pageClaim
    ? ' — not confirmed: only the page says so, its domain is not this account’s'
    : resolution.lowConfidence
      ? ' — matched by name only'
      : '';
  const who = resolution.pageClaim ? `this site says it is ${account.name}` : account.name;
  const title = `Tierlens: ${who} — ${tierPart}, ${gradePart}${maybe}`;
  if (tier) return { text: `T${tier.tier}`, color: TIER_COLORS[tier.tier] ?? NEUTRAL, title };
  return { text: mark ?? '–', color: (grade?.letter && GRADE_COLORS[grade.letter]) || NEUTRAL, title };
}
