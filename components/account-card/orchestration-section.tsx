import { Reasons } from '@/components/shared/reasons';
import { Section } from '@/components/shared/section';
import type { OrchestrationResult } from '@/lib/scoring/orchestration';

/**
 * The account's segment in the org's orchestration template by grade, what it gets and why:
 * shown instead of the tier's commitments when the org orchestrates by grade.
 */
export function OrchestrationSection({ orchestration: o }: { orchestration: OrchestrationResult }) {
  return (
    <Section title="Orchestration by grade" aside={o.label && <span className="role-chip segment">{o.label}</span>}>
      {!o.segment ? (
        <p className="muted">In no segment of the template: no programs.</p>
      ) : o.programs.length === 0 ? (
        <p className="muted">{o.label} gets no programs.</p>
      ) : (
        <ul className="programs">
          {o.programs.map(({ program, cadence }) => (
            <li key={program.id}>
              <span className="program-name">{program.name}</span>
              <span className="program-owner">
                {program.owner}
                {cadence !== 'yes' && ` · ${cadence}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {o.rankUnknown && (
        <p className="muted">Rank by fit not known yet: placed by grade until every account's scores are computed.</p>
      )}
      <Reasons reasons={o.reasons} summary="Why this segment" />
    </Section>
  );
}
