import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useRef, useState } from 'react';
import { EditState } from '@/components/shared/edit-state';
import { timeAgo } from '@/components/shared/format';
import { Section } from '@/components/shared/section';
import { useNow } from '@/components/shared/use-now';
import { getDb } from '@/lib/db/db';
import { editWords, valueWords } from '@/lib/edits/describe';
import { type EditRow, loadEditRows } from './edit-rows';
import { EditsExport } from './edits-export';

/** Edits shown at first, and added by each "Show more". */
const PAGE = 100;

/** The summary above the list: what needs the user first. */
function summary(counts: Record<string, number>): string {
  const parts = [
    counts.conflict ? `${counts.conflict} in conflict` : '',
    counts.failed ? `${counts.failed} failed` : '',
    counts.pending || counts.pushing ? `${(counts.pending ?? 0) + (counts.pushing ?? 0)} on the way` : '',
    counts.local ? `${counts.local} saved here` : '',
  ].filter(Boolean);
  return parts.join(' · ');
}

/**
 * Every edit the user made, newest first: the account, what changed (before → after), when,
 * and its state in plain words — a failure with its reason and Retry, a conflict with both
 * values and the two choices — and the edits export. Not part of the settings draft: every
 * control acts at once. Memoised: typing in the settings editors does not re-render it.
 */
export const EditsSection = memo(function EditsSection() {
  const [limit, setLimit] = useState(PAGE);
  const data = useLiveQuery(() => loadEditRows(getDb(), limit), [limit]);
  const now = useNow();
  const anchor = useRef<HTMLDivElement>(null);
  // The page renders after the settings load, too late for the browser's own jump to #edits.
  useEffect(() => {
    if (location.hash === '#edits') anchor.current?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <div id="edits" ref={anchor}>
      <Section title="Edits" aside={data && <span className="muted">{summary(data.counts)}</span>}>
        <p className="hint">
          Tags, buyer roles, tiers, proposals, notes and contacts changed in the side panel. Those of HubSpot accounts
          go back to HubSpot; the others are saved here and go out in the export.
        </p>
        <EditsExport />
        {!data ? (
          <p className="muted">Loading…</p>
        ) : data.rows.length === 0 ? (
          <p className="muted">No edits yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="grid edits-table">
              <thead>
                <tr>
                  <th>Account</th>
                  <th>What changed</th>
                  <th>When</th>
                  <th>State</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <EditLine key={row.edit.opId} row={row} now={now} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data && data.total > data.rows.length && (
          <button type="button" className="secondary" onClick={() => setLimit((l) => l + PAGE)}>
            Show {Math.min(PAGE, data.total - data.rows.length)} more
          </button>
        )}
      </Section>
    </div>
  );
});

function EditLine({ row, now }: { row: EditRow; now: number }) {
  const { edit, accountName, contactName } = row;
  const { what, change } = editWords(edit, contactName);
  return (
    <tr data-state={edit.state} data-op-id={edit.opId}>
      <td className="edit-account">{accountName}</td>
      <td className="edit-change">
        <span className="edit-what">{what}</span> <span>{change}</span>
      </td>
      <td className="edit-when" title={new Date(edit.createdAt).toLocaleString()}>
        {timeAgo(edit.createdAt, now)}
      </td>
      <td>
        <EditState
          edit={edit}
          accountId={edit.accountId}
          about={`${what} of ${accountName}`}
          mine={valueWords(edit.kind, edit.value)}
        />
      </td>
    </tr>
  );
}
