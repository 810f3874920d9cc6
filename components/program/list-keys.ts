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

/** The selected place in the list, and the account it held when the user chose it. */
export interface Selection {
  place: number;
  id?: string;
}

/**
 * Where the selection is in `positions` now: its place while that still holds its account, else
 * the account's new place (an edit's rows moved it), else the same place (it left the view), kept
 * within the list. `idAt` names the account of a row.
 */
export function placeOf(
  selection: Selection,
  positions: ArrayLike<number>,
  idAt: (row: number) => string | undefined,
): number {
  const place = Math.min(selection.place, positions.length - 1);
  const { id } = selection;
  if (id === undefined || place < 0 || idAt(positions[place] as number) === id) return place;
  for (let k = 0; k < positions.length; k++) if (idAt(positions[k] as number) === id) return k;
  return place;
}
