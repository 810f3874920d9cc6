import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type RefObject, useEffect } from 'react';
import type { ScoreRow } from '@/lib/program/score-row';
import type { Settings } from '@/lib/settings/types';
import { AccountRow } from './account-row';
import { listKey } from './list-keys';

/** Every row is this tall, so that the virtualiser needs no measuring. */
export const ROW_HEIGHT = 52;

const optionId = (position: number) => `account-option-${position}`;

/** The column titles above the list, for the eye (each row speaks for itself to a screen reader). */
function ColumnHeads({ segments }: { segments: boolean }) {
  return (
    <div className="account-row account-heads" aria-hidden="true">
      <span>Account</span>
      <span>Assigned</span>
      <span>Recommended</span>
      <span>Grade</span>
      {segments && <span>Segment</span>}
      <span>Engagement</span>
      <span>13 weeks</span>
      <span>Next action</span>
      <span>Owner</span>
      <span>Missing roles</span>
    </div>
  );
}

/**
 * The accounts of the current view, virtualised: only the rows on screen are in the DOM, so that
 * 500,000 accounts scroll as 20 do. The list is one focusable listbox; the selection moves with
 * the arrow keys, PageUp/PageDown and Home/End (aria-activedescendant), Enter or a click opens
 * the account's card, Escape closes it.
 */
export function AccountList({
  rows,
  positions,
  settings,
  segmentOf,
  now,
  selected,
  onSelect,
  onOpen,
  onClose,
  label,
  listRef: scroller,
  viewKey,
}: {
  rows: readonly ScoreRow[];
  /** The rows of the view, in order (AccountIndex.query). */
  positions: Int32Array;
  settings: Settings;
  /** Each row's segment name (undefined: in none), when the org orchestrates by grade: a Segment column. */
  segmentOf?: (row: number) => string | undefined;
  now: number;
  /** The selected place in `positions`. */
  selected: number;
  onSelect: (place: number) => void;
  onOpen: (place: number) => void;
  onClose: () => void;
  label: string;
  /** The listbox, which the view focuses again when the card closes. */
  listRef: RefObject<HTMLDivElement | null>;
  /** Changes whenever the user changes the filters or the sort. */
  viewKey: number;
}) {
  const virtualizer = useVirtualizer({
    count: positions.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // A new view (other filters, another sort) starts at its top; a new scoring run of the same
  // view, or the minute moving on, keeps the place.
  useEffect(() => {
    if (viewKey >= 0) virtualizer.scrollToOffset(0);
  }, [viewKey, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const action = listKey(e.key, selected, positions.length, page);
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'close') onClose();
    else if (action.kind === 'open') onOpen(selected);
    else {
      onSelect(action.to);
      virtualizer.scrollToIndex(action.to, { align: 'auto' });
    }
  };

  const items = virtualizer.getVirtualItems();
  // Only a rendered option can be the active descendant: one scrolled out of view is not in the DOM.
  const active = items.some((item) => item.index === selected) ? optionId(selected) : undefined;
  return (
    <div className={`account-list${segmentOf ? ' with-segments' : ''}`}>
      <ColumnHeads segments={segmentOf !== undefined} />
      <div
        ref={scroller}
        className="account-scroller"
        role="listbox"
        tabIndex={0}
        aria-label={label}
        aria-activedescendant={active}
        onKeyDown={onKeyDown}
      >
        <div className="account-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const at = positions[item.index] as number;
            const row = rows[at] as ScoreRow;
            return (
              <AccountRow
                key={row.id}
                id={optionId(item.index)}
                row={row}
                settings={settings}
                segment={segmentOf && { label: segmentOf(at) }}
                now={now}
                position={item.index + 1}
                total={positions.length}
                selected={item.index === selected}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => {
                  onSelect(item.index);
                  onOpen(item.index);
                }}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
