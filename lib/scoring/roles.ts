import type { BuyingRole, Contact } from '../db/contacts';
import type { TierDefinition } from '../settings/types';

export interface RoleHolder {
  role: BuyingRole;
  contacts: Pick<Contact, 'id' | 'name' | 'title'>[];
  required: boolean;
}

/** Buyer-role coverage of an account against the roles its tier requires. */
export interface RoleCoverage {
  required: BuyingRole[];
  covered: BuyingRole[];
  missing: BuyingRole[];
  /** Every role held by someone, and every required role, with its holders. */
  roles: RoleHolder[];
}

/** Which buyer roles are mapped at the account, and which the tier still needs. */
export function roleCoverage(contacts: readonly Contact[], tier: TierDefinition | undefined): RoleCoverage {
  const required = tier?.requiredRoles ?? [];
  const holders = new Map<BuyingRole, RoleHolder>();
  for (const role of required) holders.set(role, { role, contacts: [], required: true });
  for (const c of contacts) {
    for (const role of c.buyingRoles) {
      const h = holders.get(role) ?? { role, contacts: [], required: false };
      h.contacts.push({ id: c.id, name: c.name, title: c.title });
      holders.set(role, h);
    }
  }
  const covered = required.filter((r) => (holders.get(r)?.contacts.length ?? 0) > 0);
  const missing = required.filter((r) => !covered.includes(r));
  return { required: [...required], covered, missing, roles: [...holders.values()] };
}

/** "DECISION_MAKER" → "Decision maker". */
export function roleLabel(role: BuyingRole): string {
  const words = role.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
