import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { alsoIn, count, failingForADay, failingWarning, freshness, timeAgo } from '@/components/shared/format';
import { useNow } from '@/components/shared/use-now';
import { getDb } from '@/lib/db/db';
import { sourceOfId } from '@/lib/db/generations';
import type { SyncState } from '@/lib/db/sync-state';

const SOURCE_NAMES = {
  demo: 'demo data',
  file: 'a file',
  feed: 'the team feed',
  hubspot: 'HubSpot',
  local: 'this device',
};

/** A warning when the source has been failing for a day or more: the data shown is getting old. */
function Failing({ state, now }: { state: SyncState | undefined; now: number }) {
  if (!state?.failingSince || !failingForADay(state.failingSince, now)) return null;
  return (
    <p className="notice notice-warn footer-warning" role="alert">
      {failingWarning(state.source, state.failingSince, now, state.lastError?.message)}
    </p>
  );
}

/**
 * The Accounts view (every account's scores in one list), opened in a tab of its own. Beside the
 * footer, not in it, so that the footer says only how fresh the data is.
 */
function AccountsLink() {
  const url = browser.runtime.getURL('/accounts.html');
  return (
    <p className="panel-accounts-link" style={{ padding: '0 12px 12px', fontSize: 12 }}>
      <a
        href={url}
        onClick={(e) => {
          e.preventDefault();
          void browser.tabs.create({ url });
        }}
      >
        Open the Accounts view
      </a>
    </p>
  );
}

/**
 * Freshness of the local copy. For the account on screen: how old its data is and from where
 * ("Synced 2 h ago from HubSpot"), the other sources that know the same company, and a warning
 * when its source keeps failing. With no account shown: what each source holds.
 */
export function DataFooter({ accountId, alsoInIds }: { accountId?: string; alsoInIds?: readonly string[] }) {
  const states = useLiveQuery(() => getDb().syncState.toArray(), [], []);
  const now = useNow();
  if (accountId) {
    const source = sourceOfId(accountId);
    const state = states.find((s) => s.source === source);
    const others = alsoIn(alsoInIds ?? []);
    return (
      <>
        <footer className="data-footer" data-source={source}>
          <p>
            {source === 'demo' && <span className="demo-tag">Demo data</span>}
            {freshness(source, state?.lastSuccess, now)}
            {source === 'demo' && ' · figures are illustrative'}
          </p>
          {others && <p>{others}</p>}
          <Failing state={state} now={now} />
        </footer>
        <AccountsLink />
      </>
    );
  }
  // A source that never finished a run (a first sync under way) holds nothing to speak of yet.
  const holding = states.filter((s) => s.generation > 0 || s.failingSince !== undefined);
  if (holding.length === 0) return null;
  return (
    <>
      <footer className="data-footer">
        {holding.map((s) => (
          <div key={s.source}>
            <p>
              {s.source === 'demo' && <span className="demo-tag">Demo data</span>}
              {count(s.accountCount ?? 0)} accounts from {SOURCE_NAMES[s.source]}
              {s.lastSuccess !== undefined &&
                `, ${s.source === 'file' ? 'imported' : s.source === 'demo' ? 'loaded' : 'synced'} ${timeAgo(s.lastSuccess, now)}`}
              {s.source === 'demo' && ' · figures are illustrative'}
            </p>
            <Failing state={s} now={now} />
          </div>
        ))}
      </footer>
      <AccountsLink />
    </>
  );
}
