import { describe, expect, it } from 'vitest';
import type { FileProgress } from '@/lib/sync/file/types';
import { importPace, overallProgress, rateLabel, throttle, timeLeftLabel } from './progress-math';

const progress = (rows: number, bytesRead: number, totalBytes?: number) => ({
  rows,
  goodRows: rows,
  badRows: 0,
  bytesRead,
  totalBytes,
  file: 'a.csv',
});

describe('the pace of an import', () => {
  it.each`
    rows      | bytesRead    | totalBytes    | elapsedMs | rowsPerSecond | secondsLeft
    ${50_000} | ${5_000_000} | ${20_000_000} | ${2_000}  | ${25_000}     | ${6}
    ${10_000} | ${1_000_000} | ${1_000_000}  | ${4_000}  | ${2_500}      | ${0}
    ${1_000}  | ${0}         | ${1_000_000}  | ${1_000}  | ${1_000}      | ${undefined}
    ${1_000}  | ${100_000}   | ${undefined}  | ${1_000}  | ${1_000}      | ${undefined}
  `(
    '$rows rows, $bytesRead of $totalBytes bytes in $elapsedMs ms: $rowsPerSecond rows/s, $secondsLeft s left',
    ({ rows, bytesRead, totalBytes, elapsedMs, rowsPerSecond, secondsLeft }) => {
      expect(importPace(progress(rows, bytesRead, totalBytes), 10_000, 10_000 + elapsedMs)).toEqual(
        secondsLeft === undefined ? { rowsPerSecond } : { rowsPerSecond, secondsLeft },
      );
    },
  );

  it('moves on between reports with the rows the database already holds, at the last bytes per row', () => {
    // Reported: 10,000 rows in 1 MB of 10 MB. Since then 20,000 rows are written: about 2 MB read.
    expect(importPace(progress(10_000, 1_000_000, 10_000_000), 0, 4_000, 20_000)).toEqual({
      rowsPerSecond: 5_000,
      secondsLeft: 16,
    });
  });

  it('says nothing in the first half second, when a rate is noise', () => {
    expect(importPace(progress(10, 100, 1_000), 10_000, 10_200)).toEqual({});
  });

  it.each([
    [undefined, undefined],
    [0.4, 'almost done'],
    [7.2, '8 s left'],
    [150, 'about 3 min left'],
    [7_200, 'about 2 h left'],
  ])('%s seconds left reads "%s"', (seconds, label) => {
    expect(timeLeftLabel(seconds)).toBe(label);
  });

  it('writes the rate in whole rows per second', () => {
    expect(rateLabel(24_000.4)).toBe('24,000 rows/s');
  });
});

describe('the progress of a several-file import', () => {
  const p = (file: string, rows: number, bytesRead: number): FileProgress => ({
    file,
    rows,
    goodRows: rows - 1,
    badRows: 1,
    bytesRead,
  });

  it('adds up each file’s last report, since the importer’s counts restart with each file', () => {
    const latest = new Map([
      ['accounts.csv', p('accounts.csv', 100, 1_000)],
      ['contacts.csv', p('contacts.csv', 40, 300)],
    ]);
    const sizes = new Map([
      ['accounts.csv', 1_000],
      ['contacts.csv', 900],
    ]);
    expect(overallProgress(latest, sizes, 'contacts.csv')).toEqual({
      rows: 140,
      goodRows: 138,
      badRows: 2,
      bytesRead: 1_300,
      totalBytes: 1_900,
      file: 'contacts.csv',
    });
  });

  it('says how far it is with the previous import’s records while it keeps them, the files’ counts as they ended', () => {
    const latest = new Map([['contacts.csv', p('contacts.csv', 40, 300)]]);
    const sizes = new Map([['contacts.csv', 300]]);
    expect(overallProgress(latest, sizes, 'contacts.csv', { phase: 'keeping', done: 2_000, total: 5_000 })).toEqual({
      rows: 40,
      goodRows: 39,
      badRows: 1,
      bytesRead: 300,
      totalBytes: 300,
      file: 'contacts.csv',
      phase: 'keeping',
      done: 2_000,
      total: 5_000,
    });
  });

  it('leaves the total unknown when a file’s size is', () => {
    const sizes = new Map<string, number | undefined>([
      ['a', 10],
      ['b', undefined],
    ]);
    expect(overallProgress(new Map(), sizes, 'a').totalBytes).toBeUndefined();
  });
});

describe('progress is posted about ten times a second', () => {
  it('lets the first call through, then one per interval', () => {
    let now = 0;
    const due = throttle(100, () => now);
    const seen: number[] = [];
    for (now = 0; now <= 350; now += 25) if (due()) seen.push(now);
    expect(seen).toEqual([0, 100, 200, 300]);
  });
});
