import type { ReactNode } from 'react';
import { tierRight } from '@/lib/edits/tier-owner';
import type { ScoreRow } from '@/lib/program/score-row';

/** The owner the user is, when their name (or email, or id) names one of the owners. */
export function ownerOfMe(me: string | undefined, rows: readonly ScoreRow[]): string | undefined {
  if (!me) return undefined;
  return rows.find((r) => r.owner && tierRight(me, r).may === 'change')?.owner;
}

/** The choice of the rep a view works with, among the accounts' owners. */
export function RepPicker({
  rep,
  owners,
  onChange,
}: {
  rep: string;
  owners: readonly string[];
  onChange: (rep: string) => void;
}) {
  return (
    <label className="rep-picker">
      Rep{' '}
      <select value={rep} onChange={(e) => onChange(e.target.value)}>
        {owners.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** What a view by rep shows while no account has an owner; `children` says what the view works on. */
export function NoOwners({ children }: { children: ReactNode }) {
  return (
    <div className="accounts-state">
      <h2>No accounts with an owner yet</h2>
      <p className="muted">{children}: import or sync accounts with their owners.</p>
    </div>
  );
}
