import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type AccountFilter, AccountIndex } from '@/lib/program/query';
import { scoreRow } from '@/lib/program/test-rows';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import type { Orchestration } from '@/lib/settings/types';
import { accountsCsv, CSV_FIELDS, csvFileName } from './accounts-csv';

const NOW = new Date(2026, 2, 2, 9, 30).getTime();
const DAY = 86_400_000;

const rows = [
  scoreRow({ id: 'file:1', name: 'Acme', domain: 'acme.com', engagement: 30, grade: 'A', assignedTier: 1 }),
  scoreRow({ id: 'file:2', name: 'Birch', domain: 'birch.io', engagement: 90, grade: 'A', assignedTier: 1 }),
  scoreRow({ id: 'file:3', name: 'Cobalt', engagement: 60, grade: 'B', assignedTier: 1 }),
  scoreRow({ id: 'file:4', name: 'Delta', engagement: 70, grade: 'A', assignedTier: 1 }),
  scoreRow({ id: 'file:5', name: 'Echo', engagement: 99, grade: 'A', assignedTier: 3 }),
];

/** The CSV parsed back into records, as a spreadsheet would read it. */
const parse = (csv: string) =>
  Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });

describe('the accounts view exported as CSV', () => {
  it('holds exactly the rows of the filtered, sorted view, in that order', () => {
    const index = new AccountIndex(rows);
    const view = index.query({ assignedTier: 1, grade: 'A' }, { key: 'engagement' }, NOW);
    const { data, meta } = parse(accountsCsv(index.rows, view, DEFAULT_SETTINGS, NOW));
    expect(meta.fields).toEqual([...CSV_FIELDS]);
    // Tier 1 and grade A: Birch (90), Delta (70), Acme (30); Cobalt is a B, Echo is Tier 3.
    expect(data.map((r) => r.Name)).toEqual(['Birch', 'Delta', 'Acme']);
    expect(data[0]).toMatchObject({ Domain: 'birch.io', 'Assigned tier': 'Tier 1 Strategic', Grade: 'A' });
    expect(data.map((r) => r.Engagement)).toEqual(['90', '70', '30']);
  });

  it('escapes cells that a spreadsheet would run as a formula, even across a line break', () => {
    const hostile = [
      scoreRow({ id: 'file:a', name: '=HYPERLINK("http://evil","x")', owner: '+1 555', nextAction: '@SUM(A1)' }),
      scoreRow({ id: 'file:b', name: '-2+3\nsecond line', domain: 'b.com' }),
    ];
    const { data } = parse(accountsCsv(hostile, Int32Array.of(0, 1), DEFAULT_SETTINGS, NOW));
    expect(data[0]?.Name).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(data[0]?.Owner).toBe(`'+1 555`);
    expect(data[0]?.['Next action']).toBe(`'@SUM(A1)`);
    expect(data[1]?.Name).toBe(`'-2+3\nsecond line`);
  });

  it('writes grades with their uncertainty, dates as days, and overdue follow-ups', () => {
    const row = scoreRow({
      id: 'file:9',
      name: 'Fjord',
      grade: 'B',
      uncertain: true,
      gradeBest: 'A',
      gradeWorst: 'D',
      assignedTier: undefined,
      recommendedTier: 3,
      nextAction: 'Follow up on the pricing page visit',
      nextDue: NOW - 2 * DAY,
      followUpDue: NOW - 2 * DAY,
      missingRoles: ['CHAMPION', 'BUDGET_HOLDER'],
    });
    const [r] = parse(accountsCsv([row], Int32Array.of(0), DEFAULT_SETTINGS, NOW)).data;
    expect(r).toMatchObject({
      Grade: 'B?',
      'Grade range': 'A–D',
      'Assigned tier': '',
      'Recommended tier': 'Tier 3 Programmatic',
      'Next due': '2026-02-28',
      'Follow-up overdue': 'yes',
      'Missing roles': 'CHAMPION; BUDGET_HOLDER',
    });
  });

  it('adds each account’s segment after its fit when the org orchestrates by grade', () => {
    // Ranks by fit, worst-case letter first: Acme (A, 90), Birch (A, 80), Cobalt (B, 95), then
    // Delta, a "B?" that is a D at worst (99); Echo has no grade and no rank.
    const graded = [
      scoreRow({ id: 'file:a', name: 'Acme', grade: 'A', gradeWorst: 'A', gradeBest: 'A', fit: 90 }),
      scoreRow({ id: 'file:b', name: 'Birch', grade: 'A', gradeWorst: 'A', gradeBest: 'A', fit: 80 }),
      scoreRow({ id: 'file:c', name: 'Cobalt', grade: 'B', gradeWorst: 'B', gradeBest: 'B', fit: 95 }),
      scoreRow({ id: 'file:d', name: 'Delta', grade: 'B', gradeWorst: 'D', gradeBest: 'A', uncertain: true, fit: 99 }),
      scoreRow({ id: 'file:e', name: 'Echo', grade: null, gradeWorst: null, gradeBest: null, fit: 0 }),
    ];
    const template: Pick<Orchestration, 'segments'> = {
      segments: [
        { kind: 'top', id: 'top', count: 2 },
        { kind: 'grades', id: 'a-b', grades: ['A', 'B'] },
        { kind: 'remaining', id: 'rest' },
      ],
    };
    const index = new AccountIndex(graded).withSegments(template);
    const csv = (filter: AccountFilter) =>
      parse(
        accountsCsv(
          index.rows,
          index.query(filter, { key: 'name' }, NOW),
          DEFAULT_SETTINGS,
          NOW,
          index.segmentLabels(),
        ),
      );

    const { data, meta } = csv({});
    expect(meta.fields?.slice(8, 10)).toEqual(['Fit', 'Segment']);
    expect(data.map((r) => [r.Name, r.Segment])).toEqual([
      ['Acme', 'Top 2 accounts'],
      ['Birch', 'Top 2 accounts'],
      ['Cobalt', 'A and B'],
      ['Delta', 'Remaining'],
      ['Echo', 'Remaining'],
    ]);
    // The export is the view: the segment filter's rows only.
    expect(csv({ segment: 'a-b' }).data.map((r) => r.Name)).toEqual(['Cobalt']);
  });

  it('has no Segment column when the org does not orchestrate by grade', () => {
    const { meta } = parse(accountsCsv(rows, Int32Array.of(0), DEFAULT_SETTINGS, NOW));
    expect(meta.fields).not.toContain('Segment');
  });

  it('is named for the day it was exported', () => {
    expect(csvFileName(NOW)).toBe('tierlens-accounts-2026-03-02.csv');
  });
});
