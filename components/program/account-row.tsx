import type { CSSProperties } from 'react';
import { dueLabel } from '@/components/shared/format';
import { Pill } from '@/components/shared/pill';
import { Sparkline } from '@/components/shared/sparkline';
import { GRADE_COLORS, NEUTRAL_COLOR, TIER_COLORS } from '@/lib/colors';
import type { ScoreRow } from '@/lib/program/score-row';
import { roleLabel } from '@/lib/scoring/roles';
import type { Settings, Tier } from '@/lib/settings/types';
import { gradeMarkOf, tierLabel } from './accounts-csv';
import { followUpOverdue, gradeTitle, LEVEL_WORDS, NO_SEGMENT_WORDS, TREND_MARKS } from './row-words';

/** A tier as a coloured chip with its name; `empty` when there is none. */
export function TierChip({ tier, settings, empty }: { tier?: Tier; settings: Settings; empty: string }) {
  if (tier === undefined) return <span className="muted">{empty}</span>;
  const name = settings.tiers.find((t) => t.tier === tier)?.name;
  return (
    <span className="tier-chip" style={{ borderColor: TIER_COLORS[tier] }} title={tierLabel(tier, settings)}>
      <b style={{ color: TIER_COLORS[tier] }}>{tier}</b>
      {name && <span className="tier-name">{name}</span>}
    </span>
  );
}

/** What comes next: the most urgent action and its due date, overdue marked. */
function NextUp({ row, now }: { row: ScoreRow; now: number }) {
  if (!row.nextAction) return <span className="muted">nothing due</span>;
  const late = row.nextDue !== undefined && row.nextDue < now;
  return (
    <>
      <span className="row-line" title={row.nextAction}>
        {row.nextAction}
        {row.actionCount > 1 && <span className="muted"> +{row.actionCount - 1}</span>}
      </span>
      <span className={`row-sub ${late ? 'overdue' : 'muted'}`}>
        {row.nextDue !== undefined && dueLabel(row.nextDue, now)}
        {followUpOverdue(row, now) && ' · follow-up overdue'}
      </span>
    </>
  );
}

/**
 * One account of the accounts list, at a fixed height: who, the assigned and recommended tiers
 * (marked when they differ), the grade ("B?" when uncertain), the segment of the orchestration by
 * grade (when the org uses one), engagement, its weekly sparkline, what is due, the owner and the
 * buyer roles missing. Strings render as text only.
 */
export function AccountRow({
  row,
  settings,
  segment,
  now,
  id,
  position,
  total,
  selected,
  style,
  onClick,
}: {
  row: ScoreRow;
  settings: Settings;
  /** The account's segment when the org orchestrates by grade (no label: in none); absent, no segment cell. */
  segment?: { label?: string };
  now: number;
  id: string;
  /** 1-based place in the list, and the list's length, for assistive technology. */
  position: number;
  total: number;
  selected: boolean;
  style?: CSSProperties;
  onClick?: () => void;
}) {
  const differs = row.recommendedTier !== row.assignedTier;
  const mark = gradeMarkOf(row);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useFocusableInteractive: the listbox holds the focus and the keyboard, naming this option its aria-activedescendant
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-posinset={position}
      aria-setsize={total}
      className={`account-row${selected ? ' selected' : ''}`}
      data-account-id={row.id}
      style={style}
      onClick={onClick}
    >
      <span className="cell cell-name">
        <span className="row-line row-name">
          {row.name}
          {row.isTarget && (
            <span className="target-mark" title="Target account">
              ◎
            </span>
          )}
        </span>
        <span className="row-sub muted">{row.domain ?? 'no domain'}</span>
      </span>
      <span className="cell cell-tier" data-col="assigned">
        <TierChip tier={row.assignedTier} settings={settings} empty="untiered" />
      </span>
      <span
        className={`cell cell-tier${differs ? ' differs' : ''}`}
        data-col="recommended"
        title={differs ? 'The model recommends another tier than the assigned one' : undefined}
      >
        {differs && <span className="differs-mark">≠</span>}
        <TierChip tier={row.recommendedTier} settings={settings} empty="none" />
      </span>
      <span className="cell cell-grade" data-col="grade">
        <Pill color={row.grade ? (GRADE_COLORS[row.grade] ?? NEUTRAL_COLOR) : NEUTRAL_COLOR} title={gradeTitle(row)}>
          {mark || '–'}
        </Pill>
      </span>
      {segment && (
        <span className="cell cell-segment" data-col="segment">
          {segment.label ? (
            <span className="row-line" title={`Segment: ${segment.label}`}>
              {segment.label}
            </span>
          ) : (
            <span className="muted">{NO_SEGMENT_WORDS}</span>
          )}
        </span>
      )}
      <span className="cell cell-engagement" data-col="engagement" title={`Engagement ${row.engagement} of 100`}>
        <span className="row-line">
          <strong>{row.engagement}</strong>
          <span className={`level level-${row.level}`}> L{row.level}</span>
        </span>
        <span className={`row-sub trend trend-${row.trend}`} title={LEVEL_WORDS[row.level]}>
          {TREND_MARKS[row.trend]}
        </span>
      </span>
      <span className="cell cell-spark">
        <Sparkline values={row.weekly} label={`Touchpoints per week, last 13 weeks: ${row.weekly.join(', ')}`} />
      </span>
      <span className="cell cell-next" data-col="next">
        <NextUp row={row} now={now} />
      </span>
      <span className="cell cell-owner" data-col="owner">
        {row.owner ? <span className="row-line">{row.owner}</span> : <span className="muted">no owner</span>}
      </span>
      <span className="cell cell-roles" data-col="missing">
        {row.missingRoles.length > 0 ? (
          <span className="row-line warn" title={`Missing: ${row.missingRoles.map(roleLabel).join(', ')}`}>
            {row.missingRoles.map(roleLabel).join(', ')}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </span>
    </div>
  );
}
