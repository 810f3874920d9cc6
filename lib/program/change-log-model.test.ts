import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import { readChangeLog } from '../db/change-log';
import { TierlensDB } from '../db/db';
import type { Settings } from '../settings/types';
import { logModelChange, modelChange, settingsDiff } from './change-log-model';
import { changeWords } from './change-log-words';
import { C_RAISED, TWO_CRITERIA } from './test-models';

const before = TWO_CRITERIA;
const after = C_RAISED;

const base: Account = {
  id: 'file:0',
  name: 'Acme',
  keys: [],
  domains: [],
  linkedinSlugs: [],
  linkedinIds: [],
  isTarget: false,
  updatedAt: 0,
  source: 'file',
  generation: 1,
};
// By hand:            score  before (C ≥ 45)   after (C ≥ 61)
//   Software, GB       100   A, Tier 1          A, Tier 1
//   Software, US        60   C, Tier 3          D, no tier
//   Retail, GB          40   D, no tier         D, no tier
//   Retail, US           0   F, no tier         F, no tier
const rows = [
  ['Software', 'GB'],
  ['Software', 'US'],
  ['Retail', 'GB'],
  ['Retail', 'US'],
].map(([industry, country], i) => ({
  account: { ...base, id: `file:${i}`, industry, country },
  contacts: [],
  touchpoints: [],
}));
const T0 = Date.UTC(2026, 2, 2, 14);

describe('a model change in the change log', () => {
  it('names the sections that changed and the settings, before and after', () => {
    expect(settingsDiff(before, after)).toEqual({
      sections: ['ICP criteria'],
      before: { 'icp.thresholds.C': 45 },
      after: { 'icp.thresholds.C': 61 },
    });
  });

  it('counts the accounts per grade and per recommended tier, before and after', () => {
    const entry = modelChange({ before, after, who: 'Priya Shah', now: T0, rows });
    expect(entry?.effect).toEqual({
      accounts: 4,
      grades: {
        before: { A: 1, B: 0, C: 1, D: 1, F: 1, ungraded: 0 },
        after: { A: 1, B: 0, C: 0, D: 2, F: 1, ungraded: 0 },
      },
      tiers: { before: { 1: 1, 2: 0, 3: 1, none: 2 }, after: { 1: 1, 2: 0, 3: 0, none: 3 } },
    });
  });

  it('is saved with who and when, and reads in words', async () => {
    const db = new TierlensDB(`tierlens-change-log-model-${Math.random()}`);
    await db.open();
    try {
      expect(await logModelChange(db, { before, after, who: 'Priya Shah', now: T0, rows })).toBe(true);
      const [entry] = await readChangeLog(db);
      expect(entry).toMatchObject({ at: T0, who: 'Priya Shah', kind: 'model', sections: ['ICP criteria'] });
      expect(changeWords(entry as never, after)).toEqual({
        what: 'Models: ICP criteria',
        changes: ['ICP criteria · thresholds.C: 45 → 61'],
      });
    } finally {
      db.close();
      await db.delete();
    }
  });

  it('without the accounts, leaves the effect to the rescoring: before it, no accounts were scored', async () => {
    const db = new TierlensDB(`tierlens-change-log-model-${Math.random()}`);
    await db.open();
    try {
      expect(await logModelChange(db, { before, after, who: 'team feed', now: T0 })).toBe(true);
      const [entry] = await readChangeLog(db);
      expect(entry).toMatchObject({ who: 'team feed', kind: 'model', effectPending: true });
      expect((await db.derived.get('scores'))?.effectsDue).toEqual([
        {
          seq: entry?.seq,
          at: T0,
          models: expect.any(String),
          before: {
            accounts: 0,
            grades: { A: 0, B: 0, C: 0, D: 0, F: 0, ungraded: 0 },
            tiers: { 1: 0, 2: 0, 3: 0, none: 0 },
          },
        },
      ]);
    } finally {
      db.close();
      await db.delete();
    }
  });

  it('names a tier changed by its number, and a criterion added by its id', () => {
    const more: Settings = {
      ...after,
      tiers: after.tiers.map((t) => (t.tier === 1 ? { ...t, capacity: 30 } : t)),
      icp: {
        ...after.icp,
        criteria: [
          ...after.icp.criteria,
          {
            kind: 'includes_any',
            id: 'crm',
            label: 'CRM',
            field: 'technologies',
            values: ['HubSpot'],
            weight: 10,
            disqualifying: false,
          },
        ],
      },
    };
    const diff = settingsDiff(after, more);
    expect(diff.sections).toEqual(['ICP criteria', 'Tiers']);
    expect(diff.before).toEqual({ 'tiers[1].capacity': 25 });
    expect(diff.after).toMatchObject({
      'icp.criteria[crm].weight': 10,
      'icp.criteria[crm].values': ['HubSpot'],
      'tiers[1].capacity': 30,
    });
  });

  it('logs nothing when only the user’s own name changed', () => {
    expect(modelChange({ before, after: { ...before, me: 'Priya Shah' }, who: 'Priya Shah', now: T0 })).toBeUndefined();
  });

  it('leaves the effect out when the accounts are not given (a team feed’s change)', () => {
    expect(modelChange({ before, after, who: 'team feed', now: T0 })?.effect).toBeUndefined();
  });
});
