import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useSettings } from '@/components/shared/use-settings';
import { type ChangeEntry, type ChangeKind, type Counts, readChangeLog } from '@/lib/db/change-log';
import { getDb } from '@/lib/db/db';
import {
  type ChangeOrigin,
  changeLogCsv,
  changeWords,
  countKeys,
  GRADE_KEYS,
  KIND_WORDS,
  ORIGIN_WORDS,
  originOf,
  whenWords,
} from '@/lib/program/change-log-words';
import { readScores } from '@/lib/program/store';
import type { Settings } from '@/lib/settings/types';
import { downloadCsv, localDay } from './accounts-csv';
import './change-log.css';

/** Entries shown at once; the export holds every one the filters keep. */
const SHOWN = 500;

/**
 * Names of the accounts whose entries were logged without one, from the derived score rows:
 * read once, only when some entry needs it.
 */
function useMissingNames(entries: readonly ChangeEntry[] | undefined): ReadonlyMap<string, string> {
  const needed = !!entries?.some((e) => e.accountId && !e.accountName);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!needed) return;
    let live = true;
    void readScores(getDb()).then(({ rows }) => {
      if (live) setNames(new Map(rows.map((r) => [r.id, r.name])));
    });
    return () => {
      live = false;
    };
  }, [needed]);
  return names;
}

/** The change log: every tier change, target designation and model change, newest first, with what it did. */
export function ChangeLogView() {
  const entries = useLiveQuery(() => readChangeLog(getDb()), []);
  const settings = useSettings();
  const names = useMissingNames(entries);
  const [kind, setKind] = useState<ChangeKind | 'all'>('all');
  const [origin, setOrigin] = useState<ChangeOrigin | 'all'>('all');
  const [text, setText] = useState('');

  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (entries ?? []).filter((e) => {
      if (kind !== 'all' && e.kind !== kind) return false;
      if (origin !== 'all' && originOf(e) !== origin) return false;
      if (!needle) return true;
      const name = e.accountName ?? (e.accountId ? names.get(e.accountId) : undefined) ?? '';
      return name.toLowerCase().includes(needle) || e.who.toLowerCase().includes(needle);
    });
  }, [entries, kind, origin, text, names]);

  if (!entries) return <p className="muted accounts-state">Reading the change log…</p>;

  return (
    <div className="change-log">
      <header className="accounts-head">
        <div className="accounts-title">
          <h1>Change log</h1>
          <span className="muted">
            {shown.length} of {entries.length} {entries.length === 1 ? 'change' : 'changes'}
          </span>
        </div>
        <div className="accounts-tools">
          <label>
            Kind{' '}
            <select value={kind} onChange={(e) => setKind(e.target.value as ChangeKind | 'all')}>
              <option value="all">All</option>
              {(Object.keys(KIND_WORDS) as ChangeKind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_WORDS[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            By{' '}
            <select value={origin} onChange={(e) => setOrigin(e.target.value as ChangeOrigin | 'all')}>
              <option value="all">All</option>
              {(Object.keys(ORIGIN_WORDS) as ChangeOrigin[]).map((o) => (
                <option key={o} value={o}>
                  {ORIGIN_WORDS[o]}
                </option>
              ))}
            </select>
          </label>
          <input
            type="search"
            aria-label="Account or who"
            placeholder="Account or who"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button
            type="button"
            className="secondary"
            disabled={shown.length === 0}
            onClick={() =>
              downloadCsv(changeLogCsv(shown, settings, names), `tierlens-changes-${localDay(Date.now())}.csv`)
            }
          >
            Export CSV
          </button>
        </div>
      </header>
      {entries.length === 0 ? (
        <p className="muted accounts-state">
          No changes yet: tier changes, target designations and saved settings appear here, and the tiers and target
          designations a sync or an import changes.
        </p>
      ) : (
        <ol className="change-list" aria-label="Changes">
          {shown.slice(0, SHOWN).map((e) => (
            <ChangeItem
              key={e.seq}
              entry={e}
              settings={settings}
              name={e.accountId ? names.get(e.accountId) : undefined}
            />
          ))}
          {shown.length > SHOWN && <li className="muted">{shown.length - SHOWN} older changes: in the CSV export.</li>}
        </ol>
      )}
    </div>
  );
}

function ChangeItem({ entry, settings, name }: { entry: ChangeEntry; settings?: Settings; name?: string }) {
  const words = changeWords(entry, settings, name);
  return (
    <li
      className={`change change-${entry.kind}${entry.via ? ' change-from-source' : ''}`}
      data-kind={entry.kind}
      data-origin={originOf(entry)}
    >
      <p className="change-head">
        <strong>{entry.who}</strong>
        <span className="muted">, {whenWords(entry.at)}</span>
        <span className="change-what">: {words.what}</span>
      </p>
      <ul className="change-values">
        {words.changes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      {entry.effect && (
        <section className="change-effect" aria-label="Effect">
          <EffectTable
            caption="Grades"
            before={entry.effect.grades.before}
            after={entry.effect.grades.after}
            keys={GRADE_KEYS}
          />
          <EffectTable
            caption="Recommended tiers"
            before={entry.effect.tiers.before}
            after={entry.effect.tiers.after}
            keys={countKeys(entry.effect.tiers.before, entry.effect.tiers.after)}
            label={(k) => (k === 'none' ? 'No tier' : `Tier ${k}`)}
          />
        </section>
      )}
      {entry.kind === 'model' && !entry.effect && (
        <p className="muted change-no-effect">
          {entry.effectPending
            ? 'Effect on the accounts: counted when the rescoring under these models completes.'
            : 'Effect on the accounts not computed for this change.'}
        </p>
      )}
    </li>
  );
}

/** Accounts per grade or tier, before and after, the rows that moved marked. */
function EffectTable({
  caption,
  before,
  after,
  keys,
  label = (k) => (k === 'ungraded' ? 'Ungraded' : k),
}: {
  caption: string;
  before: Counts;
  after: Counts;
  keys: readonly string[];
  label?: (key: string) => string;
}) {
  return (
    <table className="effect-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => {
          const was = before[k] ?? 0;
          const is = after[k] ?? 0;
          return (
            <tr key={k} className={was !== is ? 'moved' : undefined}>
              <th scope="row">{label(k)}</th>
              <td>{was}</td>
              <td>{is}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
