/**
 * HubSpot's deals: each company's opportunities (amounts, stages, open/won/lost, created and close
 * dates), for the ABM metrics (issue 10 §5) and the calibrated engagement model's outcomes.
 *
 * What this relies on (not in the shared contract file; each fact with where it comes from):
 * - Deals are CRM objects like companies: `GET /crm/v3/objects/deals` (list), `POST
 *   /crm/v3/objects/deals/search`, `POST /crm/v3/objects/deals/batch/read`, the same shapes,
 *   paging and limits as contract §2–§4 ("In HubSpot, deals represent transactions with contacts
 *   or companies… tracked through your sales process in pipeline stages until they're won or
 *   lost", https://developers.hubspot.com/docs/api/crm/deals).
 * - Properties: `dealname`, `amount` (a number, sent as a string like every value, §6),
 *   `dealstage` and `pipeline` (internal ids: "you must use the internal ID of a deal stage or
 *   pipeline", same page), `closedate` and `createdate` (datetimes), `hs_lastmodifieddate`.
 *   `hs_is_closed` ("Is Deal Closed?") and `hs_is_closed_won` ("Is Closed Won") are HubSpot's bool
 *   properties of a deal: the live portal dump S11 of the contract,
 *   https://github.com/hairsolutionsco/automations_hub/blob/fc5bfcd91c3b86148f8204c28d9349a0cf810f7d/hubspot/objects/deals/properties.md
 *   ("### bool": "Is Closed Won", "Is Deal Closed?"). Their internal names are UNVERIFIED there:
 *   they are read as a fallback only, after the pipeline's stage.
 * - Stage labels and which stages are closed come from `GET /crm/v3/pipelines/deals`:
 *   `{results: [{id, label, displayOrder, stages: [{id, label, displayOrder, metadata, archived…}]}]}`.
 *   "For `deals` pipelines, the `probability` field is required… between 0.0 and 1.0"; metadata
 *   values are strings (`{ [key: string]: string }`): HubSpot/hubspot-api-nodejs
 *   `codegen/crm/pipelines/models/PipelineStage.ts`. A recorded default pipeline (public code
 *   index id 22275096171) gives `closedwon` "Closed Won" `{"probability":"1.0","isClosed":"true"}`
 *   and `closedlost` "Closed Lost" `{"probability":"0.0","isClosed":"true"}`, the open stages
 *   `{"isClosed":"false"}`. So: closed with probability 1.0 is won, closed otherwise lost.
 * - Associations: `?associations=deals` on the companies list (§2: "If any of the specified
 *   associations do not exist, they will be ignored"); search results carry none, so an
 *   incremental run asks `POST /crm/v4/associations/companies/deals/batch/read` (§5's batch, the
 *   other object pair). Deal→company types are primary 5 and unlabeled 341 (index ids
 *   62460492922, 51771413129); the company→deal ids are UNVERIFIED, so no company→deal type is
 *   relied on. A deal associated with several companies counts at one account only, so that
 *   pipeline and win rates are not counted twice: its primary company's (deal→company type 5,
 *   asked of `POST /crm/v4/associations/deals/companies/batch/read`), else, when none is
 *   labelled primary, the first of its companies by id.
 * - Scope `crm.objects.deals.read` (the deals guide's scope requirements; the pipelines guide,
 *   https://developers.hubspot.com/docs/api-reference/latest/crm/pipelines/guide.md, lists it among
 *   others). Without it, 403 MISSING_SCOPES (§7): the sync goes on without deals, and the source's
 *   status says which scope gives them, as for owners (owners.ts).
 */
import { z } from 'zod';
import type { Opportunity, OpportunityStatus } from '../../db/accounts';
import { SourceError } from '../errors';
import { parseBoolean } from '../normalise/boolean';
import { parseDate } from '../normalise/date';
import { parseNumber } from '../normalise/number';
import { statusFromStage } from '../opportunities';
import type { HubSpotClient } from './client';
import { prop } from './companies';
import { type CrmObject, crmObjectSchema, v4BatchResponseSchema } from './wire';

/** The scope deals need. */
export const DEALS_SCOPE = 'crm.objects.deals.read';

/** The deal properties read. */
export const DEAL_PROPERTIES: readonly string[] = [
  'dealname',
  'amount',
  'dealstage',
  'pipeline',
  'closedate',
  'createdate',
  'hs_is_closed',
  'hs_is_closed_won',
  'hs_lastmodifieddate',
];

/** Batch read inputs a request (§4). */
const BATCH_SIZE = 100;

/** Words for the source's status when deals could not be read. */
export const MISSING_DEALS_SCOPE = `Deals are not read: the private app needs the scope ${DEALS_SCOPE} for each account's opportunities (amounts, stages, won and lost).`;

/** A stage as the sync keeps it: its label and what it means for a deal in it. */
const stageSchema = z.object({ label: z.string(), status: z.enum(['open', 'won', 'lost']) });

/**
 * The deal stages a run read, by stage id; or, when deals could not be read, why not. Kept in the
 * run's plan (as the owners are), so that a resumed run labels stages the same way.
 */
export const dealDirectorySchema = z.union([
  z.object({ stages: z.record(z.string(), stageSchema) }),
  z.object({ unread: z.string() }),
]);
export type DealDirectory = z.infer<typeof dealDirectorySchema>;
/** Stage id → its label and status. */
export type DealStages = Record<string, { label: string; status: OpportunityStatus }>;

const flag = z.union([z.string(), z.number(), z.boolean()]).transform(String).optional();
const pipelinesSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      stages: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          metadata: z.object({ isClosed: flag, probability: flag }).partial().optional(),
        }),
      ),
    }),
  ),
});

/** A stage's status from its metadata: closed at probability 1.0 is won, closed otherwise lost. */
export function stageStatus(metadata: { isClosed?: string; probability?: string } | undefined): OpportunityStatus {
  if (parseBoolean(metadata?.isClosed ?? '') !== true) return 'open';
  return Number(metadata?.probability) === 1 ? 'won' : 'lost';
}

/**
 * The deal stages of every pipeline, or `unread` when the token may not read deals. A token that
 * reads pipelines but not deals themselves is asked once with a one-deal list, so that a run
 * never fails halfway on a deals page.
 */
export async function readDealStages(client: HubSpotClient, signal: AbortSignal): Promise<DealDirectory> {
  try {
    const page = pipelinesSchema.parse(await client.get('/crm/v3/pipelines/deals', {}, signal));
    await client.get('/crm/v3/objects/deals', { limit: '1', properties: ['dealname'], archived: 'false' }, signal);
    const stages = new Map<string, DealStages[string]>();
    for (const pipeline of page.results)
      for (const s of pipeline.stages) stages.set(s.id, { label: s.label, status: stageStatus(s.metadata) });
    // Own properties whatever the ids are (`Object.fromEntries` defines even `__proto__`).
    return { stages: Object.fromEntries(stages) };
  } catch (error) {
    if (error instanceof SourceError && error.status === 403) return { unread: MISSING_DEALS_SCOPE };
    throw error;
  }
}

/** The stages of a run that reads deals, or undefined when it does not (no scope, or a plan from before deals). */
export function dealStagesOf(deals: DealDirectory | undefined): DealStages | undefined {
  return deals && 'stages' in deals ? deals.stages : undefined;
}

/**
 * A HubSpot deal as an opportunity `hubspot-deal:<id>`: the stage's label from its pipeline and its
 * status from the stage's metadata; a stage the pipelines did not name falls back to the deal's
 * own `hs_is_closed_won`/`hs_is_closed`, then to the stage id's words (`closedwon`, `closedlost`).
 */
export function dealToOpportunity(o: CrmObject, stages: DealStages): Opportunity {
  const value = (name: string) => prop(o, name);
  const stageId = value('dealstage');
  const known = stageId !== undefined && Object.hasOwn(stages, stageId) ? stages[stageId] : undefined;
  const won = parseBoolean(value('hs_is_closed_won') ?? '');
  const closed = parseBoolean(value('hs_is_closed') ?? '');
  const status: OpportunityStatus =
    known?.status ?? (won ? 'won' : closed ? 'lost' : closed === false ? 'open' : statusFromStage(stageId));
  const amount = value('amount');
  const parsedAmount = amount ? parseNumber(amount) : undefined;
  const created = value('createdate');
  const close = value('closedate');
  const createdAt = created ? parseDate(created) : undefined;
  const closedAt = close ? parseDate(close) : undefined;
  const opportunity: Opportunity = {
    id: `hubspot-deal:${o.id}`,
    name: value('dealname') ?? `HubSpot deal ${o.id}`,
    status,
  };
  if (parsedAmount !== undefined && parsedAmount >= 0 && parsedAmount <= 1e13) opportunity.amount = parsedAmount;
  const stage = known?.label ?? stageId;
  if (stage) opportunity.stage = stage.slice(0, 200);
  if (createdAt !== undefined && createdAt >= 0) opportunity.createdAt = createdAt;
  if (closedAt !== undefined && closedAt >= 0) opportunity.closedAt = closedAt;
  return opportunity;
}

/** The deal ids of each company of a list page, from its `associations.deals` (ids repeat once per label, §2). */
export function dealIdsFromList(objects: readonly CrmObject[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of objects) {
    const ids = [...new Set((o.associations?.deals?.results ?? []).map((r) => r.id))];
    if (ids.length) out.set(o.id, ids);
  }
  return out;
}

/** Whether a list page's company has more deals than its `associations.deals` carried (a paged association). */
export function truncatedDeals(o: CrmObject): boolean {
  return o.associations?.deals?.paging?.next !== undefined;
}

/** The deal ids of each of `companyIds` from the v4 batch (§5); companies without deals come back as 207 errors. */
export async function fetchDealIds(
  client: HubSpotClient,
  companyIds: readonly string[],
  signal: AbortSignal,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < companyIds.length; i += BATCH_SIZE) {
    const inputs = companyIds.slice(i, i + BATCH_SIZE).map((id) => ({ id }));
    const raw = await client.post('/crm/v4/associations/companies/deals/batch/read', { inputs }, signal);
    for (const r of v4BatchResponseSchema.parse(raw).results)
      out.set(r.from.id, [...new Set([...(out.get(r.from.id) ?? []), ...r.to.map((t) => t.toObjectId)])]);
  }
  return out;
}

/** A deal's company, and whether the association is labelled primary (deal→company type 5). */
export interface DealCompany {
  id: string;
  primary: boolean;
}

/** The deal→company association type labelled "Primary" (see the file's notes). */
const PRIMARY_DEAL_COMPANY = 5;

/**
 * The companies of each of `dealIds` from the v4 batch (§5), with which one is primary; a deal
 * without companies comes back as a 207 error and is absent.
 */
export async function fetchDealCompanies(
  client: HubSpotClient,
  dealIds: readonly string[],
  signal: AbortSignal,
): Promise<Map<string, DealCompany[]>> {
  const out = new Map<string, DealCompany[]>();
  for (let i = 0; i < dealIds.length; i += BATCH_SIZE) {
    const inputs = dealIds.slice(i, i + BATCH_SIZE).map((id) => ({ id }));
    const raw = await client.post('/crm/v4/associations/deals/companies/batch/read', { inputs }, signal);
    for (const r of v4BatchResponseSchema.parse(raw).results) {
      const companies = out.get(r.from.id) ?? [];
      for (const t of r.to) {
        const primary = (t.associationTypes ?? []).some((a) => a.typeId === PRIMARY_DEAL_COMPANY);
        const known = companies.find((c) => c.id === t.toObjectId);
        if (known) known.primary ||= primary;
        else companies.push({ id: t.toObjectId, primary });
      }
      out.set(r.from.id, companies);
    }
  }
  return out;
}

/** HubSpot's record ids in numeric order (they are integers too long for a float's exactness). */
const byNumericId = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The one company a deal counts at: its primary company, else the first of its companies by id;
 * undefined when it has none.
 */
export function dealHome(companies: readonly DealCompany[] | undefined): string | undefined {
  if (!companies?.length) return undefined;
  const primary = companies.filter((c) => c.primary);
  return (primary.length ? primary : companies).map((c) => c.id).sort(byNumericId)[0];
}

const batchReadSchema = z.object({ results: z.array(crmObjectSchema) });

/**
 * Objects of `type` by id through batch read (§4), 100 a request; ids that no longer exist (archived,
 * deleted) come back as 207 errors and are simply absent.
 */
export async function batchReadObjects(
  client: HubSpotClient,
  type: 'deals' | 'companies',
  ids: readonly string[],
  properties: readonly string[],
  signal: AbortSignal,
): Promise<CrmObject[]> {
  const out: CrmObject[] = [];
  for (let i = 0; i < ids.length; i += BATCH_SIZE) {
    const inputs = ids.slice(i, i + BATCH_SIZE).map((id) => ({ id }));
    const raw = await client.post(
      `/crm/v3/objects/${type}/batch/read?archived=false`,
      { inputs, properties, propertiesWithHistory: [] },
      signal,
    );
    out.push(...batchReadSchema.parse(raw).results);
  }
  return out;
}

/**
 * The opportunities of each company of a page, given its deal ids: one batch read for all of
 * them (100 deals a request), and their companies (dealHome), so that a deal of several companies
 * counts only at its home. Every company of `companyIds` gets a list, empty when it has no deals:
 * HubSpot was asked, and it has none. A deal HubSpot names no company of any more (it left the
 * company between the two reads) counts at none: the later read is the truer one. `known`: deals'
 * companies the caller read already (a changed deal's, which brought its companies here).
 */
export async function opportunitiesOf(
  client: HubSpotClient,
  companyIds: readonly string[],
  dealIds: ReadonlyMap<string, readonly string[]>,
  stages: DealStages,
  signal: AbortSignal,
  known: ReadonlyMap<string, DealCompany[]> = new Map(),
): Promise<Map<string, Opportunity[]>> {
  const all = [...new Set(companyIds.flatMap((id) => dealIds.get(id) ?? []))];
  const deals = new Map<string, Opportunity>();
  for (const d of await batchReadObjects(client, 'deals', all, DEAL_PROPERTIES, signal))
    deals.set(d.id, dealToOpportunity(d, stages));
  // The companies of the deals the caller has not read them for already.
  const unknown = [...deals.keys()].filter((id) => !known.has(id));
  const companies = new Map([...known, ...(unknown.length ? await fetchDealCompanies(client, unknown, signal) : [])]);
  const out = new Map<string, Opportunity[]>();
  for (const id of companyIds) {
    const found: Opportunity[] = [];
    for (const dealId of dealIds.get(id) ?? []) {
      const deal = deals.get(dealId);
      const home = dealHome(companies.get(dealId));
      if (deal && home === id) found.push(deal);
    }
    out.set(id, found);
  }
  return out;
}
