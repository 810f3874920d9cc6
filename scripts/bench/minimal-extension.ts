/**
 * The yardstick for navigation → badge (DESIGN.md: "against a minimal extension doing one indexed
 * read"): an MV3 extension that does only what the browser cannot spare. Its content script runs
 * on the same LinkedIn pages as Tierlens's, at the same time (`document_idle`), and sends the
 * company slug on load and on every in-app navigation, seen the way Tierlens's content script
 * sees it (the Navigation API's `navigate` event, lib/content/location-change.ts). Its service
 * worker keeps one IndexedDB connection, reads the account with ONE indexed read (the accounts'
 * multi-entry `keys` index) and sets the tab's badge text, colour and title, as Tierlens does.
 * `probe.html` is an empty extension page, from which the benchmark seeds the database and
 * reads the badge the same way as Tierlens's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The minimal extension's database: one object store of accounts, indexed by their keys. */
export const MINIMAL_DB = 'minimal';

/** The probe page's path in the minimal extension. */
export const MINIMAL_PROBE = 'probe.html';

/** Opens (and on first use creates) the database; shared by the worker and the probe page. */
const OPEN_DB = `function openDb() {
  return new Promise((done, fail) => {
    const request = indexedDB.open(${JSON.stringify(MINIMAL_DB)}, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('accounts', { keyPath: 'id' }).createIndex('keys', 'keys', { multiEntry: true });
    };
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });
}`;

const MANIFEST = {
  manifest_version: 3,
  name: 'Minimal badge',
  version: '1.0.0',
  action: {},
  // Tierlens's one required host: what lets the probe page find the tab by its URL.
  host_permissions: ['*://*.linkedin.com/*'],
  background: { service_worker: 'worker.js' },
  content_scripts: [{ matches: ['*://*.linkedin.com/*'], js: ['content.js'], run_at: 'document_idle' }],
};

const CONTENT = `(() => {
  const slugOf = (href) => {
    const match = /^\\/company\\/([^/?#]+)/.exec(new URL(href).pathname);
    return match ? decodeURIComponent(match[1]).toLowerCase() : null;
  };
  const report = (href) => chrome.runtime.sendMessage({ slug: slugOf(href) }).catch(() => {});
  let last = location.href;
  report(last);
  navigation.addEventListener('navigate', (event) => {
    const href = event.destination.url;
    if (href === last) return;
    last = href;
    report(href);
  });
})();
`;

const WORKER = `${OPEN_DB}
let db;
function lookup(key) {
  return (db ??= openDb()).then(
    (idb) =>
      new Promise((done, fail) => {
        const request = idb.transaction('accounts', 'readonly').objectStore('accounts').index('keys').get(key);
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      }),
  );
}
chrome.runtime.onMessage.addListener((message, sender) => {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.id !== chrome.runtime.id) return;
  (async () => {
    const account = message.slug ? await lookup('li:' + message.slug) : undefined;
    const text = !message.slug ? '' : !account ? '?' : account.assignedTier ? 'T' + account.assignedTier : '–';
    const title = account ? 'Minimal: ' + account.name + ' — tier ' + (account.assignedTier ?? 'none') : 'Minimal: no account';
    await Promise.all([
      chrome.action.setBadgeText({ tabId, text }),
      chrome.action.setBadgeBackgroundColor({ tabId, color: account ? '#1f6feb' : '#6e7781' }),
      chrome.action.setTitle({ tabId, title }),
    ]);
  })().catch(() => {});
});
`;

const PROBE_HTML =
  '<!doctype html><html><head><title>probe</title><script src="probe.js"></script></head><body></body></html>';
const PROBE_JS = `${OPEN_DB}\n`;

/**
 * An expression for the probe page: writes `count` accounts (each `account(i)`'s object, given as
 * the source of a JavaScript function) into the minimal extension's database, 10,000 per transaction.
 */
export function seedMinimalExpression(count: number, accountSource: string): string {
  return `(async () => {
    const account = ${accountSource};
    const db = await openDb();
    for (let start = 0; start < ${count}; start += 10000) {
      await new Promise((done, fail) => {
        const tx = db.transaction('accounts', 'readwrite');
        const store = tx.objectStore('accounts');
        for (let i = start; i < Math.min(${count}, start + 10000); i++) store.put(account(i));
        tx.oncomplete = done;
        tx.onerror = () => fail(tx.error);
      });
    }
    db.close();
  })()`;
}

/** Writes the minimal extension to a new temporary directory; `remove` deletes it. */
export function writeMinimalExtension(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tierlens-minimal-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST, null, 2));
  writeFileSync(join(dir, 'content.js'), CONTENT);
  writeFileSync(join(dir, 'worker.js'), WORKER);
  writeFileSync(join(dir, MINIMAL_PROBE), PROBE_HTML);
  writeFileSync(join(dir, 'probe.js'), PROBE_JS);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
