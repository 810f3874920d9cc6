import type { SyncState } from '../../db/sync-state';
import { SourceError } from '../errors';
import { parseDate } from '../normalise/date';
import type { RecordCounts, RunResult, SourceAdapter, SourcePage, SyncPlan } from '../types';
import { HubSpotClient, type HubSpotClientOptions } from './client';
import { decodeCursor, encodeCursor, type HubSpotCursor, nextPhase, type Phase } from './cursor';
import { DEAL_PROPERTIES, dealStagesOf, MISSING_DEALS_SCOPE, readDealStages } from './deals';
import { advanceWindow, firstWindow, SEARCH_RESULT_CAP, searchRequest } from './incremental';
import { MISSING_OWNERS_SCOPE, readOwners } from './owners';
import { COMPANY_PROPERTIES, contactProperties, DEFAULT_CONTACT_LINKEDIN_PROPERTY, PAGE_SIZE } from './properties';
import { type HubSpotReadStats, pageRecords, type RecordContext } from './records';
import {
  ARCHIVED_SWEEP_EVERY_MS,
  archivedSinceOf,
  nextCheckpoint,
  type PlanData,
  planDataSchema,
  readCheckpoint,
} from './watermark';
import { type CrmObject, listResponseSchema, searchResponseSchema } from './wire';

/**
 * How often an incremental source reads everything again. Deletions reach users at the next
 * incremental run that lists them, within ARCHIVED_SWEEP_EVERY_MS (readArchived); the full run catches what HubSpot changes without moving a
 * record's last-modified date (an association alone, UNVERIFIED either way), within a week.
 */
export const FULL_SYNC_EVERY_MS = 7 * 86_400_000;

export interface HubSpotSourceOptions extends Omit<HubSpotClientOptions, 'now'> {
  /** The clock: the run's start (the watermark) and `updatedAt` of records without a date. */
  now?: () => number;
  /** The contact property with the LinkedIn profile URL (the contract names none: UNVERIFIED default). */
  contactLinkedInProperty?: string;
  /**
   * The company property Tierlens writes tags to (settings.writeBack.tagsProperty), read back so
   * that pushed tags come back with the sync. A portal without it is fine: unknown names are ignored (§2).
   */
  companyTagsProperty?: string;
  /**
   * Whether an incremental run lists what HubSpot deleted however recently that was last done
   * (a user's "Sync now"); else every ARCHIVED_SWEEP_EVERY_MS.
   */
  listDeletions?: boolean;
  /** The search API's result ceiling (§3); smaller only against a test server configured so. */
  searchCap?: number;
}

/** Whether an archived object was deleted at or after `since` (or says no date: kept, to be safe). */
function deletedSince(o: CrmObject, since: number): boolean {
  const at = o.archivedAt ? parseDate(o.archivedAt) : undefined;
  return at === undefined || at >= since;
}

/** Deleted objects of a phase as the removals of a page: accounts, contacts (as detached), deals. */
function removals(phase: Phase, ids: readonly string[]): Partial<SourcePage> {
  if (!ids.length) return {};
  if (phase === 'companies') return { removedAccounts: ids.map((id) => `hubspot:${id}`) };
  if (phase === 'contacts') return { detachedContacts: ids.map((id) => `hubspot:${id}`) };
  return { removedDeals: ids.map((id) => `hubspot-deal:${id}`) };
}

/** The HubSpot adapter, with what it counted in this worker's lifetime. */
export interface HubSpotSource extends SourceAdapter {
  readonly stats: HubSpotReadStats;
}

/**
 * The HubSpot CRM as a sync source (DESIGN.md "Sources and sync"): companies, each page with
 * its deals (deals.ts), then contacts with their primary company; an incremental run then reads
 * the changed deals as their companies' accounts. Activity comes as touchpoints on the
 * contact pages, from each contact's own dates (contact-activity.ts), and on the company pages
 * for a company without contacts (activity.ts). A full run pages the list API; an incremental
 * run pages the search API by last-modified date after the previous run's watermark. One page (100
 * objects, the list maximum) per `readPage`, complete with its associations. Every run first
 * reads the owners (owners.ts) and the deal stages into its plan, so that every company page, in
 * a full or an incremental run, resumed or not, names its owner and labels its deals the same way.
 */
export function createHubSpotSource(options: HubSpotSourceOptions): HubSpotSource {
  const now = options.now ?? Date.now;
  const client = new HubSpotClient({ ...options, now });
  const linkedinProperty = options.contactLinkedInProperty ?? DEFAULT_CONTACT_LINKEDIN_PROPERTY;
  const stats: HubSpotReadStats = { contactsWithoutCompany: 0 };
  const companyProperties = [
    ...COMPANY_PROPERTIES,
    ...(options.companyTagsProperty ? [options.companyTagsProperty] : []),
  ];
  const propertiesOf = (phase: Phase) =>
    phase === 'companies'
      ? companyProperties
      : phase === 'deals'
        ? [...DEAL_PROPERTIES]
        : contactProperties(linkedinProperty);

  async function readList(phase: Phase, after: string | undefined, ctx: RecordContext): Promise<SourcePage> {
    const raw = await client.get(
      `/crm/v3/objects/${phase}`,
      {
        limit: String(PAGE_SIZE),
        after,
        properties: propertiesOf(phase),
        associations: phase === 'contacts' ? ['companies'] : ctx.dealStages ? ['deals'] : undefined,
        archived: 'false',
      },
      ctx.signal,
    );
    const page = listResponseSchema.parse(raw);
    const records = await pageRecords(phase, page.results, true, ctx);
    const nextAfter = page.paging?.next?.after;
    return { records, next: continueWith({ v: 1, mode: 'list', phase, after: nextAfter }, nextAfter !== undefined) };
  }

  async function readSearch(cursor: Extract<HubSpotCursor, { mode: 'search' }>, since: number, ctx: RecordContext) {
    const body = searchRequest(cursor, propertiesOf(cursor.phase), options.searchCap ?? SEARCH_RESULT_CAP);
    const raw = await client.post(`/crm/v3/objects/${cursor.phase}/search`, body, ctx.signal);
    const page = searchResponseSchema.parse(raw);
    const { fresh, next } = advanceWindow(cursor, page.results);
    const more = page.paging?.next?.after !== undefined;
    if (more && !fresh.length)
      throw new SourceError('HubSpot search results did not move forward; a full sync will read everything.', {
        retryable: false,
      });
    const detached: string[] = [];
    const records = await pageRecords(cursor.phase, fresh, false, { ...ctx, detached });
    // Changed deals are read only by a run that reads deals.
    const after = nextPhase(cursor.phase);
    const following = after === 'deals' && !ctx.dealStages ? undefined : after;
    const changes = detached.length ? { records, detachedContacts: detached } : { records };
    if (more) return { ...changes, next: encodeCursor(next) };
    const then = following
      ? firstWindow(following, since)
      : ctx.listsDeleted
        ? ({ v: 1, mode: 'archived', phase: 'companies' } as const)
        : undefined;
    return { ...changes, next: then && encodeCursor(then) };
  }

  /**
   * One page of the records of a phase that HubSpot deleted (archived), as removals: those
   * deleted since the watermark, or without a date (taking out what is already gone is harmless).
   * The list is by id, not by date, so every page is read; only the ids are asked for.
   */
  async function readArchived(
    cursor: Extract<HubSpotCursor, { mode: 'archived' }>,
    since: number,
    ctx: RecordContext,
  ): Promise<SourcePage> {
    const raw = await client.get(
      `/crm/v3/objects/${cursor.phase}`,
      { limit: String(PAGE_SIZE), after: cursor.after, properties: ['hs_object_id'], archived: 'true' },
      ctx.signal,
    );
    const page = listResponseSchema.parse(raw);
    const ids = page.results.filter((o) => deletedSince(o, since)).map((o) => o.id);
    const after = page.paging?.next?.after;
    const following = nextPhase(cursor.phase);
    const then =
      after !== undefined
        ? { ...cursor, after }
        : following && (following !== 'deals' || ctx.dealStages)
          ? ({ v: 1, mode: 'archived', phase: following } as const)
          : undefined;
    return { records: [], ...removals(cursor.phase, ids), next: then && encodeCursor(then) };
  }

  /**
   * The cursor after a list page: the same phase's next page, else the next phase's first. A full
   * run has no deals phase: each companies page brought its deals.
   */
  function continueWith(cursor: Extract<HubSpotCursor, { mode: 'list' }>, more: boolean): string | undefined {
    if (more) return encodeCursor(cursor);
    const following = nextPhase(cursor.phase);
    return following && following !== 'deals' ? encodeCursor({ v: 1, mode: 'list', phase: following }) : undefined;
  }

  return {
    source: 'hubspot',
    stats,

    async plan(state: SyncState | undefined, signal: AbortSignal): Promise<SyncPlan> {
      const startedAt = now();
      const since = state && state.generation > 0 ? readCheckpoint(state.checkpoint) : undefined;
      // A full run now and then: what changed without a new last-modified date reaches users too.
      const stale = state?.generatedAt !== undefined && startedAt - state.generatedAt > FULL_SYNC_EVERY_MS;
      const owners = await readOwners(client, signal);
      const deals = await readDealStages(client, signal);
      // The last run could not name owners, or read deals, and this one can (the scope was
      // added): every account changes, so this run reads them all rather than only what changed.
      const newlyNamed = !!state?.notice?.includes(MISSING_OWNERS_SCOPE) && 'byId' in owners;
      const newlyDeals = !!state?.notice?.includes(MISSING_DEALS_SCOPE) && 'stages' in deals;
      if (since === undefined || stale || newlyNamed || newlyDeals)
        return { mode: 'full', data: { startedAt, owners, deals } satisfies PlanData };
      // Deletions are listed when the last listing is old enough, looking back to it.
      const archivedSince = archivedSinceOf(state?.checkpoint) ?? since;
      const sweep = options.listDeletions === true || startedAt - archivedSince >= ARCHIVED_SWEEP_EVERY_MS;
      const archived = sweep ? (archivedSince < since ? { archivedSince } : {}) : { archivedLater: archivedSince };
      return { mode: 'incremental', data: { since, startedAt, owners, deals, ...archived } satisfies PlanData };
    },

    async readPage(plan: SyncPlan, cursor: string | undefined, signal: AbortSignal): Promise<SourcePage> {
      const data = planDataSchema.parse(plan.data);
      const ctx: RecordContext = {
        client,
        now: now(),
        linkedinProperty,
        tagsProperty: options.companyTagsProperty,
        owners: data.owners,
        dealStages: dealStagesOf(data.deals),
        companyProperties,
        stats,
        signal,
        listsDeleted: data.archivedLater === undefined,
      };
      const at: HubSpotCursor = cursor
        ? decodeCursor(cursor)
        : data.since === undefined
          ? { v: 1, mode: 'list', phase: 'companies' }
          : firstWindow('companies', data.since);
      if (at.mode === 'list') return readList(at.phase, at.after, ctx);
      if (at.mode === 'archived') return readArchived(at, data.archivedSince ?? data.since ?? 0, ctx);
      return readSearch(at, data.since ?? at.from, ctx);
    },

    async finish(plan: SyncPlan, _counts: RecordCounts): Promise<RunResult> {
      const data = planDataSchema.parse(plan.data);
      const notice = [
        data.owners && 'unread' in data.owners ? data.owners.unread : undefined,
        data.deals && 'unread' in data.deals ? data.deals.unread : undefined,
      ]
        .filter(Boolean)
        .join(' ');
      return { checkpoint: nextCheckpoint(data), ...(notice ? { notice } : {}) };
    },
  };
}
