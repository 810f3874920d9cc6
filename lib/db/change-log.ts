import type { Tier } from '../settings/types';
import type { SourceId } from './accounts';
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

/** Accounts per grade and per recommended tier of one run of score rows: one side of a `ModelEffect`. */
export interface Tally {
  accounts: number;
  grades: Counts;
  tiers: Counts;
}

/** One logged change. Appended, never edited (but a model change's effect, filled in once counted): the log is what happened, in order. */
export interface ChangeEntry {
  /** Order of appending (auto-incremented). */
  seq?: number;
  at: number;
  /**
   * The user's name as set in the settings (`settings.me`), "someone" when unset, or the source
   * that brought the change (`sourceWho`: "HubSpot", "team feed", "file import").
   */
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
  /** Model: its effect on the accounts; absent where it was not computed. */
  effect?: ModelEffect;
  /**
   * Model: logged without the accounts at hand (a team feed's change): the effect is filled in
   * when the rescoring under the new models completes — the one time an entry is written again.
   */
  effectPending?: true;
  /** Tier and target: the source whose data brought the change (a sync, a feed, a file import); absent for a person's. */
  via?: SourceId;
  /** A summary of this many more changes of its kind from `via`, past those a rescoring lists one by one. */
  count?: number;
  /** The outbox edit it logs (tier and target changes): an undo finds who made the edit. */
  opId?: string;
  /** The edit this one undid. */
  undoOf?: string;
  /** The edit in conflict that this change settled (the user kept their value, or took the source's). */
  settles?: string;
}

/** Who the log names for the changes a source brought. */
const SOURCE_WHO: Partial<Record<SourceId, string>> = {
  hubspot: 'HubSpot',
  feed: 'team feed',
  file: 'file import',
  demo: 'demo data',
  local: 'this device',
};

/** "HubSpot", "team feed", "file import": the `who` of a change a source brought. */
export function sourceWho(source: string): string {
  return SOURCE_WHO[source as SourceId] ?? source;
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
