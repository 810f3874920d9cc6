import { describe, expect, it } from 'vitest';
import { companyToAccount, tagsOf } from './companies';
import type { CrmObject } from './wire';

const NOW = Date.UTC(2026, 11, 1);
const company = (properties: Record<string, string | null>): CrmObject =>
  ({
    id: '42',
    properties,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-11-30T00:00:00Z',
    archived: false,
  }) as CrmObject;

describe('companyToAccount: the tags Tierlens wrote back', () => {
  it("reads them from the team's tags property, `;`-joined as they were written", () => {
    const account = companyToAccount(
      company({ name: 'Acme', tierlens_tags: 'ABM 2026;Dinner; Dinner ;' }),
      NOW,
      'tierlens_tags',
    );
    expect(account.tags).toEqual(['ABM 2026', 'Dinner']);
  });

  it('has no tags when the property is empty, absent, or no tags property is named', () => {
    expect(companyToAccount(company({ name: 'Acme', tierlens_tags: null }), NOW, 'tierlens_tags').tags).toBeUndefined();
    expect(companyToAccount(company({ name: 'Acme' }), NOW, 'tierlens_tags').tags).toBeUndefined();
    expect(companyToAccount(company({ name: 'Acme', tierlens_tags: 'x' }), NOW).tags).toBeUndefined();
  });

  it('splits on ; only: a tag may hold a comma', () => {
    expect(tagsOf('ABM, EMEA;Q3')).toEqual(['ABM, EMEA', 'Q3']);
  });
});

describe("companyToAccount: the LinkedIn page HubSpot's property names", () => {
  it('a company page is the li: key', () => {
    const account = companyToAccount(
      company({ name: 'Acme', linkedin_company_page: 'https://www.linkedin.com/company/acme/' }),
      NOW,
    );
    expect(account.keys).toContain('li:acme');
  });

  it('a showcase page is its own key, never the company slug of the same name', () => {
    const account = companyToAccount(
      company({ name: 'Acme Cloud', linkedin_company_page: 'https://www.linkedin.com/showcase/acme/' }),
      NOW,
    );
    expect(account.keys).toContain('li-showcase:acme');
    expect(account.keys).not.toContain('li:acme');
    expect(account.linkedinShowcases).toEqual(['acme']);
  });

  it('a school page is its own key', () => {
    const account = companyToAccount(
      company({ name: 'Acme University', linkedin_company_page: 'https://www.linkedin.com/school/acme-u/' }),
      NOW,
    );
    expect(account.keys).toContain('li-school:acme-u');
    expect(account.keys).not.toContain('li:acme-u');
  });
});
