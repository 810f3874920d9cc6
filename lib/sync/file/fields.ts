import type { RecordKind } from '../records';

/**
 * The canonical fields of each kind of file, each with the headers that fill it: Tierlens's
 * own column names first, then HubSpot labels and internal names, then Salesforce API names
 * and report labels. Headers compare folded (see headerKey): "Country/Region",
 * "country region" and "COUNTRY_REGION" are one header.
 */
export const FIELDS = {
  account: {
    id: ['id', 'Record ID', 'hs_object_id', 'Company ID', 'Account ID'],
    name: ['name', 'Company name', 'company', 'Account Name'],
    // `domains`: Tierlens's own records (import-preview --out, feed shards), a `;` list.
    domain: ['domain', 'domains', 'Company Domain Name', 'Company Domain'],
    website: ['website', 'Website URL', 'url'],
    linkedinUrl: ['linkedinUrl', 'LinkedIn Company Page', 'linkedin_company_page', 'LinkedIn', 'LinkedIn URL'],
    linkedinSlug: ['linkedinSlug', 'linkedinSlugs', 'LinkedIn Slug'],
    linkedinId: ['linkedinId', 'linkedinIds', 'LinkedIn ID', 'LinkedIn Company ID'],
    // A showcase or school page is not the company's own: its own keys (li-showcase:, li-school:).
    linkedinShowcase: ['linkedinShowcase', 'linkedinShowcases', 'LinkedIn Showcase Page', 'LinkedIn Showcase Pages'],
    linkedinSchool: ['linkedinSchool', 'linkedinSchools', 'LinkedIn School Page', 'LinkedIn School Pages'],
    industry: ['industry'],
    employees: ['employees', 'Number of Employees', 'numberofemployees', 'Company size', 'Employee Count'],
    revenue: ['revenue', 'Annual Revenue', 'annualrevenue'],
    country: ['country', 'Country/Region', 'BillingCountry', 'Billing Country'],
    state: ['state', 'State/Region', 'BillingState', 'Billing State/Province'],
    technologies: ['technologies', 'Technologies', 'Web Technologies', 'web_technologies', 'Tech Stack'],
    // Tierlens's own write-back property and the edits export's column.
    tags: ['tags', 'Tags', 'tierlens_tags', 'Tierlens Tags'],
    assignedTier: ['assignedTier', 'tier', 'Ideal Customer Profile Tier', 'hs_ideal_customer_profile', 'ABM Tier'],
    isTarget: ['isTarget', 'Target Account', 'hs_is_target_account'],
    owner: ['owner', 'Company owner', 'hubspot_owner_id', 'OwnerId', 'Account Owner'],
    lifecycleStage: ['lifecycleStage', 'Lifecycle Stage'],
    outcome: ['outcome'],
    // HubSpot's "Close Date" (closedate) and Salesforce's CloseDate fold to one header; the
    // company roll-up "Recent Deal Close Date" (recent_deal_close_date, contract §9) too.
    closedAt: ['closedAt', 'Close Date', 'Recent Deal Close Date'],
    updatedAt: ['updatedAt', 'Last Modified Date', 'hs_lastmodifieddate', 'LastModifiedDate'],
    lastReviewedAt: ['lastReviewedAt'],
  },
  contact: {
    id: ['id', 'Record ID', 'hs_object_id', 'Contact ID'],
    name: ['name', 'Full Name', 'Contact Name'],
    firstName: ['firstName', 'First Name', 'firstname'],
    lastName: ['lastName', 'Last Name', 'lastname'],
    title: ['title', 'Job Title', 'jobtitle'],
    email: ['email', 'Email Address'],
    linkedinProfile: [
      'linkedinProfile',
      'linkedinSlug',
      'LinkedIn URL',
      'hs_linkedin_url',
      'hs_linkedinid',
      'LinkedIn Profile',
      'LinkedIn',
    ],
    buyingRoles: ['buyingRoles', 'Buying Role', 'hs_buying_role', 'Buying Roles'],
    accountId: ['accountId', 'Primary Associated Company ID', 'associatedcompanyid', 'Account ID', 'Company ID'],
    accountIds: ['accountIds', 'Associated Company IDs'],
    accountName: ['accountName', 'Associated Company', 'Company Name', 'company', 'Account Name'],
    accountDomain: ['accountDomain', 'Company Domain Name', 'Website URL', 'website'],
    country: ['country', 'Country/Region', 'MailingCountry', 'Mailing Country'],
    state: ['state', 'State/Region', 'MailingState', 'Mailing State/Province'],
    updatedAt: ['updatedAt', 'Last Modified Date', 'lastmodifieddate', 'LastModifiedDate'],
  },
  touchpoint: {
    id: ['id', 'Touchpoint ID', 'Activity ID', 'Engagement ID', 'Record ID'],
    type: ['type', 'Touchpoint Type', 'Activity Type', 'Engagement Type', 'Event Type', 'Interaction'],
    stage: ['stage', 'Funnel Stage'],
    at: ['at', 'timestamp', 'Date', 'Occurred At', 'Activity Date', 'Event Date', 'Time'],
    accountId: ['accountId', 'Account ID', 'Company ID', 'Primary Associated Company ID', 'associatedcompanyid'],
    accountDomain: ['accountDomain', 'domain', 'Company Domain Name', 'Account Domain'],
    contactId: ['contactId', 'Contact ID'],
    contactEmail: ['contactEmail', 'email', 'Contact Email'],
  },
  // HubSpot's deals export and internal names; Salesforce's Opportunity API names (`Id`, `Name`
  // fold to id, name) and report labels. "Close Date", `closedate` and `CloseDate` are one header.
  deal: {
    id: ['dealId', 'id', 'Record ID', 'hs_object_id', 'Deal ID', 'Opportunity ID'],
    name: ['dealName', 'name', 'Deal Name', 'dealname', 'Opportunity Name'],
    amount: ['amount', 'Amount'],
    stage: ['stage', 'Deal Stage', 'dealstage', 'StageName', 'Stage'],
    status: ['status'],
    isWon: ['isWon', 'Is Closed Won', 'hs_is_closed_won', 'IsWon', 'Won'],
    isClosed: ['isClosed', 'Is Closed', 'hs_is_closed', 'IsClosed', 'Closed'],
    closedAt: ['closedAt', 'Close Date', 'closedate', 'CloseDate'],
    createdAt: ['createdAt', 'Create Date', 'createdate', 'CreatedDate', 'Created Date'],
    pipeline: ['pipeline', 'Pipeline'],
    accountId: [
      'companyId',
      'accountId',
      'AccountId',
      'Account ID',
      'Company ID',
      'Primary Associated Company ID',
      'associatedcompanyid',
    ],
    accountIds: ['companyIds', 'accountIds', 'Associated Company IDs'],
    accountName: ['companyName', 'accountName', 'Associated Company', 'Account Name', 'Company Name', 'company'],
    accountDomain: ['companyDomain', 'accountDomain', 'Company Domain Name', 'domain', 'website'],
  },
} as const satisfies Record<RecordKind, Record<string, readonly string[]>>;

export type FieldOf<K extends RecordKind> = keyof (typeof FIELDS)[K] & string;

/**
 * Fields that are recognised so that they are not mistaken for another, and deliberately not
 * imported, with the reason shown beside the column.
 */
export const IGNORED: Partial<Record<RecordKind, Record<string, string>>> = {
  account: { state: 'a state or province, not a country: not imported' },
  contact: {
    country: 'contacts have no country in Tierlens: not imported',
    state: 'a state or province: not imported',
  },
  deal: { pipeline: 'a pipeline: deals are read by their stage, not imported' },
};

/** A header folded for matching: case, spaces and punctuation do not count. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const LOOKUP = new Map<RecordKind, Map<string, string>>();

/** The field a header fills in a file of `kind`, or undefined. */
export function fieldForHeader(kind: RecordKind, header: string): string | undefined {
  let table = LOOKUP.get(kind);
  if (!table) {
    table = new Map();
    for (const [field, headers] of Object.entries(FIELDS[kind])) {
      for (const h of [field, ...headers]) if (!table.has(headerKey(h))) table.set(headerKey(h), field);
    }
    LOOKUP.set(kind, table);
  }
  return table.get(headerKey(header));
}

/** Whether `field` is a canonical field of `kind`. */
export function isField(kind: RecordKind, field: string): boolean {
  return Object.hasOwn(FIELDS[kind], field);
}
