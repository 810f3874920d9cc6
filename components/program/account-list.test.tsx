import { parseHTML } from 'linkedom';
import { act, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountIndex } from '@/lib/program/query';
import { scoreRow } from '@/lib/program/test-rows';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { AccountList } from './account-list';

const NOW = new Date(2026, 2, 2, 9, 30).getTime();
const rows = Array.from({ length: 30 }, (_, i) =>
  scoreRow({ id: `file:${i}`, name: `Company ${String(i).padStart(2, '0')}`, engagement: i }),
);
const index = new AccountIndex(rows);

let window: ReturnType<typeof parseHTML>['window'];
let document: ReturnType<typeof parseHTML>['document'];
let root: Root;
let opened: string[];

/** The list as the Accounts view holds it: the selection in state, opening records the account. */
function Harness({ segmentOf }: { segmentOf?: (row: number) => string | undefined }) {
  const [selected, setSelected] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  const positions = index.query({}, { key: 'engagement' }, NOW);
  return (
    <AccountList
      rows={index.rows}
      positions={positions}
      settings={DEFAULT_SETTINGS}
      segmentOf={segmentOf}
      now={NOW}
      selected={selected}
      onSelect={setSelected}
      onOpen={(p) => opened.push(index.rows[positions[p] as number]?.name ?? '')}
      onClose={() => opened.push('closed')}
      label="Accounts"
      listRef={list}
      viewKey={0}
    />
  );
}

const listbox = () => document.querySelector('[role="listbox"]') as unknown as HTMLElement;
const selectedName = () => {
  const id = listbox().getAttribute('aria-activedescendant');
  const option = id ? document.getElementById(id) : null;
  expect(option?.getAttribute('aria-selected')).toBe('true');
  return option?.querySelector('.row-name')?.textContent;
};
const press = async (key: string) => {
  await act(async () => {
    listbox().dispatchEvent(Object.assign(new window.Event('keydown', { bubbles: true }), { key }));
  });
};

beforeEach(async () => {
  ({ window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>'));
  // linkedom lays nothing out: frames run as timers, and the list is tall enough for every row.
  Object.assign(window, {
    requestAnimationFrame: (run: () => void) => setTimeout(run, 0),
    cancelAnimationFrame: (id: number) => clearTimeout(id),
  });
  Object.defineProperty(window.HTMLElement.prototype, 'clientHeight', { get: () => 30 * 52, configurable: true });
  Object.defineProperty(window.HTMLElement.prototype, 'clientWidth', { get: () => 1000, configurable: true });
  Object.assign(globalThis, { window, document, IS_REACT_ACT_ENVIRONMENT: true });
  opened = [];
  root = createRoot(document.getElementById('root') as never);
  await act(async () => root.render(<Harness />));
});

afterEach(async () => {
  await act(async () => root.unmount());
});

describe('the accounts list, by keyboard', () => {
  it('is one focusable listbox whose active option is the selection', () => {
    expect(listbox().getAttribute('tabindex')).toBe('0');
    // Most engaged first.
    expect(selectedName()).toBe('Company 29');
  });

  it('moves the selection with the arrow keys and Home/End', async () => {
    await press('ArrowDown');
    await press('ArrowDown');
    expect(selectedName()).toBe('Company 27');
    await press('ArrowUp');
    expect(selectedName()).toBe('Company 28');
    await press('End');
    expect(selectedName()).toBe('Company 00');
    await press('Home');
    expect(selectedName()).toBe('Company 29');
  });

  it('opens the selected account’s card with Enter, closes it with Escape', async () => {
    await press('ArrowDown');
    await press('Enter');
    await press('Escape');
    expect(opened).toEqual(['Company 28', 'closed']);
  });
});

describe('the accounts list’s Segment column', () => {
  const heads = () => [...document.querySelectorAll('.account-heads span')].map((s) => s.textContent);

  it('is not there when the org does not orchestrate by grade', () => {
    expect(heads()).not.toContain('Segment');
    expect(document.querySelector('[data-col="segment"]')).toBeNull();
  });

  it('follows the grade, and names each row’s segment, when it does', async () => {
    // Rows 20 and up in the top segment, the rest in none.
    await act(async () => root.render(<Harness segmentOf={(row) => (row >= 20 ? 'Top 10 accounts' : undefined)} />));
    expect(heads().slice(3, 5)).toEqual(['Grade', 'Segment']);
    const cell = (name: string) =>
      [...document.querySelectorAll('[role="option"]')]
        .find((o) => o.querySelector('.row-name')?.textContent === name)
        ?.querySelector('[data-col="segment"]')?.textContent;
    expect(cell('Company 29')).toBe('Top 10 accounts');
    expect(cell('Company 05')).toBe('no segment');
  });
});
