import { browser } from 'wxt/browser';
import { resolveKeys } from '../accounts/resolve';
import type { TierlensDB } from '../db/db';
import type { PageSubject } from '../detect/types';
import { companyKeys } from '../keys/company-keys';
import { gradeAccount } from '../scoring/grade';
import type { Settings } from '../settings/types';
import { type BadgeSpec, badgeFor } from './badge';
import { readAllTabStates, removeTabState, type TabState, writeTabState } from './tab-state';

/** The company keys of a detected page. */
export function subjectKeys(subject: PageSubject): string[] {
  const c = subject.company;
  return companyKeys({
    name: c.name,
    linkedinSlugs: c.linkedinSlug ? [c.linkedinSlug] : [],
    linkedinIds: c.linkedinId ? [c.linkedinId] : [],
    websites: c.website ? [c.website] : [],
  });
}

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
  subject: PageSubject | null,
): Promise<TabState | undefined> {
  const mine = ++sequence;
  latest.set(tabId, mine);
  const keys = subject ? subjectKeys(subject) : [];
  const resolution = subject ? await resolveKeys(db, keys) : null;
  const account = resolution?.status === 'matched' ? await db.accounts.get(resolution.accountId) : undefined;
  const grade = account ? gradeAccount(account, settings.icp) : undefined;
  const pageName = subject?.company.name ?? subject?.company.linkedinSlug;
  const badge = badgeFor(resolution, account, grade, settings, pageName);
  if (latest.get(tabId) !== mine) return undefined;
  const state: TabState = { tabId, url, subject, keys, resolution, badge, updatedAt: Date.now() };
  await writeTabState(state);
  await applyBadge(tabId, badge);
  return state;
}

/** Forgets a tab: it closed, or left for a page Tierlens does not read. */
export async function forgetTab(tabId: number): Promise<void> {
  latest.set(tabId, ++sequence);
  await removeTabState(tabId);
}

/** Re-resolves every open tab, after the accounts changed. */
export async function refreshAllTabs(db: TierlensDB, settings: Settings): Promise<void> {
  const states = await readAllTabStates();
  await Promise.all(states.map((s) => updateTab(db, settings, s.tabId, s.url, s.subject)));
}
