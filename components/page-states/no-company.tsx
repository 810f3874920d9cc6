import { useEffect, useState } from 'react';
import { hasAllSites, type RecogniseResult, recogniseTabOnce, requestAllSites } from '@/lib/background/recognise-tab';

/** The active tab shows no company Tierlens can read; on a website, offers to recognise it. */
export function NoCompany({ tabId }: { tabId: number | undefined }) {
  const [attempt, setAttempt] = useState<RecogniseResult>();
  const [allSites, setAllSites] = useState<boolean>();
  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    // Opened from the toolbar, the panel may read this tab once (activeTab): try it.
    void recogniseTabOnce(tabId).then((r) => live && setAttempt(r));
    void hasAllSites().then((v) => live && setAllSites(v));
    return () => {
      live = false;
    };
  }, [tabId]);
  const allow = async () => {
    const granted = await requestAllSites();
    setAllSites(granted);
    if (granted && tabId !== undefined) setAttempt(await recogniseTabOnce(tabId));
  };
  return (
    <div className="state" data-state="no-company">
      <h1>No company on this page</h1>
      <p className="muted">
        Open a company on LinkedIn — its page, a profile of someone who works there, or Sales Navigator — and its
        account appears here: grade, tier, buyer roles, engagement and what to do next.
      </p>
      {attempt !== 'linkedin' && allSites === false && (
        <div className="permission-ask">
          <p>
            <strong>Company websites.</strong> Tierlens can also recognise the company whose website you are on. It
            needs your permission to read the pages you open (nothing leaves this device); without it, click the
            Tierlens button on a company's website to recognise just that page.
          </p>
          <button type="button" className="primary" onClick={allow}>
            Recognise company websites
          </button>
        </div>
      )}
    </div>
  );
}
