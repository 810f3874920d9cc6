import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { Section } from '@/components/shared/section';
import { ALL_SITES } from '@/lib/background/website-access';

/** What Tierlens may read, and the one optional permission: recognising company websites. */
export function PermissionsSection() {
  const [allSites, setAllSites] = useState<boolean>();
  useEffect(() => {
    const check = () => void browser.permissions.contains(ALL_SITES).then(setAllSites);
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);
  return (
    <Section title="Permissions">
      <p>
        Tierlens always reads LinkedIn pages, to recognise the company on screen. It never changes them, and nothing
        about your browsing leaves this device.
      </p>
      <p>
        <strong>Company websites (optional).</strong> Allowed, Tierlens also recognises the company whose website you
        are on, by its domain and what the site says about itself. Not allowed, click the Tierlens button on a company's
        website to recognise just that page.
      </p>
      <p data-all-sites={String(allSites)}>
        {allSites === undefined ? '…' : allSites ? 'Allowed on all websites.' : 'Not allowed.'}{' '}
        {allSites === false && (
          <button type="button" onClick={() => void browser.permissions.request(ALL_SITES).then(setAllSites)}>
            Recognise company websites
          </button>
        )}
        {allSites === true && (
          <button type="button" onClick={() => void browser.permissions.remove(ALL_SITES).then((r) => setAllSites(!r))}>
            Stop reading websites
          </button>
        )}
      </p>
    </Section>
  );
}
