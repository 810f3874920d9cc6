import type { Opportunity } from '../../db/accounts';
import type { SyncRecord } from '../records';
import { companyTouchpoints } from './activity';
import type { HubSpotClient } from './client';
import { companyToAccount } from './companies';
import { contactTouchpoints } from './contact-activity';
import { type CompanyLink, contactToRecord, linksFromList, primaryCompany } from './contacts';
import type { Phase } from './cursor';
import {
  batchReadObjects,
  type DealCompany,
  type DealStages,
  dealIdsFromList,
  fetchDealCompanies,
  fetchDealIds,
  opportunitiesOf,
  truncatedDeals,
} from './deals';
import type { OwnerDirectory } from './owners';
import { type CrmObject, v4BatchResponseSchema } from './wire';

/** What the adapter counts beyond the records (the engine counts those). */
export interface HubSpotReadStats {
  /** Contacts without any company: an account-based model has nowhere to put them. */
  contactsWithoutCompany: number;
}

export interface RecordContext {
  client: HubSpotClient;
  now: number;
  linkedinProperty: string;
  /** The company property holding Tierlens's tags, when the team writes tags back. */
  tagsProperty?: string;
  /** The owners the run read, to name each company's owner; without them owners stay ids. */
  owners?: OwnerDirectory;
  /** The deal stages when the run reads deals (deals.ts); undefined: accounts come without deals. */
  dealStages?: DealStages;
  /** The company properties the run reads, for the companies of changed deals. */
  companyProperties: readonly string[];
  stats: HubSpotReadStats;
  /**
   * An incremental page's sink for contacts found without a company: they had one before (or
   * never did), and the visible data must drop them. A full run has none: it leaves them out.
   */
  detached?: string[];
  signal: AbortSignal;
  /** Whether an incremental run lists what HubSpot deleted after its searches (see ARCHIVED_SWEEP_EVERY_MS). */
  listsDeleted?: boolean;
}

/**
 * The records of one page of companies: each account (its owner named from `owners`, its deals
 * from `opportunities` when the run reads them) and its activity touchpoints.
 */
export function companyRecords(
  objects: readonly CrmObject[],
  now: number,
  tagsProperty?: string,
  owners?: OwnerDirectory,
  opportunities?: ReadonlyMap<string, readonly Opportunity[]>,
): SyncRecord[] {
  return objects.flatMap((o): SyncRecord[] => [
    { kind: 'account', record: companyToAccount(o, now, tagsProperty, owners, opportunities?.get(o.id)) },
    ...companyTouchpoints(o.id, o.properties).map((record): SyncRecord => ({ kind: 'touchpoint', record })),
  ]);
}

/**
 * The records of one page of contacts, given each contact's company links: each contact and its
 * own activity touchpoints at its company (contact-activity.ts); contacts without a company,
 * and so their touchpoints, are counted and skipped.
 */
export function contactRecords(
  objects: readonly CrmObject[],
  links: (o: CrmObject) => readonly CompanyLink[],
  ctx: RecordContext,
): SyncRecord[] {
  const out: SyncRecord[] = [];
  for (const o of objects) {
    const companyId = primaryCompany(o, links(o));
    if (!companyId) {
      ctx.stats.contactsWithoutCompany++;
      ctx.detached?.push(`hubspot:${o.id}`);
      continue;
    }
    out.push({ kind: 'contact', record: contactToRecord(o, companyId, ctx.linkedinProperty, ctx.now) });
    for (const record of contactTouchpoints(o.id, companyId, o.properties)) out.push({ kind: 'touchpoint', record });
  }
  return out;
}

/**
 * The company links of a page of contacts from the v4 batch endpoint (§5): search results carry
 * no associations. Primary is association type 1; ids with none come back as 207 errors, which
 * simply leave them without links.
 */
export async function fetchCompanyLinks(
  ids: readonly string[],
  ctx: RecordContext,
): Promise<Map<string, CompanyLink[]>> {
  const links = new Map<string, CompanyLink[]>();
  if (!ids.length) return links;
  const raw = await ctx.client.post(
    '/crm/v4/associations/contacts/companies/batch/read',
    { inputs: ids.map((id) => ({ id })) },
    ctx.signal,
  );
  for (const result of v4BatchResponseSchema.parse(raw).results) {
    links.set(
      result.from.id,
      result.to.map((t) => ({ id: t.toObjectId, primary: (t.associationTypes ?? []).some((a) => a.typeId === 1) })),
    );
  }
  return links;
}

/**
 * The records of a page of companies, each account complete with its deals when the run reads
 * them: a list page names each company's deal ids (`associations=deals`, asked again through v4
 * for a company whose association list was paged), a search page asks v4 for them (§5); then one
 * batch read fetches the deals (deals.ts). So every page's accounts are whole, in a full run and
 * in an incremental one alike.
 */
async function companyPageRecords(
  objects: readonly CrmObject[],
  fromList: boolean,
  ctx: RecordContext,
  knownDealCompanies?: ReadonlyMap<string, DealCompany[]>,
): Promise<SyncRecord[]> {
  const stages = ctx.dealStages;
  if (!stages || !objects.length) return companyRecords(objects, ctx.now, ctx.tagsProperty, ctx.owners);
  const ids = objects.map((o) => o.id);
  let dealIds: Map<string, string[]>;
  if (fromList) {
    dealIds = dealIdsFromList(objects);
    const paged = objects.filter(truncatedDeals).map((o) => o.id);
    if (paged.length)
      for (const [id, deals] of await fetchDealIds(ctx.client, paged, ctx.signal)) dealIds.set(id, deals);
  } else dealIds = await fetchDealIds(ctx.client, ids, ctx.signal);
  const opportunities = await opportunitiesOf(ctx.client, ids, dealIds, stages, ctx.signal, knownDealCompanies);
  return companyRecords(objects, ctx.now, ctx.tagsProperty, ctx.owners, opportunities);
}

/**
 * The records of a page of changed deals (an incremental run's last phase): the accounts of their
 * companies, read again whole with all their deals, since an account row holds its deals and a
 * deal can change while its company does not.
 */
async function changedDealRecords(deals: readonly CrmObject[], ctx: RecordContext): Promise<SyncRecord[]> {
  if (!ctx.dealStages || !deals.length) return [];
  const dealCompanies = await fetchDealCompanies(
    ctx.client,
    deals.map((d) => d.id),
    ctx.signal,
  );
  // Every company of a changed deal, not only its home: one that held it before gives it up.
  const companyIds = [...new Set([...dealCompanies.values()].flat().map((c) => c.id))];
  const companies = await batchReadObjects(ctx.client, 'companies', companyIds, ctx.companyProperties, ctx.signal);
  return companyPageRecords(companies, false, ctx, dealCompanies);
}

/** The records of a page of `phase` objects, fetching the contacts' companies when the page lacks them. */
export async function pageRecords(
  phase: Phase,
  objects: readonly CrmObject[],
  withAssociations: boolean,
  ctx: RecordContext,
): Promise<SyncRecord[]> {
  if (phase === 'companies') return companyPageRecords(objects, withAssociations, ctx);
  if (phase === 'deals') return changedDealRecords(objects, ctx);
  if (withAssociations) return contactRecords(objects, linksFromList, ctx);
  const fetched = await fetchCompanyLinks(
    objects.map((o) => o.id),
    ctx,
  );
  return contactRecords(objects, (o) => fetched.get(o.id) ?? [], ctx);
}
