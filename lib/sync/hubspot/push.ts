import type { WriteBack } from '../../settings/types';
import type { PushHooks, PushOutcome, PushTarget, TargetOp } from '../push/types';
import { HubSpotPushClient, type PushClientOptions } from './push-client';
import { pushCreates } from './push-creates';
import { pushFieldEdits } from './push-writes';

export interface HubSpotTargetOptions extends PushClientOptions {
  /** The properties of the edits HubSpot has no native field for (settings.writeBack). */
  writeBack: WriteBack;
}

const CREATES = new Set(['new_contact', 'new_account']);
const FIELD_EDITS = new Set(['tags', 'buying_roles', 'tier', 'target', 'tier_proposal', 'note']);

/**
 * HubSpot as a push target (the write half of the HubSpot adapter): contact `hs_buying_role`,
 * company `hs_ideal_customer_profile` and `hs_is_target_account` natively (§6); tags, tier
 * proposals and notes to the properties the settings name; new contacts and accounts created
 * once. Every write is checked against what HubSpot holds first, so that sending one again
 * never applies it twice (push-writes.ts, push-creates.ts), and each write request waits for
 * `hooks.beforeWrite` to mark what it carries sent.
 */
export function createHubSpotTarget(options: HubSpotTargetOptions): PushTarget {
  const client = new HubSpotPushClient(options);
  return {
    async push(ops: readonly TargetOp[], signal: AbortSignal, hooks: PushHooks): Promise<PushOutcome[]> {
      const ctx = { client, writeBack: options.writeBack, signal, hooks };
      const out = new Map<TargetOp, PushOutcome>();
      await pushCreates(
        ops.filter((op) => CREATES.has(op.kind)),
        ctx,
        out,
      );
      await pushFieldEdits(
        ops.filter((op) => FIELD_EDITS.has(op.kind)),
        ctx,
        out,
      );
      return ops.map(
        (op) => out.get(op) ?? { status: 'failed', error: `Tierlens does not write ${op.kind} edits back to HubSpot.` },
      );
    },
  };
}
