/** Tier colours, most invested first, shared by the toolbar badge and the side panel. */
export const TIER_COLORS: Record<number, string> = {
  1: '#6d28d9',
  2: '#1d4ed8',
  3: '#0f766e',
  4: '#4d7c0f',
  5: '#a16207',
};
/** Grade colours, from green (A) to red (F). */
export const GRADE_COLORS: Record<string, string> = {
  A: '#15803d',
  B: '#4d7c0f',
  C: '#a16207',
  D: '#c2410c',
  F: '#b91c1c',
};
export const NEUTRAL_COLOR = '#64748b';
