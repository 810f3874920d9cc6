import type { PersonMatch } from '@/lib/accounts/resolve-person';
import type { PersonRef } from '@/lib/detect/types';
import type { EditedAccount } from '@/lib/edits/overlay';
import type { AccountView } from '@/lib/scoring/account-view';
import type { Settings } from '@/lib/settings/types';
import { AccountHeader } from './account-header';
import { BuyerRoles } from './buyer-roles';
import { CommitmentsSection } from './commitments-section';
import { EngagementSection } from './engagement-section';
import { FitAndTier } from './fit-and-tier';
import { NextActionsSection } from './next-actions-section';
import { NotesSection } from './notes-section';
import { OrchestrationSection } from './orchestration-section';
import { PersonOnPage } from './person-on-page';
import { TagsSection } from './tags-section';

/**
 * Everything about one account, in the order a rep reads it: who, what to do, why; then what
 * marketing tags and notes. Every edit made here names this card's account.
 */
export function AccountCard({
  view,
  edited,
  settings,
  matchedBy,
  pageSite,
  person,
  personMatch,
}: {
  /** The account scored as the user's edits make it. */
  view: AccountView;
  /** The same account's edits, and where each stands. */
  edited: EditedAccount;
  settings: Settings;
  matchedBy?: string;
  /** The website whose content alone claims this account (see pageKeys): shown as its claim. */
  pageSite?: string;
  person?: PersonRef;
  personMatch?: PersonMatch;
}) {
  return (
    <article className="account-card" data-account-id={view.account.id}>
      <AccountHeader view={view} matchedBy={matchedBy} pageSite={pageSite} />
      {person && <PersonOnPage person={person} match={personMatch} edited={edited} rules={settings.roleRules} />}
      <NextActionsSection view={view} />
      <FitAndTier view={view} edited={edited} settings={settings} />
      <EngagementSection view={view} />
      <BuyerRoles view={view} edited={edited} rules={settings.roleRules} />
      <TagsSection account={edited.account} field={edited.fields.tags} />
      <NotesSection account={edited.account} notes={edited.notes} me={settings.me} />
      {view.orchestration ? (
        <OrchestrationSection orchestration={view.orchestration} />
      ) : (
        <CommitmentsSection view={view} />
      )}
    </article>
  );
}
