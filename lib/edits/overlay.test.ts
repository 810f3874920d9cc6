import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import type { Contact } from '../db/contacts';
import type { LocalEdit } from '../db/outbox';
import { applyEdits, stillShown } from './overlay';

const T0 = Date.UTC(2026, 10, 18, 9);
const acme: Account = {
  id: 'hubspot:1',
  name: 'Acme',
  keys: [],
  domains: [],
  linkedinSlugs: [],
  linkedinIds: [],
  tags: ['Partner'],
  assignedTier: 2,
  isTarget: false,
  updatedAt: T0,
  source: 'hubspot',
  generation: 3,
};
const jane: Contact = { id: 'hubspot:c1', accountId: acme.id, name: 'Jane', buyingRoles: ['CHAMPION'], updatedAt: T0 };

let op = 0;
const edit = (e: Partial<LocalEdit>): LocalEdit => ({
  opId: `op-${++op}`,
  kind: 'tags',
  entityId: acme.id,
  accountId: acme.id,
  value: [],
  base: null,
  createdAt: T0 + op,
  state: 'pending',
  attempts: 0,
  ...e,
});

describe('the account as the user’s edits make it', () => {
  it('shows each field’s latest edit at once, over the source’s value', () => {
    const edits = [
      edit({ kind: 'tags', value: ['Partner', 'ABM'], base: ['Partner'] }),
      edit({ kind: 'tags', value: ['ABM'], base: ['Partner', 'ABM'] }),
      edit({ kind: 'tier', value: 1, base: 2 }),
      edit({ kind: 'target', value: true, base: false }),
    ];
    const shown = applyEdits(acme, [jane], edits);
    expect(shown.account).toMatchObject({ tags: ['ABM'], assignedTier: 1, isTarget: true });
    expect(shown.fields.tags).toMatchObject({
      opId: edits[1]?.opId,
      kind: 'tags',
      state: 'pending',
      base: ['Partner', 'ABM'],
    });
    expect(shown.unsettled).toBe(4);
  });

  it('shows an untiered edit as no tier', () => {
    expect(applyEdits(acme, [], [edit({ kind: 'tier', value: null, base: 2 })]).account.assignedTier).toBeUndefined();
  });

  it('keeps a waiting edit over a new generation of the source (a sync does not wipe it)', () => {
    const fresh: Account = { ...acme, generation: 4, tags: ['Partner', 'Synced'] };
    const shown = applyEdits(fresh, [], [edit({ kind: 'tags', value: ['Mine'], base: ['Partner'] })], T0 + 1e6);
    expect(shown.account.tags).toEqual(['Mine']);
  });

  it('ignores the edits of other accounts and discarded ones', () => {
    const shown = applyEdits(
      acme,
      [],
      [
        edit({ accountId: 'hubspot:2', entityId: 'hubspot:2', value: ['Other'] }),
        edit({ value: ['Undone'], state: 'discarded' }),
      ],
    );
    expect(shown.account.tags).toEqual(['Partner']);
    expect(shown.fields).toEqual({});
  });

  it('shows what the CRM confirmed until a sync after the confirmation brings it', () => {
    const pushed = edit({ kind: 'tier', value: 1, base: 2, state: 'pushed', confirmedAt: T0 + 100 });
    expect(stillShown(pushed, T0 + 50)).toBe(true);
    expect(applyEdits(acme, [], [pushed], T0 + 50).account.assignedTier).toBe(1);
    expect(stillShown(pushed, T0 + 200)).toBe(false);
    expect(applyEdits(acme, [], [pushed], T0 + 200).fields.tier).toBeUndefined();
  });

  it('counts as settled what the CRM has and what stays here', () => {
    const shown = applyEdits(
      acme,
      [],
      [
        edit({ kind: 'tier', value: 1, state: 'pushed', confirmedAt: T0 }),
        edit({ kind: 'tags', value: ['x'], state: 'failed', lastError: 'no such property' }),
      ],
    );
    expect(shown.unsettled).toBe(1);
    expect(shown.fields.tags).toMatchObject({ state: 'failed', lastError: 'no such property' });
  });
});

describe('contacts, notes and proposals', () => {
  it('gives contacts their edited roles, and adds the contacts added here', () => {
    const sam: Contact = { id: 'local:s', accountId: acme.id, name: 'Sam', buyingRoles: [], updatedAt: T0 };
    const edits = [
      edit({ kind: 'buying_roles', entityId: jane.id, value: ['CHAMPION', 'DECISION_MAKER'], base: ['CHAMPION'] }),
      edit({ kind: 'new_contact', entityId: sam.id, value: sam }),
      edit({ kind: 'buying_roles', entityId: sam.id, value: ['INFLUENCER'], base: [] }),
    ];
    const shown = applyEdits(acme, [jane], edits);
    expect(shown.contacts.map((c) => [c.name, c.buyingRoles])).toEqual([
      ['Jane', ['CHAMPION', 'DECISION_MAKER']],
      ['Sam', ['INFLUENCER']],
    ]);
    expect(shown.contactFields[jane.id]?.kind).toBe('buying_roles');
    expect(shown.contactFields[sam.id]?.kind).toBe('buying_roles');
    expect(shown.addedContacts[sam.id]).toMatchObject({ kind: 'new_contact', opId: edits[1]?.opId });
  });

  it('drops a contact added here once its creation is discarded', () => {
    const sam: Contact = { id: 'local:s', accountId: acme.id, name: 'Sam', buyingRoles: [], updatedAt: T0 };
    const shown = applyEdits(
      acme,
      [],
      [edit({ kind: 'new_contact', entityId: sam.id, value: sam, state: 'discarded' })],
    );
    expect(shown.contacts).toEqual([]);
  });

  it('lists the notes oldest first and shows the latest proposal, never as the tier', () => {
    const shown = applyEdits(
      acme,
      [],
      [
        edit({ kind: 'note', value: { text: 'first', by: 'P' } }),
        edit({ kind: 'tier_proposal', value: { tier: 3, reason: 'quiet', by: 'P' } }),
        edit({ kind: 'note', value: { text: 'second', by: 'P' } }),
        edit({ kind: 'tier_proposal', value: { tier: 1, reason: 'board interest', by: 'P' } }),
      ],
    );
    expect(shown.notes.map((n) => n.text)).toEqual(['first', 'second']);
    expect(shown.proposal).toMatchObject({ tier: 1, reason: 'board interest' });
    expect(shown.account.assignedTier).toBe(2);
  });

  it('keeps the notes and the proposal after the CRM has them: the synced copy holds none', () => {
    const shown = applyEdits(
      acme,
      [],
      [
        edit({ kind: 'note', value: { text: 'pushed', by: 'P' }, state: 'pushed', confirmedAt: T0 }),
        edit({ kind: 'note', value: { text: 'undone', by: 'P' }, state: 'discarded' }),
        edit({ kind: 'tier_proposal', value: { tier: 1, reason: 'r', by: 'P' }, state: 'pushed', confirmedAt: T0 }),
      ],
      T0 + 1e6,
    );
    expect(shown.notes.map((n) => [n.text, n.state])).toEqual([['pushed', 'pushed']]);
    expect(shown.proposal?.state).toBe('pushed');
  });
});
