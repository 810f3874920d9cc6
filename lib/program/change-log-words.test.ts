import { describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../db/change-log';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { changeLogCsv, changeWords } from './change-log-words';

const at = Date.UTC(2026, 2, 2, 14);

describe('a change in words', () => {
  it.each<[Partial<ChangeEntry>, string, string]>([
    [{ kind: 'tier', before: 2, after: 1 }, 'Tier of Acme', 'Tier 2 ABM Lite → Tier 1 Strategic'],
    [{ kind: 'tier', before: null, after: 3, undoOf: 'op' }, 'Tier of Acme (undo)', 'untiered → Tier 3 Programmatic'],
    [{ kind: 'target', before: false, after: true }, 'Target designation of Acme', 'not a target → target account'],
  ])('%o reads “%s: %s”', (entry, what, change) => {
    const words = changeWords({ at, who: 'Priya', accountName: 'Acme', ...entry } as ChangeEntry, DEFAULT_SETTINGS);
    expect(words).toEqual({ what, changes: [change] });
  });

  it('names the account from the score rows when the entry has no name', () => {
    const entry: ChangeEntry = { at, who: 'Priya', kind: 'target', accountId: 'file:1', before: true, after: false };
    expect(changeWords(entry, DEFAULT_SETTINGS, 'Globex').what).toBe('Target designation of Globex');
  });
});

describe('the change log as CSV', () => {
  it('runs no formula a name brought in', () => {
    const entry: ChangeEntry = { at, who: '=HYPERLINK("x")', kind: 'tier', accountName: '+Acme', before: 2, after: 1 };
    const csv = changeLogCsv([entry], DEFAULT_SETTINGS);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(`'+Acme`);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFWhen,Who,Kind,Account,Account id,What,Change,Effect');
  });
});
