import { count, money } from '@/components/shared/format';
import { Reasons } from '@/components/shared/reasons';
import { Section } from '@/components/shared/section';
import type { EditedAccount } from '@/lib/edits/overlay';
import type { AccountView } from '@/lib/scoring/account-view';
import { gradeMark, listWords, rangeText } from '@/lib/scoring/grade-words';
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
 * The grade with its confidence, its range when the missing data could change it, and its
 * criteria; the assigned tier beside the recommended one (and the tier the missing data could
 * justify), with the tier and the target flag as the user may change them.
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
          className={view.lowConfidence ? 'warn' : 'muted'}
          title="Share of the ICP criteria's weight for which this account has data"
        >
          {view.lowConfidence ? 'low confidence' : 'confidence'} {Math.round(grade.confidence * 100)}%
        </span>
      }
    >
      <p className="facts">{facts.join(' · ') || 'No firmographics on record'}</p>
      <dl className="pairs">
        <div>
          <dt>ICP grade</dt>
          <dd>
            {grade.letter && grade.uncertain ? (
              <>
                <strong>{gradeMark(grade)}</strong> · fit {grade.score}/100 on known data ·{' '}
                <span className="warn" data-grade-range>
                  {rangeText(grade)}
                </span>
              </>
            ) : grade.letter ? (
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
            {tier.assigned && view.tierUse && <TierUse tier={tier.assigned.tier} use={view.tierUse} />}
          </dd>
        </div>
        <div>
          <dt>Recommended</dt>
          <dd>
            {tier.recommended ? `Tier ${tier.recommended.tier} ${tier.recommended.name}` : 'No tier'}{' '}
            <span className={`agreement agreement-${tier.agreement}`}>{AGREEMENT[tier.agreement]}</span>
            {tier.possible && (
              <span className="muted" data-possible-tier={tier.possible.tier.tier}>
                {' '}
                · not Tier {tier.possible.tier.tier} {tier.possible.tier.name}: {listWords(tier.possible.unknown)}{' '}
                unknown
              </span>
            )}
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

/** "Tier 1 holds 31 of 25", with a warning over capacity: what the tier's programs can take. */
function TierUse({ tier, use }: { tier: number; use: NonNullable<AccountView['tierUse']> }) {
  const text = `Tier ${tier} holds ${count(use.assigned)} of ${count(use.capacity)}`;
  if (!use.overCapacity) return <span className="muted tier-use"> · {text}</span>;
  return (
    <span className="warn tier-use" role="note">
      {' '}
      · {text}: over capacity, {count(use.assigned - use.capacity)} more than its programs can take
    </span>
  );
}
