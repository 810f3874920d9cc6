import type { Tier } from '../settings/types';
import type { TierlensDB } from './db';

/** What a change log entry is about: an account's tier, its target designation, or the org's models. */
export type ChangeKind = 'tier' | 'target' | 'model';

/** Counts per grade letter ("ungraded" included) or per recommended tier ("none" for no tier). */
export type Counts = Record<string, number>;

/** What a model change did to all the accounts: counts per grade and per recommended tier, before and after. */
export interface ModelEffect {
  accounts: number;
  grades: { before: Counts; after: Counts };
  /** Accounts the model recommends for each tier ("1"…"5"), and "none". */
  tiers: { before: Counts; after: Counts };
}

/** One logged change. Appended, never edited: the log is what happened, in order. */
export interface ChangeEntry {
  /** Order of appending (auto-incremented). */
  seq?: number;
  at: number;
  /** The user's name as set in the settings (`settings.me`), "someone" when unset, or "team feed". */
  who: string;
  kind: ChangeKind;
  accountId?: string;
  /** The account's name when the change was made, when the caller knew it. */
  accountName?: string;
  /**
   * Tier: the tier number or null (untiered). Target: a boolean. Model: the changed settings,
   * flattened to `{ "icp.thresholds.A": 80 }` (see lib/program/change-log-model.ts).
   */
  before: Tier | boolean | null | Record<string, unknown>;
  after: Tier | boolean | null | Record<string, unknown>;
  /** Model: the sections of the settings that changed, in words ("ICP criteria", "Tiers"). */
  sections?: string[];
  /** Model: changed settings left out of `before`/`after` to keep the entry small. */
  moreChanges?: number;
  /** Model: its effect on the accounts; absent where it was not computed (a team feed's change). */
  effect?: ModelEffect;
  /** The outbox edit it logs (tier and target changes): an undo finds who made the edit. */
  opId?: string;
  /** The edit this one undid. */
  undoOf?: string;
}

/** Schema v8: appended in order; read newest first, by time or by account. */
export const changeLogSchema = '++seq, at, accountId, opId';

/** Appends an entry; call inside a transaction that includes `db.changeLog` to log with the change itself. */
export async function appendChange(db: TierlensDB, entry: Omit<ChangeEntry, 'seq'>): Promise<void> {
  await db.changeLog.add(entry as ChangeEntry);
}

/** The whole log, newest first. */
export async function readChangeLog(db: TierlensDB): Promise<ChangeEntry[]> {
  return db.changeLog.orderBy('seq').reverse().toArray();
}
