/** What a key does in the accounts list: move the selection, open the selected card, close it. */
export type ListKeyAction = { kind: 'move'; to: number } | { kind: 'open' } | { kind: 'close' } | undefined;

/**
 * The list's keyboard, as a pure function of the key, the selected position (-1: none), the
 * number of rows and the rows a page holds: ArrowUp/Down one row, PageUp/Down a page, Home/End
 * the first and last row, Enter opens the selected account's card, Escape closes it. Moves stop
 * at the ends; `undefined` leaves the key to the browser.
 */
export function listKey(key: string, selected: number, count: number, pageSize: number): ListKeyAction {
  if (key === 'Escape') return { kind: 'close' };
  if (count === 0) return undefined;
  if (key === 'Enter') return selected >= 0 && selected < count ? { kind: 'open' } : undefined;
  const last = count - 1;
  const page = Math.max(1, pageSize);
  const from = Math.min(selected, last);
  let to: number;
  switch (key) {
    case 'ArrowDown':
      to = from < 0 ? 0 : from + 1;
      break;
    case 'ArrowUp':
      to = from < 0 ? 0 : from - 1;
      break;
    case 'PageDown':
      to = Math.max(from, 0) + page;
      break;
    case 'PageUp':
      to = Math.max(from, 0) - page;
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = last;
      break;
    default:
      return undefined;
  }
  return { kind: 'move', to: Math.min(last, Math.max(0, to)) };
}
