import { useState } from 'react';
import { browser } from 'wxt/browser';
import { requestAllSites } from '@/lib/background/recognise-tab';
import { sendMessage } from '@/lib/messaging';

/** The options page's Sources section, in a tab of its own: where files are imported and sources connected. */
function openSources(): void {
  void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#sources` });
}

/** No accounts yet: offer the demo data, one click, or importing a file. */
export function EmptyDatabase() {
  const [state, setState] = useState<'idle' | 'loading' | { error: string }>('idle');
  const load = async () => {
    setState('loading');
    try {
      await sendMessage('loadDemoData');
      setState('idle');
    } catch (error) {
      setState({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="state" data-state="empty">
      <h1>No accounts yet</h1>
      <p className="muted">
        Tierlens keeps a local copy of your CRM accounts so that every answer is instant and offline. Try it with demo
        data: 2,000 fictional accounts plus some well-known companies with illustrative figures, or import your own
        accounts from a CSV or JSON export.
      </p>
      <div className="state-actions">
        <button type="button" className="primary" onClick={load} disabled={state === 'loading'}>
          {state === 'loading' ? 'Loading demo data…' : 'Load demo data'}
        </button>
        <button type="button" className="secondary" onClick={openSources}>
          Import a file
        </button>
      </div>
      {typeof state === 'object' && <p className="notice notice-error">Could not load the demo data: {state.error}</p>}
      <div className="permission-ask">
        <p className="muted">
          Optional: Tierlens can also recognise the company whose website you are on. That needs your permission to read
          the pages you open; nothing leaves this device, and you can withdraw it on the options page.
        </p>
        <button type="button" onClick={() => void requestAllSites()}>
          Recognise company websites
        </button>
      </div>
    </div>
  );
}
