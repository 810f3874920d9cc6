import { describe, expect, it } from 'vitest';
import type { BuyingRole } from '../db/contacts';
import { DEFAULT_ROLE_RULES } from '../settings/defaults';
import type { RoleRule } from '../settings/types';
import { suggestionSource, suggestRoles } from './suggest-roles';

const rolesFor = (title: string, rules: readonly RoleRule[] = DEFAULT_ROLE_RULES): BuyingRole[] =>
  suggestRoles({ title }, rules).map((s) => s.role);

describe('a job title suggests the role of the rule whose words it holds', () => {
  it.each`
    title                        | roles
    ${'CFO'}                     | ${['BUDGET_HOLDER']}
    ${'VP Finance'}              | ${['BUDGET_HOLDER']}
    ${'Chief Financial Officer'} | ${['BUDGET_HOLDER']}
    ${'Head of Finance, EMEA'}   | ${['BUDGET_HOLDER']}
    ${'Finance Director'}        | ${['BUDGET_HOLDER']}
    ${'CEO & Co-Founder'}        | ${['EXECUTIVE_SPONSOR']}
    ${'Vice President of Sales'} | ${['DECISION_MAKER']}
    ${'Director of Engineering'} | ${['DECISION_MAKER']}
    ${'General Counsel'}         | ${['LEGAL_AND_COMPLIANCE']}
    ${'Engineering Manager'}     | ${['INFLUENCER']}
    ${'Senior Data Analyst'}     | ${['END_USER']}
    ${'CFO and COO'}             | ${['BUDGET_HOLDER', 'EXECUTIVE_SPONSOR']}
    ${'Student'}                 | ${[]}
  `('“$title” → $roles', ({ title, roles }) => {
    expect(rolesFor(title)).toEqual(roles);
  });

  it('matches whole words only: “Directory editor” and “VPN engineer” hold no “Director” or “VP”', () => {
    expect(rolesFor('Directory editor')).toEqual([]);
    expect(rolesFor('VPN engineer')).toEqual(['END_USER']);
  });

  it('ignores case, accents and punctuation between words', () => {
    expect(rolesFor('vp, finance')).toEqual(['BUDGET_HOLDER']);
    expect(rolesFor('V.P. FINANCE')).toEqual(['BUDGET_HOLDER']);
    expect(rolesFor('Président')).toEqual(['EXECUTIVE_SPONSOR']);
    expect(rolesFor('Directeur Général', [{ words: ['directeur general'], role: 'EXECUTIVE_SPONSOR' }])).toEqual([
      'EXECUTIVE_SPONSOR',
    ]);
  });

  it('matches a multi-word phrase only with its words in order and together', () => {
    const rules: RoleRule[] = [{ words: ['Head of Procurement'], role: 'LEGAL_AND_COMPLIANCE' }];
    expect(rolesFor('Head of Procurement', rules)).toEqual(['LEGAL_AND_COMPLIANCE']);
    expect(rolesFor('Procurement, Head of', rules)).toEqual([]);
    expect(rolesFor('Head of Global Procurement', rules)).toEqual([]);
  });

  it('lets a longer phrase of another rule win over a phrase inside it', () => {
    // "VP" alone is a decision maker; "VP Finance" is a budget holder, not both.
    expect(rolesFor('VP Finance')).toEqual(['BUDGET_HOLDER']);
    // Apart, both count.
    expect(rolesFor('VP and Treasurer')).toEqual(['BUDGET_HOLDER', 'DECISION_MAKER']);
  });

  it('follows the edited rules, in their order', () => {
    const rules: RoleRule[] = [
      { words: ['Ops'], role: 'CHAMPION' },
      { words: ['RevOps Lead'], role: 'INFLUENCER' },
    ];
    expect(rolesFor('Head of Ops', rules)).toEqual(['CHAMPION']);
    expect(rolesFor('RevOps Lead', rules)).toEqual(['INFLUENCER']);
    expect(rolesFor('Head of Ops', [])).toEqual([]);
  });
});

describe('markers reps type into names', () => {
  it.each`
    name                      | roles
    ${'Jane Doe (DM)'}        | ${['DECISION_MAKER']}
    ${'Jane Doe (EB)'}        | ${['EXECUTIVE_SPONSOR']}
    ${'Jane Doe (ES)'}        | ${['EXECUTIVE_SPONSOR']}
    ${'Jane Doe (CH)'}        | ${['CHAMPION']}
    ${'Jane Doe (dm)'}        | ${['DECISION_MAKER']}
    ${'Jane Doe [DM]'}        | ${['DECISION_MAKER']}
    ${'Jane Doe (DM/CH)'}     | ${['DECISION_MAKER', 'CHAMPION']}
    ${'Jane Doe (DM) (CH)'}   | ${['DECISION_MAKER', 'CHAMPION']}
    ${'Jane Doe (US)'}        | ${[]}
    ${'Jane Doe (DM, US)'}    | ${[]}
    ${'Dmitri Chandler'}      | ${[]}
    ${'Jane Doe (Marketing)'} | ${[]}
  `('“$name” → $roles', ({ name, roles }) => {
    expect(suggestRoles({ name }, []).map((s) => s.role)).toEqual(roles);
  });

  it('come before the title’s rules, and are read in the title too', () => {
    expect(suggestRoles({ name: 'Jane Doe (CH)', title: 'CFO' }, DEFAULT_ROLE_RULES).map((s) => s.role)).toEqual([
      'CHAMPION',
      'BUDGET_HOLDER',
    ]);
    expect(suggestRoles({ title: 'Director (DM)' }, []).map((s) => s.role)).toEqual(['DECISION_MAKER']);
  });
});

describe('what is suggested', () => {
  it('leaves out the roles the contact already holds, and suggests each role once', () => {
    expect(suggestRoles({ title: 'CFO', buyingRoles: ['BUDGET_HOLDER'] }, DEFAULT_ROLE_RULES)).toEqual([]);
    expect(suggestRoles({ name: 'Jane (DM)', title: 'Director' }, DEFAULT_ROLE_RULES)).toHaveLength(1);
  });

  it('says where it comes from, as the panel shows it', () => {
    const [fromTitle] = suggestRoles({ title: 'VP Finance' }, DEFAULT_ROLE_RULES);
    expect(fromTitle && suggestionSource(fromTitle)).toBe('from the title “VP Finance”');
    const [fromName] = suggestRoles({ name: 'Jane Doe (DM)' }, DEFAULT_ROLE_RULES);
    expect(fromName && suggestionSource(fromName)).toBe('from “(DM)” in the name');
  });
});
