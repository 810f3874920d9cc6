import type { Tier } from '../../settings/types';
import { memoised } from './memo';

// `tier_1` (HubSpot's internal value), "Tier 1", "tier-1", "T1", "1", "1.0" (a spreadsheet's
// number), optionally followed by the tier's name: "Tier 1 - Strategic", "Tier 2 (ABM Lite)".
const TIER = /^(?:tier|t)?[\s_-]*([1-5])(?:\.0+)?(?:\s*[-–:(]\s*.*|\s+\p{L}.*)?$/iu;

/** The ABM tier a cell names (1–5), or undefined for an empty cell or anything else ("Tier 6", "gold"). */
export const parseTier: (value: string) => Tier | undefined = memoised((value) => {
  const match = TIER.exec(value.trim());
  return match ? (Number(match[1]) as Tier) : undefined;
});
