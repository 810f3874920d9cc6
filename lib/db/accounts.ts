import type { Tier } from '../settings/types';

/** Where an account came from; the prefix of its id. */
export type SourceId = 'demo' | 'file' | 'feed' | 'hubspot' | 'local';

/** Closed outcome of the account's last opportunity, for calibrating the engagement model. */
export type Outcome = 'won' | 'lost';

/** Where an opportunity stands: still open, or closed won or lost. */
export type OpportunityStatus = 'open' | 'won' | 'lost';

/**
 * A deal (opportunity) of an account, as its source gives it: HubSpot's deals associated with the
 * company, or a deals file's rows linked to the account. Not indexed: a field of the account row.
 */
export interface Opportunity {
  /** Source-scoped, e.g. `hubspot-deal:123`, or the file's own deal id (`file-deal:006…`). */
  id: string;
  name: string;
  /** In the deal's currency as the source says it (USD assumed for imports). */
  amount?: number;
  /** The stage's label as the source shows it ("Contract Sent", "Closed Won"). */
  stage?: string;
  status: OpportunityStatus;
  /** Epoch ms the deal was created. */
  createdAt?: number;
  /** Epoch ms of the close date: when it closed, or (open) when it is expected to. */
  closedAt?: number;
}

/** A company from the CRM (or the demo data, or added by the user). */
export interface Account {
  /** Source-scoped id, e.g. `hubspot:123` or `demo:42`. */
  id: string;
  name: string;
  /**
   * Normalised company keys (`li:`, `li#`, `li-showcase:`, `li-school:`, `dom:`, `name:`), a
   * multi-entry index: see lib/keys.
   */
  keys: string[];
  /** Registrable domains of the company's websites. */
  domains: string[];
  /** LinkedIn company slugs (`/company/<slug>/`), lower-cased and percent-decoded. */
  linkedinSlugs: string[];
  /** LinkedIn numeric company ids. */
  linkedinIds: string[];
  /**
   * Slugs of the company's LinkedIn showcase pages (`/showcase/<slug>/`), when a source names
   * them; each is the key `li-showcase:<slug>`, never `li:`. Absent when there are none.
   */
  linkedinShowcases?: string[];
  /** Slugs of its LinkedIn school pages (`/school/<slug>/`): keys `li-school:<slug>`. Absent when none. */
  linkedinSchools?: string[];
  industry?: string;
  employees?: number;
  /** Annual revenue in USD. */
  revenue?: number;
  /** ISO 3166-1 alpha-2 country code of the headquarters. */
  country?: string;
  technologies?: string[];
  /** Free tags (marketing's labels), from the source's tags property or added in Tierlens. */
  tags?: string[];
  /** The ABM tier the rep (or the CRM) assigned; `undefined` when untiered. */
  assignedTier?: Tier;
  isTarget: boolean;
  /** The owner as the source shows them: a name (HubSpot: "First Last", else email, else owner id). */
  owner?: string;
  /** The source's own id of the owner (HubSpot's `hubspot_owner_id`), when it has one. Not indexed. */
  ownerId?: string;
  /** The owner's email, when the source says it. Not indexed. */
  ownerEmail?: string;
  lifecycleStage?: string;
  openOpportunity?: { name: string; amount?: number; stage?: string };
  /**
   * The account's deals, when its source knows them. `openOpportunity` is then the largest open
   * one, and `outcome`/`closedAt` follow from the latest closed one (lib/sync/opportunities.ts).
   */
  opportunities?: Opportunity[];
  outcome?: Outcome;
  /**
   * Epoch ms when the outcome closed (the CRM's close date). Calibration reads the account as
   * it was then: what came after a win is not evidence for it. Not indexed.
   */
  closedAt?: number;
  /** Epoch ms of the account's last review with sales (promotion/demotion decisions). */
  lastReviewedAt?: number;
  /** Epoch milliseconds of the last change in the source. */
  updatedAt: number;
  source: SourceId;
  /** The sync generation that wrote this row: a sync becomes visible all at once. */
  generation: number;
}

/** Indexes of the accounts table (schema v1): the primary key, then the multi-entry key index. */
export const accountsSchemaV1 = 'id, *keys, name, assignedTier, source';
/** Schema v2 indexes the outcome: the calibrated engagement model reads only won/lost accounts. */
export const accountsSchemaV2 = 'id, *keys, name, assignedTier, source, outcome';
/** Schema v4 drops the name and source indexes, which nothing queried. */
export const accountsSchemaV4 = 'id, *keys, assignedTier, outcome';
/** Schema v6 indexes the tags (multi-entry): the panel suggests the tags the org already uses. */
export const accountsSchema = 'id, *keys, assignedTier, outcome, *tags';
