import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import { count } from '@/components/shared/format';
import { useCalibration } from '@/components/shared/use-calibration';
import { useNow } from '@/components/shared/use-now';
import { useSettings } from '@/components/shared/use-settings';
import { getDb } from '@/lib/db/db';
import { dataView } from '@/lib/db/generations';
import type { AccountFilter, AccountSort } from '@/lib/program/query';
import { AccountDrawer } from './account-drawer';
import { AccountList } from './account-list';
import { accountsCsv, csvFileName, downloadCsv } from './accounts-csv';
import { FilterBar } from './filter-bar';
import { filterFor, isFiltered, segmentTemplate } from './filter-model';
import { placeOf, type Selection } from './list-keys';
import { NoMatches, NoScores, ScoresStatus } from './scores-status';
import { useScores } from './use-scores';

/** How many accounts the visible generations hold: tells "no accounts" from "not scored yet". */
function useAccountCount(): number | undefined {
  return useLiveQuery(
    async () => {
      const view = await dataView(getDb());
      const counts = await Promise.all(view.all.map((d) => d.accounts.count()));
      return counts.reduce((a, b) => a + b, 0);
    },
    [],
    undefined,
  );
}

/**
 * The Accounts view: every account's derived scores, searched, filtered and sorted in one pass
 * over an index built once per scoring run, listed virtualised, exported as CSV, and each
 * account's full card a key or click away. When the org orchestrates by grade, each account's
 * segment is a column, a filter and a CSV column.
 */
export function AccountsApp() {
  const settings = useSettings();
  const calibration = useCalibration();
  const scores = useScores();
  const accounts = useAccountCount();
  // Follow-ups fall overdue while the page stays open.
  const now = useNow(60_000);
  const [filter, setFilter] = useState<AccountFilter>({});
  const [sort, setSort] = useState<AccountSort>({ key: 'engagement' });
  const [selection, setSelection] = useState<Selection>({ place: 0 });
  const [viewKey, setViewKey] = useState(0);
  const [openId, setOpenId] = useState<string>();
  const list = useRef<HTMLDivElement>(null);

  const template = settings && segmentTemplate(settings);
  // The segments are placed once per run of rows (and once more per edit's patch), never per query.
  const index = useMemo(
    () => (template ? scores.index.withSegments(template) : scores.index),
    [scores.index, template],
  );
  const { rows } = index;
  const segmentOf = useMemo(() => index.segmentLabels(), [index]);
  const shown = useMemo(() => filterFor(filter, template), [filter, template]);
  const owners = useMemo(() => index.owners(), [index]);
  const positions = useMemo(() => index.query(shown, sort, now), [index, shown, sort, now]);
  // The selected account stays selected when an edit's rows move it in the list.
  const place = useMemo(() => placeOf(selection, positions, (row) => rows[row]?.id), [selection, positions, rows]);
  const select = (at: number) => setSelection({ place: at, id: rows[positions[at] as number]?.id });

  const changeFilter = (next: AccountFilter) => {
    setFilter(next);
    setSelection({ place: 0 });
    setViewKey((k) => k + 1);
  };
  const changeSort = (next: AccountSort) => {
    setSort(next);
    setSelection({ place: 0 });
    setViewKey((k) => k + 1);
  };
  const close = () => {
    setOpenId(undefined);
    list.current?.focus();
  };
  const exportCsv = () => {
    if (settings) downloadCsv(accountsCsv(rows, positions, settings, now, segmentOf), csvFileName(now));
  };

  let body: React.ReactNode;
  if (!settings || !scores.loaded) body = <p className="muted accounts-state">Loading…</p>;
  else if (rows.length === 0) body = <NoScores accounts={accounts} state={scores.state} />;
  else if (positions.length === 0) body = <NoMatches onClear={() => changeFilter({})} />;
  else {
    body = (
      <AccountList
        rows={rows}
        positions={positions}
        settings={settings}
        segmentOf={segmentOf}
        now={now}
        selected={place}
        onSelect={select}
        onOpen={(p) => setOpenId(rows[positions[p] as number]?.id)}
        onClose={close}
        label={`Accounts, ${count(positions.length)} shown`}
        listRef={list}
        viewKey={viewKey}
      />
    );
  }

  return (
    <div className="accounts-page">
      <header className="accounts-head">
        <div className="accounts-title">
          <h1>Accounts</h1>
          <ScoresStatus state={scores.state} shownAt={rows.length > 0 ? scores.readState?.at : undefined} />
        </div>
        <div className="accounts-tools">
          <output className="accounts-count" aria-live="polite">
            {count(positions.length)} of {count(rows.length)} accounts
          </output>
          <button type="button" className="secondary" onClick={exportCsv} disabled={positions.length === 0}>
            Export CSV
          </button>
        </div>
      </header>
      {settings && rows.length > 0 && (
        <FilterBar
          filter={shown}
          onFilter={changeFilter}
          sort={sort}
          onSort={changeSort}
          owners={owners}
          settings={settings}
        />
      )}
      {settings && rows.length > 0 && isFiltered(shown) && positions.length > 0 && (
        <p className="filter-clear">
          <button type="button" className="link" onClick={() => changeFilter({})}>
            Clear filters
          </button>
        </p>
      )}
      <div className="accounts-main">
        <main className="accounts-list-area">{body}</main>
        {openId && settings && (
          <AccountDrawer accountId={openId} settings={settings} calibration={calibration} onClose={close} />
        )}
      </div>
    </div>
  );
}
