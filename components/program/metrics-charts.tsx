/**
 * The metrics' small charts: inline SVG, each one image to assistive technology whose label
 * says the numbers it draws (the chart is for the eye, the label for everyone).
 */

/** One part of a stacked bar: its words (in the label and the legend), its count and its colour class. */
export interface BarPart {
  label: string;
  value: number;
  tone: string;
}

const W = 120;
const H = 12;

/** A horizontal bar split in proportion to its parts; an empty track when they sum to nothing. */
export function StackedBar({ parts, label }: { parts: readonly BarPart[]; label: string }) {
  const total = parts.reduce((s, p) => s + p.value, 0);
  const words = parts.map((p) => `${p.label} ${p.value.toLocaleString('en-US')}`).join(', ');
  let x = 0;
  return (
    <svg
      className="metrics-chart"
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`${label}: ${words}`}
    >
      <rect className="chart-track" width={W} height={H} rx={2} />
      {total > 0 &&
        parts.map((p) => {
          const w = (p.value / total) * W;
          const rect = <rect key={p.label} className={p.tone} x={x} width={w} height={H} />;
          x += w;
          return rect;
        })}
    </svg>
  );
}

/** A share (0–1) as a filled bar. */
export function ShareBar({ share, label, tone = 'chart-fill' }: { share: number; label: string; tone?: string }) {
  const w = Math.max(0, Math.min(1, share)) * W;
  return (
    <svg className="metrics-chart" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <rect className="chart-track" width={W} height={H} rx={2} />
      <rect className={tone} width={w} height={H} rx={2} />
    </svg>
  );
}

const SW = 96;
const SH = 20;

/** Counts over time (oldest first) as a line; flat at the bottom when all are zero. */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? SW / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(SH - 1 - (v / max) * (SH - 2)).toFixed(1)}`);
  return (
    <svg
      className="metrics-chart"
      width={SW}
      height={SH}
      viewBox={`0 0 ${SW} ${SH}`}
      role="img"
      aria-label={`${label}: ${values.map((v) => v.toLocaleString('en-US')).join(', ')}`}
    >
      <polyline className="chart-line" points={points.join(' ')} fill="none" />
    </svg>
  );
}

/** The colours of a stacked bar, with their words: read once, above the table. */
export function Legend({ parts }: { parts: readonly Pick<BarPart, 'label' | 'tone'>[] }) {
  return (
    <ul className="metrics-legend">
      {parts.map((p) => (
        <li key={p.label}>
          <svg width={10} height={10} aria-hidden="true">
            <rect className={p.tone} width={10} height={10} rx={2} />
          </svg>
          {p.label}
        </li>
      ))}
    </ul>
  );
}
