import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Account } from '@/lib/db/accounts';
import type { EditedAccount } from '@/lib/edits/overlay';
import { scoreAccount } from '@/lib/scoring/account-view';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import type { Settings } from '@/lib/settings/types';
import { AccountHeader } from './account-header';
import { FitAndTier } from './fit-and-tier';

/**
 * The grade as the panel shows it when the missing data could change it. By hand, from the
 * default ICP (industry 30, size 25, revenue 20, geography 15, CRM 10): industry, geography and
 * CRM match, 55 of 55 known (an A on known data); size and revenue unknown, so 55 of 100 at worst
 * (C) and 100 at best (A). The tiers here ask for no engagement, so only the grade decides.
 */
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  tiers: DEFAULT_SETTINGS.tiers.map((t) => ({ ...t, minEngagement: 0 })),
};

const sparse: Account = {
  id: 'hubspot:1',
  name: 'Acme',
  keys: [],
  domains: ['acme.com'],
  linkedinSlugs: [],
  linkedinIds: [],
  industry: 'Software',
  country: 'GB',
  technologies: ['HubSpot'],
  isTarget: false,
  updatedAt: 0,
  source: 'hubspot',
  generation: 1,
};
const complete: Account = { ...sparse, employees: 1_000, revenue: 100_000_000 };

const edited = (account: Account): EditedAccount => ({
  account,
  contacts: [],
  fields: {},
  contactFields: {},
  addedContacts: {},
  notes: [],
  unsettled: 0,
});

/** The markup as text a user reads: tags dropped, entities decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const header = (account: Account) =>
  renderToStaticMarkup(<AccountHeader view={scoreAccount(account, [], [], settings, 0)} />);
const fitAndTier = (account: Account) =>
  renderToStaticMarkup(
    <FitAndTier view={scoreAccount(account, [], [], settings, 0)} edited={edited(account)} settings={settings} />,
  );

describe('the account header’s grade', () => {
  it('shows "A?" with the range in its title, and reads the range to a screen reader', () => {
    const html = header(sparse);
    expect(html).toContain('<span aria-hidden="true">A?</span>');
    expect(text(html)).toContain('ICP grade A, uncertain: could be A–C: headcount and revenue unknown');
    expect(html).toContain(
      'title="ICP grade A?, fit 100/100 on known data; could be A–C: headcount and revenue unknown"',
    );
  });

  it('shows a grade the missing data cannot change as the plain letter', () => {
    const html = header(complete);
    expect(html).toContain('title="ICP grade A, fit 100/100"');
    expect(text(html)).not.toContain('could be');
  });
});

describe('fit and tier', () => {
  it('gives the grade on known data, its range, and the tier the missing data keeps it from', () => {
    const t = text(fitAndTier(sparse));
    expect(t).toContain('A? · fit 100/100 on known data · could be A–C: headcount and revenue unknown');
    expect(t).toContain('Recommended Tier 3 Programmatic');
    expect(t).toContain('not Tier 1 Strategic: headcount and revenue unknown');
    expect(t).toContain('Not Tier 1 Strategic grade could be A–C (A or better needed): headcount and revenue unknown');
  });

  it('recommends Tier 1 once the size and revenue are known and match', () => {
    const t = text(fitAndTier(complete));
    expect(t).toContain('A · fit 100/100');
    expect(t).toContain('Recommended Tier 1 Strategic');
    expect(t).not.toContain('could be');
    expect(t).not.toContain('unknown');
  });
});
