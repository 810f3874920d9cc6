import { count, money } from '@/components/shared/format';
import { Reasons } from '@/components/shared/reasons';
import { Section } from '@/components/shared/section';
import type { EditedAccount } from '@/lib/edits/overlay';
import type { AccountView } from '@/lib/scoring/account-view';
import type { Settings } from '@/lib/settings/types';
import { TargetControl, TierControl } from './tier-control';

const AGREEMENT: Record<AccountView['tier']['agreement'], string> = {
  same: 'agrees with the assigned tier',
  above: 'recommends promotion',
  below: 'recommends a lighter tier',
  untiered: 'recommends tiering this account',
  'not-recommended': 'recommends no ABM tier',
};

/**
 * The grade with its confidence and criteria, and the assigned tier beside the recommended one,
 * with the tier and the target flag as the user may change them.
 */
export function FitAndTier({
  view,
  edited,
  settings,
}: {
  view: AccountView;
  edited: EditedAccount;
  settings: Settings;
}) {
  const { account, grade, tier } = view;
  const facts = [
    account.industry,
    account.employees !== undefined ? `${count(account.employees)} employees` : undefined,
    account.revenue !== undefined ? `${money(account.revenue)} revenue` : undefined,
    account.country,
  ].filter(Boolean);
  return (
    <Section
      title="Fit and tier"
      aside={
        <span
          className={view.gradeUncertain ? 'warn' : 'muted'}
          title="Share of the ICP criteria's weight for which this account has data"
        >
          {view.gradeUncertain ? 'low confidence' : 'confidence'} {Math.round(grade.confidence * 100)}%
        </span>
      }
    >
      <p className="facts">{facts.join(' · ') || 'No firmographics on record'}</p>
      <dl className="pairs">
        <div>
          <dt>ICP grade</dt>
          <dd>
            {grade.letter ? (
              <>
                <strong>{grade.letter}</strong> · fit {grade.score}/100
              </>
            ) : (
              'Not graded: no ICP data'
            )}
          </dd>
        </div>
        <div>
          <dt>Assigned tier</dt>
          <dd>
            {tier.assigned ? `Tier ${tier.assigned.tier} ${tier.assigned.name} (${tier.assigned.motion})` : 'Untiered'}
          </dd>
        </div>
        <div>
          <dt>Recommended</dt>
          <dd>
            {tier.recommended ? `Tier ${tier.recommended.tier} ${tier.recommended.name}` : 'No tier'}{' '}
            <span className={`agreement agreement-${tier.agreement}`}>{AGREEMENT[tier.agreement]}</span>
          </dd>
        </div>
      </dl>
      <TierControl
        account={account}
        field={edited.fields.tier}
        proposal={edited.proposal}
        recommended={tier.recommended?.tier}
        settings={settings}
      />
      <TargetControl account={account} field={edited.fields.target} />
      <Reasons reasons={grade.reasons} summary="Why this grade" />
      <Reasons reasons={tier.reasons} summary="Why this recommendation" />
    </Section>
  );
}
