import { browser } from 'wxt/browser';
import type { Resolution } from '../accounts/resolve';
import { resolvePerson } from '../accounts/resolve-person';
import type { Account } from '../db/accounts';
import type { TierlensDB } from '../db/db';
import { sourceOfId } from '../db/generations';
import type { SyncState } from '../db/sync-state';
import type { PageSubject } from '../detect/types';
import { applyEdits } from '../edits/overlay';
import { pageKeys } from '../keys/subject-keys';
import { gradeAccount } from '../scoring/grade';
import { subjectAllowed } from '../settings/adapters';
import type { Settings } from '../settings/types';
import { type BadgeSpec, badgeFor } from './badge';
import { asForeground } from './foreground';
import { editsOf, lookUpPage } from './page-lookup';
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

/**
 * Resolves what a tab shows, sets the tab's badge and stores the state for the side panel. The
 * badge is on the fast path (navigation → badge): the keys and the account's row come in one
 * round of indexed reads (lookUpPage), the account's edits in one more, and the badge is set
 * before the state is written, not after.
 */
export function updateTab(
  db: TierlensDB,
  settings: Settings,
  tabId: number,
  url: string,
  detected: PageSubject | null,
  { browsing = true } = {},
): Promise<TabState | undefined> {
  // A person waits for this: background rescoring gives way while it runs.
  return asForeground(() => resolveTab(db, settings, tabId, url, detected), { browsing });
}

async function resolveTab(
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
  const found = subject ? await lookUpPage(db, { own: keys, claimed }) : undefined;
  let resolution: Resolution | null = found?.resolution ?? null;
  const person = found
    ? await resolvePerson(
        found.view,
        subject?.person,
        resolution?.status === 'matched' ? resolution.accountId : undefined,
      )
    : undefined;
  let synced = found?.account;
  // A known person whose employer the page does not name (or names unknown) leads to their account.
  if (found && person && resolution?.status === 'unknown') {
    resolution = { status: 'matched', accountId: person.accountId, matchedBy: 'contact', lowConfidence: false };
    synced = await found.view.forId(person.accountId).accounts.get(person.accountId);
  }
  // The badge shows the rep's own edits at once (the tier they just set), as the side panel does.
  const account = found && synced ? await withEdits(found.view.main, synced, found.states) : undefined;
  const grade = account ? gradeAccount(account, settings.icp) : undefined;
  const pageName = subject?.company.name ?? subject?.company.linkedinSlug;
  const badge = badgeFor(resolution, account, grade, settings, pageName);
  if (latest.get(tabId) !== mine) return undefined;
  // Sent first: the browser sets the badge while the state is written.
  const shown = applyBadge(tabId, badge);
  const state: TabState = { tabId, url, detected, subject, keys, resolution, person, badge, updatedAt: Date.now() };
  await writeTabState(state);
  await shown;
  return state;
}

/**
 * The account as the user's edits make it (lib/edits/overlay.ts): one indexed read of its edits;
 * the source's last sync (what the overlay weighs the edits against) comes from `states`, the
 * sync states read with the account.
 */
async function withEdits(main: TierlensDB, account: Account, states: readonly SyncState[]): Promise<Account> {
  // Most accounts have no edit: then the one read is all (navigation → badge is on this path).
  const edits = await editsOf(main, account.id);
  if (edits.length === 0) return account;
  const syncState = states.find((s) => s.source === sourceOfId(account.id));
  return applyEdits(account, [], edits, syncState?.lastSuccess).account;
}

/** Forgets a tab: it closed, or left for a page Tierlens does not read. */
export async function forgetTab(tabId: number): Promise<void> {
  latest.set(tabId, ++sequence);
  await removeTabState(tabId);
}

/** Re-resolves every open tab, after the accounts changed: not a person browsing (see asForeground). */
export async function refreshAllTabs(db: TierlensDB, settings: Settings): Promise<void> {
  const states = await readAllTabStates();
  await Promise.all(
    states.map((s) => updateTab(db, settings, s.tabId, s.url, s.detected ?? s.subject, { browsing: false })),
  );
}
