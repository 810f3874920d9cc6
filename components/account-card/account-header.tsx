import { GRADE_COLORS, TIER_COLORS } from '@/lib/colors';
import type { AccountView } from '@/lib/scoring/account-view';
import { gradeMark, rangeText } from '@/lib/scoring/grade-words';
import { Pill } from '../shared/pill';

/** Name, website, owner and the two letters a rep looks at first: tier and grade. */
export function AccountHeader({
  view,
  matchedBy,
  pageSite,
}: {
  view: AccountView;
  matchedBy?: string;
  pageSite?: string;
}) {
  const { account, grade, tier } = view;
  const domain = account.domains[0];
  return (
    <header className="account-header">
      <div className="account-title">
        <h1 className="account-name">{account.name}</h1>
        <div className="account-meta">
          {domain && <span className="account-domain">{domain}</span>}
          {account.owner && <span>Owner: {account.owner}</span>}
          {account.lifecycleStage && <span>{account.lifecycleStage}</span>}
        </div>
      </div>
      <div className="account-marks">
        {tier.assigned ? (
          <Pill color={TIER_COLORS[tier.assigned.tier] ?? '#64748b'} title={`Assigned Tier ${tier.assigned.tier}`}>
            T{tier.assigned.tier}
          </Pill>
        ) : (
          <Pill color="#94a3b8" title="No tier assigned">
            —
          </Pill>
        )}
        {grade.letter ? (
          <Pill
            color={GRADE_COLORS[grade.letter] ?? '#64748b'}
            title={
              grade.uncertain
                ? `ICP grade ${gradeMark(grade)}, fit ${grade.score}/100 on known data; ${rangeText(grade)}`
                : `ICP grade ${grade.letter}, fit ${grade.score}/100`
            }
          >
            {grade.uncertain ? (
              <>
                <span aria-hidden="true">{gradeMark(grade)}</span>
                <span className="sr-only">
                  ICP grade {grade.letter}, uncertain: {rangeText(grade)}
                </span>
              </>
            ) : (
              grade.letter
            )}
          </Pill>
        ) : (
          <Pill color="#94a3b8" title="Not graded: no ICP data">
            ?
          </Pill>
        )}
      </div>
      {pageSite !== undefined ? (
        <p className="notice notice-warn" data-claim="page">
          This site says it is {account.name}, but {pageSite} is not this account’s domain: low confidence. Check before
          you act on it.
        </p>
      ) : (
        matchedBy?.startsWith('name:') && (
          <p className="notice notice-warn">Matched by company name only: check that this is the right account.</p>
        )
      )}
    </header>
  );
}
