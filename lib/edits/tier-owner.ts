/** A name as the CRM and the user may write it: case, accents and extra spaces do not count. */
const foldName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * What the user may do with an account's tier. The rep owns the tier: the account's owner
 * changes it (`change`), as does anyone when the account has no owner; anyone else proposes a
 * tier (`propose`), which never overwrites it. `meMissing`: the user has not said who they are
 * in the settings, so they cannot be recognised as the owner.
 */
export function tierRight(
  me: string | undefined,
  owner: string | undefined,
): { may: 'change' | 'propose'; meMissing: boolean } {
  const mine = foldName(me ?? '');
  const theirs = foldName(owner ?? '');
  if (theirs === '') return { may: 'change', meMissing: mine === '' };
  return { may: mine !== '' && mine === theirs ? 'change' : 'propose', meMissing: mine === '' };
}
