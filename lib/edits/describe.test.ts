import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import type { Contact } from '../db/contacts';
import type { LocalEdit } from '../db/outbox';
import { crmName, editWords, stateWords, valueWords } from './describe';

describe('an edit’s state in plain words', () => {
  it.each`
    state          | accountId      | word            | detail
    ${'pending'}   | ${'hubspot:1'} | ${'waiting'}    | ${undefined}
    ${'pushing'}   | ${'hubspot:1'} | ${'sent'}       | ${undefined}
    ${'pushed'}    | ${'hubspot:1'} | ${'in HubSpot'} | ${undefined}
    ${'conflict'}  | ${'hubspot:1'} | ${'conflict'}   | ${'HubSpot changed it meanwhile'}
    ${'local'}     | ${'demo:1'}    | ${'saved here'} | ${'goes out with the edits export'}
    ${'discarded'} | ${'demo:1'}    | ${'discarded'}  | ${undefined}
  `('$state is “$word”', ({ state, accountId, word, detail }) => {
    const words = stateWords({ state }, accountId);
    expect(words.word).toBe(word);
    expect(words.detail).toBe(detail);
  });

  it('says why an edit failed, and why one waits again', () => {
    expect(stateWords({ state: 'failed', lastError: 'the property does not exist' }, 'hubspot:1')).toEqual({
      word: 'failed',
      tone: 'bad',
      detail: 'the property does not exist',
    });
    expect(stateWords({ state: 'pending', lastError: 'HubSpot is busy' }, 'hubspot:1').detail).toBe(
      'will try again: HubSpot is busy',
    );
    // Sent without an answer: it may have landed, and the next try checks before writing.
    expect(stateWords({ state: 'pushing', lastError: 'HubSpot did not answer in time' }, 'hubspot:1')).toEqual({
      word: 'sent',
      tone: 'warn',
      detail: 'no answer yet, checking again: HubSpot did not answer in time',
    });
  });

  it('names the CRM from the account’s source', () => {
    expect(crmName('hubspot:9')).toBe('HubSpot');
    expect(crmName('feed:9')).toBe('the CRM');
  });
});

describe('an edit’s values in words', () => {
  it.each`
    kind               | value                                                       | words
    ${'tags'}          | ${['ABM', 'Event']}                                         | ${'ABM, Event'}
    ${'tags'}          | ${[]}                                                       | ${'no tags'}
    ${'buying_roles'}  | ${['DECISION_MAKER', 'BUDGET_HOLDER']}                      | ${'Decision maker, Budget holder'}
    ${'buying_roles'}  | ${[]}                                                       | ${'no role'}
    ${'tier'}          | ${2}                                                        | ${'Tier 2'}
    ${'tier'}          | ${null}                                                     | ${'untiered'}
    ${'target'}        | ${true}                                                     | ${'a target account'}
    ${'target'}        | ${false}                                                    | ${'not a target'}
    ${'tier_proposal'} | ${{ tier: 1, reason: 'Board-level interest', by: 'Priya' }} | ${'Tier 1: Board-level interest'}
    ${'note'}          | ${{ text: 'Met at the summit', by: 'Priya' }}               | ${'Met at the summit'}
    ${'new_contact'}   | ${{ name: 'Sam Example' }}                                  | ${'Sam Example'}
    ${'tags'}          | ${'ABM;Event'}                                              | ${'ABM;Event'}
  `('$kind $value reads “$words”', ({ kind, value, words }) => {
    expect(valueWords(kind, value)).toBe(words);
  });
});

describe('what an edit changed', () => {
  const edit = (e: Partial<LocalEdit>): LocalEdit => ({
    opId: 'op',
    kind: 'tags',
    entityId: 'demo:1',
    accountId: 'demo:1',
    value: [],
    base: null,
    createdAt: 0,
    state: 'local',
    attempts: 0,
    ...e,
  });

  it('shows a whole-value change as before → after', () => {
    expect(editWords(edit({ kind: 'tags', base: ['ABM'], value: ['ABM', 'Event'] }))).toEqual({
      what: 'Tags',
      change: 'ABM → ABM, Event',
    });
    expect(editWords(edit({ kind: 'tier', base: null, value: 1 }))).toEqual({
      what: 'Tier',
      change: 'untiered → Tier 1',
    });
    expect(editWords(edit({ kind: 'buying_roles', base: [], value: ['CHAMPION'] }), 'Jane Doe')).toEqual({
      what: 'Buyer roles of Jane Doe',
      change: 'no role → Champion',
    });
  });

  it('shows a note, a proposal or a new record by what it says', () => {
    expect(editWords(edit({ kind: 'note', value: { text: 'Call back in May', by: '' } }))).toEqual({
      what: 'Note',
      change: 'Call back in May',
    });
    expect(
      editWords(edit({ kind: 'tier_proposal', value: { tier: 1, reason: 'Board-level interest', by: 'Priya' } })),
    ).toEqual({ what: 'Tier proposal', change: 'Tier 1: Board-level interest' });
    const sam: Contact = { id: 'local:sam', accountId: 'demo:1', name: 'Sam Example', buyingRoles: [], updatedAt: 0 };
    expect(editWords(edit({ kind: 'new_contact', entityId: sam.id, value: sam }))).toEqual({
      what: 'New contact',
      change: 'Sam Example',
    });
    const globex: Account = {
      id: 'local:globex',
      name: 'Globex',
      keys: [],
      domains: [],
      linkedinSlugs: [],
      linkedinIds: [],
      isTarget: false,
      updatedAt: 0,
      source: 'local',
      generation: 0,
    };
    expect(editWords(edit({ kind: 'new_account', entityId: globex.id, value: globex }))).toEqual({
      what: 'New account',
      change: 'Globex',
    });
  });
});
