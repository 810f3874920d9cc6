import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { DEFAULT_ENGAGEMENT, DEFAULT_ORCHESTRATION, DEFAULT_SETTINGS } from './defaults';
import { ORCHESTRATION_PRESET, PRESETS } from './presets';
import { loadSettings, SETTINGS_KEY, saveSettings } from './store';
import { SETTINGS_VERSION, type Settings } from './types';
import { parseSettingsJson, type SettingsResult, validateSettings } from './validate';

/** A copy of `base` changed by `edit`, as the options page would submit it. */
const edited = (edit: (s: Settings) => unknown, base: Settings = DEFAULT_SETTINGS): Settings => {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
};
const problemsOf = (r: SettingsResult) => (r.ok ? [] : r.problems.map(({ where, message }) => ({ where, message })));

/**
 * Settings as version 1 saved them: tiers without ladder filters, an engagement model that was
 * only its half-life, no rule knobs, no minimum confidence. This user had edited the half-life
 * (21 days, not 14), renamed a program and tightened Tier 1's SLA.
 */
const V1 = {
  version: 1,
  icp: {
    criteria: [
      {
        kind: 'in_set',
        id: 'industry',
        label: 'Target industry',
        field: 'industry',
        values: ['Software'],
        weight: 60,
        disqualifying: false,
      },
      {
        kind: 'range',
        id: 'employees',
        label: 'Company size',
        field: 'employees',
        min: 200,
        max: 20_000,
        weight: 40,
        disqualifying: false,
      },
    ],
    thresholds: { A: 80, B: 65, C: 45, D: 25 },
  },
  tierModel: 'three_tier',
  tiers: [
    {
      tier: 1,
      name: 'Strategic',
      motion: '1:1',
      capacity: 25,
      minGrade: 'A',
      minEngagement: 60,
      requiredRoles: ['DECISION_MAKER', 'CHAMPION'],
      responseSlaHours: 2,
      reviewEveryDays: 30,
    },
    {
      tier: 2,
      name: 'ABM Lite',
      motion: '1:few',
      capacity: 150,
      minGrade: 'B',
      minEngagement: 30,
      requiredRoles: ['DECISION_MAKER'],
      responseSlaHours: 8,
      reviewEveryDays: 91,
    },
  ],
  programs: [
    { id: 'exec-outreach', name: 'CEO-to-CEO outreach', owner: 'Sales', tiers: { 1: true } },
    { id: 'company-emails', name: 'Company emails', owner: 'Marketing', tiers: { 1: true, 2: 'monthly' } },
  ],
  engagement: { halfLifeDays: 21 },
};

describe('validateSettings: the shipped settings', () => {
  it.each`
    name                        | settings
    ${'the defaults'}           | ${DEFAULT_SETTINGS}
    ${'three ABM tiers'}        | ${PRESETS.three_tier.settings}
    ${'the ICP ladder'}         | ${PRESETS.icp_ladder.settings}
    ${'orchestration by grade'} | ${ORCHESTRATION_PRESET.settings}
  `('$name are valid, and come back unchanged', ({ settings }) => {
    expect(validateSettings(settings)).toEqual({ ok: true, settings });
  });
});

/** An edit on the options page, and the located problem it must produce. */
interface InvalidEdit {
  edit: string;
  change: (s: Settings) => void;
  base?: Settings;
  where: string;
  message: string;
}

const INVALID_EDITS: InvalidEdit[] = [
  {
    edit: 'weight 150 on the first criterion',
    change: (s) => Object.assign(s.icp.criteria[0] ?? {}, { weight: 150 }),
    where: 'ICP › criterion 1 › weight',
    message: 'must be at most 100',
  },
  {
    edit: 'a blank program name',
    change: (s) => Object.assign(s.programs[2] ?? {}, { name: '   ' }),
    where: 'program 3 › name',
    message: 'needs a name',
  },
  {
    edit: 'thresholds not falling (A 60 ≤ B 65)',
    change: (s) => Object.assign(s.icp.thresholds, { A: 60 }),
    where: 'ICP › grade thresholds',
    message: 'must fall from A to D (A > B > C > D)',
  },
  {
    edit: 'equal thresholds (C 25 = D 25)',
    change: (s) => Object.assign(s.icp.thresholds, { C: 25 }),
    where: 'ICP › grade thresholds',
    message: 'must fall from A to D (A > B > C > D)',
  },
  {
    edit: 'a ladder tier requiring an unknown criterion',
    change: (s) => s.tiers[0]?.requiredCriteria.push('headcount'),
    base: PRESETS.icp_ladder.settings,
    where: 'tier 1 › required ICP criteria',
    message: 'no ICP criterion "headcount"',
  },
  {
    edit: 'NaN as the half-life',
    change: (s) => Object.assign(s.engagement, { halfLifeDays: Number.NaN }),
    where: 'engagement › half-life (days)',
    message: 'must be a number',
  },
  {
    edit: 'two tiers numbered 1',
    change: (s) => Object.assign(s.tiers[1] ?? {}, { tier: 1 }),
    where: 'tiers',
    message: 'two tiers share a number',
  },
  {
    edit: 'a size range from 300,000 down to 250,000',
    change: (s) => Object.assign(s.icp.criteria[1] ?? {}, { min: 300_000, max: 250_000 }),
    where: 'ICP › criterion 2 › max',
    message: 'must not be below the minimum',
  },
  {
    edit: 'two criteria with one id',
    change: (s) => Object.assign(s.icp.criteria[1] ?? {}, { id: 'industry' }),
    where: 'ICP › criteria',
    message: 'two criteria share an id',
  },
  {
    edit: 'a response SLA of 0 hours',
    change: (s) => Object.assign(s.tiers[2] ?? {}, { responseSlaHours: 0 }),
    where: 'tier 3 › response SLA (business hours)',
    message: 'must be more than 0',
  },
  {
    edit: 'a top segment of 0 accounts',
    change: (s) => Object.assign(s.orchestration.segments[0] ?? {}, { count: 0 }),
    where: 'orchestration › segment 1 › accounts',
    message: 'must be at least 1',
  },
  {
    edit: 'a grades segment with no grade ticked',
    change: (s) => Object.assign(s.orchestration.segments[1] ?? {}, { grades: [] }),
    where: 'orchestration › segment 2 › grades',
    message: 'needs at least one grade',
  },
  {
    edit: 'an orchestrated program without an owner',
    change: (s) => Object.assign(s.orchestration.programs[1] ?? {}, { owner: ' ' }),
    where: 'orchestration › program 2 › owner',
    message: 'needs an owner',
  },
  {
    edit: 'a program cell naming no segment',
    change: (s) => Object.assign(s.orchestration.programs[0]?.segments ?? {}, { vip: true }),
    where: 'orchestration › program 1 › segment › vip',
    message: 'no segment "vip"',
  },
  {
    edit: 'a segment after "remaining", which no account would reach',
    change: (s) => s.orchestration.segments.push({ kind: 'grades', id: 'late', grades: ['C'] }),
    where: 'orchestration › segment 4',
    message: 'comes after "remaining", which takes every account: no account would reach it',
  },
  {
    edit: 'two segments with one id',
    change: (s) => {
      Object.assign(s.orchestration.segments[1] ?? {}, { id: 'top' });
      for (const p of s.orchestration.programs) delete p.segments['a-b'];
    },
    where: 'orchestration › segments',
    message: 'two segments share an id',
  },
];

describe('validateSettings: an invalid edit says where and what', () => {
  it.each(INVALID_EDITS)('$edit: "$where" $message', ({ change, base, where, message }) => {
    expect(problemsOf(validateSettings(edited(change, base)))).toEqual([{ where, message }]);
  });
});

describe('validateSettings: settings saved by version 1', () => {
  const result = validateSettings(V1);
  const settings = result.ok ? result.settings : undefined;

  it('are migrated to valid current settings', () => {
    expect(problemsOf(result)).toEqual([]);
    expect(settings?.version).toBe(SETTINGS_VERSION);
  });

  it('keep the user’s edits', () => {
    expect(settings?.engagement.halfLifeDays).toBe(21);
    expect(settings?.programs.map((p) => p.name)).toEqual(['CEO-to-CEO outreach', 'Company emails']);
    expect(settings?.tiers[0]?.responseSlaHours).toBe(2);
    expect(settings?.icp.criteria.map((c) => c.weight)).toEqual([60, 40]);
  });

  it('gain the new knobs at their defaults', () => {
    expect(settings?.tiers.map((t) => t.requiredCriteria)).toEqual([[], []]);
    expect(settings?.engagement).toEqual({ ...DEFAULT_ENGAGEMENT, halfLifeDays: 21 });
    expect(settings?.rules).toEqual(DEFAULT_SETTINGS.rules);
    expect(settings?.icp.minConfidence).toBe(DEFAULT_SETTINGS.icp.minConfidence);
  });

  it('are not changed in place', () => {
    const copy = structuredClone(V1);
    validateSettings(copy);
    expect(copy).toEqual(V1);
  });
});

describe('validateSettings: settings saved by version 2', () => {
  // Version 2 had no user name, no title → role rules and no write-back properties.
  const { me: _me, roleRules: _rules, writeBack: _writeBack, ...rest } = DEFAULT_SETTINGS;
  const V2 = { ...rest, version: 2, rules: { quietDays: 60, followUpWindowDays: 7 } };
  const result = validateSettings(V2);
  const settings = result.ok ? result.settings : undefined;

  it('are migrated to valid current settings, keeping the user’s knobs', () => {
    expect(problemsOf(result)).toEqual([]);
    expect(settings?.version).toBe(SETTINGS_VERSION);
    // The knobs kept; the target criterion added since takes its default (the target list is A to C).
    expect(settings?.rules).toEqual({ quietDays: 60, followUpWindowDays: 7, targetMinGrade: 'C' });
  });

  it('gain the write path’s settings at their defaults: no user name, the shipped rules and properties', () => {
    expect(settings?.me).toBe('');
    expect(settings?.roleRules).toEqual(DEFAULT_SETTINGS.roleRules);
    expect(settings?.writeBack).toEqual({
      tagsProperty: 'tierlens_tags',
      proposalProperty: 'tierlens_tier_proposal',
      notesProperty: 'tierlens_notes',
      opIdProperty: 'tierlens_op_id',
    });
  });
});

describe('validateSettings: settings saved by version 3', () => {
  // Version 3 had the commitments chart by tier only. This user had renamed a program.
  const { orchestration: _orchestration, ...rest } = DEFAULT_SETTINGS;
  const programs = DEFAULT_SETTINGS.programs.map((p, i) => (i === 0 ? { ...p, name: 'Bespoke campaign' } : p));
  const V3 = { ...rest, version: 3, programs };
  const result = validateSettings(V3);
  const settings = result.ok ? result.settings : undefined;

  it('are migrated to valid current settings, keeping the user’s chart', () => {
    expect(problemsOf(result)).toEqual([]);
    expect(settings?.version).toBe(SETTINGS_VERSION);
    expect(settings?.programs[0]?.name).toBe('Bespoke campaign');
  });

  it('gain the orchestration template by grade, off: programs stay committed by tier', () => {
    expect(settings?.orchestration.mode).toBe('tiers');
    expect(settings?.orchestration).toEqual(DEFAULT_ORCHESTRATION);
  });

  it('load from storage, migrated', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: V3 });
    const s = await loadSettings();
    expect(s.orchestration.segments.map((x) => x.kind)).toEqual(['top', 'grades', 'remaining']);
    expect(s.programs[0]?.name).toBe('Bespoke campaign');
  });
});

describe('validateSettings: what it cannot read is rejected with a problem', () => {
  it.each`
    what                                  | input
    ${'a future version'}                 | ${{ ...DEFAULT_SETTINGS, version: SETTINGS_VERSION + 1 }}
    ${'no version'}                       | ${{ ...DEFAULT_SETTINGS, version: undefined }}
    ${'version 0'}                        | ${{ ...V1, version: 0 }}
    ${'null'}                             | ${null}
    ${'a string'}                         | ${'settings'}
    ${'a number'}                         | ${42}
    ${'an array'}                         | ${[DEFAULT_SETTINGS]}
    ${'an empty object'}                  | ${{}}
    ${'a version-1 object with no tiers'} | ${{ ...V1, tiers: undefined }}
  `('$what', ({ input }) => {
    const r = validateSettings(input);
    expect(r.ok).toBe(false);
    expect(problemsOf(r).length).toBeGreaterThan(0);
  });

  it('says where: the version of a future file, the whole of something that is not settings', () => {
    expect(problemsOf(validateSettings({ ...DEFAULT_SETTINGS, version: SETTINGS_VERSION + 1 }))).toEqual([
      { where: 'version', message: expect.any(String) },
    ]);
    expect(problemsOf(validateSettings(null))).toEqual([{ where: 'settings', message: expect.any(String) }]);
  });
});

describe('parseSettingsJson: import and export', () => {
  it.each`
    text
    ${'{ "version": 2, '}
    ${''}
    ${'settings'}
    ${"{ 'version': 2 }"}
  `('rejects malformed JSON ($text) as "not valid JSON"', ({ text }) => {
    expect(problemsOf(parseSettingsJson(text))).toEqual([
      { where: 'file', message: expect.stringMatching(/^not valid JSON/) },
    ]);
  });

  it.each`
    name                 | settings
    ${'three ABM tiers'} | ${PRESETS.three_tier.settings}
    ${'the ICP ladder'}  | ${PRESETS.icp_ladder.settings}
    ${'edited settings'} | ${edited((s) => Object.assign(s.rules, { quietDays: 60 }))}
  `('round-trips $name through an export', ({ settings }) => {
    expect(parseSettingsJson(JSON.stringify(settings, null, 2))).toEqual({ ok: true, settings });
  });

  it('imports an export made by version 1', () => {
    expect(parseSettingsJson(JSON.stringify(V1))).toMatchObject({
      ok: true,
      settings: { version: SETTINGS_VERSION, engagement: { halfLifeDays: 21 } },
    });
  });
});

describe('saveSettings and loadSettings', () => {
  const stored = () => browser.storage.local.get(null);

  it('saves nothing when the settings are invalid, and says why', async () => {
    const r = await saveSettings(
      edited((s) => {
        s.icp.thresholds.A = 10;
      }),
    );
    expect(problemsOf(r)).toEqual([{ where: 'ICP › grade thresholds', message: expect.any(String) }]);
    expect(await stored()).toEqual({});
  });

  it('keeps the saved settings when a later save is invalid', async () => {
    const good = edited((s) => {
      s.rules.quietDays = 60;
    });
    await saveSettings(good);
    await saveSettings({ ...good, tiers: [] });
    expect(await stored()).toEqual({ [SETTINGS_KEY]: good });
  });

  it('saves valid settings, which load back', async () => {
    const good = edited((s) => {
      s.engagement.halfLifeDays = 30;
    }, PRESETS.icp_ladder.settings);
    expect(await saveSettings(good)).toEqual({ ok: true, settings: good });
    expect(await stored()).toEqual({ [SETTINGS_KEY]: good });
    expect(await loadSettings()).toEqual(good);
  });

  it.each`
    what                   | value
    ${'nothing'}           | ${undefined}
    ${'a string'}          | ${'garbage'}
    ${'null'}              | ${null}
    ${'an invalid object'} | ${{ version: 2, icp: 'none' }}
    ${'a future version'}  | ${{ ...DEFAULT_SETTINGS, version: 99 }}
  `('falls back to the defaults when storage holds $what', async ({ value }) => {
    if (value !== undefined) await browser.storage.local.set({ [SETTINGS_KEY]: value });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('loads settings stored by version 1, migrated', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: V1 });
    const s = await loadSettings();
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s.engagement.halfLifeDays).toBe(21);
    expect(s.programs[0]?.name).toBe('CEO-to-CEO outreach');
  });
});
