import type { RecordKind } from '../records';
import { FIELDS, fieldForHeader, headerKey, IGNORED, isField } from './fields';
import type { ColumnMapping, ColumnPlan } from './types';

/**
 * Fields only a contacts file has: a file with any of them holds contacts, whatever else it
 * carries. Not the profile: "LinkedIn URL" may be a company's page as well as a person's.
 */
const CONTACT_MARKERS = ['firstName', 'lastName', 'email', 'buyingRoles', 'title'];
/** Fields that make a file an accounts file when no contact marker is there. */
const ACCOUNT_MARKERS = [
  'name',
  'domain',
  'website',
  'linkedinUrl',
  'linkedinSlug',
  'linkedinId',
  'linkedinShowcase',
  'linkedinSchool',
];

/**
 * Headers only a deals export has (folded, see headerKey): a deal's name, its stage or its won
 * flag as HubSpot ("Deal Name", `dealstage`, "Is Closed Won"), Salesforce (`StageName`, `IsWon`,
 * "Opportunity Name") and Tierlens (`dealId`, `dealName`) write them. Not "Amount" or "Close
 * Date": a companies export carries those too ("Recent Deal Amount", "Close Date").
 */
const DEAL_MARKERS = new Set(
  [
    'dealId',
    'dealName',
    'Deal Name',
    'Deal ID',
    'Deal Stage',
    'Is Closed Won',
    'hs_is_closed_won',
    'StageName',
    'IsWon',
    'Opportunity Name',
    'Opportunity ID',
  ].map(headerKey),
);

function fieldsOf(kind: RecordKind, headers: readonly string[]): Set<string> {
  return new Set(headers.map((h) => fieldForHeader(kind, h)).filter((f): f is string => f !== undefined));
}

/**
 * The kind of record a file holds, from its headers alone. A type and a timestamp make
 * touchpoints; any person's field (first or last name, email, job title or buying role)
 * makes contacts: HubSpot's contact exports carry company columns too ("Annual
 * Revenue", "Industry"), so those say nothing. A company's name, domain, website or LinkedIn
 * page (its own, a showcase or a school page) makes accounts. A deal's name, stage or won flag
 * (see DEAL_MARKERS), checked before the person's fields, makes deals. Anything else: undefined (the
 * caller reports "no recognisable column").
 */
export function detectKind(headers: readonly string[]): RecordKind | undefined {
  const touchpoint = fieldsOf('touchpoint', headers);
  if (touchpoint.has('type') && touchpoint.has('at')) return 'touchpoint';
  if (headers.some((h) => DEAL_MARKERS.has(headerKey(h)))) return 'deal';
  const contact = fieldsOf('contact', headers);
  if (CONTACT_MARKERS.some((f) => contact.has(f))) return 'contact';
  const account = fieldsOf('account', headers);
  if (ACCOUNT_MARKERS.some((f) => account.has(f))) return 'account';
  return undefined;
}

/** The user's choice for column `index`, if any: by position first, then by header text. */
function chosen(mapping: ColumnMapping | undefined, index: number, header: string): string | null | undefined {
  if (!mapping) return undefined;
  if (Object.hasOwn(mapping, String(index))) return mapping[String(index)];
  if (Object.hasOwn(mapping, header)) return mapping[header];
  return undefined;
}

/**
 * What the import does with each column of a file of `kind`. Each field is filled by one
 * column: the first that maps to it. A repeated header (a contacts export that carries its
 * company's "Name" or "Country") or a second column for a field already taken is left out
 * with a note, never merged into the first. `mapping` (see ColumnMapping) overrides the
 * automatic choice; an entry naming no field of the kind is reported in `problems`.
 */
export function planColumns(
  headers: readonly string[],
  kind: RecordKind,
  mapping?: ColumnMapping,
): { columns: ColumnPlan[]; problems: string[] } {
  const problems: string[] = [];
  const takenBy = new Map<string, number>();
  const firstByHeader = new Map<string, number>();
  const columns = headers.map((header, index): ColumnPlan => {
    const user = chosen(mapping, index, header);
    if (user === null) return { header, index, note: 'left out by your mapping' };
    if (user !== undefined && !isField(kind, user)) {
      problems.push(`the mapping of column "${header}" names ${JSON.stringify(user)}, which is no ${kind} field`);
    }
    const repeat = firstByHeader.get(header);
    if (repeat === undefined) firstByHeader.set(header, index);
    const field = user !== undefined && isField(kind, user) ? user : fieldForHeader(kind, header);
    if (user === undefined && repeat !== undefined) {
      return { header, index, note: `repeats the header of column ${repeat + 1}, which is imported: not imported` };
    }
    if (!field) return { header, index, note: 'not a field Tierlens imports' };
    const ignored = IGNORED[kind]?.[field];
    if (ignored) return { header, index, note: ignored };
    const taken = takenBy.get(field);
    if (taken !== undefined) {
      return { header, index, note: `column ${taken + 1} already fills ${field}: not imported` };
    }
    takenBy.set(field, index);
    return { header, index, field };
  });
  return { columns, problems };
}

/** Header → field of a plan, for reports; repeated headers are keyed `header #2`, `header #3`. */
export function mappingOf(columns: readonly ColumnPlan[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const c of columns) {
    let key = c.header;
    for (let n = 2; Object.hasOwn(out, key); n++) key = `${c.header} #${n}`;
    out[key] = c.field ?? null;
  }
  return out;
}

/** The canonical fields of a kind, for a mapping editor. */
export function fieldsOfKind(kind: RecordKind): string[] {
  return Object.keys(FIELDS[kind]);
}
