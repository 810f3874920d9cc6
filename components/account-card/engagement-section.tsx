import { timeAgo } from '@/components/shared/format';
import { Reasons } from '@/components/shared/reasons';
import { Section } from '@/components/shared/section';
import { Sparkline } from '@/components/shared/sparkline';
import type { AccountView } from '@/lib/scoring/account-view';

const LEVEL_WORDS = ['', 'cold', 'needs nurturing', 'warming', 'engaged', 'contact now'];
const TREND_MARK = { surging: '▲ surging', steady: '► steady', cooling: '▼ cooling', quiet: '· quiet' } as const;

/** Engagement score, level, trend and a weekly sparkline, with what drives it. */
export function EngagementSection({ view }: { view: AccountView }) {
  const e = view.engagement;
  return (
    <Section title="Engagement" aside={<span className={`trend trend-${e.trend}`}>{TREND_MARK[e.trend]}</span>}>
      <div className="engagement">
        <div className="score" title={`Engagement score ${e.score} of 100`}>
          <span className="score-value">{e.score}</span>
          <span className="score-scale">/100</span>
        </div>
        <div className="engagement-detail">
          <div className={`level level-${e.level}`}>
            Level {e.level} · {LEVEL_WORDS[e.level]}
          </div>
          <div className="muted">
            {e.lastWeek} touchpoints this week · {e.engagedContacts} contacts engaged
            {e.lastTouchAt !== undefined && ` · last touch ${timeAgo(e.lastTouchAt, view.computedAt)}`}
          </div>
        </div>
        <Sparkline values={e.weekly} label={`Touchpoints per week, last 13 weeks: ${e.weekly.join(', ')}`} />
      </div>
      {e.calibrated && (
        <p className="calibration">
          Win probability <strong>{Math.round(e.calibrated.probability * 100)}%</strong> sets the level: calibrated on{' '}
          {e.calibrated.learntFrom} won/lost accounts, AUC {e.calibrated.auc.toFixed(2)} on {e.calibrated.heldOut} held
          out (default score {e.calibrated.defaultAuc.toFixed(2)}).
          {e.calibrated.undated > 0 && ` ${e.calibrated.undated} without a close date left out.`}
        </p>
      )}
      <Reasons reasons={e.drivers} summary="What drives the score" />
      {e.calibrated && <Reasons reasons={e.calibrated.drivers} summary="What drives the win probability" />}
    </Section>
  );
}
