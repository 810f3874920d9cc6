import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Account } from '@/lib/db/accounts';
import { scoreAccount } from '@/lib/scoring/account-view';
import { type CalibratedModel, ENGAGEMENT_FEATURES } from '@/lib/scoring/calibration';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import type { Settings } from '@/lib/settings/types';
import { EngagementSection } from './engagement-section';

const settings: Settings = { ...DEFAULT_SETTINGS, engagement: { ...DEFAULT_SETTINGS.engagement, mode: 'calibrated' } };
const account: Account = {
  id: 'hubspot:1',
  name: 'Acme',
  keys: [],
  domains: ['acme.com'],
  linkedinSlugs: [],
  linkedinIds: [],
  isTarget: false,
  updatedAt: 0,
  source: 'hubspot',
  generation: 1,
};
const model: CalibratedModel = {
  intercept: 0,
  features: ENGAGEMENT_FEATURES.map(({ id, label }) => ({ id, label, weight: 0, mean: 0, scale: 1 })),
  learntFrom: 218,
  won: 44,
  lost: 174,
  heldOut: 82,
  undated: 0,
  auc: 0.783,
  defaultAuc: 0.6631,
  fittedAt: 0,
};

/** The section as text a user reads. */
const shown = (calibration: CalibratedModel): string =>
  renderToStaticMarkup(<EngagementSection view={scoreAccount(account, [], [], settings, 0, { calibration })} />)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ');

describe('EngagementSection in calibrated mode', () => {
  it('says how many outcomes the model learnt from and how well it separates them', () => {
    expect(shown(model)).toContain(
      'calibrated on 218 won/lost accounts, AUC 0.78 on 82 held out (default score 0.66).',
    );
    expect(shown(model)).not.toContain('close date');
  });

  it('says how many outcomes were left out for want of a close date', () => {
    expect(shown({ ...model, undated: 12 })).toContain('(default score 0.66). 12 without a close date left out.');
  });
});
