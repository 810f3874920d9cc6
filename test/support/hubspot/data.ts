/**
 * The test server's in-memory portal: CRM objects per type, their associations, the property
 * definitions (§6), the owners (owners.ts) and a log of what the API wrote. Tests seed and
 * change it directly (another HubSpot user's edits are `modify` calls).
 */
import type { StoredOwner } from './owners';
import { defaultPipelines, findStage, type StoredPipeline } from './pipelines';
import { defaultDefinitions, type PropertyDefinition } from './properties';

/** A CRM object as the server stores it. Property values are strings, as on the wire (§6). */
export interface StoredObject {
  id: string;
  properties: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

/** An association between two objects; `primary` gives the contact→company "Primary" label (§5). */
export interface StoredAssociation {
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
  primary: boolean;
}

/**
 * One object write, in the order they happened: one the API applied (the endpoint, the
 * properties sent, the input's trace id, §4), or another HubSpot user's edit in HubSpot's own
 * screens (`ui`, made by a test through `userEdit`).
 */
export interface AppliedWrite {
  endpoint: 'batch/update' | 'batch/upsert' | 'patch' | 'ui';
  type: string;
  id: string;
  properties: Record<string, string>;
  /** The input's `objectWriteTraceId`, when it had one. */
  traceId?: string;
  /** An upsert that created the object. */
  created?: boolean;
  at: number;
}

export const OBJECT_TYPES = [
  'companies',
  'contacts',
  'deals',
  'calls',
  'emails',
  'meetings',
  'notes',
  'tasks',
] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

/** The last-modified property of each type: contacts use `lastmodifieddate` (§3), and also carry `hs_lastmodifieddate`. */
export function modifiedProperty(type: string): string {
  return type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';
}

export const SINGULAR: Record<string, string> = {
  companies: 'company',
  contacts: 'contact',
  deals: 'deal',
  calls: 'call',
  emails: 'email',
  meetings: 'meeting',
  notes: 'note',
  tasks: 'task',
};

/** The in-memory CRM: objects per type and associations, with helpers to seed and modify them. */
/** How seeded contacts or deals are made: their companies in turn, property overrides and times, per index. */
interface SeedOptions {
  companyIds?: readonly string[];
  props?: (i: number) => Record<string, string>;
  at?: (i: number) => number;
}

export class HubSpotData {
  readonly objects = new Map<string, Map<string, StoredObject>>(OBJECT_TYPES.map((t) => [t, new Map()]));
  readonly associations: StoredAssociation[] = [];
  /** The property definitions of each type (§6): what exists, and what an enumeration accepts. */
  readonly definitions: Record<string, PropertyDefinition[]> = defaultDefinitions();
  /** Every object write the API applied, in order: tests count them per op. */
  readonly writes: AppliedWrite[] = [];
  /** The portal's owners: from the start, the four that generated companies' `hubspot_owner_id` name. */
  readonly owners: StoredOwner[];
  /** The portal's deal pipelines (pipelines.ts): HubSpot's default one from the start. */
  readonly pipelines: StoredPipeline[] = defaultPipelines();
  private nextId = 1_000_000;
  private nextOwnerId = 50_000_000;
  private lastStamp = 0;

  constructor(private readonly clock: () => number) {
    const at = clock();
    this.owners = GENERATED_OWNERS.map((o, i) => ({ ...generatedOwner(i, o.id, at), ...o }));
  }

  /** Adds an owner (a new HubSpot user); the rest of its fields are generated. */
  addOwner(owner: Partial<StoredOwner> = {}): StoredOwner {
    const id = owner.id ?? String(this.nextOwnerId++);
    const added = { ...generatedOwner(this.owners.length, id, this.clock()), ...owner, id };
    this.owners.push(added);
    return added;
  }

  /** Adds `n` generated owners (a large portal), each "Owner<k> Test", owner<k>@example.com. */
  seedOwners(n: number): StoredOwner[] {
    return Array.from({ length: n }, () => this.addOwner());
  }

  /** A modification time: the clock, made strictly increasing so that ordinary edits do not tie. */
  private stamp(): number {
    this.lastStamp = Math.max(this.clock(), this.lastStamp + 1);
    return this.lastStamp;
  }

  /** Creates an object with these properties; `at` sets its creation and modification time. */
  create(type: ObjectType, properties: Record<string, string> = {}, at = this.stamp()): StoredObject {
    const id = String(this.nextId++);
    const object: StoredObject = { id, properties: {}, createdAt: at, updatedAt: at, archived: false };
    object.properties = { ...properties, hs_object_id: id, createdate: new Date(at).toISOString() };
    setModified(type, object, at);
    this.table(type).set(id, object);
    return object;
  }

  /** Changes properties of an object and bumps its last-modified date (to `at`, or now). */
  modify(type: ObjectType, id: string, properties: Record<string, string> = {}, at = this.stamp()): StoredObject {
    const object = this.get(type, id);
    if (!object) throw new Error(`no ${type} ${id}`);
    Object.assign(object.properties, properties);
    setModified(type, object, at);
    return object;
  }

  /** Another HubSpot user changes an object in HubSpot's screens: `modify`, logged in `writes` as `ui`. */
  userEdit(type: ObjectType, id: string, properties: Record<string, string>): StoredObject {
    const object = this.modify(type, id, properties);
    this.writes.push({ endpoint: 'ui', type, id, properties: { ...properties }, at: object.updatedAt });
    return object;
  }

  /** Archives (soft-deletes) an object: it leaves lists and search, and appears with `archived=true`. */
  archive(type: ObjectType, id: string, at = this.stamp()): void {
    const object = this.get(type, id);
    if (!object) throw new Error(`no ${type} ${id}`);
    object.archived = true;
    setModified(type, object, at);
  }

  /** Associates two objects (both directions are served). */
  associate(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string, primary = true): void {
    this.associations.push({ fromType, fromId, toType, toId, primary });
  }

  /**
   * A contact changes company in HubSpot's screens: its company associations are replaced by a
   * primary one with `companyId` (none when undefined), and, as the primary company is the
   * contact property `associatedcompanyid` ("Primary Associated Company ID", §5), the contact's
   * last-modified date moves, so an incremental search finds it.
   */
  moveContact(contactId: string, companyId: string | undefined, at = this.stamp()): StoredObject {
    this.replaceCompany('contacts', contactId, companyId);
    return this.modify('contacts', contactId, { associatedcompanyid: companyId ?? '' }, at);
  }

  /**
   * A deal changes company in HubSpot's screens: its company associations are replaced by a
   * primary one with `companyId`, and its last-modified date moves. UNVERIFIED: that HubSpot
   * moves a deal's `hs_lastmodifieddate` when only its company changes; when it does not, an
   * incremental run sees the move only once the deal or its new company changes.
   */
  moveDeal(dealId: string, companyId: string, at = this.stamp()): StoredObject {
    this.replaceCompany('deals', dealId, companyId);
    return this.modify('deals', dealId, {}, at);
  }

  /** Replaces an object's company associations (either direction) by one primary with `companyId`. */
  private replaceCompany(type: 'contacts' | 'deals', id: string, companyId: string | undefined): void {
    const linked = (a: StoredAssociation) =>
      (a.fromType === type && a.fromId === id && a.toType === 'companies') ||
      (a.toType === type && a.toId === id && a.fromType === 'companies');
    for (let i = this.associations.length - 1; i >= 0; i--)
      if (linked(this.associations[i] as StoredAssociation)) this.associations.splice(i, 1);
    if (companyId) this.associate(type, id, 'companies', companyId, true);
  }

  /** Adds property definitions (an admin creating custom properties), replacing any of the same name. */
  defineProperties(byType: Record<string, PropertyDefinition[]>): void {
    for (const [type, defs] of Object.entries(byType)) {
      const names = new Set(defs.map((d) => d.name));
      this.definitions[type] = [...(this.definitions[type] ?? []).filter((d) => !names.has(d.name)), ...defs];
    }
  }

  /** Removes a property definition (a portal without it). */
  removeProperty(type: string, name: string): void {
    this.definitions[type] = (this.definitions[type] ?? []).filter((d) => d.name !== name);
  }

  definition(type: string, name: string): PropertyDefinition | undefined {
    return this.definitions[type]?.find((d) => d.name === name);
  }

  /** The live object whose unique property `name` holds `value` (§4 `idProperty`). */
  findBy(type: string, name: string, value: string): StoredObject | undefined {
    for (const o of this.table(type).values()) if (!o.archived && o.properties[name] === value) return o;
    return undefined;
  }

  /** Whether two objects are associated, in either direction. */
  hasAssociation(type: string, id: string, toType: string, toId: string): boolean {
    return this.associationsOf(type, id, toType).some((a) => a.id === toId);
  }

  get(type: string, id: string): StoredObject | undefined {
    return this.objects.get(type)?.get(id);
  }

  table(type: string): Map<string, StoredObject> {
    const table = this.objects.get(type);
    if (!table) throw new Error(`unknown object type ${type}`);
    return table;
  }

  /**
   * The value of a property HubSpot calculates, worked out when it is read, or undefined for a
   * stored one: a company's `num_associated_contacts` ("The number of contacts associated with
   * this company", §9) counts its live contacts, so it follows every association a test makes.
   */
  calculated(type: string, o: StoredObject, name: string): string | undefined {
    // A deal's "Is Deal Closed?" and "Is Closed Won" follow its stage's metadata (deals.ts).
    if (type === 'deals' && (name === 'hs_is_closed' || name === 'hs_is_closed_won')) {
      const stage = findStage(this.pipelines, o.properties.dealstage);
      if (!stage) return undefined;
      return String(name === 'hs_is_closed' ? stage.isClosed : stage.isClosed && Number(stage.probability) === 1);
    }
    if (type !== 'companies' || name !== 'num_associated_contacts') return undefined;
    const live = this.associationsOf(type, o.id, 'contacts').filter(
      (a) => this.get('contacts', a.id)?.archived === false,
    );
    return String(new Set(live.map((a) => a.id)).size);
  }

  /** Associations of one object towards a type, as `{id, primary}` (either direction). */
  associationsOf(type: string, id: string, toType: string): Array<{ id: string; primary: boolean }> {
    const out: Array<{ id: string; primary: boolean }> = [];
    for (const a of this.associations) {
      if (a.fromType === type && a.fromId === id && a.toType === toType) out.push({ id: a.toId, primary: a.primary });
      else if (a.toType === type && a.toId === id && a.fromType === toType)
        out.push({ id: a.fromId, primary: a.primary });
    }
    return out;
  }

  /**
   * Seeds `n` companies with the ABM fields filled in a predictable pattern (tiers, target flags,
   * LinkedIn pages, countries), overridable per index. `at(i)` sets their modification time.
   */
  seedCompanies(
    n: number,
    options: { props?: (i: number) => Record<string, string>; at?: (i: number) => number } = {},
  ): StoredObject[] {
    const base = this.clock() - n * 1000;
    return Array.from({ length: n }, (_, i) =>
      this.create('companies', { ...generatedCompany(i), ...options.props?.(i) }, options.at?.(i) ?? base + i * 1000),
    );
  }

  /**
   * Seeds `n` contacts, each associated with a company of `companyIds` in turn (primary), or with
   * none when `companyIds` is empty.
   */
  seedContacts(n: number, options: SeedOptions = {}): StoredObject[] {
    return this.seedAssociated('contacts', generatedContact, n, options);
  }

  /**
   * Seeds `n` deals, each associated with a company of `companyIds` in turn (primary), or with
   * none when `companyIds` is empty; properties from generatedDeal, overridable per index.
   */
  seedDeals(n: number, options: SeedOptions = {}): StoredObject[] {
    return this.seedAssociated('deals', generatedDeal, n, options);
  }

  /** `n` objects of `type` from `generated`, each associated with a company of `companyIds` in turn. */
  private seedAssociated(
    type: 'contacts' | 'deals',
    generated: (i: number, at: number) => Record<string, string>,
    n: number,
    options: SeedOptions,
  ): StoredObject[] {
    const base = this.clock() - n * 1000;
    const companies = options.companyIds ?? [];
    return Array.from({ length: n }, (_, i) => {
      const at = options.at?.(i) ?? base + i * 1000;
      const object = this.create(type, { ...generated(i, at), ...options.props?.(i) }, at);
      const companyId = companies[i % Math.max(1, companies.length)];
      if (companyId) this.associate(type, object.id, 'companies', companyId, true);
      return object;
    });
  }

  /** Seeds `n` engagement objects (meetings, calls…) associated with companies in turn. */
  seedEngagements(
    n: number,
    type: Extract<ObjectType, 'calls' | 'emails' | 'meetings' | 'notes' | 'tasks'>,
    options: { companyIds?: readonly string[]; at?: (i: number) => number } = {},
  ): StoredObject[] {
    const base = this.clock() - n * 1000;
    const companies = options.companyIds ?? [];
    return Array.from({ length: n }, (_, i) => {
      const at = options.at?.(i) ?? base + i * 1000;
      const object = this.create(type, { hs_timestamp: new Date(at).toISOString() }, at);
      const companyId = companies[i % Math.max(1, companies.length)];
      if (companyId) this.associate(type, object.id, 'companies', companyId, false);
      return object;
    });
  }
}

function setModified(type: string, object: StoredObject, at: number): void {
  object.updatedAt = at;
  const iso = new Date(at).toISOString();
  object.properties.hs_lastmodifieddate = iso;
  if (type === 'contacts') object.properties.lastmodifieddate = iso;
}

/** The owners of generated companies: `hubspot_owner_id` 100 to 103 (one with no name, one with neither name nor email). */
const GENERATED_OWNERS: ReadonlyArray<Partial<StoredOwner> & { id: string }> = [
  { id: '100', firstName: 'Alex', lastName: 'Morgan', email: 'alex.morgan@example.com' },
  { id: '101', firstName: 'María', lastName: 'García', email: 'maria.garcia@example.com' },
  { id: '102', firstName: undefined, lastName: undefined, email: 'priya.shah@example.com' },
  { id: '103', type: 'QUEUE', firstName: undefined, lastName: undefined, email: undefined },
];

/** Owner `i`'s fields, in the shape of the Owners API guide's example (owners.ts). */
function generatedOwner(i: number, id: string, at: number): StoredOwner {
  return {
    id,
    email: `owner${i}@example.com`,
    type: 'PERSON',
    firstName: `Owner${i}`,
    lastName: 'Test',
    userId: 9_586_504 + i,
    createdAt: at,
    updatedAt: at,
    archived: false,
    teams: [],
  };
}

const TIERS = ['tier_1', 'tier_2', 'tier_3', ''];
const COUNTRIES = ['United States', 'Germany', 'Sweden', 'United Kingdom', 'France'];
const ROLES = ['DECISION_MAKER', 'CHAMPION;BUDGET_HOLDER', 'INFLUENCER', '', 'END_USER;BLOCKER'];

/** The properties of generated company `i`: every ABM field the adapter reads, varied by index. */
export function generatedCompany(i: number): Record<string, string> {
  return {
    name: `Company ${i}`,
    domain: `company-${i}.example.com`,
    industry: i % 2 ? 'COMPUTER_SOFTWARE' : 'FINANCIAL_SERVICES',
    numberofemployees: String(10 + i * 7),
    annualrevenue: String(1_000_000 + i * 1000),
    country: COUNTRIES[i % COUNTRIES.length] ?? '',
    linkedin_company_page: `https://www.linkedin.com/company/company-${i}/`,
    hs_ideal_customer_profile: TIERS[i % TIERS.length] ?? '',
    hs_is_target_account: i % 3 === 0 ? 'true' : 'false',
    // One of the portal's owners (GENERATED_OWNERS).
    hubspot_owner_id: String(100 + (i % 4)),
    lifecyclestage: 'customer',
  };
}

const STAGES = ['appointmentscheduled', 'contractsent', 'closedwon', 'closedlost', 'qualifiedtobuy'];

/**
 * The properties of generated deal `i`, created at `at`: stages of the default pipeline in turn
 * (open, open, won, lost, open), amounts as HubSpot sends numbers (strings, one in seven empty),
 * a close date a month after creation.
 */
export function generatedDeal(i: number, at: number): Record<string, string> {
  return {
    dealname: `Deal ${i}`,
    amount: i % 7 === 6 ? '' : String(10_000 + i * 2500),
    dealstage: STAGES[i % STAGES.length] ?? 'appointmentscheduled',
    pipeline: 'default',
    closedate: new Date(at + 30 * DAY).toISOString(),
  };
}

/** The properties of generated contact `i`, its activity dated before `at` (its creation), or none without it. */
export function generatedContact(i: number, at?: number): Record<string, string> {
  return {
    firstname: `First${i}`,
    lastname: `Last${i}`,
    email: `person${i}@example.com`,
    jobtitle: `Title ${i}`,
    hs_buying_role: ROLES[i % ROLES.length] ?? '',
    ...(at === undefined ? {} : generatedActivity(i, at)),
  };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * The activity dates HubSpot keeps on contact `i` (lib/sync/hubspot/contact-activity.ts), varied by
 * index: every fifth contact has none (its open date empty, which search answers as `null`, §3),
 * the others opened a marketing email, half of them clicked, some replied to a sales email,
 * visited, submitted a form, viewed a document, met (one in twenty an upcoming meeting: HubSpot's
 * "past or upcoming"). Datetimes in ISO 8601, as HubSpot answers them (§6 "Timestamps").
 */
function generatedActivity(i: number, at: number): Record<string, string> {
  if (i % 5 === 4) return { hs_email_last_open_date: '' };
  const iso = (t: number) => new Date(t).toISOString();
  const opened = at - (1 + (i % 9)) * DAY - 3 * HOUR;
  const meeting = i % 20 === 10 ? at + 2 * DAY : at - (2 + (i % 6)) * DAY;
  const dates: Array<[string, number, boolean]> = [
    ['hs_email_last_open_date', opened, true],
    ['hs_email_last_click_date', opened + 600_000, i % 2 === 0],
    ['hs_sales_email_last_opened', at - (2 + (i % 5)) * DAY, i % 3 === 0],
    ['hs_sales_email_last_clicked', at - (2 + (i % 5)) * DAY + HOUR, i % 11 === 5],
    ['hs_sales_email_last_replied', at - (1 + (i % 4)) * DAY, i % 6 === 0],
    ['hs_analytics_last_visit_timestamp', at - (i % 12) * DAY - HOUR, i % 5 !== 3],
    ['recent_conversion_date', at - (3 + (i % 10)) * DAY, i % 7 === 1],
    ['hs_document_last_revisited', at - 4 * DAY, i % 11 === 5],
    ['hs_latest_meeting_activity', meeting, i % 10 === 0],
    // Half of those meetings were booked through the meetings tool: the same meeting, at the same date.
    ['engagements_last_meeting_booked', meeting, i % 20 === 0],
  ];
  return Object.fromEntries(dates.filter(([, , has]) => has).map(([name, t]) => [name, iso(t)]));
}
