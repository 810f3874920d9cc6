import { appendChange, type ChangeEntry } from '../db/change-log';
import type { TierlensDB } from '../db/db';
import { sourceOfId } from '../db/generations';
import type { EditKind, EditValues, LocalEdit, PushState } from '../db/outbox';

/** The sources Tierlens writes edits back to; every other source's edits stay local (and exportable). */
export const WRITABLE_SOURCES: ReadonlySet<string> = new Set(['hubspot']);

/** What the user did, as the panel saw it: the entity and the account on screen, the value before and after. */
export interface EditInput<K extends EditKind = EditKind> {
  kind: K;
  entityId: string;
  accountId: string;
  value: EditValues[K];
  base: EditValues[K] | null;
  /** Who made it (`settings.me`), for the change log; "someone" when unknown. */
  by?: string;
  /** The account's name, for the change log (else looked up when the log is shown). */
  accountName?: string;
}

/** The kinds the change log keeps: an account's tier and its target designation. */
const LOGGED_KINDS: ReadonlySet<EditKind> = new Set(['tier', 'target']);

/** Who the log names when the user has not set their name. */
export const SOMEONE = 'someone';

/** The change log entry of a tier or target edit (the outbox's `base` is the before, `value` the after). */
function changeOf(edit: LocalEdit, by: string | undefined, accountName: string | undefined): Omit<ChangeEntry, 'seq'> {
  return {
    at: edit.createdAt,
    who: by?.trim() || SOMEONE,
    kind: edit.kind as 'tier' | 'target',
    accountId: edit.accountId,
    ...(accountName ? { accountName } : {}),
    before: edit.base as ChangeEntry['before'],
    after: edit.value as ChangeEntry['after'],
    opId: edit.opId,
  };
}

/**
 * Where an edit starts: waiting to be pushed when its record lives in a source Tierlens writes
 * back to (or will once created there), else kept locally. A new contact follows its account.
 */
export function initialState(input: Pick<EditInput, 'kind' | 'entityId' | 'accountId'>): PushState {
  // No CRM field holds an account's last review: it stays here (and in the edits export).
  if (input.kind === 'reviewed') return 'local';
  const owner = input.kind === 'new_contact' || input.kind === 'new_account' ? input.accountId : input.entityId;
  const source = sourceOfId(owner);
  if (WRITABLE_SOURCES.has(source)) return 'pending';
  // A contact added in Tierlens to a HubSpot account is created there first: its edits follow it.
  if (source === 'local' && WRITABLE_SOURCES.has(sourceOfId(input.accountId))) return 'pending';
  return 'local';
}

/**
 * Records an edit in the outbox, on a connection with strict durability: when this resolves the
 * edit is on disk, and only then does the UI show it as made. `db` should be `getStrictDb()`.
 */
export async function recordEdit<K extends EditKind>(
  db: TierlensDB,
  input: EditInput<K>,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): Promise<LocalEdit<K>> {
  const edit: LocalEdit<K> = {
    opId: newId(),
    kind: input.kind,
    entityId: input.entityId,
    accountId: input.accountId,
    value: input.value,
    base: input.base,
    createdAt: now,
    state: initialState(input),
    attempts: 0,
  };
  // A tier change or target designation is logged in the same transaction: both or neither.
  await db.transaction('rw', db.outbox, db.changeLog, async () => {
    await db.outbox.add(edit as LocalEdit);
    if (LOGGED_KINDS.has(edit.kind)) await appendChange(db, changeOf(edit as LocalEdit, input.by, input.accountName));
  });
  return edit;
}

/** States in which an edit has not reached the source: it can still be taken back. */
const UNSENT: ReadonlySet<PushState> = new Set(['pending', 'local', 'failed']);

/** The kinds whose edit is a whole value, undone by the edit back to the value before. */
export const SET_KINDS: ReadonlySet<EditKind> = new Set(['tags', 'buying_roles', 'tier', 'target']);

/**
 * Undoes an edit. A whole-value edit is undone by a new edit back to its base (so an undo is as
 * durable, and as safe to push, as the edit). A note, a proposal or a new record can be undone
 * only while it has not been sent: it is discarded (a new contact with the edits made on it).
 * An undone tier or target change is logged as a change of its own, by `by` (else by whoever
 * made the edit: an undo is offered in the same browser). Answers what was done.
 */
export async function undoEdit(
  db: TierlensDB,
  opId: string,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
  by?: string,
): Promise<'reverted' | 'discarded' | 'too-late'> {
  return db.transaction('rw', db.outbox, db.changeLog, async () => {
    const edit = await db.outbox.get(opId);
    if (!edit) return 'too-late';
    if (SET_KINDS.has(edit.kind)) {
      const undo = {
        opId: newId(),
        kind: edit.kind,
        entityId: edit.entityId,
        accountId: edit.accountId,
        value: edit.base,
        base: edit.value,
        createdAt: Math.max(now, edit.createdAt + 1),
        state: initialState(edit),
        attempts: 0,
      } as LocalEdit;
      await db.outbox.add(undo);
      if (LOGGED_KINDS.has(edit.kind)) {
        const made = await db.changeLog.where('opId').equals(opId).first();
        await appendChange(db, { ...changeOf(undo, by ?? made?.who, made?.accountName), undoOf: opId });
      }
      return 'reverted';
    }
    if (UNSENT.has(edit.state)) {
      await db.outbox.update(opId, { state: 'discarded' });
      // A contact that will never be created takes the edits made on it along.
      if (edit.kind === 'new_contact') {
        const onIt = await db.outbox
          .where('entityId')
          .equals(edit.entityId)
          .filter((e) => e.opId !== opId && UNSENT.has(e.state))
          .primaryKeys();
        await db.outbox.bulkUpdate(onIt.map((key) => ({ key, changes: { state: 'discarded' as const } })));
      }
      return 'discarded';
    }
    return 'too-late';
  });
}

/** The user asks to send a failed edit again. */
export async function retryEdit(db: TierlensDB, opId: string): Promise<boolean> {
  return db.transaction('rw', db.outbox, async () => {
    const edit = await db.outbox.get(opId);
    if (edit?.state !== 'failed') return false;
    await db.outbox.update(opId, { state: 'pending', nextAttemptAt: undefined, lastError: undefined });
    return true;
  });
}

/**
 * The user settles a conflict. `mine`: the edit's value is pushed again, on the source's value as
 * its new base. `theirs`: the source's value stands and the edits of that field are discarded.
 * A tier or target settled is logged, by `by` (else by whoever made the edit), from the value the
 * choice replaces to the one it keeps: the source's value kept over (mine), or the user's given
 * up for it (theirs).
 */
export async function resolveConflict(
  db: TierlensDB,
  opId: string,
  choice: 'mine' | 'theirs',
  now: number,
  newId: () => string = () => crypto.randomUUID(),
  by?: string,
): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.changeLog, async () => {
    const edit = await db.outbox.get(opId);
    if (edit?.state !== 'conflict') return false;
    const sameField = await db.outbox
      .where('entityId')
      .equals(edit.entityId)
      .filter((e) => e.kind === edit.kind && e.state === 'conflict')
      .toArray();
    await db.outbox.bulkUpdate(sameField.map((e) => ({ key: e.opId, changes: { state: 'discarded' as const } })));
    const latest = sameField.reduce((a, b) => (b.createdAt > a.createdAt ? b : a), edit);
    const remote = latest.remote ?? null;
    // Mine: pushed again on the source's value. Theirs: the source's value, already there, shown
    // until the next sync brings it (the local copy still holds the value before the conflict).
    const settled = {
      opId: newId(),
      kind: latest.kind,
      entityId: latest.entityId,
      accountId: latest.accountId,
      value: choice === 'mine' ? latest.value : remote,
      base: remote,
      createdAt: Math.max(now, latest.createdAt + 1),
      attempts: 0,
      ...(choice === 'mine' ? { state: 'pending' } : { state: 'pushed', confirmedAt: now }),
    } as LocalEdit;
    await db.outbox.add(settled);
    if (LOGGED_KINDS.has(latest.kind)) await logSettlement(db, latest, settled, choice, by);
    return true;
  });
}

/**
 * The change log entry of a settled tier or target conflict, when the choice changed a value:
 * mine moves the source from its value to the user's, theirs the shown value from the user's to
 * the source's. Call inside the settlement's transaction.
 */
async function logSettlement(
  db: TierlensDB,
  conflicted: LocalEdit,
  settled: LocalEdit,
  choice: 'mine' | 'theirs',
  by: string | undefined,
): Promise<void> {
  // The settled edit's value is the after either way; the before is what it replaces.
  const before = choice === 'mine' ? settled.base : conflicted.value;
  if (JSON.stringify(before ?? null) === JSON.stringify(settled.value ?? null)) return;
  const made = await db.changeLog.where('opId').equals(conflicted.opId).first();
  // An unset name (`settings.me` empty) falls back to whoever made the edit, as the panel is theirs.
  const entry = changeOf({ ...settled, base: before ?? null } as LocalEdit, by?.trim() || made?.who, made?.accountName);
  await appendChange(db, { ...entry, settles: conflicted.opId });
}
