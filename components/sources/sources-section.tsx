import { memo, useEffect, useRef } from 'react';
import { Section } from '@/components/shared/section';
import { useNow } from '@/components/shared/use-now';
import { DataActions } from './data-actions';
import { FeedSource } from './feed-source';
import { FileImport } from './file-import';
import { HubSpotSource } from './hubspot-source';
import { SourceStatus } from './source-status';
import { useSources } from './use-sources';

/**
 * Where the accounts come from: a file, the team feed, HubSpot, and the data they left. Not
 * part of the settings draft: every control here acts at once. Memoised: it takes no props, so
 * typing in the settings editors beside it does not re-render it.
 */
export const SourcesSection = memo(function SourcesSection() {
  const sources = useSources();
  const now = useNow();
  const anchor = useRef<HTMLDivElement>(null);
  // The page renders after the settings load, too late for the browser's own jump to #sources.
  useEffect(() => {
    if (location.hash === '#sources') anchor.current?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <div id="sources" className="sources" ref={anchor}>
      <Section title="Sources">
        <p>
          Tierlens keeps a local copy of your accounts, contacts and activity. It comes from files you import, your
          team's feed or HubSpot, each kept apart: one replaces only its own data.
        </p>
        {sources?.demo.state && <SourceStatus source="demo" view={sources.demo} now={now} />}
        {sources && <DataActions sources={sources} />}
      </Section>
      {sources && (
        <>
          <FileImport view={sources.file} now={now} />
          <FeedSource view={sources.feed} now={now} />
          <HubSpotSource view={sources.hubspot} now={now} />
        </>
      )}
    </div>
  );
});
