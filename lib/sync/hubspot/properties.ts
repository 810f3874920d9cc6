import { ACTIVITY_PROPERTIES, ASSOCIATED_CONTACTS_PROPERTY } from './activity';
import { CONTACT_ACTIVITY_PROPERTIES } from './contact-activity';
import { DEAL_PROPERTIES, DEALS_SCOPE } from './deals';
import { OWNERS_PAGE_SIZE, OWNERS_SCOPE } from './owners';

/**
 * What the HubSpot source reads: objects, properties, endpoints and scopes, in one place, so
 * that the adapter and the "before the first sync" screen cannot disagree. Property names
 * come from the contract (/work/shared/reference/hubspot-api.md §2, §3, §6, §9); the owners'
 * fields from HubSpot's Owners API guide (owners.ts).
 */

/**
 * Company properties: identity, firmographics, HubSpot's ABM fields (§6), and the activity
 * roll-ups of §9 with the count of contacts that says whether they are the contacts' (activity.ts).
 */
export const COMPANY_PROPERTIES: readonly string[] = [
  'name',
  'domain',
  'website',
  'industry',
  'numberofemployees',
  'annualrevenue',
  'country',
  'linkedin_company_page',
  'hs_ideal_customer_profile',
  'hs_is_target_account',
  'hubspot_owner_id',
  'lifecyclestage',
  'hs_lastmodifieddate',
  ...ACTIVITY_PROPERTIES.map((a) => a.property),
  ASSOCIATED_CONTACTS_PROPERTY,
];

/**
 * The contact property holding the LinkedIn profile URL. The contract names none, so this is
 * HubSpot's usual default-property name and is UNVERIFIED; the adapter takes another as an option.
 */
export const DEFAULT_CONTACT_LINKEDIN_PROPERTY = 'hs_linkedin_url';

/**
 * Contact properties: `associatedcompanyid` is the primary company id (§5), a fallback for the
 * associations; the activity dates become the contact's touchpoints (contact-activity.ts).
 */
export function contactProperties(linkedinProperty = DEFAULT_CONTACT_LINKEDIN_PROPERTY): string[] {
  return [
    'firstname',
    'lastname',
    'email',
    'jobtitle',
    'hs_buying_role',
    linkedinProperty,
    'associatedcompanyid',
    'lastmodifieddate',
    ...CONTACT_ACTIVITY_PROPERTIES.map((a) => a.property),
  ];
}

/** Last-modified properties by object (§3): contacts differ from companies. */
export const MODIFIED_PROPERTY = {
  companies: 'hs_lastmodifieddate',
  contacts: 'lastmodifieddate',
  deals: 'hs_lastmodifieddate',
} as const;

/** Page size: the list API's maximum (§2); search pages use the same so one v4 batch (≤100 inputs) completes them. */
export const PAGE_SIZE = 100;

/** What the adapter will read, for the UI to show before the first sync. */
export interface HubSpotReadDescription {
  objects: Array<{ object: 'companies' | 'contacts' | 'owners' | 'deals'; properties: string[]; why: string }>;
  endpoints: Array<{ method: 'GET' | 'POST'; path: string; when: string }>;
  /** Granular scopes of the private app for reading. */
  scopes: string[];
  /** Scopes the sync does without, and what is missing without them. */
  optionalScopes: Array<{ scope: string; without: string }>;
  /** What it never reads. */
  notRead: string[];
  /** What it writes: only the user's own edits (lib/sync/hubspot/push.ts), and the scopes for that. */
  writes: { scopes: string[]; fields: string[] };
}

/** Exactly what the HubSpot source reads: objects, properties, endpoints and the scopes the token needs. */
export function describeHubSpotRead(
  options: { contactLinkedInProperty?: string; companyTagsProperty?: string } = {},
): HubSpotReadDescription {
  return {
    objects: [
      {
        object: 'companies',
        // The property Tierlens writes tags to (settings.writeBack) is read back with the rest.
        properties: [...COMPANY_PROPERTIES, ...(options.companyTagsProperty ? [options.companyTagsProperty] : [])],
        why: "accounts: identity, firmographics, ABM tier and target flag, owner, and the last-activity dates that become the account's touchpoints when it has no contacts (with contacts, theirs carry the same acts)",
      },
      {
        object: 'contacts',
        properties: contactProperties(options.contactLinkedInProperty),
        why: 'people at those accounts: name, title, email, LinkedIn profile, buying roles, their primary company, and their last email opens, clicks and replies, site visit, form, document view and meetings, each a touchpoint of that person',
      },
      {
        object: 'deals',
        properties: [...DEAL_PROPERTIES],
        why: "each account's opportunities: name, amount, stage (labelled from its pipeline), open, won or lost, created and close dates, for pipeline, win rate and deal size",
      },
      {
        object: 'owners',
        properties: ['id', 'firstName', 'lastName', 'email'],
        why: "the HubSpot users who own companies, current and deactivated: each account's owner by name, and you recognised as the owner by your name or email",
      },
    ],
    endpoints: [
      {
        method: 'GET',
        path: '/crm/v3/owners',
        when: `every sync, once at its start, ${OWNERS_PAGE_SIZE} owners a page: the current owners, then the deactivated ones (archived=true)`,
      },
      {
        method: 'GET',
        path: '/crm/v3/pipelines/deals',
        when: 'every sync, once at its start: the deal stages, their labels and which are won or lost',
      },
      {
        method: 'GET',
        path: '/crm/v3/objects/deals?limit=1',
        when: 'every sync, once at its start: whether the token may read deals',
      },
      {
        method: 'GET',
        path: '/crm/v3/objects/companies?associations=deals',
        when: 'a full sync, 100 companies a page',
      },
      {
        method: 'POST',
        path: '/crm/v3/objects/deals/batch/read',
        when: 'every page of companies with deals: those deals, 100 a request',
      },
      {
        method: 'GET',
        path: '/crm/v3/objects/contacts?associations=companies',
        when: 'a full sync, 100 contacts a page',
      },
      {
        method: 'POST',
        path: '/crm/v3/objects/companies/search',
        when: 'an incremental sync: companies changed since the last one',
      },
      {
        method: 'POST',
        path: '/crm/v3/objects/contacts/search',
        when: 'an incremental sync: contacts changed since the last one',
      },
      {
        method: 'POST',
        path: '/crm/v4/associations/contacts/companies/batch/read',
        when: 'an incremental sync: the companies of the changed contacts',
      },
      {
        method: 'POST',
        path: '/crm/v3/objects/deals/search',
        when: 'an incremental sync: deals changed since the last one, each read again with its companies',
      },
      {
        method: 'POST',
        path: '/crm/v4/associations/companies/deals/batch/read',
        when: 'an incremental sync: the deals of the changed companies',
      },
      {
        method: 'POST',
        path: '/crm/v4/associations/deals/companies/batch/read',
        when: 'an incremental sync: the companies of the changed deals',
      },
      {
        method: 'POST',
        path: '/crm/v3/objects/companies/batch/read',
        when: 'an incremental sync: the companies of the changed deals, read again whole',
      },
      {
        method: 'GET',
        path: '/crm/v3/objects/companies?archived=true&properties=hs_object_id',
        when: 'an incremental sync every two hours or on Sync now, at its end: the ids of the companies deleted since the last such listing, 100 a page',
      },
      {
        method: 'GET',
        path: '/crm/v3/objects/contacts?archived=true&properties=hs_object_id',
        when: 'an incremental sync every two hours or on Sync now, at its end: the ids of the contacts deleted since the last such listing, 100 a page',
      },
      {
        method: 'GET',
        path: '/crm/v3/objects/deals?archived=true&properties=hs_object_id',
        when: 'an incremental sync every two hours or on Sync now, at its end: the ids of the deals deleted since the last such listing, 100 a page',
      },
    ],
    scopes: ['crm.objects.companies.read', 'crm.objects.contacts.read', DEALS_SCOPE, OWNERS_SCOPE],
    optionalScopes: [
      {
        scope: DEALS_SCOPE,
        without:
          'the sync still runs, but accounts have no opportunities: no open opportunity, pipeline or won/lost outcome',
      },
      {
        scope: OWNERS_SCOPE,
        without: 'the sync still runs, but owners show as HubSpot owner ids and you are recognised only by yours',
      },
    ],
    notRead: [
      "deals' line items, quotes and contacts",
      'emails, calls, meetings and notes themselves (only the latest dates HubSpot keeps on each contact and company)',
    ],
    writes: {
      scopes: ['crm.objects.companies.write', 'crm.objects.contacts.write'],
      fields: [
        "a contact's buying roles (hs_buying_role)",
        "a company's ICP tier (hs_ideal_customer_profile) and target flag (hs_is_target_account)",
        "a company's tags, tier proposal and notes, to the properties named in Tierlens's settings",
        'the contacts you add, created once (with the op-id property) and linked to their company',
      ],
    },
  };
}
