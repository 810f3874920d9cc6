import { useLiveQuery } from 'dexie-react-hooks';
import { count, timeAgo } from '@/components/shared/format';
import { getDb } from '@/lib/db/db';

const SOURCE_NAMES = {
  demo: 'demo data',
  file: 'a file',
  feed: 'the team feed',
  hubspot: 'HubSpot',
  local: 'this device',
};

/** Freshness of the local copy: what it holds, from where, as of when. */
export function DataFooter() {
  const states = useLiveQuery(() => getDb().syncState.toArray(), [], []);
  if (states.length === 0) return null;
  const now = Date.now();
  return (
    <footer className="data-footer">
      {states.map((s) => (
        <p key={s.source}>
          {s.source === 'demo' && <span className="demo-tag">Demo data</span>}
          {count(s.accountCount ?? 0)} accounts from {SOURCE_NAMES[s.source]}
          {s.lastSuccess !== undefined && `, synced ${timeAgo(s.lastSuccess, now)}`}
          {s.source === 'demo' && ' · figures are illustrative'}
        </p>
      ))}
    </footer>
  );
}
