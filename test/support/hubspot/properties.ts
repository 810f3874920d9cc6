/**
 * The portal's property definitions (§6): what `GET /crm/v3/properties/{type}` serves, and what
 * the write endpoints check values against (a property that does not exist, an option that is
 * not one of the enumeration's).
 */

export interface PropertyDefinition {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  description: string;
  groupName: string;
  options: Array<{ label: string; value: string; displayOrder: number; hidden: boolean }>;
  hubspotDefined?: boolean;
  /** A unique property: `idProperty` of upserts and batch reads by value (§4). */
  hasUniqueValue?: boolean;
}

export function propertyDefinition(
  name: string,
  label: string,
  type: string,
  fieldType: string,
  options: Array<[string, string]> = [],
  extra: Partial<PropertyDefinition> = {},
): PropertyDefinition {
  return {
    name,
    label,
    type,
    fieldType,
    description: '',
    groupName: 'companyinformation',
    options: options.map(([value, l]) => ({ label: l, value, displayOrder: -1, hidden: false })),
    hubspotDefined: true,
    ...extra,
  };
}

const BUYING_ROLE_OPTIONS: Array<[string, string]> = [
  ['BLOCKER', 'Blocker'],
  ['BUDGET_HOLDER', 'Budget Holder'],
  ['CHAMPION', 'Champion'],
  ['DECISION_MAKER', 'Decision Maker'],
  ['END_USER', 'End User'],
  ['EXECUTIVE_SPONSOR', 'Executive Sponsor'],
  ['INFLUENCER', 'Influencer'],
  ['LEGAL_AND_COMPLIANCE', 'Legal & Compliance'],
  ['OTHER', 'Other'],
];

/**
 * §6 definitions of the HubSpot-defined properties Tierlens reads or writes. The contact's
 * `hs_linkedin_url` is the property the reader assumes (UNVERIFIED in the contract): a test
 * removes it to play a portal without it.
 */
export function defaultDefinitions(): Record<string, PropertyDefinition[]> {
  return {
    companies: [
      propertyDefinition('name', 'Company name', 'string', 'text'),
      propertyDefinition('domain', 'Company Domain Name', 'string', 'text'),
      propertyDefinition('website', 'Website URL', 'string', 'text'),
      propertyDefinition('industry', 'Industry', 'enumeration', 'select'),
      propertyDefinition('numberofemployees', 'Number of Employees', 'number', 'number'),
      propertyDefinition('annualrevenue', 'Annual Revenue', 'number', 'number'),
      propertyDefinition('country', 'Country/Region', 'string', 'text'),
      propertyDefinition('linkedin_company_page', 'LinkedIn Company Page', 'string', 'text'),
      propertyDefinition('hs_ideal_customer_profile', 'Ideal Customer Profile Tier', 'enumeration', 'radio', [
        ['tier_1', 'Tier 1'],
        ['tier_2', 'Tier 2'],
        ['tier_3', 'Tier 3'],
      ]),
      propertyDefinition('hs_is_target_account', 'Target Account', 'bool', 'booleancheckbox', [
        ['true', 'Yes'],
        ['false', 'No'],
      ]),
      // The activity roll-ups and the contact count of §9 (labels as the live portal's, S11).
      ...COMPANY_ACTIVITY.map(([name, label]) => activity(name, label, 'companyinformation')),
      propertyDefinition('num_associated_contacts', 'Number of Associated Contacts', 'number', 'number', [], {
        description: 'The number of contacts associated with this company',
      }),
    ],
    contacts: [
      propertyDefinition('firstname', 'First Name', 'string', 'text', [], { groupName: 'contactinformation' }),
      propertyDefinition('lastname', 'Last Name', 'string', 'text', [], { groupName: 'contactinformation' }),
      propertyDefinition('email', 'Email', 'string', 'text', [], { groupName: 'contactinformation' }),
      propertyDefinition('jobtitle', 'Job Title', 'string', 'text', [], { groupName: 'contactinformation' }),
      propertyDefinition('hs_linkedin_url', 'LinkedIn URL', 'string', 'text', [], { groupName: 'contactinformation' }),
      propertyDefinition('hs_buying_role', 'Buying Role', 'enumeration', 'checkbox', BUYING_ROLE_OPTIONS, {
        groupName: 'deal_information',
      }),
      propertyDefinition('associatedcompanyid', 'Primary Associated Company ID', 'number', 'number'),
      ...CONTACT_ACTIVITY.map(([name, label, group]) => activity(name, label, group)),
    ],
  };
}

/** A datetime property HubSpot sets itself from activity. */
function activity(name: string, label: string, groupName: string): PropertyDefinition {
  return propertyDefinition(name, label, 'datetime', 'date', [], { groupName });
}

/** The company roll-ups lib/sync/hubspot/activity.ts reads, with the live portal's labels (S11). */
const COMPANY_ACTIVITY: Array<[string, string]> = [
  ['hs_analytics_last_visit_timestamp', 'Time of Last Session'],
  ['hs_last_sales_activity_timestamp', 'Last Engagement Date'],
  ['hs_latest_meeting_activity', 'Latest meeting activity'],
  ['hs_last_booked_meeting_date', 'Last Booked Meeting Date'],
];

/** The contact activity dates lib/sync/hubspot/contact-activity.ts reads, with the live portal's labels (S11; the groups are illustrative). */
const CONTACT_ACTIVITY: Array<[string, string, string]> = [
  ['hs_email_last_open_date', 'Last marketing email open date', 'emailinformation'],
  ['hs_email_last_click_date', 'Last marketing email click date', 'emailinformation'],
  ['hs_sales_email_last_opened', 'Recent Sales Email Opened Date', 'sales_properties'],
  ['hs_sales_email_last_clicked', 'Recent Sales Email Clicked Date', 'sales_properties'],
  ['hs_sales_email_last_replied', 'Recent Sales Email Replied Date', 'sales_properties'],
  ['hs_analytics_last_visit_timestamp', 'Time of Last Session', 'analyticsinformation'],
  ['recent_conversion_date', 'Recent Conversion Date', 'contact_activity'],
  ['hs_document_last_revisited', 'Recent Document Revisit Date', 'sales_properties'],
  ['hs_latest_meeting_activity', 'Latest meeting activity', 'contact_activity'],
  ['engagements_last_meeting_booked', 'Date of last meeting booked in meetings tool', 'contact_activity'],
];

/** The custom properties an admin creates for Tierlens's write-back (names as in its settings). */
export interface TierlensPropertyNames {
  tagsProperty: string;
  proposalProperty: string;
  notesProperty: string;
  opIdProperty: string;
}

export const DEFAULT_TIERLENS_PROPERTIES: TierlensPropertyNames = {
  tagsProperty: 'tierlens_tags',
  proposalProperty: 'tierlens_tier_proposal',
  notesProperty: 'tierlens_notes',
  opIdProperty: 'tierlens_op_id',
};

/** Definitions of the Tierlens properties, by object type: the op id is unique on both types. */
export function tierlensDefinitions(names: TierlensPropertyNames): Record<string, PropertyDefinition[]> {
  const custom = { hubspotDefined: false, groupName: 'tierlens' };
  const opId = propertyDefinition(names.opIdProperty, 'Tierlens op id', 'string', 'text', [], {
    ...custom,
    hasUniqueValue: true,
  });
  return {
    companies: [
      propertyDefinition(names.tagsProperty, 'Tierlens tags', 'string', 'textarea', [], custom),
      propertyDefinition(names.proposalProperty, 'Tierlens tier proposal', 'string', 'text', [], custom),
      propertyDefinition(names.notesProperty, 'Tierlens notes', 'string', 'textarea', [], custom),
      opId,
    ],
    contacts: [opId],
  };
}

/**
 * Why a value may not be written to a property, or undefined when it may. Enumerations accept
 * their option values ('' clears, §4); a checkbox takes several, `;`-joined (§6).
 */
export function invalidOption(def: PropertyDefinition, value: string): string | undefined {
  if ((def.type !== 'enumeration' && def.type !== 'bool') || value === '' || def.options.length === 0) return undefined;
  const allowed = def.options.map((o) => o.value);
  const parts = def.fieldType === 'checkbox' ? value.split(';') : [value];
  const bad = parts.find((p) => !allowed.includes(p));
  return bad === undefined ? undefined : `${bad} was not one of the allowed options: [${allowed.join(', ')}]`;
}
