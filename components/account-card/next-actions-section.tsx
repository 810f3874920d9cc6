import { dueLabel } from '@/components/shared/format';
import { Section } from '@/components/shared/section';
import type { AccountView } from '@/lib/scoring/account-view';

/** The next actions, most urgent first, each with its owner, due date and reason. */
export function NextActionsSection({ view }: { view: AccountView }) {
  const { actions, computedAt } = view;
  return (
    <Section title="Next actions" aside={<span className="muted">{actions.length}</span>}>
      {actions.length === 0 ? (
        <p className="muted">Nothing due: the account is on track.</p>
      ) : (
        <ol className="actions">
          {actions.map((a) => (
            <li key={a.id} className={`action priority-${a.priority}`}>
              <div className="action-head">
                <span className="action-title">{a.title}</span>
                <span className={a.due < computedAt ? 'due overdue' : 'due'}>{dueLabel(a.due, computedAt)}</span>
              </div>
              <div className="action-why">{a.why}</div>
              <div className="action-owner">{a.owner}</div>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
