import type { ReactNode } from 'react';

/** A coloured label: a grade, a tier, a level. */
export function Pill({ color, title, children }: { color: string; title?: string; children: ReactNode }) {
  return (
    <span className="pill" style={{ backgroundColor: color }} title={title}>
      {children}
    </span>
  );
}
