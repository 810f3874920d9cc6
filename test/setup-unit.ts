// Dexie in unit tests runs on fake-indexeddb; end-to-end tests use the real IndexedDB in Chromium.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
