/** One line of explanation: what was looked at, what it showed, and how much it counted. */
export interface Reason {
  label: string;
  detail: string;
  /** Effect on the result, when it has one: positive helps, negative hurts. */
  effect?: 'match' | 'partial' | 'miss' | 'unknown' | 'disqualifies';
  /** Points contributed (grade) or share of the score (engagement), when meaningful. */
  points?: number;
}
