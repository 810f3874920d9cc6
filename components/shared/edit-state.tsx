import { useId } from 'react';
import type { EditKind, PushState } from '@/lib/db/outbox';
import { crmName, stateWords, valueWords } from '@/lib/edits/describe';
import { resolveConflict, retryEdit, undoEdit } from '@/lib/edits/record';
import { useEditActions } from './use-edit-actions';
import { useSettings } from './use-settings';

/** What EditState needs of an edit: an overlay's FieldEdit or an outbox row. */
export interface ShownEdit {
  opId: string;
  kind: EditKind;
  state: PushState;
  lastError?: string;
  remote?: unknown;
}

/**
 * Where one edited value stands, in plain words — waiting, sent, in HubSpot, failed (why, and
 * Retry), conflict (both values, "Keep mine" and "Take HubSpot's"), saved here — with Undo when
 * the caller offers it. `about` names the value for screen readers ("the tags of Acme").
 */
export function EditState({
  edit,
  accountId,
  about,
  mine,
  label,
  canUndo = false,
}: {
  edit: ShownEdit;
  /** The account the edit is about: names the CRM it goes to. */
  accountId: string;
  about: string;
  /** The user's value, in words, for a conflict (the edit's own value when not given). */
  mine?: string;
  /** A visible name for the value, where one thing has several states (a contact added here, and their roles). */
  label?: string;
  canUndo?: boolean;
}) {
  const { run, busy, error } = useEditActions();
  // Who settles or undoes is the user of this browser, not necessarily who made the edit (the
  // Edits list shows a team's edits): the change log credits the act to them.
  const me = useSettings()?.me?.trim() || undefined;
  const aboutId = useId();
  const words = stateWords(edit, accountId);
  const crm = crmName(accountId);
  return (
    <div className={`edit-state edit-${edit.state}`} data-state={edit.state}>
      <span id={aboutId} className="sr-only">
        {about}:
      </span>
      {label && <span className="edit-label">{label}</span>}
      <span className={`edit-word tone-${words.tone}`} title={words.detail}>
        {words.word}
      </span>
      {/* "saved here" is the normal life of a local edit: its explanation stays in the tooltip. */}
      {words.detail && edit.state !== 'conflict' && edit.state !== 'local' && (
        <span className="edit-detail">{words.detail}</span>
      )}
      {edit.state === 'conflict' && (
        <span className="edit-conflict">
          <span>
            yours: <strong>{mine ?? '—'}</strong> / {crm}: <strong>{valueWords(edit.kind, edit.remote)}</strong>
          </span>
          <button
            type="button"
            className="edit-button"
            aria-describedby={aboutId}
            disabled={busy}
            onClick={() => run((db, now) => resolveConflict(db, edit.opId, 'mine', now, undefined, me))}
          >
            Keep mine
          </button>
          <button
            type="button"
            className="edit-button"
            aria-describedby={aboutId}
            disabled={busy}
            onClick={() => run((db, now) => resolveConflict(db, edit.opId, 'theirs', now, undefined, me))}
          >
            Take {crm}'s
          </button>
        </span>
      )}
      {edit.state === 'failed' && (
        <button
          type="button"
          className="edit-button"
          aria-describedby={aboutId}
          disabled={busy}
          onClick={() => run((db) => retryEdit(db, edit.opId))}
        >
          Retry
        </button>
      )}
      {canUndo && (
        <button
          type="button"
          className="link edit-undo"
          aria-describedby={aboutId}
          disabled={busy}
          onClick={() => run((db, now) => undoEdit(db, edit.opId, now, undefined, me))}
        >
          Undo
        </button>
      )}
      {error && (
        <span className="edit-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** States in which a note, a proposal or an added contact can still be taken back (see undoEdit). */
export const UNDOABLE_UNTIL_SENT: ReadonlySet<PushState> = new Set(['pending', 'local', 'failed']);
