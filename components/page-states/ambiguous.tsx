import type { Account } from '@/lib/db/accounts';

/** Several accounts match the page equally well: show them, never pick one silently. */
export function Ambiguous({
  accounts,
  matchedBy,
  onPick,
}: {
  accounts: Account[];
  matchedBy: string;
  onPick: (id: string) => void;
}) {
  return (
    <div className="state" data-state="ambiguous">
      <h1>{accounts.length} accounts match</h1>
      <p className="muted">They all carry {matchedBy}. Pick the one you mean; fix the duplicate in your CRM.</p>
      <ul className="choices">
        {accounts.map((a) => (
          <li key={a.id}>
            <button type="button" onClick={() => onPick(a.id)}>
              {a.name} <span className="muted">{a.domains[0] ?? a.id}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
