import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

/**
 * From how many lines a tier's list renders only the rows in view: a rep with thousands of
 * accounts recommended for a tier (Tier 3 at 500,000 accounts) would otherwise have a radio
 * group and a select per account in the page. Below it, every row is there, so that Tab goes
 * through all of them and the page prints whole.
 */
export const VIRTUAL_FROM = 300;

/** A row's height before it is measured: one line of name and domain, and the decision's controls. */
const ESTIMATED_ROW = 58;

/** What a row needs from the body: where it is, and (virtualised) the ref that measures it. */
export interface RowPlace {
  index: number;
  measure?: (element: HTMLTableRowElement | null) => void;
}

/**
 * The rows of a tier selection table: all of them, or, from VIRTUAL_FROM lines, those in and
 * near the view of the element that scrolls it (`scroller`: the view's own, else the page's),
 * between two spacer rows that keep the table's full height, so it scrolls as it did. Rows are
 * measured as they render: a long name or a narrow window wraps them.
 */
interface BodyProps<T> {
  lines: readonly T[];
  columns: number;
  row: (line: T, place: RowPlace) => ReactNode;
  /** The selector of the element that scrolls the table (the closest one around it). */
  scroller: string;
}

export function SelectionBody<T>(props: BodyProps<T>) {
  const { lines, row } = props;
  if (lines.length < VIRTUAL_FROM) return <tbody>{lines.map((line, index) => row(line, { index }))}</tbody>;
  return <VirtualBody {...props} />;
}

function VirtualBody<T>({ lines, columns, row, scroller }: BodyProps<T>) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [scroll, setScroll] = useState<{ element: Element; margin: number }>();
  // Where the body starts in what scrolls it: the scroll offset counts from that element's top.
  useLayoutEffect(() => {
    const tbody = body.current;
    if (!tbody) return;
    const element = tbody.closest(scroller) ?? document.scrollingElement ?? document.documentElement;
    const page = element === document.scrollingElement || element === document.documentElement;
    const top = tbody.getBoundingClientRect().top;
    const margin = page ? top + window.scrollY : top - element.getBoundingClientRect().top + element.scrollTop;
    setScroll({ element, margin });
  }, [scroller]);
  const margin = scroll?.margin ?? 0;
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroll?.element ?? null,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 12,
    scrollMargin: margin,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const before = first ? first.start - margin : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - margin) : 0;
  return (
    <tbody ref={body}>
      {before > 0 && (
        <tr className="selection-spacer" style={{ height: before }}>
          <td colSpan={columns} aria-hidden="true" />
        </tr>
      )}
      {items.map((item) => row(lines[item.index] as T, { index: item.index, measure: virtualizer.measureElement }))}
      {after > 0 && (
        <tr className="selection-spacer" style={{ height: after }}>
          <td colSpan={columns} aria-hidden="true" />
        </tr>
      )}
    </tbody>
  );
}
