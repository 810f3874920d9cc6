import { BUYING_ROLES, type BuyingRole } from '../db/contacts';
import { sourceOfId } from '../db/generations';
import type { AccountNote, EditKind, LocalEdit, PushState, TierProposal } from '../db/outbox';
import { roleLabel } from '../scoring/roles';

/** The CRM an edit of a source goes back to, by name. */
const CRM_NAMES: Record<string, string> = { hubspot: 'HubSpot' };

/** The name of the CRM an account's edits go back to: "HubSpot", or "the CRM". */
export function crmName(accountId: string): string {
  return CRM_NAMES[sourceOfId(accountId)] ?? 'the CRM';
}

/** How an edit's state reads, and how it is coloured. */
export interface StateWords {
  /** "waiting", "sent", "in HubSpot", "failed", "conflict", "saved here", "discarded". */
  word: string;
  tone: 'muted' | 'ok' | 'warn' | 'bad';
  /** What the user should know besides: why it failed, why it is waiting again. */
  detail?: string;
}

/**
 * An edit's state in plain words. `accountId` names the CRM it goes to (a contact added to a
 * HubSpot account is "in HubSpot" once created).
 */
export function stateWords(edit: { state: PushState; lastError?: string }, accountId: string): StateWords {
  switch (edit.state) {
    case 'pending':
      return edit.lastError
        ? { word: 'waiting', tone: 'warn', detail: `will try again: ${edit.lastError}` }
        : { word: 'waiting', tone: 'muted' };
    case 'pushing':
      // Sent, but the answer never came (a timeout, a lost connection): it may have landed; the
      // next try checks what the CRM holds before writing again.
      return edit.lastError
        ? { word: 'sent', tone: 'warn', detail: `no answer yet, checking again: ${edit.lastError}` }
        : { word: 'sent', tone: 'muted' };
    case 'pushed':
      return { word: `in ${crmName(accountId)}`, tone: 'ok' };
    case 'failed':
      return { word: 'failed', tone: 'bad', detail: edit.lastError ?? 'the CRM refused it' };
    case 'conflict':
      return { word: 'conflict', tone: 'bad', detail: `${crmName(accountId)} changed it meanwhile` };
    case 'local':
      return { word: 'saved here', tone: 'muted', detail: 'goes out with the edits export' };
    case 'discarded':
      return { word: 'discarded', tone: 'muted' };
  }
}

const isRole = (v: unknown): v is BuyingRole =>
  typeof v === 'string' && (BUYING_ROLES as readonly string[]).includes(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** "Tier 2", "untiered". */
export const tierWords = (tier: unknown): string => (typeof tier === 'number' ? `Tier ${tier}` : 'untiered');

/**
 * One value of an edit in words: the tags listed, the roles by their labels, "Tier 2",
 * "a target account"… A value of another shape (what a source held at a conflict) is shown as
 * text rather than dropped.
 */
export function valueWords(kind: EditKind, value: unknown): string {
  if (value === null || value === undefined) {
    if (kind === 'tier') return 'untiered';
    if (kind === 'tags') return 'no tags';
    if (kind === 'buying_roles') return 'no role';
    return 'nothing';
  }
  switch (kind) {
    case 'tags':
      if (Array.isArray(value)) return value.length ? value.join(', ') : 'no tags';
      break;
    case 'buying_roles':
      if (Array.isArray(value))
        return value.length ? value.map((r) => (isRole(r) ? roleLabel(r) : String(r))).join(', ') : 'no role';
      break;
    case 'tier':
      if (typeof value === 'number') return tierWords(value);
      break;
    case 'target':
      if (typeof value === 'boolean') return value ? 'a target account' : 'not a target';
      break;
    case 'tier_proposal':
      if (isObject(value)) {
        const p = value as Partial<TierProposal>;
        return `${tierWords(p.tier)}: ${p.reason ?? ''}`;
      }
      break;
    case 'note':
      if (isObject(value)) return String((value as Partial<AccountNote>).text ?? '');
      break;
    case 'new_contact':
    case 'new_account':
      if (isObject(value) && typeof value.name === 'string') return value.name;
      break;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What an edit changed, as the Edits list shows it: the field, and the change (before → after). */
export function editWords(edit: LocalEdit, contactName?: string): { what: string; change: string } {
  const arrow = () => `${valueWords(edit.kind, edit.base)} → ${valueWords(edit.kind, edit.value)}`;
  switch (edit.kind) {
    case 'tags':
      return { what: 'Tags', change: arrow() };
    case 'buying_roles':
      return { what: `Buyer roles of ${contactName ?? 'a contact'}`, change: arrow() };
    case 'tier':
      return { what: 'Tier', change: arrow() };
    case 'target':
      return { what: 'Target account', change: arrow() };
    case 'tier_proposal':
      return { what: 'Tier proposal', change: valueWords(edit.kind, edit.value) };
    case 'note':
      return { what: 'Note', change: valueWords(edit.kind, edit.value) };
    case 'new_contact':
      return { what: 'New contact', change: valueWords(edit.kind, edit.value) };
    case 'new_account':
      return { what: 'New account', change: valueWords(edit.kind, edit.value) };
    case 'reviewed':
      return {
        what: 'Account review',
        change: typeof edit.value === 'number' ? `reviewed on ${new Date(edit.value).toISOString().slice(0, 10)}` : '',
      };
  }
}
