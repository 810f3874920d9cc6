import { describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../db/change-log';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { changeLogCsv, changeWords, originOf } from './change-log-words';

const at = Date.UTC(2026, 2, 2, 14);

describe('a change in words', () => {
  it.each<[Partial<ChangeEntry>, string, string]>([
    [{ kind: 'tier', before: 2, after: 1 }, 'Tier of Acme', 'Tier 2 ABM Lite → Tier 1 Strategic'],
    [{ kind: 'tier', before: null, after: 3, undoOf: 'op' }, 'Tier of Acme (undo)', 'untiered → Tier 3 Programmatic'],
    [{ kind: 'target', before: false, after: true }, 'Target designation of Acme', 'not a target → target account'],
    [
      { kind: 'tier', before: 1, after: 3, settles: 'op' },
      'Tier of Acme (conflict settled)',
      'Tier 1 Strategic → Tier 3 Programmatic',
    ],
    [
      { kind: 'tier', who: 'HubSpot', via: 'hubspot', before: 2, after: 1 },
      'Tier of Acme',
      'Tier 2 ABM Lite → Tier 1 Strategic',
    ],
  ])('%o reads “%s: %s”', (entry, what, change) => {
    const words = changeWords({ at, who: 'Priya', accountName: 'Acme', ...entry } as ChangeEntry, DEFAULT_SETTINGS);
    expect(words).toEqual({ what, changes: [change] });
  });

  it('names the account from the score rows when the entry has no name', () => {
    const entry: ChangeEntry = { at, who: 'Priya', kind: 'target', accountId: 'file:1', before: true, after: false };
    expect(changeWords(entry, DEFAULT_SETTINGS, 'Globex').what).toBe('Target designation of Globex');
  });
});

describe('the changes a source brought', () => {
  it.each<[Partial<ChangeEntry>, string]>([
    [{ kind: 'tier', who: 'HubSpot', via: 'hubspot', count: 240 }, '240 more tier changes from HubSpot'],
    [
      { kind: 'target', who: 'file import', via: 'file', count: 1 },
      '1 more target designation change from the file import',
    ],
    [{ kind: 'tier', who: 'team feed', via: 'feed', count: 12 }, '12 more tier changes from the team feed'],
  ])('a summary %o reads “%s”', (entry, what) => {
    expect(changeWords({ at, before: null, after: null, ...entry } as ChangeEntry).what).toBe(what);
  });

  it.each<[Partial<ChangeEntry>, 'people' | 'sources']>([
    [{ kind: 'tier', who: 'HubSpot', via: 'hubspot' }, 'sources'],
    [{ kind: 'model', who: 'team feed' }, 'sources'],
    [{ kind: 'tier', who: 'Priya' }, 'people'],
    [{ kind: 'tier', who: 'Priya', settles: 'op' }, 'people'],
  ])('%o is by %s', (entry, origin) => {
    expect(originOf({ at, before: null, after: null, ...entry } as ChangeEntry)).toBe(origin);
  });
});

describe('the change log as CSV', () => {
  it('holds a source’s change with its source as who, and a model change waiting for its effect', () => {
    const entries: ChangeEntry[] = [
      {
        at,
        who: 'HubSpot',
        via: 'hubspot',
        kind: 'tier',
        accountId: 'hubspot:1',
        accountName: 'Acme',
        before: 2,
        after: 1,
      },
      { at, who: 'HubSpot', via: 'hubspot', kind: 'tier', before: null, after: null, count: 3 },
      { at, who: 'team feed', kind: 'model', sections: ['Tiers'], before: {}, after: {}, effectPending: true },
    ];
    const lines = changeLogCsv(entries, DEFAULT_SETTINGS).split('\r\n');
    expect(lines[1]).toContain('HubSpot,Tier,Acme,hubspot:1,Tier of Acme,Tier 2 ABM Lite → Tier 1 Strategic,');
    expect(lines[2]).toContain('HubSpot,Tier,,,3 more tier changes from HubSpot,');
    expect(lines[3]).toContain('counted when the rescoring under these models completes');
  });

  it('runs no formula a name brought in', () => {
    const entry: ChangeEntry = { at, who: '=HYPERLINK("x")', kind: 'tier', accountName: '+Acme', before: 2, after: 1 };
    const csv = changeLogCsv([entry], DEFAULT_SETTINGS);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(`'+Acme`);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFWhen,Who,Kind,Account,Account id,What,Change,Effect');
  });
});
