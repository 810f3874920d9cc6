import type { ReactNode } from 'react';
import { count, money } from '@/components/shared/format';
import { type GroupMetrics, type Metrics, TRENDS } from '@/lib/program/metrics';
import { type BarPart, Legend, ShareBar, Sparkline, StackedBar } from './metrics-charts';
import { LEVEL_WORDS } from './row-words';

export type Grouping = 'tier' | 'owner';

const pct = (share: number) => `${Math.round(share * 100)}%`;
const day = (ms: number) =>
  new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const days = (n: number) => `${Math.round(n)} ${Math.round(n) === 1 ? 'day' : 'days'}`;

const LEVEL_PARTS = [1, 2, 3, 4, 5].map((l) => ({ label: `${l} ${LEVEL_WORDS[l]}`, tone: `level-${l}` }));
const TREND_PARTS = TRENDS.map((t) => ({ label: t, tone: `trend-${t}` }));

const levelParts = (g: GroupMetrics): BarPart[] =>
  LEVEL_PARTS.map((p, i) => ({ ...p, value: g.engagement.levels[i] ?? 0 }));
const trendParts = (g: GroupMetrics): BarPart[] =>
  TREND_PARTS.map((p, i) => ({ ...p, value: g.engagement.trends[TRENDS[i] as (typeof TRENDS)[number]] }));

/** One table of a metric family: a row per group, the whole program in the footer. */
function FamilyTable({
  title,
  note,
  head,
  groups,
  all,
  cells,
  legend,
}: {
  title: string;
  note?: ReactNode;
  head: string[];
  groups: GroupMetrics[];
  all: GroupMetrics;
  cells: (g: GroupMetrics) => ReactNode[];
  legend?: ReactNode;
}) {
  const id = `metrics-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  const row = (g: GroupMetrics, Tag: 'tbody' | 'tfoot') => (
    <tr key={g.key} data-group={g.key}>
      <th scope="row">{Tag === 'tfoot' ? 'All accounts' : g.label}</th>
      {cells(g).map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed per table
        <td key={i}>{c}</td>
      ))}
    </tr>
  );
  return (
    <section className="review-section metrics-family" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {note && <p className="muted metrics-note">{note}</p>}
      {legend}
      <table className="selection-table metrics-table">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{groups.map((g) => row(g, 'tbody'))}</tbody>
        <tfoot>{row(all, 'tfoot')}</tfoot>
      </table>
    </section>
  );
}

/** "12 of 16 (75%)" beside its bar, or the words for nothing to measure. */
function Share({
  part,
  whole,
  share,
  what,
  none,
}: {
  part: number;
  whole: number;
  share?: number;
  what: string;
  none: string;
}) {
  if (share === undefined) return <span className="muted">{none}</span>;
  const words = `${count(part)} of ${count(whole)} (${pct(share)})`;
  return (
    <span className="metrics-figure">
      <ShareBar share={share} label={`${what}: ${words}`} />
      <span>{words}</span>
    </span>
  );
}

/** The metric families' tables for the groups of the chosen grouping. */
export function MetricsTables({ metrics, by }: { metrics: Metrics; by: Grouping }) {
  const groups = by === 'tier' ? metrics.byTier : metrics.byOwner;
  const { all, period } = metrics;
  const group = by === 'tier' ? 'Tier' : 'Owner';
  const maxPipeline = Math.max(0, ...groups.map((g) => g.pipeline.amount));
  return (
    <>
      <FamilyTable
        title="Coverage"
        note="Buyer roles the assigned tier requires that somebody holds, and contacts with a touchpoint."
        head={[group, 'Accounts', 'Required roles mapped', 'Fully covered accounts', 'Contacts engaged']}
        groups={groups}
        all={all}
        cells={(g) => [
          count(g.accounts),
          <Share
            key="roles"
            part={g.coverage.held}
            whole={g.coverage.required}
            share={g.coverage.share}
            what={`${g.label}, required roles mapped`}
            none="no roles required"
          />,
          g.coverage.needRoles ? `${count(g.coverage.fullyCovered)} of ${count(g.coverage.needRoles)}` : '—',
          <Share
            key="contacts"
            part={g.contacts.engaged}
            whole={g.contacts.total}
            share={g.contacts.share}
            what={`${g.label}, contacts engaged`}
            none="no contacts"
          />,
        ]}
      />
      <FamilyTable
        title="Engagement"
        note="Accounts per engagement level and trend; touchpoints per week over the last 13 weeks."
        head={[group, 'Accounts', 'Level', 'Trend', 'Touchpoints, 13 weeks']}
        groups={groups}
        all={all}
        legend={
          <div className="metrics-legends">
            <Legend parts={LEVEL_PARTS} />
            <Legend parts={TREND_PARTS} />
          </div>
        }
        cells={(g) => [
          count(g.accounts),
          <StackedBar key="levels" parts={levelParts(g)} label={`${g.label}, accounts per level`} />,
          <StackedBar key="trends" parts={trendParts(g)} label={`${g.label}, accounts per trend`} />,
          <Sparkline key="weekly" values={g.engagement.weekly} label={`${g.label}, touchpoints per week`} />,
        ]}
      />
      <FamilyTable
        title="Pipeline"
        note="Open opportunities now, whatever their expected close date."
        head={[group, 'Open deals', 'Open amount', 'Accounts with an open deal']}
        groups={groups}
        all={all}
        cells={(g) => [
          count(g.pipeline.open),
          <span key="amount" className="metrics-figure">
            <ShareBar
              share={maxPipeline ? g.pipeline.amount / maxPipeline : 0}
              label={`${g.label}, open amount ${money(g.pipeline.amount)}`}
            />
            <span>
              {money(g.pipeline.amount)}
              {g.pipeline.withoutAmount > 0 && (
                <span className="muted"> ({count(g.pipeline.withoutAmount)} without an amount)</span>
              )}
            </span>
          </span>,
          count(g.pipeline.accounts),
        ]}
      />
      <FamilyTable
        title="Outcomes"
        note={
          <>
            Deals closed in the last {period.months} months ({day(period.from)} – {day(period.to)}). Velocity: median
            days from the account’s first touch, or the deal’s creation when earlier, to the win; a deal after one the
            account already closed (a renewal, an upsell) from its own creation.
            {all.outcomes.undated > 0 &&
              ` ${count(all.outcomes.undated)} closed deals without a close date are left out.`}
          </>
        }
        head={[group, 'Won', 'Lost', 'Win rate', 'Average deal', 'Velocity']}
        groups={groups}
        all={all}
        cells={(g) => {
          const o = g.outcomes;
          return [
            count(o.won),
            count(o.lost),
            o.winRate === undefined ? (
              <span key="rate" className="muted">
                no closed deals
              </span>
            ) : (
              <span key="rate" className="metrics-figure">
                <ShareBar
                  share={o.winRate}
                  tone="chart-won"
                  label={`${g.label}, win rate ${pct(o.winRate)}: ${count(o.won)} won, ${count(o.lost)} lost`}
                />
                <span>{pct(o.winRate)}</span>
              </span>
            ),
            o.averageDeal === undefined ? (
              <span key="deal" className="muted">
                —
              </span>
            ) : (
              money(o.averageDeal)
            ),
            o.velocityDays === undefined ? (
              <span key="velocity" className="muted">
                —
              </span>
            ) : (
              <span key="velocity">
                {days(o.velocityDays)}{' '}
                <span className="muted">
                  ({count(o.velocityDeals)} {o.velocityDeals === 1 ? 'deal' : 'deals'})
                </span>
              </span>
            ),
          ];
        }}
      />
      <Reviews metrics={metrics} by={by} />
    </>
  );
}

/** The account reviews kept, per group, and per tier the accounts longest without a review. */
function Reviews({ metrics, by }: { metrics: Metrics; by: Grouping }) {
  const groups = (by === 'tier' ? metrics.byTier : metrics.byOwner).filter((g) => g.key !== 'tier:untiered');
  const every = new Map(metrics.reviews.map((t) => [`tier:${t.tier}`, t.everyDays]));
  const cadence = metrics.reviews.map((t) => `${t.label} every ${t.everyDays} days`).join('; ');
  return (
    <>
      <FamilyTable
        title="Account reviews"
        note={`Reviewed within the tier’s interval: ${cadence}.`}
        head={[
          ...(by === 'tier' ? ['Tier', 'Every'] : ['Owner']),
          'Kept',
          'On time',
          'Overdue',
          'Never',
          'Oldest review',
          'Latest review',
        ]}
        groups={groups}
        all={metrics.all}
        cells={(g) => {
          const r = g.reviews;
          return [
            // Each owner's accounts are held to their own tiers' intervals: no one interval to show.
            ...(by === 'tier' ? [every.has(g.key) ? days(every.get(g.key) as number) : '—'] : []),
            <StackedBar
              key="kept"
              label={`${g.label}, account reviews`}
              parts={[
                { label: 'on time', value: r.onTime, tone: 'review-ok' },
                { label: 'overdue', value: r.overdue, tone: 'review-late' },
                { label: 'never', value: r.never, tone: 'review-never' },
              ]}
            />,
            count(r.onTime),
            count(r.overdue),
            count(r.never),
            r.oldest === undefined ? '—' : day(r.oldest),
            r.latest === undefined ? '—' : day(r.latest),
          ];
        }}
      />
      {by === 'tier' && (
        <section className="review-section" aria-label="Longest without a review">
          {metrics.reviews.map((t) => (
            <details key={t.tier} className="metrics-stalest">
              <summary>
                {t.label}: the accounts longest without a review ({count(t.stalest.length)})
              </summary>
              {t.stalest.length === 0 ? (
                <p className="muted">No account in {t.label}.</p>
              ) : (
                <ul>
                  {t.stalest.map((e) => (
                    <li key={e.id} data-account-id={e.id}>
                      <span className="row-name">{e.name}</span>{' '}
                      <span className={e.overdue ? 'warn' : 'muted'}>
                        {e.lastReviewedAt === undefined ? 'never reviewed' : `last reviewed ${day(e.lastReviewedAt)}`}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </details>
          ))}
        </section>
      )}
    </>
  );
}
