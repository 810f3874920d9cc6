import { type KeyboardEvent, useEffect, useRef } from 'react';
import { AccountCard } from '@/components/account-card/account-card';
import { useAccountView } from '@/components/shared/use-account-view';
import type { CalibratedModel } from '@/lib/scoring/calibration';
import type { Settings } from '@/lib/settings/types';

/**
 * The selected account's full card beside the list, as the side panel shows it: scored with
 * the user's edits, which work here as they do in the panel. Escape or Close closes it.
 */
export function AccountDrawer({
  accountId,
  settings,
  calibration,
  onClose,
}: {
  accountId: string;
  settings: Settings;
  calibration: CalibratedModel | undefined;
  onClose: () => void;
}) {
  const shown = useAccountView(accountId, settings, calibration);
  const body = useRef<HTMLDivElement>(null);
  // Another account opened: its card starts at the top.
  useEffect(() => {
    if (accountId) body.current?.scrollTo({ top: 0 });
  }, [accountId]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };
  return (
    <aside className="account-drawer" aria-label="Account card" onKeyDown={onKeyDown}>
      <header className="drawer-head">
        <button type="button" className="secondary" onClick={onClose} aria-label="Close the account card">
          Close ✕
        </button>
      </header>
      <div className="drawer-body" ref={body}>
        {shown === null ? (
          <p className="muted">Loading…</p>
        ) : shown ? (
          <AccountCard view={shown.view} edited={shown.edited} settings={settings} />
        ) : (
          <p className="muted">This account is no longer in your data.</p>
        )}
      </div>
    </aside>
  );
}
