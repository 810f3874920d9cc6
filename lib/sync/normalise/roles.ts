import { BUYING_ROLES, type BuyingRole } from '../../db/contacts';
import { isEmptyCell } from './empty';
import { foldText } from './fold';
import { memoised } from './memo';

/** Other words exports and people use for a role, folded (see foldText). */
const ALIASES: Record<string, BuyingRole> = {
  'decision maker': 'DECISION_MAKER',
  decisionmaker: 'DECISION_MAKER',
  'economic buyer': 'BUDGET_HOLDER',
  'exec sponsor': 'EXECUTIVE_SPONSOR',
  legal: 'LEGAL_AND_COMPLIANCE',
  'legal compliance': 'LEGAL_AND_COMPLIANCE',
  user: 'END_USER',
  enduser: 'END_USER',
};

const BY_FOLDED = new Map<string, BuyingRole>([
  ...BUYING_ROLES.map((role): [string, BuyingRole] => [foldText(role), role]),
  ...Object.entries(ALIASES),
]);

/**
 * The buyer roles of a multi-select cell: HubSpot's internal values (`DECISION_MAKER;CHAMPION`,
 * the form `hs_buying_role` takes in exports and the API) or their labels ("Decision Maker",
 * "Legal and Compliance", "Legal & Compliance"), joined by `;` or `,`. Each role once, in the
 * order written; what is not a role comes back in `unknown`, as written, for the report.
 */
export function parseBuyingRoles(value: string): { roles: BuyingRole[]; unknown: string[] } {
  const { roles, unknown } = readRoles(value);
  // Fresh arrays: the remembered ones are shared, and callers keep (or change) theirs.
  return { roles: roles.slice(), unknown: unknown.slice() };
}

const readRoles = memoised((value: string): { roles: BuyingRole[]; unknown: string[] } => {
  const roles: BuyingRole[] = [];
  const unknown: string[] = [];
  if (isEmptyCell(value)) return { roles, unknown };
  for (const part of value.split(/[;,]/)) {
    if (isEmptyCell(part)) continue;
    const role = BY_FOLDED.get(foldText(part));
    if (!role) unknown.push(part.trim());
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, unknown };
});
