import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Account } from '@/lib/db/accounts';
import type { EditedAccount } from '@/lib/edits/overlay';
import { scoreAccount } from '@/lib/scoring/account-view';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { FitAndTier } from './fit-and-tier';

// The default tiers: Tier 1 "Strategic" takes 25 accounts, Tier 2 150 (lib/settings/defaults.ts).
const account: Account = {
  id: 'hubspot:7',
  name: 'Acme',
  keys: [],
  domains: ['acme.com'],
  linkedinSlugs: [],
  linkedinIds: [],
  assignedTier: 1,
  isTarget: true,
  updatedAt: 0,
  source: 'hubspot',
  generation: 1,
};

const edited = (a: Account): EditedAccount => ({
  account: a,
  contacts: [],
  fields: {},
  contactFields: {},
  addedContacts: {},
  notes: [],
  unsettled: 0,
});

/** "Fit and tier" as a user reads it, for an account whose tier holds `assignedInTier` accounts. */
function shown(a: Account, assignedInTier?: number): string {
  const view = scoreAccount(a, [], [], DEFAULT_SETTINGS, 0, { assignedInTier });
  return renderToStaticMarkup(<FitAndTier view={view} edited={edited(a)} settings={DEFAULT_SETTINGS} />)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe("the panel's tier capacity", () => {
  it('says how full the assigned tier is: "Tier 1 holds 12 of 25"', () => {
    const text = shown(account, 12);
    expect(text).toContain('Tier 1 holds 12 of 25');
    expect(text).not.toContain('over capacity');
  });

  it('warns when the tier holds more accounts than its capacity: 31 of 25 is 6 over', () => {
    expect(shown(account, 31)).toContain('Tier 1 holds 31 of 25: over capacity, 6 more than its programs can take');
  });

  it('is full, not over, at exactly its capacity', () => {
    expect(shown(account, 25)).not.toContain('over capacity');
  });

  it('says nothing of capacity for an untiered account, nor when nobody counted', () => {
    expect(shown({ ...account, assignedTier: undefined }, 40)).not.toContain('holds');
    expect(shown(account)).not.toContain('holds');
  });

  it('counts against the tier of the account it shows: a Tier 2 account, 151 of 150', () => {
    expect(shown({ ...account, assignedTier: 2 }, 151)).toContain('Tier 2 holds 151 of 150: over capacity, 1 more');
  });
});
