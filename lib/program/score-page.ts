import type { Account } from '../db/accounts';
import type { TierlensDB } from '../db/db';
import { sourceOfId } from '../db/generations';
import type { LocalEdit } from '../db/outbox';
import type { EditMark } from '../db/scores';
import type { SyncState } from '../db/sync-state';
import { type AccountTouchpoints, byAccount, touchpointsOf } from '../db/touchpoints';
import { applyEdits } from '../edits/overlay';
import { scoreAccount } from '../scoring/account-view';
import type { CalibratedModel } from '../scoring/calibration';
import type { Settings } from '../settings/types';
import { digest } from './digest';
import { type ScoreRow, scoreRowOf } from './score-row';
import { editMarks } from './source-changes';

/*
 * One page of a rescoring (lib/program/rescore.ts): the accounts scored as the side panel scores
 * them, with their contacts, touchpoints and the user's edits; and the edits' digests, by which
 * a run knows which accounts an edit changed since.
 */

/** What a rescoring scores with: the models in force and, in calibrated mode, the fitted model. */
export interface ScoringInputs {
  settings: Settings;
  calibration?: CalibratedModel;
  /** When `settings` were read (default: the run's start): a model change logged before then is in them. */
  readAt?: number;
}

/** Per account with edits, a digest of its edits as they stand (what each is, and its state). */
export function editDigests(edits: readonly LocalEdit[]): Record<string, string> {
  const byAccount = new Map<string, string[]>();
  for (const e of edits) {
    const parts = byAccount.get(e.accountId) ?? [];
    parts.push(`${e.opId}:${e.state}:${e.confirmedAt ?? ''}`);
    byAccount.set(e.accountId, parts);
  }
  return Object.fromEntries([...byAccount].map(([id, parts]) => [id, digest(parts.sort().join(','))]));
}

/**
 * The accounts whose edits differ between two digests: edited since, or no longer edited. The
 * rescoring patches exactly these in place (patch-edits.ts), and the view re-reads exactly these
 * (store.ts refreshScores).
 */
export function changedAccounts(before: Record<string, string>, now: Record<string, string>): string[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(now)]);
  return [...ids].filter((id) => before[id] !== now[id]);
}

/** A page of score rows, with the newest tier and target edit each reflects. */
export interface ScoredPage {
  rows: ScoreRow[];
  marks: Record<string, EditMark>;
}

/**
 * Scores `accounts` (all from `db`, one of the view's databases) as the side panel would: with
 * their contacts, touchpoints and the user's edits applied.
 */
export async function scorePage(
  main: TierlensDB,
  db: TierlensDB,
  accounts: readonly Account[],
  states: readonly SyncState[],
  inputs: ScoringInputs,
  at: number,
  pause?: () => Promise<void>,
  contiguous = false,
  outbox?: ReadonlyMap<string, LocalEdit[]>,
): Promise<ScoredPage> {
  const ids = accounts.map((a) => a.id);
  const first = ids[0] as string;
  const last = ids[ids.length - 1] as string;
  // A page of a full run holds consecutive ids: its contacts and touchpoints are one key range
  // each (one cursor), where a patch's scattered accounts are looked up one key at a time.
  const [contacts, touchpointRows, edits] = await Promise.all([
    contiguous
      ? db.contacts.where('accountId').between(first, last, true, true).toArray()
      : db.contacts.where('accountId').anyOf(ids).toArray(),
    contiguous
      ? db.accountTouchpoints.where(':id').between(first, last, true, true).toArray()
      : db.accountTouchpoints.bulkGet(ids),
    outbox ? ids.flatMap((id) => outbox.get(id) ?? []) : main.outbox.where('accountId').anyOf(ids).toArray(),
  ]);
  const packed = new Map<string, AccountTouchpoints>();
  for (const row of touchpointRows) if (row) packed.set(row.accountId, row);
  const contactsOf = byAccount(contacts);
  const editsOf = outbox ?? byAccount(edits);
  const lastSync = new Map<string, number | undefined>(states.map((s) => [s.source, s.lastSuccess]));
  const rows: ScoreRow[] = [];
  for (let i = 0; i < accounts.length; i++) {
    if (i > 0 && i % SLICE === 0) await pause?.();
    const account = accounts[i] as Account;
    const people = contactsOf.get(account.id) ?? [];
    const accountEdits = editsOf.get(account.id);
    const edited = accountEdits
      ? applyEdits(account, people, accountEdits, lastSync.get(sourceOfId(account.id)))
      : { account, contacts: people };
    const own = touchpointsOf(packed.get(account.id));
    const view = scoreAccount(edited.account, edited.contacts, own, inputs.settings, at, {
      calibration: inputs.calibration,
    });
    let first: number | undefined;
    for (const t of own) if (first === undefined || t.at < first) first = t.at;
    rows.push(scoreRowOf(view, first));
  }
  return { rows, marks: editMarks(edits) };
}

/** Accounts scored between two pauses: a few milliseconds of the worker's thread. */
const SLICE = 50;

/** A chunk's marks, left out when none of its rows has a tier or target edit. */
export const withMarks = (marks: Record<string, EditMark>) => (Object.keys(marks).length > 0 ? { marks } : {});
