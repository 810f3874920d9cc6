/** HubSpot's `hs_buying_role` values, used as they are so that write-back is native. */
export const BUYING_ROLES = [
  'DECISION_MAKER',
  'CHAMPION',
  'BUDGET_HOLDER',
  'EXECUTIVE_SPONSOR',
  'INFLUENCER',
  'END_USER',
  'BLOCKER',
  'LEGAL_AND_COMPLIANCE',
  'OTHER',
] as const;

export type BuyingRole = (typeof BUYING_ROLES)[number];

/** A person at an account. */
export interface Contact {
  id: string;
  accountId: string;
  name: string;
  title?: string;
  email?: string;
  /** LinkedIn profile slug (`/in/<slug>/`), lower-cased. */
  linkedinSlug?: string;
  buyingRoles: BuyingRole[];
  updatedAt: number;
}

export const contactsSchema = 'id, accountId, linkedinSlug';
