import { type Browser, browser } from 'wxt/browser';
import type { TierlensDB } from '../db/db';
import { dropGeneration } from '../db/generations';
import { SYNCED_SOURCES } from '../db/sync-state';
import { verifyHubSpotToken } from '../sync/hubspot/verify';
import { describeError } from '../sync/messages';
import { DEFAULT_HUBSPOT_API } from '../sync/sources';
import { pushSoon } from './push-runner';
import { isExtensionPage } from './senders';
import { connectSourceSchema, sourceOnlySchema } from './source-messages';
import { afterDataChanged, alarmName, syncSource } from './sync-runner';

type Sender = Browser.runtime.MessageSender;

/** Thrown for a message that is dropped unread: it changes nothing. */
export class RejectedSourceMessage extends Error {}

function fromOwnPage(sender: Sender, name: string): void {
  if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
    throw new RejectedSourceMessage(`${name} is accepted only from Tierlens pages`);
  }
}

/** Stores a source's connection (the token stays in the extension's IndexedDB) and syncs it. */
export async function handleConnectSource(db: TierlensDB, data: unknown, sender: Sender): Promise<{ connected: true }> {
  fromOwnPage(sender, 'connectSource');
  const parsed = connectSourceSchema.safeParse(data);
  if (!parsed.success) throw new RejectedSourceMessage(parsed.error.issues[0]?.message ?? 'malformed connectSource');
  const config = parsed.data;
  const url = config.source === 'hubspot' ? config.url || DEFAULT_HUBSPOT_API : config.url;
  if (config.source === 'hubspot') {
    // A token HubSpot refuses never replaces the one in use: the user is told at once instead.
    try {
      await verifyHubSpotToken({ token: config.token, apiBase: url }, AbortSignal.timeout(20_000));
    } catch (error) {
      throw new RejectedSourceMessage(describeError('hubspot', error));
    }
  }
  const previous = await db.sourceConfig.get(config.source);
  // A new address or token is a new source: the next run starts from scratch.
  const changed =
    previous && (previous.url !== url || previous.token !== ('token' in config ? config.token : undefined));
  if (changed) await db.syncState.update(config.source, { checkpoint: undefined, label: undefined });
  await db.sourceConfig.put({
    source: config.source,
    url,
    token: 'token' in config ? config.token : undefined,
    everyMinutes: config.everyMinutes ?? (config.source === 'feed' ? 60 : 30),
    connectedAt: Date.now(),
  });
  void syncSource(db, config.source);
  // Edits made before HubSpot was connected go now, not at the next edit or alarm.
  if (config.source === 'hubspot') void pushSoon(db);
  return { connected: true };
}

export async function handleSyncNow(db: TierlensDB, data: unknown, sender: Sender) {
  fromOwnPage(sender, 'syncNow');
  const parsed = sourceOnlySchema.safeParse(data);
  if (!parsed.success) throw new RejectedSourceMessage('malformed syncNow');
  const outcome = await syncSource(db, parsed.data.source, { asked: true });
  if (!outcome) throw new RejectedSourceMessage(`${parsed.data.source} is not connected`);
  return { status: outcome.status, error: outcome.status === 'failed' ? outcome.error : undefined };
}

/** Forgets a source: its connection, its alarm and its data. */
export async function handleDisconnectSource(db: TierlensDB, data: unknown, sender: Sender): Promise<void> {
  fromOwnPage(sender, 'disconnectSource');
  const parsed = sourceOnlySchema.safeParse(data);
  if (!parsed.success) throw new RejectedSourceMessage('malformed disconnectSource');
  const { source } = parsed.data;
  await browser.alarms.clear(alarmName(source));
  const state = await db.syncState.get(source);
  await db.transaction('rw', db.syncState, db.sourceConfig, async () => {
    await db.sourceConfig.delete(source);
    await db.syncState.delete(source);
  });
  for (const g of [state?.generation, state?.staging?.generation]) if (g) await dropGeneration(db, source, g);
  await afterDataChanged(db);
}

/** Removes the demo accounts, with their contacts and touchpoints, in one transaction. */
export async function handleRemoveDemoData(
  db: TierlensDB,
  data: unknown,
  sender: Sender,
): Promise<{ removed: number }> {
  fromOwnPage(sender, 'removeDemoData');
  if (data !== undefined && data !== null) throw new RejectedSourceMessage('removeDemoData takes no payload');
  const removed = await db.transaction(
    'rw',
    [db.accounts, db.contacts, db.accountTouchpoints, db.syncState],
    async () => {
      await db.accountTouchpoints.where('accountId').startsWith('demo:').delete();
      await db.contacts.where('id').startsWith('demo:').delete();
      const n = await db.accounts.where('id').startsWith('demo:').delete();
      await db.syncState.delete('demo');
      return n;
    },
  );
  await afterDataChanged(db);
  return { removed };
}

/** Removes everything Tierlens holds: every source's data and connection, local accounts and edits. */
export async function handleClearAllData(db: TierlensDB, data: unknown, sender: Sender): Promise<void> {
  fromOwnPage(sender, 'clearAllData');
  if (data !== undefined && data !== null) throw new RejectedSourceMessage('clearAllData takes no payload');
  for (const source of ['feed', 'hubspot'] as const) await browser.alarms.clear(alarmName(source));
  const states = await db.syncState.toArray();
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
  for (const s of states) {
    if (!SYNCED_SOURCES.includes(s.source as never)) continue;
    const source = s.source as (typeof SYNCED_SOURCES)[number];
    for (const g of [s.generation, s.staging?.generation]) if (g) await dropGeneration(db, source, g);
  }
  await afterDataChanged(db);
}

export async function handleDataChanged(db: TierlensDB, data: unknown, sender: Sender): Promise<void> {
  fromOwnPage(sender, 'dataChanged');
  if (data !== undefined && data !== null) throw new RejectedSourceMessage('dataChanged takes no payload');
  await afterDataChanged(db);
}
