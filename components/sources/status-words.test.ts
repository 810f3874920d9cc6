import { describe, expect, it } from 'vitest';
import {
  addedSummary,
  holdings,
  lastErrorLabel,
  lastSuccessLabel,
  maskedToken,
  nextRunLabel,
  stagingLabel,
} from './status-words';

const now = Date.UTC(2026, 4, 1, 12);
const min = 60_000;

describe('a source’s status in words', () => {
  it.each([
    [{ accounts: 3, contacts: 12, touchpoints: 1 }, '3 accounts, 12 contacts and 1 touchpoint'],
    [{ accounts: 1 }, '1 account, 0 contacts and 0 touchpoints'],
    [{ accounts: 12_500, contacts: 0, touchpoints: 0 }, '12,500 accounts, 0 contacts and 0 touchpoints'],
    [{}, 'nothing yet'],
  ])('holds %j: "%s"', (counts, words) => {
    expect(holdings(counts)).toBe(words);
  });

  it.each`
    source       | at                | words
    ${'hubspot'} | ${now - 12 * min} | ${'synced 12 min ago'}
    ${'file'}    | ${now - 12 * min} | ${'imported 12 min ago'}
    ${'feed'}    | ${undefined}      | ${'not synced yet'}
    ${'file'}    | ${undefined}      | ${'nothing imported yet'}
  `('$source last succeeded at $at: "$words"', ({ source, at, words }) => {
    expect(lastSuccessLabel(source, at, now)).toBe(words);
  });

  it.each([
    [now + 25 * min, 'next sync in 25 min'],
    [now + 2 * 60 * min, 'next sync in 2 h'],
    [now + 10_000, 'next sync due now'],
    [now - 5 * min, 'next sync due now'],
  ])('next run at %i: "%s"', (at, words) => {
    expect(nextRunLabel(at, now)).toBe(words);
  });

  it('counts what a run in progress has written', () => {
    expect(stagingLabel('hubspot', 12_000)).toBe('Syncing… 12,000 records so far');
    expect(stagingLabel('file', 2_000)).toBe('Importing… 2,000 records so far');
  });

  it('says when the last run failed and why', () => {
    expect(lastErrorLabel(now - 5 * min, 'HubSpot refused the token.', now)).toBe(
      'Last sync failed 5 min ago: HubSpot refused the token.',
    );
  });

  it('never shows more of a token than its last four characters', () => {
    expect(maskedToken('pat-na1-0123456789abcdef')).toBe('••••cdef');
    expect(maskedToken(undefined)).toBeUndefined();
  });
});

describe('what an import that added to the previous one did, in words', () => {
  const c = (accounts: number, contacts = 0, touchpoints = 0) => ({ accounts, contacts, touchpoints });
  it.each([
    [
      'new and updated accounts beside kept ones',
      { added: c(120), updated: c(30), kept: c(2_000) },
      'Added 120 accounts and updated 30; 2,000 kept from the previous import.',
    ],
    [
      'a contacts file added to an accounts import',
      { added: c(0, 1), updated: c(0), kept: c(4) },
      'Added 1 contact. 4 accounts kept from the previous import.',
    ],
    [
      'only updates',
      { added: c(0), updated: c(1, 0, 2), kept: c(0, 0, 10) },
      'Updated 1 account. Updated 2 touchpoints; 10 kept from the previous import.',
    ],
  ])('%s', (_, rows, words) => {
    expect(addedSummary(rows)).toBe(words);
  });
});
