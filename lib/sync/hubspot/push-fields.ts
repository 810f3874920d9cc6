import type { BuyingRole } from '../../db/contacts';
import type { EditKind, TierProposal } from '../../db/outbox';
import type { WriteBack } from '../../settings/types';
import { parseBoolean } from '../normalise/boolean';
import { parseBuyingRoles } from '../normalise/roles';
import { parseTier } from '../normalise/tier';

/** The edit kinds written to one property of an existing record. */
export type FieldKind = Extract<EditKind, 'tags' | 'buying_roles' | 'tier' | 'target' | 'tier_proposal'>;

/**
 * How one kind of edit lives in HubSpot: its object and property, how a value is written
 * (strings, §6) and read back, and when two values are the same. `encode` answers `refused`
 * with why when HubSpot's property cannot hold the value.
 */
export interface FieldCodec {
  object: 'companies' | 'contacts';
  property(writeBack: WriteBack): string;
  /** Whether the property is Tierlens's own (named in the settings) rather than HubSpot's. */
  configurable: boolean;
  encode(value: unknown): string | { refused: string };
  /** A HubSpot value (absent, `null` or a string, §2) as the Tierlens value it stands for. */
  decode(raw: string | null | undefined): unknown;
  same(a: unknown, b: unknown): boolean;
  /**
   * Whether a source value other than the intent and the bases is someone else's change. A
   * proposal is not: the latest one simply replaces the one before.
   */
  checksConflicts: boolean;
}

const asSet = (values: readonly string[]) => [...new Set(values)].sort();
/** Each value once, in the user's order. */
const once = (values: readonly string[]) => [...new Set(values)];
const sameSet = (a: unknown, b: unknown) =>
  JSON.stringify(asSet((a as string[] | null) ?? [])) === JSON.stringify(asSet((b as string[] | null) ?? []));
/** `;`-joined multi-values (§6 "Multi-select values … separated with a semicolon"). */
const splitList = (raw: string | null | undefined) =>
  (raw ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/** HubSpot's Ideal Customer Profile Tier has three options (§6): `tier_1` … `tier_3`. */
const HUBSPOT_TIERS = 3;

/** The sentence a tier proposal becomes in its property: "Tier 1 proposed by Ada: a reason". */
export function proposalSentence(p: TierProposal): string {
  const tier = p.tier === null ? 'No tier' : `Tier ${p.tier}`;
  const by = p.by.trim() || 'a Tierlens user';
  const reason = p.reason.trim().replace(/\s+/g, ' ');
  return reason ? `${tier} proposed by ${by}: ${reason}` : `${tier} proposed by ${by}`;
}

export const FIELDS: Record<FieldKind, FieldCodec> = {
  tags: {
    object: 'companies',
    property: (w) => w.tagsProperty,
    configurable: true,
    encode: (value) => {
      const tags = (value as string[] | null) ?? [];
      const bad = tags.find((t) => t.includes(';'));
      if (bad !== undefined)
        return {
          refused: `HubSpot keeps tags in one property separated by ";", so the tag "${bad}" cannot be written: rename it without ";"`,
        };
      return once(tags.map((t) => t.trim()).filter(Boolean)).join(';');
    },
    decode: splitList,
    same: sameSet,
    checksConflicts: true,
  },
  buying_roles: {
    object: 'contacts',
    property: () => 'hs_buying_role',
    configurable: false,
    encode: (value) => once((value as BuyingRole[] | null) ?? []).join(';'),
    decode: (raw) => parseBuyingRoles(raw ?? '').roles,
    same: sameSet,
    checksConflicts: true,
  },
  tier: {
    object: 'companies',
    property: () => 'hs_ideal_customer_profile',
    configurable: false,
    encode: (value) => {
      const tier = value as number | null;
      if (tier === null) return ''; // clears (§4)
      if (tier >= 1 && tier <= HUBSPOT_TIERS) return `tier_${tier}`;
      return {
        refused: `HubSpot's Ideal Customer Profile Tier has only Tier 1, 2 and 3, so Tier ${tier} stays in Tierlens`,
      };
    },
    decode: (raw) => parseTier(raw ?? '') ?? null,
    same: (a, b) => (a ?? null) === (b ?? null),
    checksConflicts: true,
  },
  target: {
    object: 'companies',
    property: () => 'hs_is_target_account',
    configurable: false,
    encode: (value) => String(value === true),
    // An empty flag is "not a target", as the read mapping has it (companies.ts).
    decode: (raw) => parseBoolean(raw ?? '') ?? false,
    same: (a, b) => (a === true) === (b === true),
    checksConflicts: true,
  },
  tier_proposal: {
    object: 'companies',
    property: (w) => w.proposalProperty,
    configurable: true,
    encode: (value) => proposalSentence(value as TierProposal),
    decode: (raw) => raw ?? '',
    same: (a, b) => a === b,
    checksConflicts: false,
  },
};

/** What to do with one field, given what HubSpot holds now. */
export type FieldDecision =
  | { action: 'confirmed' }
  | { action: 'write'; value: string }
  | { action: 'conflict'; remote: unknown }
  | { action: 'refused'; why: string };

/**
 * The idempotent check before a write: the source holding the intent already is a confirmation
 * (this covers a write whose answer was lost); holding one of the bases, a write; holding
 * anything else, a conflict, with the source's value as Tierlens shows it.
 */
export function decideField(
  kind: FieldKind,
  op: { value: unknown; bases: readonly unknown[] },
  raw: string | null | undefined,
): FieldDecision {
  const codec = FIELDS[kind];
  const encoded = codec.encode(op.value);
  if (typeof encoded !== 'string') return { action: 'refused', why: encoded.refused };
  if (!codec.checksConflicts)
    return encoded === (raw ?? '') ? { action: 'confirmed' } : { action: 'write', value: encoded };
  const remote = codec.decode(raw);
  if (codec.same(remote, op.value)) return { action: 'confirmed' };
  if (op.bases.some((b) => codec.same(remote, b))) return { action: 'write', value: encoded };
  return { action: 'conflict', remote };
}
