import { describe, expect, it } from 'vitest';
import { detectKind, planColumns } from './columns';
import { fieldForHeader } from './fields';

describe('header mapping', () => {
  it.each([
    // HubSpot companies export, labels (reference section 10).
    ['account', 'Record ID', 'id'],
    ['account', 'Company name', 'name'],
    ['account', 'Company Domain Name', 'domain'],
    ['account', 'Website URL', 'website'],
    ['account', 'Industry', 'industry'],
    ['account', 'Number of Employees', 'employees'],
    ['account', 'Annual Revenue', 'revenue'],
    ['account', 'Country/Region', 'country'],
    ['account', 'LinkedIn Company Page', 'linkedinUrl'],
    ['account', 'Ideal Customer Profile Tier', 'assignedTier'],
    ['account', 'Target Account', 'isTarget'],
    ['account', 'Company owner', 'owner'],
    ['account', 'Lifecycle Stage', 'lifecycleStage'],
    // HubSpot internal names.
    ['account', 'hs_object_id', 'id'],
    ['account', 'domain', 'domain'],
    ['account', 'numberofemployees', 'employees'],
    ['account', 'annualrevenue', 'revenue'],
    ['account', 'linkedin_company_page', 'linkedinUrl'],
    ['account', 'hs_ideal_customer_profile', 'assignedTier'],
    ['account', 'hs_is_target_account', 'isTarget'],
    ['account', 'hubspot_owner_id', 'owner'],
    ['account', 'lifecyclestage', 'lifecycleStage'],
    // Salesforce API names and report labels.
    ['account', 'Id', 'id'],
    ['account', 'Name', 'name'],
    ['account', 'Website', 'website'],
    ['account', 'NumberOfEmployees', 'employees'],
    ['account', 'AnnualRevenue', 'revenue'],
    ['account', 'BillingCountry', 'country'],
    ['account', 'OwnerId', 'owner'],
    ['account', 'Account Name', 'name'],
    ['account', 'Account ID', 'id'],
    ['account', 'Account Owner', 'owner'],
    ['account', 'Billing Country', 'country'],
    ['account', 'Billing State/Province', 'state'],
    // Canonical columns, in any case or spacing.
    ['account', 'linkedinSlug', 'linkedinSlug'],
    ['account', 'LINKEDIN_ID', 'linkedinId'],
    ['account', 'technologies', 'technologies'],
    ['account', 'assigned tier', 'assignedTier'],
    ['account', 'outcome', 'outcome'],
    // The close date of the outcome: HubSpot's label and internal name, its company roll-up,
    // Salesforce's API name, Tierlens's own.
    ['account', 'Close Date', 'closedAt'],
    ['account', 'closedate', 'closedAt'],
    ['account', 'Recent Deal Close Date', 'closedAt'],
    ['account', 'recent_deal_close_date', 'closedAt'],
    ['account', 'CloseDate', 'closedAt'],
    ['account', 'closedAt', 'closedAt'],
    // Contacts.
    ['contact', 'First Name', 'firstName'],
    ['contact', 'Last Name', 'lastName'],
    ['contact', 'Email', 'email'],
    ['contact', 'Job Title', 'title'],
    ['contact', 'Buying Role', 'buyingRoles'],
    ['contact', 'hs_buying_role', 'buyingRoles'],
    ['contact', 'LinkedIn URL', 'linkedinProfile'],
    ['contact', 'hs_linkedin_url', 'linkedinProfile'],
    ['contact', 'Associated Company IDs', 'accountIds'],
    ['contact', 'Primary Associated Company ID', 'accountId'],
    ['contact', 'associatedcompanyid', 'accountId'],
    ['contact', 'Associated Company', 'accountName'],
    ['contact', 'AccountId', 'accountId'],
    ['contact', 'FirstName', 'firstName'],
    ['contact', 'Title', 'title'],
    ['contact', 'MailingCountry', 'country'],
    // Touchpoints.
    ['touchpoint', 'type', 'type'],
    ['touchpoint', 'stage', 'stage'],
    ['touchpoint', 'at', 'at'],
    ['touchpoint', 'Activity Date', 'at'],
    ['touchpoint', 'contactEmail', 'contactEmail'],
    ['touchpoint', 'accountDomain', 'accountDomain'],
  ] as const)('in a %s file maps %j to %s', (kind, header, field) => {
    expect(fieldForHeader(kind, header)).toBe(field);
  });

  it.each([
    [['Record ID', 'Company name', 'Company Domain Name'], 'account'],
    [['Id', 'IsDeleted', 'Name', 'BillingCountry', 'Website'], 'account'],
    [['Account Owner', 'Account Name', 'Billing State/Province', 'Account ID', 'Website'], 'account'],
    [['Record ID', 'First Name', 'Last Name', 'Annual Revenue', 'Industry', 'Associated Company IDs'], 'contact'],
    [['Id', 'AccountId', 'FirstName', 'LastName', 'MailingCountry', 'Email', 'Title'], 'contact'],
    [['type', 'at', 'accountDomain'], 'touchpoint'],
    [['Foo', 'Bar'], undefined],
    [[], undefined],
  ] as const)('detects %j as a %s file', (headers, kind) => {
    expect(detectKind(headers)).toBe(kind);
  });

  it('reads a Salesforce billing state as a state, never as the country', () => {
    const { columns } = planColumns(['Account Name', 'Billing State/Province', 'Billing Country'], 'account');
    expect(columns.map((c) => c.field)).toEqual(['name', undefined, 'country']);
    expect(columns[1]?.note).toMatch(/state or province, not a country/);
  });

  it('imports the first of repeated headers and reports the repeat, never merging them', () => {
    const { columns } = planColumns(['Record ID', 'Name', 'Email', 'Name', 'Country', 'Country'], 'contact');
    expect(columns.map((c) => c.field)).toEqual(['id', 'name', 'email', undefined, undefined, undefined]);
    expect(columns[3]?.note).toMatch(/repeats the header of column 2/);
    expect(columns[5]?.note).toMatch(/repeats the header of column 5/);
  });

  it('fills a field from one column only: a second column for it is reported', () => {
    const { columns } = planColumns(['domain', 'Company Domain Name'], 'account');
    expect(columns.map((c) => c.field)).toEqual(['domain', undefined]);
    expect(columns[1]?.note).toMatch(/column 1 already fills domain/);
  });

  it('follows a user mapping by position before header text, and reports a field that does not exist', () => {
    const { columns, problems } = planColumns(['Name', 'Name', 'Site', 'Notes'], 'account', {
      '1': 'industry',
      Site: 'website',
      Name: null,
      Notes: 'colour',
    });
    expect(columns.map((c) => c.field)).toEqual([undefined, 'industry', 'website', undefined]);
    expect(problems).toEqual([expect.stringMatching(/"colour", which is no account field/)]);
  });
});
