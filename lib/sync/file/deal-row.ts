import type { OpportunityStatus } from '../../db/accounts';
import { nameKey } from '../../keys/normalise';
import { parseBoolean } from '../normalise/boolean';
import { parseDate } from '../normalise/date';
import { parseRowId } from '../normalise/id';
import { type NumberFormat, parseNumber } from '../normalise/number';
import { statusFromStage } from '../opportunities';
import { type DealRecord, dealRecordSchema } from '../records';
import { linkAccount } from './account-link';
import type { ImportIndex } from './linker';
import type { RowError, RowReader } from './row-reader';
import { schemaError } from './schema-error';

const STATUS: Record<string, OpportunityStatus> = { open: 'open', won: 'won', lost: 'lost' };

/**
 * A deal's status: the source's flags first (HubSpot's "Is Closed Won", Salesforce's `IsWon`
 * and `IsClosed`: won; closed and not won: lost; not closed: open), then a `status` column
 * (open, won, lost), then the stage's words (lib/sync/opportunities.ts statusFromStage:
 * "Closed Won", `closedwon`…), as HubSpot sync reads them.
 */
export function dealStatus(r: RowReader, stage: string | undefined): OpportunityStatus {
  const won = r.read('isWon', parseBoolean, 'yes or no');
  const closed = r.read('isClosed', parseBoolean, 'yes or no');
  if (won === true) return 'won';
  if (closed === true) return 'lost';
  if (closed === false) return 'open';
  const status = r.read('status', (v) => STATUS[v.toLowerCase()] ?? STATUS[statusFromStage(v)], 'open, won or lost');
  if (status) return status;
  const fromStage = statusFromStage(stage);
  // "Is Closed Won: false" with a won stage: the flag is the source's own word; no guess at lost.
  return won === false && fromStage === 'won' ? 'open' : fromStage;
}

/**
 * The deal id in the source: the id column's value, else one made of the account and the deal's
 * name (a file of deals without ids, one row per deal).
 */
function nativeId(r: RowReader, accountId: string, name: string, source: string): string | RowError {
  if (r.has('id')) {
    const { id, problem } = parseRowId(r.text('id') ?? '', `${source}-deal`);
    return id ?? { column: r.column('id'), reason: problem ?? 'the deal id is empty' };
  }
  return `${accountId.slice(accountId.indexOf(':') + 1)}/${nameKey(name) || name}`;
}

/**
 * The deal of a row, linked to its account like a contact (company id first, then the
 * company's domain or name: see linkAccount) and validated by dealRecordSchema; or why the row
 * is bad. Its id is scoped `<source>-deal:` (`file-deal:123`), as HubSpot's are `hubspot-deal:`.
 * Amounts read like an account's revenue ("1,200", "1.2M", comma decimals in `;` files).
 */
export function dealFromRow(
  r: RowReader,
  index: ImportIndex,
  source: string,
  format: NumberFormat,
): DealRecord | RowError {
  const name = r.text('name');
  if (!name) return { column: r.column('name'), reason: 'the deal has no name' };
  if (!index.knowsAny('account')) {
    return {
      reason:
        'a deal is kept with its account: import the deals file together with its accounts file, or add it to an import that has them',
    };
  }
  const accountId = linkAccount(r, index, source);
  if (typeof accountId !== 'string') return accountId;
  const id = nativeId(r, accountId, name, source);
  if (typeof id !== 'string') return id;
  const stage = r.text('stage');
  const deal: DealRecord = { id: `${source}-deal:${id}`, accountId, name, status: dealStatus(r, stage) };
  const amount = r.read(
    'amount',
    (v) => {
      const n = parseNumber(v, format);
      return n !== undefined && n >= 0 ? n : undefined;
    },
    'an amount',
  );
  if (amount !== undefined) deal.amount = amount;
  if (stage) deal.stage = stage;
  const createdAt = r.read('createdAt', parseDate, 'a date');
  if (createdAt !== undefined) deal.createdAt = createdAt;
  const closedAt = r.read('closedAt', parseDate, 'a date');
  // An open deal's close date is its forecast; kept as HubSpot sync keeps it (the outcome reads closed deals only).
  if (closedAt !== undefined) deal.closedAt = closedAt;
  const checked = dealRecordSchema.safeParse(deal);
  return checked.success ? deal : schemaError(checked.error, r);
}
