import type { AccountNote } from '../../db/outbox';
import type { WriteBack } from '../../settings/types';
import type { PushHooks, PushOutcome, TargetOp } from '../push/types';
import { type BatchInput, type InputResult, WITHHELD, writeInBatches } from './push-batch';
import type { HubSpotPushClient } from './push-client';
import { goneWords, missingPropertyWords, refusedValueWords } from './push-errors';
import { decideField, FIELDS, type FieldKind } from './push-fields';
import { readCurrent } from './push-read';
import { hubspotId } from './push-wire';

export interface WriteContext {
  client: HubSpotPushClient;
  writeBack: WriteBack;
  signal: AbortSignal;
  /** The engine's: `beforeWrite` is awaited right before each write request leaves. */
  hooks: PushHooks;
}

/** The marker that ends a note's line: a retry finds it and appends nothing. */
export const noteMarker = (opId: string) => `[tierlens ${opId}]`;

/** A note as one line of the notes property: "Ada: the text [tierlens <opId>]". */
export function noteLine(note: AccountNote, opId: string): string {
  const text = note.text.trim().replace(/\s*\n\s*/g, ' ');
  const by = note.by.trim();
  return `${by ? `${by}: ` : ''}${text} ${noteMarker(opId)}`;
}

/** One value to write to one record's property, and the ops it settles. */
interface PendingWrite {
  id: string;
  ops: TargetOp[];
  /** The value that settles these ops (all of `ops`, or those still going when some were withheld). */
  value: (ops: readonly TargetOp[]) => string;
}

const objectOf = (op: TargetOp) => (op.kind === 'note' ? 'companies' : FIELDS[op.kind as FieldKind].object);
const propertyOf = (op: TargetOp, w: WriteBack) =>
  op.kind === 'note' ? w.notesProperty : FIELDS[op.kind as FieldKind].property(w);
const configurable = (op: TargetOp) => op.kind === 'note' || FIELDS[op.kind as FieldKind].configurable;

/**
 * Writes edits of existing records: per object type, reads the records' current values in one
 * batch, decides each op (already there, write, conflict: decideField), appends notes whose
 * marker is not there yet, then writes each property in one `batch/update` (one input per
 * record, so no record appears twice in a request). Only the ops a write carries go through
 * `beforeWrite`: those the read settles (already there, a conflict, a refusal) are never marked
 * sent. `out` receives each op's outcome.
 */
export async function pushFieldEdits(
  ops: readonly TargetOp[],
  ctx: WriteContext,
  out: Map<TargetOp, PushOutcome>,
): Promise<void> {
  for (const object of ['companies', 'contacts'] as const) {
    const mine = ops.filter((op) => objectOf(op) === object);
    if (mine.length) await pushObjectEdits(object, mine, ctx, out);
  }
}

async function pushObjectEdits(
  object: 'companies' | 'contacts',
  ops: readonly TargetOp[],
  ctx: WriteContext,
  out: Map<TargetOp, PushOutcome>,
): Promise<void> {
  const properties = [...new Set(ops.map((op) => propertyOf(op, ctx.writeBack)))];
  const current = await readCurrent(
    ctx.client,
    object,
    ops.map((op) => hubspotId(op.remoteEntityId)),
    properties,
    ctx.signal,
  );
  const writes = new Map<string, Map<string, PendingWrite>>(properties.map((p) => [p, new Map()]));
  const notes = new Map<string, TargetOp[]>();
  for (const op of ops) {
    const id = hubspotId(op.remoteEntityId);
    const property = propertyOf(op, ctx.writeBack);
    const now = current.get(id);
    if (!now || now.kind === 'unsettled') {
      out.set(
        op,
        now?.outcome ?? { status: 'retry', error: 'HubSpot did not answer for this record.', mayHaveLanded: false },
      );
      continue;
    }
    if (now.kind === 'missing') {
      out.set(op, { status: 'failed', error: goneWords(object, id) });
      continue;
    }
    if (now.kind === 'refused') {
      out.set(op, { status: 'failed', error: `HubSpot refused to read the record: ${now.message}` });
      continue;
    }
    if (op.kind === 'note') {
      notes.set(id, [...(notes.get(id) ?? []), op]);
      continue;
    }
    const decision = decideField(op.kind as FieldKind, op, now.properties[property]);
    if (decision.action === 'confirmed') out.set(op, { status: 'confirmed', wrote: false });
    else if (decision.action === 'conflict') out.set(op, { status: 'conflict', remote: decision.remote });
    else if (decision.action === 'refused') out.set(op, { status: 'failed', error: `${decision.why}.` });
    else writes.get(property)?.set(id, { id, ops: [op], value: () => decision.value });
  }
  for (const [id, noteOps] of notes) {
    const now = current.get(id);
    const remote = (now?.kind === 'found' ? now.properties[ctx.writeBack.notesProperty] : undefined) ?? '';
    const missing = noteOps.filter((op) => !remote.includes(noteMarker(op.opId)));
    for (const op of noteOps) if (!missing.includes(op)) out.set(op, { status: 'confirmed', wrote: false });
    if (!missing.length) continue;
    const value = (going: readonly TargetOp[]) =>
      [remote.replace(/\s+$/, ''), ...going.map((op) => noteLine(op.value as AccountNote, op.opId))]
        .filter(Boolean)
        .join('\n');
    writes.get(ctx.writeBack.notesProperty)?.set(id, { id, ops: missing, value });
  }
  for (const [property, byRecord] of writes) {
    const pending = [...byRecord.values()];
    if (!pending.length) continue;
    const traceOf = new Map(pending.map((w) => [w.id, (w.ops[0] as TargetOp).opId]));
    const byTrace = new Map(pending.map((w) => [traceOf.get(w.id) ?? w.id, w]));
    const withheld = new Set<TargetOp>();
    // Right before each request: its ops marked sent, those taken back meanwhile left out (a
    // record's notes are written without the one taken back).
    const beforeSend = async (inputs: readonly BatchInput[]): Promise<BatchInput[]> => {
      const carried = inputs.flatMap((i) => byTrace.get(i.trace)?.ops ?? []);
      const going = new Set(await ctx.hooks.beforeWrite(carried));
      return inputs.flatMap((i) => {
        const w = byTrace.get(i.trace);
        const kept = w?.ops.filter((op) => going.has(op)) ?? [];
        for (const op of w?.ops ?? []) if (!going.has(op)) withheld.add(op);
        if (!w || !kept.length) return [];
        return [kept.length === w.ops.length ? i : { ...i, properties: { [property]: w.value(kept) } }];
      });
    };
    const results = await writeInBatches(
      ctx.client,
      `/crm/v3/objects/${object}/batch/update`,
      pending.map((w) => ({ trace: traceOf.get(w.id) ?? w.id, id: w.id, properties: { [property]: w.value(w.ops) } })),
      (result) => traceOf.get(result.id),
      ctx.signal,
      beforeSend,
    );
    for (const w of pending) {
      const result = results.get(traceOf.get(w.id) ?? w.id);
      const own = configurable(w.ops[0] as TargetOp);
      const outcome = writeOutcome(result, object, w.id, (name) => own && name === property);
      for (const op of w.ops) out.set(op, withheld.has(op) ? WITHHELD : outcome);
    }
  }
}

/** An input's result as the outcome of the ops it carried, refusals in words the user can act on. */
export function writeOutcome(
  result: InputResult | undefined,
  object: 'companies' | 'contacts',
  id: string,
  isConfigurable: (property: string) => boolean,
): PushOutcome {
  if (!result)
    return {
      status: 'retry',
      error: 'HubSpot did not say whether the edit was written; checking again later.',
      mayHaveLanded: true,
    };
  if (result.kind === 'written') return { status: 'confirmed', wrote: true };
  if (result.kind === 'unsettled') return result.outcome;
  if (result.gone) return { status: 'failed', error: goneWords(object, id) };
  const missing = result.problems.find((p) => p.error === 'PROPERTY_DOESNT_EXIST');
  if (missing)
    return { status: 'failed', error: missingPropertyWords(object, missing.name, isConfigurable(missing.name)) };
  const refused = result.problems[0];
  if (refused) return { status: 'failed', error: refusedValueWords(object, refused) };
  return { status: 'failed', error: `HubSpot refused the edit (HTTP ${result.status}): ${result.message}` };
}
