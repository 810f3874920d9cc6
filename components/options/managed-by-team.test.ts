import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { applyManagedModels } from '@/lib/settings/managed';
import { ownPart } from './managed-by-team';

describe('saving settings while the team feed manages some sections', () => {
  const team = { programs: DEFAULT_SETTINGS.programs.slice(0, 2) };
  const own = { ...DEFAULT_SETTINGS, tierModel: 'icp_ladder' as const };

  it('saves the user’s own edits and keeps the user’s own values of the managed sections', () => {
    const draft = { ...applyManagedModels(own, team), engagement: { ...own.engagement, halfLifeDays: 21 } };
    const saved = ownPart(draft, own, team) as typeof own;
    expect(saved.programs).toEqual(own.programs);
    expect(saved.engagement.halfLifeDays).toBe(21);
    expect(saved.tierModel).toBe('icp_ladder');
  });

  it('saves the draft as it is when the team manages nothing', () => {
    const draft = { ...own, tierModel: 'three_tier' as const };
    expect(ownPart(draft, own, undefined)).toBe(draft);
  });
});
