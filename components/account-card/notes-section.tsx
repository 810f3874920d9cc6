import { type FormEvent, useState } from 'react';
import { EditState, UNDOABLE_UNTIL_SENT } from '@/components/shared/edit-state';
import { timeAgo } from '@/components/shared/format';
import { Section } from '@/components/shared/section';
import { useEditActions } from '@/components/shared/use-edit-actions';
import { useNow } from '@/components/shared/use-now';
import type { Account } from '@/lib/db/accounts';
import type { EditedAccount } from '@/lib/edits/overlay';
import { recordEdit } from '@/lib/edits/record';

/** Longer than this belongs in the CRM's own notes. */
const MAX_NOTE_LENGTH = 2000;

/** The user's notes on the account, oldest first, each with where it stands; and a new one. */
export function NotesSection({ account, notes, me }: { account: Account; notes: EditedAccount['notes']; me: string }) {
  const [text, setText] = useState('');
  const now = useNow();
  const { run, busy, error } = useEditActions();
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const note = text.trim();
    if (!note) return;
    const ok = await run((db, at) =>
      recordEdit(
        db,
        { kind: 'note', entityId: account.id, accountId: account.id, value: { text: note, by: me }, base: null },
        at,
      ),
    );
    if (ok) setText('');
  };
  return (
    <Section title="Notes" aside={<span className="muted">{notes.length}</span>}>
      {notes.length > 0 && (
        <ul className="notes">
          {notes.map((n) => (
            <li key={n.opId} className="note">
              <p className="note-text">{n.text}</p>
              <p className="note-meta muted">
                {n.by || 'You'} · {timeAgo(n.createdAt, now)}
              </p>
              <EditState edit={n} accountId={account.id} about="this note" canUndo={UNDOABLE_UNTIL_SENT.has(n.state)} />
            </li>
          ))}
        </ul>
      )}
      <form className="edit-form note-add" onSubmit={add}>
        <textarea
          aria-label="Add a note"
          placeholder="Add a note"
          rows={2}
          maxLength={MAX_NOTE_LENGTH}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="edit-button" disabled={busy || text.trim() === ''}>
          Add note
        </button>
      </form>
      {error && (
        <p className="edit-error" role="alert">
          {error}
        </p>
      )}
    </Section>
  );
}
