import { describe, expect, it } from 'vitest';
import type { Account } from '../../db/accounts';
import { companyProperties } from './push-creates';

const local: Account = {
  id: 'local:1',
  name: 'Acme Cloud',
  keys: [],
  domains: ['acme.com'],
  linkedinSlugs: [],
  linkedinIds: [],
  isTarget: false,
  updatedAt: 0,
  source: 'local',
  generation: 0,
};

describe("companyProperties: a new company's LinkedIn page", () => {
  it('is the company page when the account has its slug', () => {
    expect(companyProperties({ ...local, linkedinSlugs: ['acme'] }).linkedin_company_page).toBe(
      'https://www.linkedin.com/company/acme/',
    );
  });

  it('is the showcase page an account added from a showcase page carries', () => {
    expect(companyProperties({ ...local, linkedinShowcases: ['acme-cloud'] }).linkedin_company_page).toBe(
      'https://www.linkedin.com/showcase/acme-cloud/',
    );
  });

  it('is the school page an account added from a school page carries', () => {
    expect(companyProperties({ ...local, linkedinSchools: ['acme-u'] }).linkedin_company_page).toBe(
      'https://www.linkedin.com/school/acme-u/',
    );
  });

  it('is left out when the account knows no LinkedIn page', () => {
    expect(companyProperties(local)).toEqual({ name: 'Acme Cloud', domain: 'acme.com' });
  });
});
