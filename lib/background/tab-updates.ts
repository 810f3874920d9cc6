import { browser } from 'wxt/browser';
import { type Resolution, resolvePageKeys } from '../accounts/resolve';
import { resolvePerson } from '../accounts/resolve-person';
import type { Account, SourceId } from '../db/accounts';
import type { TierlensDB } from '../db/db';
import { dataView, sourceOfId } from '../db/generations';
import type { PageSubject } from '../detect/types';
import { applyEdits } from '../edits/overlay';
import { pageKeys } from '../keys/subject-keys';
import { gradeAccount } from '../scoring/grade';
import { subjectAllowed } from '../settings/adapters';
import type { Settings } from '../settings/types';
import { type BadgeSpec, badgeFor } from './badge';
import { readAllTabStates, removeTabState, type TabState, writeTabState } from './tab-state';

export { subjectKeys } from '../keys/subject-keys';

/** Per tab, the latest update started: an older one that finishes later is dropped. */
const latest = new Map<number, number>();
let sequence = 0;

async function applyBadge(tabId: number, badge: BadgeSpec): Promise<void> {
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge.text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      browser.action.setTitle({ tabId, title: badge.title }),
    ]);
  } catch {
    // The tab closed while we worked: nothing to show it on.
  }
}

/** Resolves what a tab shows, stores it for the side panel and sets the tab's badge. */
export async function updateTab(
  db: TierlensDB,
  settings: Settings,
  tabId: number,
  url: string,
  detected: PageSubject | null,
): Promise<TabState | undefined> {
  const mine = ++sequence;
  latest.set(tabId, mine);
  // A switched-off adapter reads nothing, and a platform's page names no company: such a page
  // counts as one about no company.
  const subject = detected && subjectAllowed(settings, detected) ? detected : null;
  // What the page vouches for decides; what a website only claims corroborates (see pageKeys).
  const { own: keys, claimed } = subject ? pageKeys(subject) : { own: [], claimed: [] };
  const view = await dataView(db);
  let resolution: Resolution | null = subject ? await resolvePageKeys(view, { own: keys, claimed }) : null;
  const person = await resolvePerson(
    view,
    subject?.person,
    resolution?.status === 'matched' ? resolution.accountId : undefined,
  );
  // A known person whose employer the page does not name (or names unknown) leads to their account.
  if (person && resolution?.status === 'unknown') {
    resolution = { status: 'matched', accountId: person.accountId, matchedBy: 'contact', lowConfidence: false };
  }
  const synced =
    resolution?.status === 'matched'
      ? await view.forId(resolution.accountId).accounts.get(resolution.accountId)
      : undefined;
  // The badge shows the rep's own edits at once (the tier they just set), as the side panel does.
  const account = synced ? await withEdits(view.main, synced) : undefined;
  const grade = account ? gradeAccount(account, settings.icp) : undefined;
  const pageName = subject?.company.name ?? subject?.company.linkedinSlug;
  const badge = badgeFor(resolution, account, grade, settings, pageName);
  if (latest.get(tabId) !== mine) return undefined;
  const state: TabState = { tabId, url, detected, subject, keys, resolution, person, badge, updatedAt: Date.now() };
  await writeTabState(state);
  await applyBadge(tabId, badge);
  return state;
}

/** The account as the user's edits make it (lib/edits/overlay.ts): one indexed read of its edits. */
async function withEdits(main: TierlensDB, account: Account): Promise<Account> {
  // Most accounts have no edit: then the one read is all (navigation → badge is on this path).
  const edits = await main.outbox.where('accountId').equals(account.id).toArray();
  if (edits.length === 0) return account;
  const syncState = await main.syncState.get(sourceOfId(account.id) as SourceId);
  return applyEdits(account, [], edits, syncState?.lastSuccess).account;
}

/** Forgets a tab: it closed, or left for a page Tierlens does not read. */
export async function forgetTab(tabId: number): Promise<void> {
  latest.set(tabId, ++sequence);
  await removeTabState(tabId);
}

/** Re-resolves every open tab, after the accounts changed. */
export async function refreshAllTabs(db: TierlensDB, settings: Settings): Promise<void> {
  const states = await readAllTabStates();
  await Promise.all(states.map((s) => updateTab(db, settings, s.tabId, s.url, s.detected ?? s.subject)));
}
