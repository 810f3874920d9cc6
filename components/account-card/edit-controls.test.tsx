import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EditState } from '@/components/shared/edit-state';
import type { Account } from '@/lib/db/accounts';
import type { Contact } from '@/lib/db/contacts';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { ContactRoles } from './contact-roles';
import { TagsSection } from './tags-section';
import { TierControl } from './tier-control';

const HOSTILE = '<img src=x onerror=alert(1)>';

const account: Account = {
  id: 'hubspot:1',
  name: `Acme ${HOSTILE}`,
  keys: [],
  domains: [],
  linkedinSlugs: [],
  linkedinIds: [],
  tags: ['ABM', HOSTILE],
  isTarget: false,
  owner: 'Alex Morgan',
  assignedTier: 2,
  updatedAt: 0,
  source: 'hubspot',
  generation: 1,
};

/** The markup as text a user reads: tags dropped, entities decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('an edit’s state as the panel shows it', () => {
  it('says a failure’s reason and offers Retry', () => {
    const html = renderToStaticMarkup(
      <EditState
        edit={{ opId: 'a', kind: 'tags', state: 'failed', lastError: 'the property does not exist' }}
        accountId="hubspot:1"
        about="the tags"
      />,
    );
    expect(text(html)).toContain('failed the property does not exist Retry');
  });

  it('shows both values of a conflict and the two choices, hostile values as text', () => {
    const html = renderToStaticMarkup(
      <EditState
        edit={{ opId: 'a', kind: 'tags', state: 'conflict', remote: [HOSTILE] }}
        accountId="hubspot:1"
        about="the tags"
        mine="ABM"
      />,
    );
    expect(text(html)).toContain(`yours: ABM / HubSpot: ${HOSTILE}`);
    expect(text(html)).toContain("Keep mine Take HubSpot's");
    expect(html).not.toContain('<img');
  });

  it.each([
    ['pending', 'waiting'],
    ['pushing', 'sent'],
    ['pushed', 'in HubSpot'],
    ['local', 'saved here'],
  ] as const)('shows %s as “%s”', (state, word) => {
    const html = renderToStaticMarkup(
      <EditState edit={{ opId: 'a', kind: 'tier', state }} accountId="hubspot:1" about="the tier" canUndo />,
    );
    expect(text(html)).toContain(`${word} Undo`);
  });
});

describe('the tags', () => {
  it('name each tag’s remove button, and show markup in tags as text', () => {
    const html = renderToStaticMarkup(<TagsSection account={account} />);
    expect(html).toContain('aria-label="Remove tag ABM"');
    expect(html).toContain('aria-label="Remove tag &lt;img src=x onerror=alert(1)&gt;"');
    expect(html).toContain('aria-label="Add a tag"');
    expect(html).not.toContain('<img');
  });
});

describe('the tier control', () => {
  it('lets the owner change the tier', () => {
    const html = renderToStaticMarkup(
      <TierControl account={account} settings={{ ...DEFAULT_SETTINGS, me: ' alex morgan ' }} />,
    );
    expect(text(html)).toContain('Your tier');
    expect(text(html)).not.toContain('Propose a tier');
  });

  it('lets anyone else only propose a tier, and says how to be recognised as the owner', () => {
    const other = renderToStaticMarkup(
      <TierControl account={account} settings={{ ...DEFAULT_SETTINGS, me: 'Priya' }} />,
    );
    expect(text(other)).toContain('Propose a tier');
    expect(text(other)).not.toContain('Your tier');
    expect(text(other)).not.toContain('set your name in the settings');
    const anonymous = renderToStaticMarkup(<TierControl account={account} settings={DEFAULT_SETTINGS} />);
    expect(text(anonymous)).toContain('set your name in the settings');
  });

  it('lets a HubSpot owner change the tier when their email is in the settings, and shows them by name', () => {
    const owned = { ...account, owner: 'Alex Morgan', ownerId: '41629779', ownerEmail: 'alex@example.com' };
    const mine = renderToStaticMarkup(
      <TierControl account={owned} settings={{ ...DEFAULT_SETTINGS, me: 'Alex@Example.com' }} />,
    );
    expect(text(mine)).toContain('Your tier');
    const theirs = renderToStaticMarkup(
      <TierControl account={owned} settings={{ ...DEFAULT_SETTINGS, me: 'Priya' }} />,
    );
    expect(text(theirs)).toContain('Alex Morgan owns this tier.');
  });

  it('lets anyone change the tier of an account without an owner', () => {
    const { owner: _, ...unowned } = account;
    const html = renderToStaticMarkup(<TierControl account={unowned} settings={DEFAULT_SETTINGS} />);
    expect(text(html)).toContain('Your tier');
  });
});

describe('a contact’s roles', () => {
  const jane: Contact = {
    id: 'hubspot:c1',
    accountId: account.id,
    name: 'Jane Doe',
    title: 'VP Finance',
    buyingRoles: [],
    updatedAt: 0,
  };

  it('suggest the role the title implies, to confirm with one click', () => {
    const html = renderToStaticMarkup(
      <ContactRoles contact={jane} accountId={account.id} rules={DEFAULT_SETTINGS.roleRules} />,
    );
    expect(text(html)).toContain('Suggested: Budget holder — from the title “VP Finance” Confirm');
    expect(html).toContain('aria-label="Confirm Budget holder for Jane Doe"');
    expect(html).toContain('aria-label="Edit roles of Jane Doe"');
  });

  it('suggest nothing the contact already holds', () => {
    const html = renderToStaticMarkup(
      <ContactRoles
        contact={{ ...jane, buyingRoles: ['BUDGET_HOLDER'] }}
        accountId={account.id}
        rules={DEFAULT_SETTINGS.roleRules}
      />,
    );
    expect(text(html)).not.toContain('Suggested');
    expect(text(html)).toContain('Budget holder');
  });
});
