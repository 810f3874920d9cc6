import type { Reason } from '@/lib/scoring/reason';

const MARK: Record<NonNullable<Reason['effect']>, string> = {
  match: '✓',
  partial: '≈',
  miss: '✗',
  unknown: '?',
  disqualifies: '⛔',
};

/** The reasons behind a result, folded away until asked for. */
export function Reasons({ reasons, summary = 'Why' }: { reasons: readonly Reason[]; summary?: string }) {
  if (reasons.length === 0) return null;
  return (
    <details className="reasons">
      <summary>{summary}</summary>
      <ul>
        {reasons.map((r) => (
          <li key={`${r.label}:${r.detail}`} className={`reason reason-${r.effect ?? 'info'}`}>
            <span className="reason-mark" aria-hidden="true">
              {r.effect ? MARK[r.effect] : '•'}
            </span>
            <span className="reason-label">{r.label}</span>
            <span className="reason-detail">{r.detail}</span>
            {r.points !== undefined && <span className="reason-points">{r.points} pts</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
