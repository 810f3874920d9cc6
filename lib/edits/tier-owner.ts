import type { Account } from '../db/accounts';

/** A name as the CRM and the user may write it: case, accents and extra spaces do not count. */
const foldName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();

/** Who owns an account, as the source says: the name shown, and the source's id and email of the owner. */
export type AccountOwner = Pick<Account, 'owner' | 'ownerId' | 'ownerEmail'>;

/** Whether the user's `me` names this owner: their name (folded), their email (case ignored) or their owner id. */
function isOwner(me: string, owner: AccountOwner): boolean {
  const mine = foldName(me);
  if (mine === '') return false;
  if (mine === foldName(owner.owner ?? '')) return true;
  const email = owner.ownerEmail?.trim().toLowerCase();
  if (email && me.trim().toLowerCase() === email) return true;
  const id = owner.ownerId?.trim();
  return !!id && me.trim() === id;
}

/**
 * What the user may do with an account's tier. The rep owns the tier: the account's owner
 * changes it (`change`), as does anyone when the account has no owner; anyone else proposes a
 * tier (`propose`), which never overwrites it. The user is the owner when `me` (the settings'
 * "your name or email as the CRM shows owners") is the owner's name, email or owner id.
 * `meMissing`: the user has not said who they are in the settings, so they cannot be
 * recognised as the owner.
 */
export function tierRight(
  me: string | undefined,
  owner: AccountOwner,
): { may: 'change' | 'propose'; meMissing: boolean } {
  const meMissing = foldName(me ?? '') === '';
  const owned = foldName(owner.owner ?? '') !== '' || !!owner.ownerId?.trim();
  if (!owned) return { may: 'change', meMissing };
  return { may: isOwner(me ?? '', owner) ? 'change' : 'propose', meMissing };
}
