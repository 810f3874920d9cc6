import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { IcpCriterion, Settings } from '../settings/types';
import { gradeAccount } from './grade';
import { gradeMark } from './grade-words';

/** An account that meets every default ICP criterion. */
const ideal: Account = {
  id: 'test:1',
  name: 'Acme',
  keys: ['li:acme'],
  domains: ['acme.com'],
  linkedinSlugs: ['acme'],
  linkedinIds: [],
  industry: 'Software',
  employees: 1_000,
  revenue: 100_000_000,
  country: 'GB',
  technologies: ['HubSpot'],
  isTarget: false,
  updatedAt: 0,
  source: 'file',
  generation: 1,
};

const THRESHOLDS = DEFAULT_SETTINGS.icp.thresholds;

/** An ICP of one criterion: the grade's score is then that criterion's credit × 100. */
const only = (criterion: IcpCriterion): Settings['icp'] => ({
  criteria: [criterion],
  thresholds: THRESHOLDS,
  minConfidence: 0.75,
});

const industry: IcpCriterion = {
  kind: 'in_set',
  id: 'industry',
  label: 'Target industry',
  field: 'industry',
  values: ['Software', 'Financial Services'],
  weight: 30,
  disqualifying: false,
};
/** 200–20,000 employees: partial credit fades over 50 below (25% of 200) and 5,000 above (25% of 20,000). */
const size: IcpCriterion = {
  kind: 'range',
  id: 'employees',
  label: 'Company size',
  field: 'employees',
  min: 200,
  max: 20_000,
  weight: 25,
  disqualifying: false,
};
const crm: IcpCriterion = {
  kind: 'includes_any',
  id: 'crm',
  label: 'Uses a CRM',
  field: 'technologies',
  values: ['HubSpot', 'Salesforce'],
  weight: 10,
  disqualifying: false,
};

/** Grades `changes` applied to the ideal account against one criterion. */
const gradeOn = (criterion: IcpCriterion, changes: Partial<Account>) =>
  gradeAccount({ ...ideal, ...changes }, only(criterion));

describe('gradeAccount: in_set criteria', () => {
  it.each`
    value                   | effect     | score
    ${'Software'}           | ${'match'} | ${100}
    ${'software'}           | ${'match'} | ${100}
    ${'FINANCIAL SERVICES'} | ${'match'} | ${100}
    ${'Retail'}             | ${'miss'}  | ${0}
  `('industry $value is a $effect (score $score)', ({ value, effect, score }) => {
    const g = gradeOn(industry, { industry: value });
    expect(g.reasons[0]?.effect).toBe(effect);
    expect(g.score).toBe(score);
    expect(g.confidence).toBe(1);
  });
});

describe('gradeAccount: range criteria, with partial credit near the edges', () => {
  it.each`
    employees | effect       | score
    ${1_000}  | ${'match'}   | ${100}
    ${200}    | ${'match'}   | ${100}
    ${20_000} | ${'match'}   | ${100}
    ${175}    | ${'partial'} | ${50}
    ${190}    | ${'partial'} | ${80}
    ${150}    | ${'miss'}    | ${0}
    ${10}     | ${'miss'}    | ${0}
    ${22_500} | ${'partial'} | ${50}
    ${25_000} | ${'miss'}    | ${0}
    ${500000} | ${'miss'}    | ${0}
  `('$employees employees against 200–20,000 is a $effect (score $score)', ({ employees, effect, score }) => {
    const g = gradeOn(size, { employees });
    expect(g.reasons[0]?.effect).toBe(effect);
    expect(g.score).toBe(score);
  });

  it.each`
    bound         | employees    | effect
    ${'min only'} | ${1_000_000} | ${'match'}
    ${'min only'} | ${100}       | ${'miss'}
    ${'max only'} | ${1}         | ${'match'}
    ${'max only'} | ${30_000}    | ${'miss'}
  `('a range with $bound: $employees employees is a $effect', ({ bound, employees, effect }) => {
    const open: IcpCriterion =
      bound === 'min only' ? { ...size, min: 200, max: undefined } : { ...size, min: undefined, max: 20_000 };
    expect(gradeOn(open, { employees }).reasons[0]?.effect).toBe(effect);
  });

  it('earns partial points in proportion to the credit', () => {
    const g = gradeOn(size, { employees: 175 });
    expect(g.reasons[0]).toMatchObject({ label: 'Company size', effect: 'partial', points: 13 });
    expect(g.reasons[0]?.detail).toBe('175 (wanted 200–20,000)');
  });
});

describe('gradeAccount: includes_any criteria', () => {
  it.each`
    technologies                       | effect     | shown
    ${['HubSpot']}                     | ${'match'} | ${'HubSpot'}
    ${['Slack', 'salesforce']}         | ${'match'} | ${'salesforce'}
    ${['Zoho CRM']}                    | ${'miss'}  | ${'Zoho CRM'}
    ${['Google Analytics', 'Segment']} | ${'miss'}  | ${'Google Analytics, Segment'}
  `('technologies $technologies are a $effect', ({ technologies, effect, shown }) => {
    const g = gradeOn(crm, { technologies });
    expect(g.reasons[0]?.effect).toBe(effect);
    expect(g.reasons[0]?.detail).toBe(`${shown} (wanted HubSpot, Salesforce)`);
  });
});

describe('gradeAccount: missing data', () => {
  it.each`
    criterion   | changes
    ${industry} | ${{ industry: undefined }}
    ${industry} | ${{ industry: '' }}
    ${size}     | ${{ employees: undefined }}
    ${size}     | ${{ employees: Number.NaN }}
    ${crm}      | ${{ technologies: undefined }}
    ${crm}      | ${{ technologies: [] }}
  `('$criterion.label with $changes is unknown, not a miss', ({ criterion, changes }) => {
    const g = gradeOn(criterion, changes);
    expect(g.reasons).toEqual([expect.objectContaining({ label: criterion.label, effect: 'unknown' })]);
    expect(g.missing).toEqual([criterion.label]);
    expect(g.confidence).toBe(0);
  });

  // By hand, default weights: industry 30, size 25, revenue 20, geography 15, CRM 10 (a hard
  // disqualifier); A from 80, B from 65. Worst case: the missing weight earns nothing.
  it.each`
    missingField      | label                 | confidence | worstScore | worst  | mark
    ${'revenue'}      | ${'Annual revenue'}   | ${0.8}     | ${80}      | ${'A'} | ${'A'}
    ${'employees'}    | ${'Company size'}     | ${0.75}    | ${75}      | ${'B'} | ${'A?'}
    ${'industry'}     | ${'Target industry'}  | ${0.7}     | ${70}      | ${'B'} | ${'A?'}
    ${'country'}      | ${'Served geography'} | ${0.85}    | ${85}      | ${'A'} | ${'A'}
    ${'technologies'} | ${'Uses a CRM'}       | ${0.9}     | ${90}      | ${'F'} | ${'A?'}
  `(
    'without $missingField an ideal account scores 100 on known data (A) at confidence $confidence, $worst at worst: $mark',
    ({ missingField, label, confidence, worstScore, worst, mark }) => {
      const g = gradeAccount({ ...ideal, [missingField]: undefined }, DEFAULT_SETTINGS.icp);
      expect(g.score).toBe(100);
      expect(g.letter).toBe('A');
      expect(g.confidence).toBeCloseTo(confidence);
      expect(g.missing).toEqual([label]);
      expect(g.range).toMatchObject({ worst, worstScore, best: 'A', bestScore: 100 });
      expect(gradeMark(g)).toBe(mark);
    },
  );

  it('scores a partly known account on the criteria it has data for', () => {
    // Industry misses (30), size matches (25), the rest unknown: 25 of 55 known weight.
    const g = gradeAccount(
      { ...ideal, industry: 'Retail', revenue: undefined, country: undefined, technologies: undefined },
      DEFAULT_SETTINGS.icp,
    );
    expect(g.score).toBe(45);
    expect(g.confidence).toBeCloseTo(0.55);
    expect(g.missing).toEqual(['Annual revenue', 'Served geography', 'Uses a CRM']);
  });

  it('says what was wanted when the data is missing', () => {
    const g = gradeOn(size, { employees: undefined });
    expect(g.reasons[0]?.detail).toBe('no data (wanted 200–20,000)');
  });
});

describe('gradeAccount: hard disqualifiers', () => {
  /** The default ICP with "Uses a CRM" (weight 10) or "Company size" (weight 25) made (non-)disqualifying. */
  const icpWith = (id: string, disqualifying: boolean): Settings['icp'] => ({
    ...DEFAULT_SETTINGS.icp,
    criteria: DEFAULT_SETTINGS.icp.criteria.map((c) => (c.id === id ? { ...c, disqualifying } : c)),
  });

  it.each`
    case                                              | criterion      | disqualifying | changes                           | letter | score
    ${'a disqualifier that misses'}                   | ${'crm'}       | ${true}       | ${{ technologies: ['Zoho CRM'] }} | ${'F'} | ${90}
    ${'the same miss on an ordinary criterion'}       | ${'crm'}       | ${false}      | ${{ technologies: ['Zoho CRM'] }} | ${'A'} | ${90}
    ${'a disqualifier that matches'}                  | ${'crm'}       | ${true}       | ${{ technologies: ['HubSpot'] }}  | ${'A'} | ${100}
    ${'a disqualifier without data'}                  | ${'crm'}       | ${true}       | ${{ technologies: undefined }}    | ${'A'} | ${100}
    ${'a disqualifying range earning partial credit'} | ${'employees'} | ${true}       | ${{ employees: 175 }}             | ${'A'} | ${88}
    ${'a disqualifying range missing entirely'}       | ${'employees'} | ${true}       | ${{ employees: 100 }}             | ${'F'} | ${75}
  `(
    '$case: an otherwise ideal account grades $letter (score $score)',
    ({ criterion, disqualifying, changes, letter, score }) => {
      const g = gradeAccount({ ...ideal, ...changes }, icpWith(criterion, disqualifying));
      expect(g.letter).toBe(letter);
      expect(g.score).toBe(score);
    },
  );

  it('names the disqualifier in its reason', () => {
    const g = gradeAccount({ ...ideal, technologies: ['Zoho CRM'] }, DEFAULT_SETTINGS.icp);
    expect(g.reasons.find((r) => r.label === 'Uses a CRM')).toEqual({
      label: 'Uses a CRM',
      detail: 'Zoho CRM: hard disqualifier',
      effect: 'disqualifies',
    });
  });
});

describe('gradeAccount: thresholds to letters (A 80, B 65, C 45, D 25)', () => {
  /** Two criteria weighing `score` and `100 − score`: the first matches, the second misses. */
  const icpScoring = (score: number): Settings['icp'] => ({
    criteria: [
      { ...industry, weight: score },
      { ...crm, weight: 100 - score },
    ],
    thresholds: THRESHOLDS,
    minConfidence: 0.75,
  });

  it.each`
    score  | letter
    ${100} | ${'A'}
    ${80}  | ${'A'}
    ${79}  | ${'B'}
    ${65}  | ${'B'}
    ${64}  | ${'C'}
    ${45}  | ${'C'}
    ${44}  | ${'D'}
    ${25}  | ${'D'}
    ${24}  | ${'F'}
    ${0}   | ${'F'}
  `('a score of $score grades $letter', ({ score, letter }) => {
    const g = gradeAccount({ ...ideal, technologies: ['Zoho'] }, icpScoring(score));
    expect(g.score).toBe(score);
    expect(g.letter).toBe(letter);
  });

  it('follows the org’s thresholds, not fixed ones', () => {
    const strict = { ...icpScoring(85), thresholds: { A: 90, B: 80, C: 70, D: 60 } };
    expect(gradeAccount({ ...ideal, technologies: ['Zoho'] }, strict).letter).toBe('B');
  });
});

describe('gradeAccount: reasons', () => {
  it('gives one reason per criterion, in the ICP’s order, whatever the data', () => {
    const labels = DEFAULT_SETTINGS.icp.criteria.map((c) => c.label);
    for (const account of [
      ideal,
      { ...ideal, industry: 'Retail', employees: 175, revenue: undefined, technologies: ['Zoho'] },
      { ...ideal, industry: undefined, employees: undefined, revenue: undefined, country: undefined },
    ]) {
      expect(gradeAccount(account, DEFAULT_SETTINGS.icp).reasons.map((r) => r.label)).toEqual(labels);
    }
  });

  it('credits each matching criterion with its full weight in points', () => {
    const g = gradeAccount(ideal, DEFAULT_SETTINGS.icp);
    expect(g.reasons.map((r) => [r.label, r.effect, r.points])).toEqual([
      ['Target industry', 'match', 30],
      ['Company size', 'match', 25],
      ['Annual revenue', 'match', 20],
      ['Served geography', 'match', 15],
      ['Uses a CRM', 'match', 10],
    ]);
    expect(g).toMatchObject({ letter: 'A', score: 100, confidence: 1, missing: [] });
  });
});

describe('gradeAccount: an account with no ICP data is not graded', () => {
  /** Nothing the default ICP reads: no industry, size, revenue, country or technologies. */
  const blank: Account = {
    ...ideal,
    industry: undefined,
    employees: undefined,
    revenue: undefined,
    country: undefined,
    technologies: undefined,
  };

  it('has no letter, no confidence, and every criterion missing', () => {
    const g = gradeAccount(blank, DEFAULT_SETTINGS.icp);
    expect(g).toMatchObject({ letter: null, score: 0, confidence: 0 });
    expect(g.missing).toEqual(DEFAULT_SETTINGS.icp.criteria.map((c) => c.label));
    expect(g.reasons.map((r) => r.effect)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
  });

  it('is not the same as an account whose known data misses everything (F)', () => {
    const misfit = {
      ...blank,
      industry: 'Retail',
      employees: 5,
      revenue: 1_000,
      country: 'BR',
      technologies: ['Slack'],
    };
    expect(gradeAccount(misfit, DEFAULT_SETTINGS.icp)).toMatchObject({ letter: 'F', score: 0, confidence: 1 });
    expect(gradeAccount(blank, DEFAULT_SETTINGS.icp).letter).toBeNull();
  });
});

describe('gradeAccount: credits per criterion, which the ICP ladder’s filters read', () => {
  it.each`
    case                             | changes                                                  | industry | employees | revenue | geography | crm
    ${'the ideal account'}           | ${{}}                                                    | ${1}     | ${1}      | ${1}    | ${1}      | ${1}
    ${'a partial size (175 of 200)'} | ${{ employees: 175 }}                                    | ${1}     | ${0.5}    | ${1}    | ${1}      | ${1}
    ${'a miss'}                      | ${{ industry: 'Retail', technologies: ['Zoho CRM'] }}    | ${0}     | ${1}      | ${1}    | ${1}      | ${0}
    ${'no data'}                     | ${{ revenue: undefined, country: '', technologies: [] }} | ${1}     | ${1}      | ${null} | ${null}   | ${null}
  `('$case: industry $industry, size $employees, revenue $revenue, geography $geography, CRM $crm', (row) => {
    const g = gradeAccount({ ...ideal, ...row.changes }, DEFAULT_SETTINGS.icp);
    const { industry, employees, revenue, geography, crm } = row;
    expect(g.credits).toEqual({ industry, employees, revenue, geography, crm });
  });

  it('has one credit per criterion of the org’s ICP, by id', () => {
    expect(Object.keys(gradeOn(size, { employees: 190 }).credits)).toEqual(['employees']);
    expect(gradeOn(size, { employees: 190 }).credits.employees).toBeCloseTo(0.8);
  });
});
