import type { Account } from '../db/accounts';
import type { Contact } from '../db/contacts';
import type { Touchpoint } from '../db/touchpoints';

/** One account with its own contacts and touchpoints: what scoring reads for many accounts. */
export interface AccountRows {
  account: Account;
  contacts: Contact[];
  touchpoints: Touchpoint[];
}

/** Groups contacts and touchpoints under their accounts, in one pass; rows of other accounts are dropped. */
export function groupByAccount(
  accounts: readonly Account[],
  contacts: readonly Contact[],
  touchpoints: readonly Touchpoint[],
): AccountRows[] {
  const rows = new Map<string, AccountRows>(
    accounts.map((account) => [account.id, { account, contacts: [], touchpoints: [] }]),
  );
  for (const c of contacts) rows.get(c.accountId)?.contacts.push(c);
  for (const t of touchpoints) rows.get(t.accountId)?.touchpoints.push(t);
  return [...rows.values()];
}
