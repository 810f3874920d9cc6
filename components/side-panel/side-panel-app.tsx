import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { AccountCard } from '@/components/account-card/account-card';
import { Ambiguous } from '@/components/page-states/ambiguous';
import { EmptyDatabase } from '@/components/page-states/empty-database';
import { NoCompany } from '@/components/page-states/no-company';
import { NotInAccounts } from '@/components/page-states/not-in-accounts';
import { useAccountView } from '@/components/shared/use-account-view';
import { useCalibration } from '@/components/shared/use-calibration';
import { useSettings } from '@/components/shared/use-settings';
import type { Account } from '@/lib/db/accounts';
import { getDb } from '@/lib/db/db';
import { dataView } from '@/lib/db/generations';
import { DataFooter } from './data-footer';
import { useTabId } from './use-tab-id';
import { useTabState } from './use-tab-state';

/** The host a website subject's origin names, for "this site says it is …". */
function siteOf(website: string | undefined): string {
  try {
    return website ? new URL(website).hostname.replace(/^www\./, '') : 'this site';
  } catch {
    return 'this site';
  }
}

/** The side panel: the account of the page in the active tab (or of `?tab=<id>`). */
export function SidePanelApp() {
  const tabId = useTabId();
  const tab = useTabState(tabId);
  const accountCount = useLiveQuery(
    async () => {
      const view = await dataView(getDb());
      const counts = await Promise.all(view.all.map((d) => d.accounts.count()));
      return counts.reduce((a, b) => a + b, 0);
    },
    [],
    undefined,
  );
  const [picked, setPicked] = useState<string>();
  const resolution = tab?.resolution;
  const accountId =
    resolution?.status === 'matched'
      ? resolution.accountId
      : resolution?.status === 'ambiguous' && picked && resolution.accountIds.includes(picked)
        ? picked
        : undefined;
  const settings = useSettings();
  const calibration = useCalibration();
  const shown = useAccountView(accountId, settings, calibration);
  const candidates = useLiveQuery(
    async (): Promise<Account[]> => {
      if (resolution?.status !== 'ambiguous') return [];
      const view = await dataView(getDb());
      const rows = await Promise.all(resolution.accountIds.map((id) => view.forId(id).accounts.get(id)));
      return rows.filter((a): a is Account => a !== undefined);
    },
    [resolution],
    [],
  );

  let body: React.ReactNode;
  if (tab === null || accountCount === undefined || (accountId && shown === null))
    body = <p className="muted">Loading…</p>;
  else if (accountCount === 0) body = <EmptyDatabase />;
  else if (!tab?.subject || !resolution) body = <NoCompany tabId={tabId} />;
  else if (shown && settings) {
    body = (
      <AccountCard
        view={shown.view}
        edited={shown.edited}
        settings={settings}
        matchedBy={resolution.status === 'matched' ? resolution.matchedBy : undefined}
        pageSite={
          resolution.status === 'matched' && resolution.pageClaim ? siteOf(tab.subject.company.website) : undefined
        }
        person={tab.subject.person}
        personMatch={tab.person}
      />
    );
  } else if (resolution.status === 'ambiguous') {
    body = <Ambiguous accounts={candidates} matchedBy={resolution.matchedBy} onPick={setPicked} />;
  } else body = <NotInAccounts subject={tab.subject} keys={tab.keys} tabId={tab.tabId} settings={settings} />;

  return (
    <div className="panel">
      <main>{body}</main>
      <DataFooter
        accountId={shown ? accountId : undefined}
        alsoInIds={
          resolution?.status === 'matched' && resolution.accountId === accountId ? resolution.alsoIn : undefined
        }
      />
    </div>
  );
}
