import type { Program, Settings, Tier } from '../settings/types';

export interface Commitment {
  program: Program;
  /** `committed`, or the cadence ("monthly"). */
  cadence: string;
}

export interface CommitmentsResult {
  tier?: Tier;
  programs: Commitment[];
  /** What the next tier up would add, or do more often, when there is one. */
  nextTierAdds: Commitment[];
}

function programsFor(programs: readonly Program[], tier: Tier): Commitment[] {
  return programs.flatMap((program) => {
    const v = program.tiers[String(tier) as keyof Program['tiers']];
    return v === undefined ? [] : [{ program, cadence: v === true ? 'committed' : v }];
  });
}

/** The programs marketing commits for a tier, from the org's chart, and what the tier above adds. */
export function commitmentsFor(tier: Tier | undefined, settings: Settings): CommitmentsResult {
  if (tier === undefined) return { programs: [], nextTierAdds: [] };
  const programs = programsFor(settings.programs, tier);
  const above = settings.tiers.some((t) => t.tier === tier - 1)
    ? programsFor(settings.programs, (tier - 1) as Tier)
    : [];
  const mine = new Map(programs.map((c) => [c.program.id, c.cadence]));
  return { tier, programs, nextTierAdds: above.filter((c) => mine.get(c.program.id) !== c.cadence) };
}
