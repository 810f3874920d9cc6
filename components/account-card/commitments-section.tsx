import { Section } from '@/components/shared/section';
import type { AccountView } from '@/lib/scoring/account-view';
import { describeBusinessHours } from '@/lib/scoring/business-time';

/** What marketing commits for the account's tier, and what the tier above would add. */
export function CommitmentsSection({ view }: { view: AccountView }) {
  const { commitments, tier } = view;
  if (!tier.assigned) {
    return (
      <Section title="Program commitments">
        <p className="muted">Untiered: no programs are committed until a tier is assigned.</p>
      </Section>
    );
  }
  const sla = tier.assigned.responseSlaHours;
  return (
    <Section
      title={`Tier ${tier.assigned.tier} commitments`}
      aside={<span className="muted">SLA {describeBusinessHours(sla)}</span>}
    >
      <ul className="programs">
        {commitments.programs.map(({ program, cadence }) => (
          <li key={program.id}>
            <span className="program-name">{program.name}</span>
            <span className="program-owner">
              {program.owner}
              {cadence !== 'committed' && ` · ${cadence}`}
            </span>
          </li>
        ))}
      </ul>
      {commitments.nextTierAdds.length > 0 && (
        <details className="reasons">
          <summary>Tier {tier.assigned.tier - 1} would add</summary>
          <ul>
            {commitments.nextTierAdds.map(({ program, cadence }) => (
              <li key={program.id} className="reason">
                <span className="reason-label">{program.name}</span>
                <span className="reason-detail">
                  {program.owner}
                  {cadence !== 'committed' && ` · ${cadence}`}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  );
}
