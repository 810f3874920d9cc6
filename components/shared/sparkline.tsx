/** A small bar chart of weekly counts, oldest first, with an accessible summary. */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const max = Math.max(1, ...values);
  const width = 4;
  const gap = 2;
  const height = 22;
  return (
    <svg
      className="sparkline"
      role="img"
      aria-label={label}
      width={values.length * (width + gap)}
      height={height}
      viewBox={`0 0 ${values.length * (width + gap)} ${height}`}
    >
      {values.map((v, i) => {
        const h = v === 0 ? 1 : Math.max(2, (v / max) * height);
        // biome-ignore lint/suspicious/noArrayIndexKey: weeks are positional and fixed in number
        return <rect key={i} x={i * (width + gap)} y={height - h} width={width} height={h} rx={1} />;
      })}
    </svg>
  );
}
