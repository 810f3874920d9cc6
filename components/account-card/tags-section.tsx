import { type FormEvent, useId, useState } from 'react';
import { EditState } from '@/components/shared/edit-state';
import { Section } from '@/components/shared/section';
import { useEditActions } from '@/components/shared/use-edit-actions';
import type { Account } from '@/lib/db/accounts';
import { valueWords } from '@/lib/edits/describe';
import type { FieldEdit } from '@/lib/edits/overlay';
import { recordEdit } from '@/lib/edits/record';
import { MAX_TAG_LENGTH, normaliseTag, tagSuggestions, withoutTag, withTag } from '@/lib/edits/tags';
import { useKnownTags } from './use-known-tags';

/** How many of the org's tags are offered as buttons while the user types. */
const SHOWN_SUGGESTIONS = 5;

/**
 * The account's free tags: each removable, new ones typed or picked from the tags the org
 * already uses. Each change records the whole new tag set, on the set shown as its base.
 */
export function TagsSection({ account, field }: { account: Account; field?: FieldEdit }) {
  const tags = account.tags ?? [];
  const known = useKnownTags();
  const [typed, setTyped] = useState('');
  const { run, busy, error } = useEditActions();
  const listId = useId();
  const save = (value: string[]) =>
    run((db, now) =>
      recordEdit(db, { kind: 'tags', entityId: account.id, accountId: account.id, value, base: tags }, now),
    );
  const add = async (tag: string | undefined) => {
    if (!tag) return;
    const next = withTag(tags, tag);
    if (next.length === tags.length || (await save(next))) setTyped('');
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void add(normaliseTag(typed));
  };
  const offered = tagSuggestions(known, tags, typed);
  const quick = typed.trim() === '' ? [] : offered.slice(0, SHOWN_SUGGESTIONS);
  return (
    <Section title="Tags" aside={<span className="muted">{tags.length}</span>}>
      {tags.length === 0 ? (
        <p className="muted">No tags yet.</p>
      ) : (
        <ul className="tag-list">
          {tags.map((t) => (
            <li key={t} className="tag-chip">
              <span>{t}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove tag ${t}`}
                title={`Remove tag ${t}`}
                disabled={busy}
                onClick={() => void save(withoutTag(tags, t))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="edit-form tag-add" onSubmit={onSubmit}>
        <input
          type="text"
          aria-label="Add a tag"
          placeholder="Add a tag"
          list={listId}
          value={typed}
          maxLength={MAX_TAG_LENGTH}
          onChange={(e) => setTyped(e.target.value)}
        />
        <datalist id={listId}>
          {offered.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <button type="submit" className="edit-button" disabled={busy || !normaliseTag(typed)}>
          Add tag
        </button>
      </form>
      {quick.length > 0 && (
        <p className="tag-suggestions">
          <span className="muted">Used elsewhere:</span>
          {quick.map((t) => (
            <button
              key={t}
              type="button"
              className="tag-suggestion"
              aria-label={`Add “${t}”`}
              disabled={busy}
              onClick={() => void add(t)}
            >
              {t}
            </button>
          ))}
        </p>
      )}
      {field && (
        <EditState
          edit={field}
          accountId={account.id}
          about={`the tags of ${account.name}`}
          mine={valueWords('tags', tags)}
          canUndo
        />
      )}
      {error && (
        <p className="edit-error" role="alert">
          {error}
        </p>
      )}
    </Section>
  );
}
