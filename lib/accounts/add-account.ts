import type { Account } from '../db/accounts';
import type { TierlensDB } from '../db/db';
import { dataView } from '../db/generations';
import type { LocalEdit } from '../db/outbox';
import type { PageSubject } from '../detect/types';
import { provisionalAccount } from '../scoring/provisional';
import { resolveKeys } from './resolve';

/**
 * Adds the company a page is about as a local account, with what the page says about it, and
 * queues it in the outbox for write-back — both in one transaction. Adding the same company
 * twice returns the account already there.
 */
export async function addAccountFromPage(
  db: TierlensDB,
  subject: PageSubject,
  keys: readonly string[],
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): Promise<{ account: Account; added: boolean }> {
  if (keys.length === 0) throw new Error('the page names no company to add');
  // A synced source may know the company already: then there is nothing to add.
  const known = await resolveKeys(db, keys);
  if (known.status === 'matched' && !known.accountId.startsWith('local:')) {
    const account = await (await dataView(db)).forId(known.accountId).accounts.get(known.accountId);
    if (account) return { account, added: false };
  }
  // Created in HubSpot when it is connected (once, by its op id); else kept here, and exported.
  const state = (await db.sourceConfig.get('hubspot')) ? 'pending' : 'local';
  return db.transaction('rw', db.accounts, db.outbox, async () => {
    const existing = await db.accounts
      .where('keys')
      .anyOf([...keys])
      .first();
    if (existing) return { account: existing, added: false };
    const account: Account = { ...provisionalAccount(subject, keys, now), id: `local:${newId()}` };
    const edit: LocalEdit = {
      opId: newId(),
      kind: 'new_account',
      entityId: account.id,
      accountId: account.id,
      value: account,
      base: null,
      createdAt: now,
      state,
      attempts: 0,
    };
    await db.accounts.add(account);
    await db.outbox.add(edit);
    return { account, added: true };
  });
}
