import { describe, expect, it } from 'vitest';
import type { Account } from '../db/accounts';
import type { LocalEdit } from '../db/outbox';
import { editWords } from './describe';
import { applyEdits } from './overlay';
import { initialState } from './record';

const ACME: Account = {
  id: 'hubspot:1',
  name: 'Acme',
  keys: [],
  domains: [],
  linkedinSlugs: [],
  linkedinIds: [],
  isTarget: true,
  updatedAt: 0,
  source: 'hubspot',
  generation: 1,
  lastReviewedAt: Date.UTC(2026, 8, 1),
};
const review = (at: number): LocalEdit<'reviewed'> => ({
  opId: `op-${at}`,
  kind: 'reviewed',
  entityId: ACME.id,
  accountId: ACME.id,
  value: at,
  base: null,
  createdAt: at,
  state: 'local',
  attempts: 0,
});

describe('an account review recorded in Tierlens', () => {
  it('stays local even on a HubSpot account: no CRM field holds it', () => {
    expect(initialState({ kind: 'reviewed', entityId: ACME.id, accountId: ACME.id })).toBe('local');
  });

  it('shows as the account’s last review date when it is later than the CRM’s', () => {
    const later = Date.UTC(2026, 11, 1);
    expect(applyEdits(ACME, [], [review(later)]).account.lastReviewedAt).toBe(later);
    expect(applyEdits(ACME, [], [review(Date.UTC(2026, 0, 1))]).account.lastReviewedAt).toBe(ACME.lastReviewedAt);
  });

  it('reads in the Edits list as a review on its date', () => {
    expect(editWords(review(Date.UTC(2026, 11, 1)))).toEqual({
      what: 'Account review',
      change: 'reviewed on 2026-12-01',
    });
  });
});
