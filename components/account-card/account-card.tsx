import type { PersonMatch } from '@/lib/accounts/resolve-person';
import type { PersonRef } from '@/lib/detect/types';
import type { AccountView } from '@/lib/scoring/account-view';
import { AccountHeader } from './account-header';
import { BuyerRoles } from './buyer-roles';
import { CommitmentsSection } from './commitments-section';
import { EngagementSection } from './engagement-section';
import { FitAndTier } from './fit-and-tier';
import { NextActionsSection } from './next-actions-section';
import { PersonOnPage } from './person-on-page';

/** Everything about one account, in the order a rep reads it: who, what to do, why. */
export function AccountCard({
  view,
  matchedBy,
  person,
  personMatch,
}: {
  view: AccountView;
  matchedBy?: string;
  person?: PersonRef;
  personMatch?: PersonMatch;
}) {
  return (
    <article className="account-card" data-account-id={view.account.id}>
      <AccountHeader view={view} matchedBy={matchedBy} />
      {person && (
        <PersonOnPage person={person} match={personMatch} accountId={view.account.id} accountName={view.account.name} />
      )}
      <NextActionsSection view={view} />
      <FitAndTier view={view} />
      <EngagementSection view={view} />
      <BuyerRoles view={view} />
      <CommitmentsSection view={view} />
    </article>
  );
}
