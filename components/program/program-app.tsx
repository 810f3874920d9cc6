import { useEffect, useState } from 'react';
import { AccountsApp } from './accounts-app';
import { ChangeLogView } from './change-log-view';
import { MetricsView } from './metrics-view';
import { ReviewView } from './review-view';
import { TierSelectionView } from './tier-selection-view';

/** The program view's parts, each a tab with its own address (accounts.html#tier-selection). */
const VIEWS = [
  { id: 'accounts', label: 'Accounts' },
  { id: 'tier-selection', label: 'Tier selection' },
  { id: 'review', label: 'Account review' },
  { id: 'metrics', label: 'Metrics' },
  { id: 'changes', label: 'Change log' },
] as const;
type ViewId = (typeof VIEWS)[number]['id'];

const viewOfHash = (hash: string): ViewId => VIEWS.find((v) => `#${v.id}` === hash)?.id ?? 'accounts';

/**
 * The program from above: the accounts list, tier selection and the account review with each
 * rep. One page, the part
 * shown named in the address so that a link or a reload lands on it.
 */
export function ProgramApp() {
  const [view, setView] = useState<ViewId>(() => viewOfHash(location.hash));
  useEffect(() => {
    const onHash = () => setView(viewOfHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <div className="program-page">
      <nav className="program-nav" aria-label="Program view">
        <span className="program-brand">Tierlens</span>
        {VIEWS.map((v) => (
          <a key={v.id} href={`#${v.id}`} aria-current={v.id === view ? 'page' : undefined}>
            {v.label}
          </a>
        ))}
      </nav>
      {view === 'accounts' && <AccountsApp />}
      {view === 'tier-selection' && <TierSelectionView />}
      {view === 'review' && <ReviewView />}
      {view === 'metrics' && <MetricsView />}
      {view === 'changes' && <ChangeLogView />}
    </div>
  );
}
