import { type ReactNode, useId } from 'react';
import type { AccountFilter, AccountSort, SortKey } from '@/lib/program/query';
import type { Settings } from '@/lib/settings/types';
import {
  flagValue,
  gradeValue,
  levelValue,
  ownerSelectValue,
  ownerValue,
  SORT_LABELS,
  segmentChoices,
  segmentSelectValue,
  segmentTemplate,
  segmentValue,
  selectValue,
  sortDirection,
  tierValue,
  trendValue,
  withField,
} from './filter-model';
import { LEVEL_WORDS, TREND_MARKS } from './row-words';

/** One labelled <select>: "" means any. */
function Choice({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  // Labelled by id, not by wrapping: a wrapping label's name would include the option shown.
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={value ? 'active' : undefined}>
        <option value="">Any</option>
        {children}
      </select>
    </div>
  );
}

/** A checkbox that, when ticked, keeps only the rows with the flag. */
function Only({ label, value, onChange }: { label: string; value?: boolean; onChange: (v?: boolean) => void }) {
  return (
    <label className="filter-flag">
      <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked || undefined)} />
      {label}
    </label>
  );
}

/**
 * The accounts view's search, filters and sort, with a segment filter when the org orchestrates
 * by grade. Every change applies at once: a query is one pass over the index, fast enough at
 * 500,000 accounts to need no debounce.
 */
export function FilterBar({
  filter,
  onFilter,
  sort,
  onSort,
  owners,
  settings,
}: {
  filter: AccountFilter;
  onFilter: (filter: AccountFilter) => void;
  sort: AccountSort;
  onSort: (sort: AccountSort) => void;
  owners: readonly string[];
  settings: Settings;
}) {
  const searchId = useId();
  const sortId = useId();
  const set = <K extends keyof AccountFilter>(key: K, value: AccountFilter[K] | undefined) =>
    onFilter(withField(filter, key, value));
  const template = segmentTemplate(settings);
  const tiers = settings.tiers.map((t) => (
    <option key={t.tier} value={t.tier}>
      Tier {t.tier} {t.name}
    </option>
  ));
  return (
    <search className="filter-bar" aria-label="Search and filter accounts">
      <div className="filter filter-search">
        <label htmlFor={searchId}>Search</label>
        <input
          id={searchId}
          type="search"
          placeholder="Name or domain"
          value={filter.search ?? ''}
          onChange={(e) => set('search', e.target.value || undefined)}
        />
      </div>
      <Choice
        label="Assigned tier"
        value={selectValue(filter.assignedTier)}
        onChange={(v) => set('assignedTier', tierValue(v))}
      >
        {tiers}
        <option value="none">Untiered</option>
      </Choice>
      <Choice
        label="Recommended tier"
        value={selectValue(filter.recommendedTier)}
        onChange={(v) => set('recommendedTier', tierValue(v))}
      >
        {tiers}
        <option value="none">No tier recommended</option>
      </Choice>
      <Choice label="Grade" value={selectValue(filter.grade)} onChange={(v) => set('grade', gradeValue(v))}>
        {(['A', 'B', 'C', 'D', 'F'] as const).map((g) => (
          <option key={g} value={g}>
            {g}
          </option>
        ))}
        <option value="none">Ungraded</option>
      </Choice>
      {template && (
        <Choice
          label="Segment"
          value={segmentSelectValue(filter.segment)}
          onChange={(v) => set('segment', segmentValue(v))}
        >
          {segmentChoices(template).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Choice>
      )}
      <Choice
        label="Grade certainty"
        value={selectValue(filter.uncertain)}
        onChange={(v) => set('uncertain', flagValue(v))}
      >
        <option value="yes">Uncertain (?)</option>
        <option value="no">Certain</option>
      </Choice>
      <Choice label="Engagement" value={selectValue(filter.level)} onChange={(v) => set('level', levelValue(v))}>
        {([5, 4, 3, 2, 1] as const).map((l) => (
          <option key={l} value={l}>
            Level {l} · {LEVEL_WORDS[l]}
          </option>
        ))}
      </Choice>
      <Choice label="Trend" value={selectValue(filter.trend)} onChange={(v) => set('trend', trendValue(v))}>
        {(['surging', 'steady', 'cooling', 'quiet'] as const).map((t) => (
          <option key={t} value={t}>
            {TREND_MARKS[t]}
          </option>
        ))}
      </Choice>
      <Choice label="Owner" value={ownerSelectValue(filter.owner)} onChange={(v) => set('owner', ownerValue(v))}>
        {owners.map((o) => (
          <option key={o} value={`owner:${o}`}>
            {o}
          </option>
        ))}
        <option value="none">No owner</option>
      </Choice>
      <Choice label="Target" value={selectValue(filter.target)} onChange={(v) => set('target', flagValue(v))}>
        <option value="yes">Targets</option>
        <option value="no">Not targets</option>
      </Choice>
      <div className="filter-flags">
        <Only label="Recommended ≠ assigned" value={filter.disagreement} onChange={(v) => set('disagreement', v)} />
        <Only label="Overdue follow-up" value={filter.overdue} onChange={(v) => set('overdue', v)} />
        <Only label="Missing required roles" value={filter.missingRoles} onChange={(v) => set('missingRoles', v)} />
      </div>
      <div className="sort">
        <div className="filter">
          <label htmlFor={sortId}>Sort by</label>
          <select id={sortId} value={sort.key} onChange={(e) => onSort({ ...sort, key: e.target.value as SortKey })}>
            {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
              <option key={k} value={k}>
                {SORT_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="sort-direction"
          aria-pressed={sort.reversed === true}
          aria-label={`Reverse order (now ${sortDirection(sort)})`}
          onClick={() => onSort({ ...sort, reversed: !sort.reversed })}
        >
          {sort.reversed ? '↑' : '↓'} {sortDirection(sort)}
        </button>
      </div>
    </search>
  );
}
